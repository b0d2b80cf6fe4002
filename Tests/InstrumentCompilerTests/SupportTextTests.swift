import Foundation
import InstrumentCompiler
import InstrumentModel
import Testing

/// Issue 12 item 17: an optional top-level `support:` text, translated like every other text.
@Suite struct SupportTextTests {
    @Test func compilesASupportText() throws {
        let result = compile("format: 1\nid: t\nversion: 1.0.0\ntitle: T\nsupport: Call the study team on 0800 000 000.\n"
            + "sections:\n  - id: s\n    questions:\n      - {id: a, type: text, text: A?}\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.instrument?.support == LocalizedText("Call the study team on 0800 000 000."))
        let canonical = String(decoding: result.canonical ?? Data(), as: UTF8.self)
        #expect(canonical.contains("\"support\"") && canonical.contains("Call the study team on 0800 000 000."))
    }

    @Test func asksForTheSupportTextInEveryLanguage() {
        let text = render("format: 1\nid: t\nversion: 1.0.0\nlanguages: [en, cy]\ntitle: {en: T, cy: T}\nsupport: Call us.\n"
            + "sections:\n  - id: s\n    questions:\n      - {id: a, type: text, text: {en: A?, cy: A?}}\n")
        #expect(text.contains("t.yaml:6:10: error: this text has no translations, but the instrument is in en and cy"), "\(text)")
    }

    @Test func refusesPipingIntoTheSupportText() {
        let text = render("format: 1\nid: t\nversion: 1.0.0\ntitle: T\nsupport: Ask for {a}.\n"
            + "sections:\n  - id: s\n    questions:\n      - {id: a, type: text, text: A?}\n")
        #expect(text.contains("t.yaml:5:18: error: {a} shows the answer to 'a', which is not asked before this text [forward-reference]"),
                "the support text is shown before any answer: \(text)")
    }
}
