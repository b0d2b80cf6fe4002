import InstrumentModel
import PromptUI
import SessionEngine
import TerminalIO
import TestSupport
import Testing

/// Found by the helpers at 60 columns: the consent screen's key line was cut mid-word
/// ("Enter ne"). At every width and in every language its hints are whole, as on a question.
@Suite struct ConsentKeyLineTests {
    static let yaml = """
        format: 1
        id: consent
        version: 1.0.0
        title: {en: Consent, cy: Caniatâd, es: Consentimiento}
        languages: [en, cy, es]
        consent:
          text: {en: Taking part is voluntary., cy: Mae cymryd rhan yn wirfoddol., es: La participación es voluntaria.}
          agree: {en: I agree, cy: Rwy'n cytuno, es: Acepto}
        sections:
          - id: s
            questions:
              - {id: q, type: single, text: {en: Which?, cy: Pa un?, es: ¿Cuál?}, choices: [{value: 1, label: {en: A, cy: A, es: A}}]}
        """

    /// The key lines at a width (those under the empty message line), as their hints.
    static func hints(_ session: Session, columns: Int) throws -> [String] {
        let terminal = ScriptedTerminal(columns: columns, rows: 20, [.key(.down), .endOfInput])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        _ = driver.consent(session)
        let lines = driver.frame.plain.reversed().prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.reversed()
            .map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.allSatisfy { TextLayout.width($0) <= columns - 1 })
        return lines.flatMap { $0.components(separatedBy: " · ") }
    }

    @Test(arguments: ["en", "cy", "es"])
    func theKeyLineHoldsWholeHints(language: String) throws {
        let session = Session(instrument: try compiled(Self.yaml), seed: 1, language: language, today: 0)
        // At 200 columns every hint is on the line: narrower, some are left out, none is cut.
        let all = Set(try Self.hints(session, columns: 200))
        #expect(all.contains(session.words.keyLeave))
        for columns in [30, 40, 50, 60, 70, 80, 120] {
            let hints = try Self.hints(session, columns: columns)
            #expect(!hints.isEmpty && hints.allSatisfy(all.contains), "\(language) at \(columns) columns: \(hints)")
            #expect(hints.contains(session.words.keyLeave), "leaving is always said: \(language) at \(columns) columns")
        }
    }
}
