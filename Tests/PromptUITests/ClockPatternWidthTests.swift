import InstrumentModel
import PromptUI
import SessionEngine
import TerminalIO
import TestSupport
import Testing

/// The form a time or a date is typed in, under its field, wraps at a narrow window rather than
/// being cut: at 40 columns "for example 09:30" was lost, and with it the example.
@Suite struct ClockPatternWidthTests {
    static let yaml = """
        format: 1
        id: clocks
        version: 1.0.0
        languages: [en, es]
        title: {en: Clocks, es: Horas}
        sections:
          - id: s
            title: {en: Times, es: Horas}
            questions:
              - {id: woke, type: time, text: {en: Woke?, es: ¿Despertó?}}
              - {id: ate, type: datetime, text: {en: Ate?, es: ¿Comió?}}
              - {id: born, type: date, text: {en: Born?, es: ¿Nació?}}
        """

    static func frame(_ question: String, language: String, columns: Int, rows: Int) throws -> [String] {
        var session = Session(instrument: try compiled(yaml), seed: 1, language: language, today: 0)
        while session.current?.id != question { try session.skip(at: 0) }
        let terminal = ScriptedTerminal(columns: columns, rows: rows, [])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        _ = driver.ask(session, problem: nil)
        return driver.frame.plain
    }

    @Test func theTimesFormWrapsAt40Columns() throws {
        let frame = try Self.frame("woke", language: "es", columns: 40, rows: 12)
        #expect(Array(frame[7...8]) == ["     HH:MM (reloj de 24 horas), por", "     ejemplo 09:30"], "\(frame.joined(separator: "\n"))")
    }

    @Test func theDatetimesFormWrapsAt30Columns() throws {
        let frame = try Self.frame("ate", language: "en", columns: 30, rows: 12)
        #expect(Array(frame[7...8]) == ["     YYYY-MM-DD HH:MM, for", "     example 2024-05-17 09:30"], "\(frame.joined(separator: "\n"))")
    }

    @Test func theDatesFormWrapsAt30Columns() throws {
        let frame = try Self.frame("born", language: "en", columns: 30, rows: 12)
        #expect(Array(frame[7...8]) == ["     YYYY-MM-DD, for example", "     2024-05-17"], "\(frame.joined(separator: "\n"))")
    }
}
