@testable import PromptUI
import SessionEngine
import Testing
import TerminalIO
import TestSupport

/// The guide with a soft check on its first, structured question.
private let softGuide = guide.replacingOccurrences(
    of: "        choices: [Peer worker, Supervisor]\n",
    with: "        choices: [Peer worker, Supervisor]\n        warn_if: . == 2\n"
        + "        warn_message: Supervisors are interviewed in the second wave. Go on?\n")

@Suite struct InterviewSoftCheckTests {
    let consent: [TerminalEvent] = keys("1") + [.key(.enter)]

    @Test func theInterviewerIsToldAndKeepsTheAnswerByGivingItAgain() throws {
        #expect(softGuide.contains("warn_if"))
        let told: [TerminalEvent] = consent + keys("2") + [.key(.tab)]
        // The frame as the script ran out: the message, the question still in place.
        let (shown, _, _) = try interview(told, yaml: softGuide)
        #expect(shown.driver.frame.plain.contains { $0.contains("Supervisors are interviewed in the second wave. Go on?") })

        let (kept, recorder, _) = try interview(told + [.key(.tab), .key(.ctrl("c")), .key(.character("y"))], yaml: softGuide)
        #expect(journal(recorder) == ["confirm role", "answer role: choice(2)"])
        #expect(kept.session.softConfirmed == ["role": 1])
        #expect(kept.session.current?.id == "day")
    }

    @Test func anotherAnswerAfterTheMessageIsCheckedAfresh() throws {
        let events: [TerminalEvent] = consent + keys("2") + [.key(.tab)] + keys("1") + [.key(.tab), .key(.ctrl("c")), .key(.character("y"))]
        let (runner, recorder, _) = try interview(events, yaml: softGuide)
        #expect(journal(recorder) == ["answer role: choice(1)"])
        #expect(runner.session.softConfirmed.isEmpty)
    }
}
