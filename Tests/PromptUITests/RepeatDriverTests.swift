import InstrumentModel
import PromptUI
import ResponseStore
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// Both drivers with a repeated section (issue 16): the line saying which instance the question
/// is in, and the confirmation before an unticked choice takes its instance's answers away.
@Suite struct RepeatDriverTests {
    static let yaml = """
        format: 1
        id: each
        version: 1.0.0
        title: Activities
        sections:
          - id: s
            questions:
              - {id: activities, type: multiple, text: Which did you go to?, choices: [Walking group, Art club, Choir]}
          - id: activity
            title: "About {activities.label}"
            repeat: {for_each: activities}
            questions:
              - {id: visits, type: number, text: "How many times did you go to {activities.label}?", max: 31}
        """

    @Test func plainModeSaysTheInstanceAndAsksBeforeRemovingAnswers() throws {
        // Walking group and Choir; 3 visits, 5 visits; from the review to the activities; untick
        // Choir, refuse once (<), untick it again and confirm; send from the review.
        let lines = ["1 3", "3", "5", "1", "1", "<", "1", "", ""]
        var time = 0.0
        let recorder = MemoryRecorder()
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: PlainDriver(io: ScriptedLines(input: lines)), recorder: recorder,
                                   clock: { time += 1; return time })
        let outcome = try runner.run()
        guard case .completed = outcome else { Issue.record("not completed: \(runner.driver.io.output)"); return }
        #expect(runner.driver.io.output == """
            Activities

            To skip a question, press Enter without typing anything. Questions marked (required) need an answer.
            To go back to the previous question, type <.
            To stop and carry on later, type q: your answers so far are saved.
            Type ? at any prompt to see the keys.

            Question 1 of 1
            Which did you go to?
              1  Walking group
              2  Art club
              3  Choir
            Type the numbers of all that apply, separated by spaces.
            > 
            Section: About Walking group
            Walking group — 1 of 2
            Question 2 of 3
            How many times did you go to Walking group?
            A whole number up to 31.
            Type a number up to 31.
            > 
            Section: About Choir
            Choir — 2 of 2
            Question 3 of 3
            How many times did you go to Choir?
            A whole number up to 31.
            Type a number up to 31.
            > 
            Please check your answers before you send them.
              1. Which did you go to? Your answer: Walking group, Choir
              2. How many times did you go to Walking group? (About Walking group — 1 of 2) Your answer: 3
              3. How many times did you go to Choir? (About Choir — 2 of 2) Your answer: 5
            Type a number to change that answer, or press Enter to send your answers. < to go back, q to save and leave.
            > 
            Question 1 of 3
            Which did you go to?
              1  Walking group
              2  Art club
              3  Choir
            Your answer: Walking group, Choir
            Press Enter to keep it, or type a new one.
            > This removes your answers about Choir. Press Enter to remove them, or type < to change your answer.
            > Your answer: Walking group, Choir
            Press Enter to keep it, or type a new one.
            > This removes your answers about Choir. Press Enter to remove them, or type < to change your answer.
            > 
            Please check your answers before you send them.
              1. Which did you go to? Your answer: Walking group
              2. How many times did you go to Walking group? (About Walking group — 1 of 1) Your answer: 3
            Type a number to change that answer, or press Enter to send your answers. < to go back, q to save and leave.
            > 
            Your answers have been saved. Thank you.

            """)
        #expect(runner.session.answers == ["activities": Answer(.choices([1])), "visits#1": Answer(.number(3))])
    }

    func fullScreen(_ events: [TerminalEvent], yaml: String = Self.yaml) throws -> (SessionRunner<FullScreenDriver>, ScriptedTerminal) {
        // Enter past the welcome screen.
        let terminal = ScriptedTerminal(columns: 80, rows: 24, [.key(.enter)] + events)
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        _ = try runner.run()
        return (runner, terminal)
    }

    @Test func fullScreenShowsTheInstanceUnderTheSectionTitle() throws {
        let (runner, _) = try fullScreen(keys("13") + [.key(.enter)] + keys("3") + [.key(.enter), .key(.ctrl("c")), .key(.character("y"))])
        let plain = runner.driver.frame.plain
        #expect(plain[0] == " Activities                                                   ■■■■■■□□□□ 3 of 3 ")
        #expect(plain[2] == " About Choir")
        #expect(plain[3] == " Choir — 2 of 2")
        #expect(plain[5] == " How many times did you go to Choir?")
    }

    @Test func aTitleThatIsTheInstancesLabelIsNotSaidTwice() throws {
        // The reference's own example titles the section "{activities.label}": the line under it
        // then says only which of how many, not "Choir" again.
        let yaml = Self.yaml.replacingOccurrences(of: "title: \"About {activities.label}\"", with: "title: \"{activities.label}\"")
        let (runner, _) = try fullScreen(keys("13") + [.key(.enter)] + keys("3") + [.key(.enter), .key(.ctrl("c")), .key(.character("y"))], yaml: yaml)
        let plain = runner.driver.frame.plain
        #expect(plain[2] == " Choir")
        #expect(plain[3] == " 2 of 2")
        #expect(plain[5] == " How many times did you go to Choir?")
    }

    @Test func fullScreenAsksBeforeUntickingAChoiceWhoseInstanceHoldsAnswers() throws {
        // Walking group and Choir, 3 and 5 visits; from the review back to the activities; untick
        // Choir: Esc keeps the question, Enter again and Enter removes Choir's answers.
        let events: [TerminalEvent] = keys("13") + [.key(.enter)] + keys("3") + [.key(.enter)] + keys("5") + [.key(.enter)]
            + [.key(.escape), .key(.escape), .key(.escape)]
            + keys("3") + [.key(.enter), .key(.escape), .key(.enter), .key(.enter)]
            + [.key(.ctrl("c")), .key(.character("y"))]
        let (runner, terminal) = try fullScreen(events)
        #expect(terminal.written.components(separatedBy: "This removes your answers about Choir.").count == 3)
        #expect(terminal.written.contains("Press Enter to remove them, or Esc to change your answer."))
        #expect(runner.session.answers == ["activities": Answer(.choices([1])), "visits#1": Answer(.number(3))])
    }
}
