import InstrumentModel
import PromptUI
import SessionEngine
import TerminalIO
import TestSupport
import Testing

/// Ctrl-P, the pause, is said on the key line beside leaving (it was only in the help), at 80, 60
/// and 40 columns, without pushing out help, skipping, going back or leaving.
/// Issue 12: at 80 and at 60 columns the participant's key line dropped "Esc back", "Ctrl-C
/// leave" and "Enter alone skips". Every key a question accepts is said under it, over two
/// or three lines where one is not enough, skipping, going back and leaving always on a line of
/// their own at the bottom.
@Suite struct EveryKeySaidTests {
    static let yaml = """
        format: 1
        id: keys
        version: 1.0.0
        title: Keys
        sections:
          - id: s
            questions:
              - {id: first, type: note, text: Hello.}
              - {id: pick, type: single, text: Which one?, choices: [Tea, Coffee, Water]}
              - {id: often, type: scale, text: How often?, choices: [Never, Sometimes, Often, Always]}
              - id: grid
                type: matrix
                text: How much do you agree?
                rows: [{id: a, text: Friendly}, {id: b, text: Useful}]
                choices: [Disagree, Neutral, Agree]
              - {id: story, type: long_text, text: Tell us more.}
              - {id: age, type: number, text: How old are you?}
        """

    /// The key lines (the last two or three rows) of a question's screen, each trimmed.
    func keyLines(_ question: String, columns: Int, rows: Int = 24) throws -> [String] {
        var session = Session(instrument: try compiled(Self.yaml), seed: 1, today: 0)
        while session.current?.id != question { try session.skip(at: 0) }
        let terminal = ScriptedTerminal(columns: columns, rows: rows, [.endOfInput])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        _ = driver.ask(session, problem: nil)
        let lines = driver.frame.plain
        #expect(lines.allSatisfy { TextLayout.width($0) <= columns }, "\(lines.joined(separator: "\n"))")
        // The key lines come after the message line, empty here.
        return Array(lines.suffix(3).map { $0.trimmingCharacters(in: .whitespaces) }.drop { $0.isEmpty })
    }

    @Test func aChoiceSaysEveryKey() throws {
        #expect(try keyLines("pick", columns: 80) == [
            "↑↓ move · Space or 1-3 choose · ? help · Backspace clears · Enter next",
            "Esc back · Ctrl-C leave · Ctrl-P pause · Enter alone skips",
        ])
        #expect(try keyLines("pick", columns: 60) == [
            "↑↓ move · Space or 1-3 choose · ? help · Backspace clears",
            "Enter next",
            "Esc back · Ctrl-C leave · Ctrl-P pause · Enter alone skips",
        ])
    }

    @Test func aScaleSaysEveryKey() throws {
        #expect(try keyLines("often", columns: 80) == [
            "↑↓ move · Space or 1-4 choose · ? help · Backspace clears · Enter next",
            "Esc back · Ctrl-C leave · Ctrl-P pause · Enter alone skips",
        ])
        #expect(try keyLines("often", columns: 60) == [
            "↑↓ move · Space or 1-4 choose · ? help · Backspace clears",
            "Enter next",
            "Esc back · Ctrl-C leave · Ctrl-P pause · Enter alone skips",
        ])
    }

    @Test func aMatrixSaysEveryKey() throws {
        #expect(try keyLines("grid", columns: 80) == [
            "↑↓ row · ←→ move · Space or 1-3 choose · ? help · Backspace clears",
            "Enter next · Esc back · Ctrl-C leave · Ctrl-P pause · Enter alone skips",
        ])
        #expect(try keyLines("grid", columns: 60) == [
            "↑↓ row · ←→ move · Space or 1-3 choose · ? help",
            "Backspace clears · Enter next",
            "Esc back · Ctrl-C leave · Ctrl-P pause · Enter alone skips",
        ])
    }

    /// In a 40×12 window not every key fits: the help key, skipping, going back and leaving do.
    @Test(arguments: ["pick", "often", "grid", "story", "age"])
    func theEssentialsAt40By12(question: String) throws {
        let hints = try keyLines(question, columns: 40, rows: 12).flatMap { $0.components(separatedBy: " · ") }
        let help = question == "story" || question == "age" ? "F1 help" : "? help"
        #expect([help, "Esc back", "Ctrl-C leave", "Ctrl-P pause", "Enter alone skips"].allSatisfy(hints.contains), "\(question): \(hints)")
    }

    @Test func aLongTextSaysEveryKey() throws {
        #expect(try keyLines("story", columns: 80) == [
            "Enter new line · Tab next · F1 help",
            "Esc back · Ctrl-C leave · Ctrl-P pause · Enter alone skips",
        ])
        #expect(try keyLines("story", columns: 60) == [
            "Enter new line · Tab next · F1 help",
            "Esc back · Ctrl-C leave · Ctrl-P pause · Enter alone skips",
        ])
    }

    @Test func aNumberSaysEveryKey() throws {
        #expect(try keyLines("age", columns: 80) == [
            "type your answer · Enter next · F1 help",
            "Esc back · Ctrl-C leave · Ctrl-P pause · Enter alone skips",
        ])
        #expect(try keyLines("age", columns: 60) == [
            "type your answer · Enter next · F1 help",
            "Esc back · Ctrl-C leave · Ctrl-P pause · Enter alone skips",
        ])
    }
}

/// The review before sending takes the help key (? and F1) too: it is said there, with going
/// back and leaving on their own line, as under a question.
@Suite struct ReviewKeysSaidTests {
    @Test(arguments: [80, 60])
    func theReviewSaysItsKeys(columns: Int) throws {
        var session = Session(instrument: try compiled(EveryKeySaidTests.yaml), seed: 1, today: 0)
        while session.current != nil { try session.skip(at: 0) }
        let terminal = ScriptedTerminal(columns: columns, rows: 24, [.endOfInput])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        _ = driver.review(session, problem: nil)
        #expect(driver.frame.plain.suffix(2).map { $0.trimmingCharacters(in: .whitespaces) } == [
            "↑↓ move · Enter change, or send · ? help",
            "Esc back · Ctrl-C leave · Ctrl-P pause",
        ])
    }
}
