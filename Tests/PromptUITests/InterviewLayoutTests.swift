import Foundation
@testable import PromptUI
import SessionEngine
import Testing
import TerminalIO
import TestSupport

/// Issue 12 items 11 and 13: what the interviewer must see stays on screen at every size.
@Suite struct InterviewLayoutTests {
    let consent: [TerminalEvent] = keys("1") + [.key(.enter)]

    func paragraphs(_ n: Int) -> [TerminalEvent] {
        (1...n).flatMap { keys("P\($0)") + [.key(.enter)] }
    }

    func trimmed(_ frame: Frame) -> [String] {
        frame.plain.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }

    @Test func pinsTheQuestionAndScrollsOnlyTheNotes() throws {
        let (runner, _, _) = try interview(consent + [.key(.tab)] + paragraphs(12), columns: 60, rows: 20)
        let plain = trimmed(runner.driver.frame)
        #expect(plain[5] == " 2. Tell me about a typical day.")
        #expect(plain[6] == " Interviewer: Let them tell it their own way.")
        #expect(plain[8] == " [ ] 1 How did you start?")
        #expect(plain[9] == " [ ] 2 What is hardest?")
        #expect(plain[11] == " Notes")
        #expect(plain[12] == " ↑ 9 lines above · PgUp")
        #expect(plain[13].hasSuffix("] P10"))
        #expect(plain[14].hasSuffix("] P11"))
        #expect(plain[15].hasSuffix("] P12"))
        #expect(plain[16] == " >")
    }

    @Test func pageUpAndDownMoveThroughTheNotesOnly() throws {
        let up = consent + [.key(.tab)] + paragraphs(12) + [.key(.pageUp)]
        let (runner, _, _) = try interview(up, columns: 60, rows: 20)
        let plain = trimmed(runner.driver.frame)
        #expect(plain[5] == " 2. Tell me about a typical day.", "PgUp no longer leaves the question")
        #expect(plain[12] == " ↑ 7 lines above · PgUp")
        #expect(plain[13].hasSuffix("] P8"))
        #expect(plain[15].hasSuffix("] P10"))
        #expect(plain[16] == " ↓ 3 lines below · PgDn")
        let top = try interview(up + [.key(.pageUp), .key(.pageUp), .key(.pageUp)], columns: 60, rows: 20).0
        let atTop = trimmed(top.driver.frame)
        #expect(atTop[12].hasSuffix("] P1"))
        #expect(atTop[16] == " ↓ 9 lines below · PgDn")
        // Typing brings the paragraph being typed back into view; PgDn from the top goes one page down.
        let typed = try interview(up + [.key(.pageUp), .key(.character("x"))], columns: 60, rows: 20).0
        #expect(trimmed(typed.driver.frame)[16] == " > x")
        let down = try interview(up + [.key(.pageUp), .key(.pageUp), .key(.pageDown)], columns: 60, rows: 20).0
        #expect(trimmed(down.driver.frame)[12] == " ↑ 4 lines above · PgUp")
    }

    @Test(arguments: [80, 60])
    func everyKeyIsOnScreenAtEveryWidth(_ columns: Int) throws {
        let (runner, _, _) = try interview(consent + [.key(.tab)], columns: columns, rows: 20)
        let plain = trimmed(runner.driver.frame)
        let help = columns == 80
            ? [" Enter keep paragraph · Tab next · Shift-Tab previous · Ctrl-P probes", " Ctrl-O outline · Ctrl-X end · Ctrl-C leave"]
            : [" Enter keep paragraph · Tab next · Shift-Tab previous", " Ctrl-P probes · Ctrl-O outline · Ctrl-X end · Ctrl-C leave"]
        #expect(Array(plain.suffix(2)) == help)
        #expect(plain.count == 20)
    }

    @Test(arguments: [80, 60])
    func leavingAsksWithItsAnswersInView(_ columns: Int) throws {
        let (runner, _, _) = try interview(consent + [.key(.tab), .key(.ctrl("c"))], columns: columns, rows: 20)
        let plain = trimmed(runner.driver.frame)
        let question = columns == 80
            ? [" Leave now? Everything typed is saved; carry on later with fieldwork resume."]
            : [" Leave now? Everything typed is saved; carry on later with", " fieldwork resume."]
        #expect(Array(plain.suffix(question.count + 1)) == question + [" y leave · n stay"])
        #expect(plain.count == 20)
    }

    @Test func endingAsksWithItsAnswersInView() throws {
        let (runner, _, _) = try interview(consent + [.key(.tab), .key(.ctrl("x"))], columns: 60, rows: 20)
        let plain = trimmed(runner.driver.frame)
        #expect(Array(plain.suffix(2)) == [" End the interview now? Questions not reached stay unasked.", " y end · n carry on"])
    }

    @Test func showsTheQuestionsMinutesAndWhenTheyAreOver() throws {
        // Tab is the third event, at 60 s; each further event is 20 s.
        let within = try interview(consent + [.key(.tab)] + keys("abcdefghijk"), columns: 60, rows: 20).0
        #expect(trimmed(within.driver.frame)[3] == " This question · 03:40 of 10 min")
        let over = try interview(consent + [.key(.tab)] + keys(String(repeating: "a", count: 33)), columns: 60, rows: 20).0
        #expect(trimmed(over.driver.frame)[3] == " This question · 11:00 of 10 min, 01:00 over")
        #expect(trimmed(over.driver.frame)[2] == " The work · 11:00 of 20 min")
    }

    @Test func laysOutAgainOnEveryResizeAndAsksForRoomBelowTheSmallest() throws {
        let start = consent + [.key(.tab)] + keys("Said")
        let small = try interview(start + [.resized(columns: 36, rows: 10)], columns: 100, rows: 30).0
        #expect(trimmed(small.driver.frame) == ["Please make this window larger."] + Array(repeating: "", count: 9))
        let back = try interview(start + [.resized(columns: 36, rows: 10), .resized(columns: 60, rows: 20)], columns: 100, rows: 30).0
        let plain = trimmed(back.driver.frame)
        #expect(plain.count == 20)
        #expect(plain[5] == " 2. Tell me about a typical day.")
        #expect(plain[12] == " > Said", "what was being typed is still there")
        #expect(!plain.contains { $0.contains("│") }, "at 60 columns the outline gives way")
    }
}

/// Found running the example guides at 80x24: three two-line probes left the notes three lines.
@Suite struct InterviewCrowdedQuestionTests {
    @Test func probesGoOnOneLineEachWhenInFullTheyWouldCrowdOutTheNotes() throws {
        let yaml = try String(contentsOf: Run.packageRoot.appendingPathComponent("instruments/peer-worker-interview.yaml"), encoding: .utf8)
        let (runner, _, _) = try interview(keys("1") + [.key(.enter), .key(.tab), .key(.tab)], yaml: yaml, columns: 80, rows: 24)
        let right = runner.driver.frame.plain.map { $0.split(separator: "│", maxSplits: 1).dropFirst().first.map(String.init) ?? "" }
        #expect(Array(right[2...13]) == [
            " The role · 00:00 of 15 min",
            " This question · 00:00 of 8 min",
            " 3. Can you tell me what a typical day looks like in",
            " your role?",
            " Interviewer: Reassure the participant there are no",
            " right or wrong answers.",
            " [ ] 1 How did you come to this role?",
            " [ ] 2 Which parts of the day draw most on your own…",
            " [ ] 3 What do you do that other members of the…",
            " Notes",
            " > ",
            " ",
        ])
        #expect(right[13...20].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }, "eight lines for notes")
    }
}

extension InterviewCrowdedQuestionTests {
    /// At 60x20 the same question kept scrolling away: without blank lines and the probes' heading
    /// it stays pinned with five lines of notes under it.
    @Test func aCrowdedQuestionStaysPinnedAt60Columns() throws {
        let yaml = try String(contentsOf: Run.packageRoot.appendingPathComponent("instruments/peer-worker-interview.yaml"), encoding: .utf8)
        let notes = (1...6).flatMap { keys("Note \($0)") + [TerminalEvent.key(.enter)] }
        let (runner, _, _) = try interview(keys("1") + [.key(.enter), .key(.tab), .key(.tab)] + notes, yaml: yaml, columns: 60, rows: 20)
        let plain = runner.driver.frame.plain.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        #expect(Array(plain[2...16]) == [
            " The role · 14:00 of 15 min",
            " This question · 14:00 of 8 min, 06:00 over",
            " 3. Can you tell me what a typical day looks like in your",
            " role?",
            " Interviewer: Reassure the participant there are no right",
            " or wrong answers.",
            " [ ] 1 How did you come to this role?",
            " [ ] 2 Which parts of the day draw most on your own lived…",
            " [ ] 3 What do you do that other members of the team do…",
            " Notes",
            " ↑ 3 lines above · PgUp",
            " [08:40] Note 4",
            " [11:00] Note 5",
            " [13:20] Note 6",
            " >",
        ])
    }
}

/// Issue 12 item 13: a structured answer in a guide is laid out anew on every resize.
@Suite struct InterviewResizeTests {
    static let yaml = """
        format: 1
        id: sizes
        version: 1.0.0
        kind: interview
        title: Sizes
        sections:
          - id: s
            questions:
              - {id: pain, type: scale, text: Pain?, from: 0, to: 10, labels: {0: None, 10: Worst}}
              - {id: story, type: open, text: Tell me more.}
        """

    @Test func aScaleBecomesAListInANarrowerWindowKeepingWhatWasChosen() throws {
        let (wide, _, _) = try interview(keys("7"), yaml: Self.yaml, columns: 160, rows: 24)
        #expect(wide.driver.frame.plain.contains { $0.contains("( ) 0 ") && $0.contains("( ) 10") }, "across the screen at 160 columns")
        let (runner, recorder, _) = try interview(keys("7") + [.resized(columns: 60, rows: 20), .key(.ctrl("c")), .key(.character("y"))],
                                                  yaml: Self.yaml, columns: 160, rows: 24)
        let frame = runner.driver.frame.plain
        #expect(frame.allSatisfy { TextLayout.width($0) <= 60 }, "\(frame)")
        #expect(frame.contains { $0.contains("(•) 7") }, "the choice is kept: \(frame)")
        #expect(frame.contains { $0.contains("( ) 0 None") } && frame.contains { $0.contains("( ) 10 Worst") }, "drawn as a list")
        #expect(journal(recorder) == ["answer pain: choice(7)"], "and kept on leaving")
    }
}
