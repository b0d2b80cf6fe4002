import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TestSupport
import Testing

/// Times and datetimes typed in plain mode: the limits and the form said before the answer, a
/// form it cannot read refused with the form wanted, forgiving forms stored as HH:MM, and the
/// answers shown back on the review and piped into a later question.
@Suite struct PlainTimeTests {
    static let yaml = """
        format: 1
        id: clock
        version: 1.0.0
        title: Sleep
        sections:
          - id: s
            questions:
              - {id: woke, type: time, text: When did you wake?, min: "06:00", max: "22:00"}
              - {id: seen, type: datetime, text: When were you seen?}
              - {id: said, type: note, text: "Woke {woke}, seen {seen}."}
        """

    @Test func typesATimeAndADatetime() throws {
        let lines = ["9pm", "5:30", "9.05", "2024-02-30 10:00", "2024-02-29 7:45", "", ""]
        var time = 0.0
        let recorder = MemoryRecorder()
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: PlainDriver(io: ScriptedLines(input: lines)), recorder: recorder,
                                   clock: { time += 1; return time })
        guard case .completed = try runner.run() else { Issue.record("not completed: \(runner.driver.io.output)"); return }
        #expect(runner.session.answers["woke"] == Answer(.time("09:05")))
        #expect(runner.session.answers["seen"] == Answer(.datetime("2024-02-29T07:45")))
        let output = runner.driver.io.output
        #expect(output.contains("""
            Question 1 of 2
            When did you wake?
            Between 06:00 and 22:00.
            Type a time as HH:MM on a 24-hour clock, for example 09:30.
            > Please write the time as HH:MM on a 24-hour clock, for example 09:30. Type ? for help.
            > Please give a time no earlier than 06:00. Type ? for help.
            > 
            Question 2 of 2
            When were you seen?
            Type a date and time as YYYY-MM-DD HH:MM, for example 2024-05-17 09:30.
            > There is no 30 February in 2024. Please check the date. Type ? for help.
            > 
            Woke 09:05, seen 2024-02-29 07:45.
            Press Enter to continue.
            """), "\(output)")
        #expect(output.contains("""
              1. When did you wake? Your answer: 09:05
              2. When were you seen? Your answer: 2024-02-29 07:45
            """), "\(output)")
    }
}
