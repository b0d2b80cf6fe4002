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

/// The interviewer's "Leave now?" that warns an answer is not kept is the longest: at 40 columns
/// it took four lines and the footer kept three, its last words lost without a "…".
@Suite struct InterviewLeavePromptWidthTests {
    @Test(arguments: [80, 60, 40])
    func theWholeWarningAndItsKeysAreShown(columns: Int) throws {
        let toYears: [TerminalEvent] = keys("1") + [.key(.enter), .key(.tab), .key(.tab), .key(.tab)] + keys("12")
        let (runner, _, _) = try interview(toYears + [.key(.ctrl("c"))], yaml: numberGuide, columns: columns, rows: 20)
        let lines = runner.driver.frame.plain.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.count == 20)
        #expect(lines.last == "y leave · n stay")
        let asked = lines.drop { !$0.hasPrefix("Leave now?") }.dropLast().joined(separator: " ")
        #expect(asked == "Leave now? The answer here is not kept (keeping it ends the interview); everything else is saved; "
                + "carry on later with fieldwork resume.", "\(lines.joined(separator: "\n"))")
    }
}
