import InstrumentModel
import PromptUI
import SessionEngine
import TerminalIO
import TestSupport
import Testing

/// "Leave now?" was cut to one line with "…" at 60 columns, its y/n out of sight: the whole
/// question and its keys are on screen at every width, wrapped over the bottom lines.
@Suite struct LeavePromptWidthTests {
    @Test(arguments: [80, 60, 40])
    func theWholeQuestionAndItsKeysAreShown(columns: Int) throws {
        var session = Session(instrument: try compiled(EveryKeySaidTests.yaml), seed: 1, today: 0)
        try session.skip(at: 0)
        let terminal = ScriptedTerminal(columns: columns, rows: 20, [.key(.ctrl("c")), .endOfInput])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        _ = driver.ask(session, problem: nil)
        let lines = driver.frame.plain.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.count == 20)
        #expect(!lines.contains { $0.contains("…") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.last == "y leave · n stay")
        let asked = lines.drop { !$0.hasPrefix("Leave now?") }.dropLast().joined(separator: " ")
        #expect(asked == "Leave now? Your answers so far are saved, and you can carry on later.", "\(lines.joined(separator: "\n"))")
        #expect(lines.first?.hasPrefix("Keys") == true, "the title stays")
    }
}
