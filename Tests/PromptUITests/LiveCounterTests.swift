import InstrumentModel
import PromptUI
import SessionEngine
import TerminalIO
import TestSupport
import Testing

/// Issue 12 item 15: "up to 40 characters" comes with a live counter under the field, in numbers
/// only (no words to translate); over the limit it is still shown, and the answer refused.
@Suite struct LiveCounterTests {
    static let yaml = """
        format: 1
        id: counter
        version: 1.0.0
        title: Counter
        sections:
          - id: s
            questions:
              - {id: town, type: text, text: Your town?, max_length: 12}
              - {id: free, type: text, text: Anything?}
        """

    func frame(_ typed: String, question: String = "town") throws -> [String] {
        var session = Session(instrument: try compiled(Self.yaml), seed: 1, today: 0)
        while session.current?.id != question { try session.skip(at: 0) }
        let terminal = ScriptedTerminal(columns: 60, rows: 20, keys(typed) + [.endOfInput])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        _ = driver.ask(session, problem: nil)
        return driver.frame.plain.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }

    @Test func countsAsItIsTyped() throws {
        #expect(try frame("").contains("     0/12"))
        let typed = try frame("Leeds")
        #expect(typed.contains("   ▏ Leeds"))
        #expect(typed.contains("     5/12"), "\(typed.joined(separator: "\n"))")
        #expect(try frame("Newcastle upon Tyne").contains("     19/12"))
    }

    @Test func noLimitNoCounter() throws {
        #expect(try !frame("Leeds", question: "free").contains { $0.contains("/") })
    }
}
