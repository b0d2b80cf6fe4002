import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// An interview run in plain mode ends as on the full screen and in the terminal after it: "The
/// interview is saved.", not the participant's "Your answers have been saved. Thank you."
@Suite struct InterviewPlainEndTests {
    @Test func plainModeSaysTheInterviewIsSaved() throws {
        let yaml = """
            format: 1
            id: talk
            version: 1.0.0
            kind: interview
            title: Talk
            sections:
              - id: s
                questions:
                  - {id: notes, type: open, text: How was it?}
            """
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(yaml), seed: 1, today: 0),
                                   driver: PlainDriver(io: ScriptedLines(input: ["Fine", ""])), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        guard case .completed = try runner.run() else { Issue.record("not completed: \(runner.driver.io.output)"); return }
        #expect(runner.driver.io.output == "\nQuestion 1 of 1\nHow was it?\nType your answer; finish with an empty line.\n> \nThe interview is saved.\n")
    }
}
