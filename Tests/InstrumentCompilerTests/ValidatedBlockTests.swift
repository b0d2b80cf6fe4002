import Foundation
import InstrumentCompiler
import InstrumentModel
import Testing

/// Issue 15: a block the evaluator marks as validated (`validated:` on a section, with its source,
/// licence and the fingerprint `check` gave them) keeps its wording as the library's scales do.
@Suite struct ValidatedBlockTests {
    static func source(fingerprint: String?, first: String = "I've been feeling optimistic about the future",
                       labels: String = "[None of the time, Rarely, Some of the time, Often, All of the time]",
                       swap: Bool = false) -> String {
        var items = [
            "      - {id: wb_1, type: single, text: \"\(first)\", choices: \(labels)}\n",
            "      - {id: wb_2, type: single, text: \"I've been feeling useful\", choices: \(labels)}\n",
        ]
        if swap { items.reverse() }
        return "format: 1\nid: t\nversion: 1.0.0\ntitle: T\nsections:\n  - id: wellbeing\n    validated:\n"
            + "      source: Stewart-Brown and colleagues (2009)\n      licence: registered with the University of Warwick\n"
            + (fingerprint.map { "      fingerprint: \($0)\n" } ?? "")
            + "    questions:\n" + items.joined()
    }

    /// The fingerprint `check` offers for a block with none recorded.
    static func offered(_ text: String) throws -> String {
        let result = compile(text)
        let message = try #require(result.diagnostics.first { $0.code == .fingerprintMissing }?.message)
        return try #require(message.components(separatedBy: "fingerprint: ").last)
    }

    @Test func aBlockWithoutAFingerprintIsOfferedOne() throws {
        let text = render(Self.source(fingerprint: nil))
        let fingerprint = try Self.offered(Self.source(fingerprint: nil))
        #expect(fingerprint.count == 16 && fingerprint.allSatisfy(\.isHexDigit), "\(fingerprint)")
        #expect(text.contains("""
            t.yaml:7:5: warning: the validated block 'wellbeing' has no fingerprint to lock its wording; record it under 'validated:' as fingerprint: \(fingerprint) [fingerprint-missing]
            """), "\(text)")
    }

    @Test func theRecordedFingerprintLocksWordingOptionsAndOrder() throws {
        let fingerprint = try Self.offered(Self.source(fingerprint: nil))
        let same = compile(Self.source(fingerprint: fingerprint))
        #expect(same.diagnostics.isEmpty, "\(same.diagnostics.map(\.message))")
        #expect(same.instrument?.sections[0].validated == ValidatedBlock(source: "Stewart-Brown and colleagues (2009)",
                                                                      licence: "registered with the University of Warwick",
                                                                      fingerprint: fingerprint))
        for changed in [Self.source(fingerprint: fingerprint, first: "I've been feeling hopeful about the future"),
                        Self.source(fingerprint: fingerprint, labels: "[Never, Rarely, Some of the time, Often, All of the time]"),
                        Self.source(fingerprint: fingerprint, swap: true)] {
            let now = try Self.offered(changed.replacingOccurrences(of: "      fingerprint: \(fingerprint)\n", with: ""))
            #expect(now != fingerprint)
            #expect(render(changed).contains("""
                t.yaml:10:20: warning: this section changes the validated block 'wellbeing' (Stewart-Brown and colleagues (2009)): its wording, options or order differ from the fingerprint recorded, \(fingerprint); it is now \(now) [scale-changed]
                """), "\(render(changed))")
        }
    }

    @Test func aLibraryScaleIsNotMarkedValidatedAgain() {
        let text = render("format: 1\nid: t\nversion: 1.0.0\ntitle: T\nsections:\n  - id: mood\n    use: phq2\n    validated: {source: Kroenke 2003}\n")
        #expect(text.contains("t.yaml:8:5: error: 'validated' does not apply to section 'mood' [misplaced-key]"), "\(text)")
        #expect(text.contains("hint: a library scale ('use: phq2') is locked to its published text already; 'validated' is for a section's own questions"))
    }

    @Test func aBlockNeedsItsSource() {
        let text = render(Self.source(fingerprint: nil).replacingOccurrences(of: "      source: Stewart-Brown and colleagues (2009)\n", with: ""))
        #expect(text.contains("t.yaml:8:7: error: 'validated' in section 'wellbeing' has no 'source'"), "\(text)")
    }
}
