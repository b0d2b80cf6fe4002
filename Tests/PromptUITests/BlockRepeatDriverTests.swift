import InstrumentModel
import PromptUI
import ResponseStore
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// Both drivers with a repeated block inside a section (issue 16): the section's heading once,
/// each instance on the line above its questions, the question after the block after every
/// instance, and back from it into the block's last instance.
@Suite struct BlockRepeatDriverTests {
    static let yaml = """
        format: 1
        id: each
        version: 1.0.0
        title: Activities
        sections:
          - id: s
            title: Involvement
            questions:
              - {id: activities, type: multiple, text: Which did you go to?, choices: [Walking group, Art club, Choir]}
              - block: activity
                repeat: {for_each: activities}
                questions:
                  - {id: visits, type: number, text: "How many times did you go to {activities.label}?", max: 31}
              - {id: more, type: text, text: Anything else?}
        """

    @Test func plainModeKeepsTheSectionHeadingAndSaysTheInstance() throws {
        // Walking group and Choir; 3 visits, 5 visits; back from "Anything else?" into Choir's
        // visits, kept; "No"; send from the review.
        let lines = ["1 3", "3", "5", "<", "", "No", ""]
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: PlainDriver(io: ScriptedLines(input: lines)), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        let outcome = try runner.run()
        guard case .completed = outcome else { Issue.record("not completed: \(runner.driver.io.output)"); return }
        #expect(runner.driver.io.output == """
            Activities

            To skip a question, press Enter without typing anything. Questions marked (required) need an answer.
            To go back to the previous question, type <.
            To stop and carry on later, type q: your answers so far are saved.
            Type ? at any prompt to see the keys.

            Section: Involvement
            Question 1 of 2
            Which did you go to?
              1  Walking group
              2  Art club
              3  Choir
            Type the numbers of all that apply, separated by spaces.
            > 
            Walking group — 1 of 2
            Question 2 of 4
            How many times did you go to Walking group?
            A whole number up to 31.
            Type a number up to 31.
            > 
            Choir — 2 of 2
            Question 3 of 4
            How many times did you go to Choir?
            A whole number up to 31.
            Type a number up to 31.
            > 
            Question 4 of 4
            Anything else?
            Type your answer.
            > 
            Choir — 2 of 2
            Question 3 of 4
            How many times did you go to Choir?
            A whole number up to 31.
            Your answer: 5
            Press Enter to keep it, or type a new one.
            > 
            Question 4 of 4
            Anything else?
            Type your answer.
            > 
            Please check your answers before you send them.
              1. Which did you go to? Your answer: Walking group, Choir
              2. How many times did you go to Walking group? (Walking group — 1 of 2) Your answer: 3
              3. How many times did you go to Choir? (Choir — 2 of 2) Your answer: 5
              4. Anything else? Your answer: No
            Type a number to change that answer, or press Enter to send your answers. < to go back, q to save and leave.
            > 
            Your answers have been saved. Thank you.

            """)
        #expect(runner.session.answers == ["activities": Answer(.choices([1, 3])), "visits#1": Answer(.number(3)),
                                           "visits#3": Answer(.number(5)), "more": Answer(.text("No"))])
    }

    @Test func fullScreenShowsTheSectionTitleAndTheInstanceUnderIt() throws {
        let terminal = ScriptedTerminal(columns: 80, rows: 24, [.key(.enter)] + keys("13") + [.key(.enter)] + keys("3") + [.key(.enter), .key(.ctrl("c")), .key(.character("y"))])
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        _ = try runner.run()
        let plain = runner.driver.frame.plain
        #expect(plain[2] == " Involvement")
        #expect(plain[3] == " Choir — 2 of 2")
        #expect(plain[5] == " How many times did you go to Choir?")
    }
}
