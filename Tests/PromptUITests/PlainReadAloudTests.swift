import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TestSupport
import Testing

/// Issue 13, plain mode read aloud: a whole transcript written by hand as a screen reader should
/// say it. Words, not symbols ("Section:", "Question 1 of 3", no "==", "[1/3]" or "!"); how to
/// skip, go back and leave said once at the start and again on `?`, not under every question; a
/// refusal followed by a short reminder; back inside a matrix goes to the row before.
@Suite struct PlainReadAloudTests {
    static let yaml = """
        format: 1
        id: aloud
        version: 1.0.0
        title: Your views
        sections:
          - id: involvement
            title: Your involvement
            questions:
              - {id: role, type: single, text: What is your role?, required: true, choices: [Member, Volunteer]}
              - id: rate
                type: matrix
                text: How do you rate these?
                rows: [{id: staff, text: Staff}, {id: room, text: The room}, {id: food, text: Food}]
                choices: [Poor, Fair, Good]
              - {id: visits, type: number, text: How many visits?, min: 0, max: 10}
        """

    @Test func aSessionReadsAsAParticipantShouldHearIt() throws {
        // A wrong number, then an answer; in the matrix a row, back to it from the next, a new
        // answer, the next row, the last left; help at the number, then a number; send.
        let lines = ["3", "1", "2", "<", "3", "1", "", "?", "4", ""]
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: PlainDriver(io: ScriptedLines(input: lines)), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        guard case .completed = try runner.run() else { Issue.record("not completed: \(runner.driver.io.output)"); return }
        #expect(runner.driver.io.output == """
            Your views

            To skip a question, press Enter without typing anything. Questions marked (required) need an answer.
            To go back to the previous question, type <.
            To stop and carry on later, type q: your answers so far are saved.
            Type ? at any prompt to see the keys.

            Section: Your involvement
            Question 1 of 3
            What is your role? (required)
              1  Member
              2  Volunteer
            Type the number of your answer.
            > Please type a number from 1 to 2. Type ? for help.
            > 
            Question 2 of 3
            How do you rate these?
            For each statement, type the number of your answer (Enter leaves it unanswered):
              1  Poor
              2  Fair
              3  Good
            Staff (1 to 3):
            > The room (1 to 3):
            > Staff (1 to 3):
            > The room (1 to 3):
            > Food (1 to 3):
            > 
            Question 3 of 3
            How many visits?
            A whole number from 0 to 10.
            Type a number from 0 to 10.
            >   Enter alone: skip this question
              <  go back to the previous question
              q  save and leave; you can carry on later
              ?  show this help
            Type a number from 0 to 10.
            > 
            Please check your answers before you send them.
              1. What is your role? Your answer: Member
              2. How do you rate these? Your answer: 2 of 3 rows answered
              3. How many visits? Your answer: 4
            Type a number to change that answer, or press Enter to send your answers. < to go back, q to save and leave.
            > 
            Your answers have been saved. Thank you.

            """)
        #expect(runner.session.answers["rate"] == Answer(.rows(["staff": 3, "room": 1])), "the row gone back to keeps its new answer")
    }
}
