import Foundation
@testable import PromptUI
import SessionEngine
import Testing
import TerminalIO
import TestSupport

private let noteGuide = """
    format: 1
    id: notes
    version: 1.0.0
    kind: interview
    title: Notes guide
    sections:
      - id: about
        questions:
          - id: intro
            type: note
            text: Read the introduction aloud.
          - id: day
            type: open
            text: Tell me about a typical day.
          - id: brief
            type: note
            text: Hand over the card.
          - id: role
            type: single
            text: What is your role?
            choices: [Peer worker, Supervisor]
          - id: team
            type: open
            text: How does the team see your role?

    """

/// Nothing the interviewer types is lost: on a note or instruction screen (no notes of its own)
/// the text stays in view and goes on to the next notes, or the move waits and says why.
@Suite struct InterviewNoteTypingTests {
    let words = ParticipantWords.forLanguage(nil)
    let leave: [TerminalEvent] = [.key(.ctrl("c")), .key(.character("y"))]

    @Test func typingOnANoteScreenStaysInViewWithTheReason() throws {
        let (runner, _, _) = try interview(keys("Moved in 2019") + [.key(.ctrl("c"))], yaml: noteGuide, columns: 160)
        let lines = runner.driver.frame.plain
        #expect(lines.contains { $0.hasSuffix("│ " + words.interviewNoNotesHere) })
        #expect(lines.contains { $0.hasSuffix("│ > Moved in 2019") })
    }

    @Test func tabTakesItToTheNextNotesWhereEnterKeepsIt() throws {
        let (runner, recorder, _) = try interview(keys("Moved in 2019") + [.key(.tab)] + [.key(.enter)] + leave, yaml: noteGuide, columns: 160)
        #expect(journal(recorder) == ["jump day", "notes day: Moved in 2019"])
        #expect(runner.session.current?.id == "day")
    }

    @Test func enterOnTheNoteTakesItOnToo() throws {
        let (runner, _, _) = try interview(keys("Moved") + [.key(.enter)] + [.key(.ctrl("c"))], yaml: noteGuide, columns: 160)
        #expect(runner.session.current?.id == "day")
        #expect(runner.driver.frame.plain.contains { $0.hasSuffix("│ > Moved") })
    }

    @Test func aMoveToAScreenWithoutNotesWaitsAndSaysWhy() throws {
        // On to the card (a note), typed there, then Tab towards the structured question.
        let events: [TerminalEvent] = [.key(.tab), .key(.tab)] + keys("x") + [.key(.tab)]
        let (runner, recorder, _) = try interview(events, yaml: noteGuide, columns: 160)
        #expect(runner.session.current?.id == "brief", "no move while the text has nowhere to go")
        #expect(runner.driver.frame.plain.contains { $0 == " ! " + words.interviewTypedNeedsNotes })
        #expect(runner.driver.frame.plain.contains { $0.hasSuffix("│ > x") })
        // Cleared, the move is made.
        let (cleared, _, _) = try interview(events + [.key(.backspace), .key(.tab)] + leave, yaml: noteGuide, columns: 160)
        #expect(cleared.session.current?.id == "role")
        #expect(journal(recorder) == ["jump day", "jump brief"])
    }

    @Test func leavingSaysWhatIsNotKept() throws {
        let (runner, _, _) = try interview(keys("x") + [.key(.ctrl("c"))], yaml: noteGuide, columns: 160)
        #expect(runner.driver.frame.plain.contains(" " + words.interviewConfirmLeave(dropsAnswer: false, dropsTyped: true)))
    }
}
