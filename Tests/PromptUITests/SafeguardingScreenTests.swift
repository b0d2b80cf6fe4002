import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

let careSurvey = """
    format: 1
    id: care
    version: 1.0.0
    title: Care
    sections:
      - id: s
        questions:
          - id: worry
            type: single
            text: Thoughts that you would be better off dead?
            choices:
              - {value: 0, label: Not at all}
              - {value: 1, label: Several days}
          - {id: age, type: number, text: Age?, min: 16, max: 110}
    safeguarding:
      - id: distress
        when: worry >= 1
        message: Thank you for telling us. If you need to talk to someone now, call 116 123.
        offer: pause
        protocol: Follow the distress protocol. Ask about immediate safety.

    """

@Suite struct SafeguardingScreenTests {
    func run(_ events: [TerminalEvent]) throws -> (SessionRunner<FullScreenDriver>, MemoryRecorder, SessionOutcome) {
        // A new session starts at the welcome: Enter goes past it.
        let terminal = ScriptedTerminal(columns: 80, rows: 24, [.key(.enter)] + events)
        let recorder = MemoryRecorder()
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(careSurvey), seed: 1, today: 20_000),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: recorder, clock: { time += 1; return time })
        let outcome = try runner.run()
        return (runner, recorder, outcome)
    }

    @Test func theMessageComesAtOnceAndHoldingEnterCannotPagePastIt() throws {
        let (runner, recorder, _) = try run(keys("2") + Array(repeating: .key(.enter), count: 6) + keys(" "))
        let screen = runner.driver.frame.lines.joined(separator: "\n")
        #expect(screen.contains("Thank you for telling us. If you need to talk to someone now, call 116 123."))
        #expect(screen.contains("Press C to carry on with the questions, or P to pause: everything you have"))
        #expect(screen.contains("C carry on · P pause and leave"))
        #expect(recorder.events.count == 1, "the answer is on disk before the message is shown")
        #expect(runner.session.current?.id == "age")
    }

    @Test func cCarriesOnToTheNextQuestion() throws {
        let (runner, _, _) = try run(keys("2") + [.key(.enter)] + keys("c"))
        #expect(runner.driver.frame.lines.contains { $0.contains("Age?") })
    }

    @Test func pPausesSavedAndNoAnswerThatDoesNotFireShowsIt() throws {
        let (_, recorder, outcome) = try run(keys("2") + [.key(.enter)] + keys("p"))
        #expect(outcome == .interrupted)
        #expect(recorder.events.count == 1)
        let (calm, _, _) = try run(keys("1") + [.key(.enter)])
        #expect(!calm.driver.frame.lines.joined().contains("116 123"))
        #expect(calm.driver.frame.lines.contains { $0.contains("Age?") })
    }

    @Test func ctrlCLeavesSavedEvenWhereTheRuleOffersNoPause() throws {
        let (runner, recorder, outcome) = try run(keys("2") + [.key(.enter), .key(.ctrl("c"))] + keys("c"))
        #expect(outcome == .interrupted)
        #expect(recorder.events.count == 1)
        #expect(!runner.driver.frame.lines.contains { $0.contains("Age?") }, "left at the message, not carried on")
    }

    @Test func qLeavesSavedInPlainModeAsAtEveryPrompt() throws {
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(careSurvey.replacingOccurrences(of: "    offer: pause\n", with: "")), seed: 1, today: 20_000),
                                   driver: PlainDriver(io: ScriptedLines(input: ["2", "p", "q", "c"])), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        #expect(try runner.run() == .interrupted)
        #expect(runner.driver.io.output.contains("Type c and press Enter to carry on with the questions.\n> Type c"), "p is no offer here")
        #expect(!runner.driver.io.output.contains("Age?"))
    }

    @Test func thePlainDriverSaysTheSameAndAnEmptyLineDoesNotGoOn() throws {
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(careSurvey), seed: 1, today: 20_000),
                                   driver: PlainDriver(io: ScriptedLines(input: ["2", "", "", "p"])), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        #expect(try runner.run() == .interrupted)
        let shown = runner.driver.io.output
        let asks = "Type c and press Enter to carry on with the questions, or type p and press Enter to pause: everything you have given is saved, and you can come back later or not at all.\n"
        #expect(shown.contains("\nThank you for telling us. If you need to talk to someone now, call 116 123.\n" + asks + "> " + asks + "> " + asks + "> "))
        #expect(!shown.contains("Age?"))
    }

    @Test func theInterviewerSeesTheProtocolNotTheMessageAndAcknowledgesIt() throws {
        let guide = careSurvey.replacingOccurrences(of: "title: Care\n", with: "title: Care\nkind: interview\n")
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(guide), seed: 1, today: 20_000),
                                   driver: PlainDriver(io: ScriptedLines(input: ["2", "", "x", "a", "q"])), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        #expect(try runner.run() == .interrupted)
        let shown = runner.driver.io.output
        #expect(shown.contains("""
            SAFEGUARDING: rule 'distress' fired at 'worry'. For you, not to read out.
            Follow the distress protocol. Ask about immediate safety.
            Type a and press Enter once you have read this.
            > Type a and press Enter once you have read this.
            > Type a and press Enter once you have read this.
            > 
            """))
        #expect(!shown.contains("116 123"))
    }
    /// Inside a repeated block the banner says which instance fired, so the interviewer knows
    /// which topic the protocol is about; shown, never stored.
    @Test func theInterviewersBannerSaysWhichInstanceFired() throws {
        let guide = """
            format: 1
            id: care
            version: 1.0.0
            title: Care
            kind: interview
            sections:
              - id: intro
                questions:
                  - {id: topics, type: multiple, text: Topics raised?, choices: [Housing, Money, Work]}
              - id: topic
                repeat: {for_each: topics}
                questions:
                  - id: worry
                    type: single
                    text: Distressed about {topics.label}?
                    choices: [{value: 0, label: No}, {value: 1, label: Yes}]
            safeguarding:
              - id: distress
                when: max(worry) >= 1
                message: Call 116 123.
                protocol: Follow the distress protocol.
            """
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(guide), seed: 1, today: 20_000),
                                   driver: PlainDriver(io: ScriptedLines(input: ["2,3", "1", "2", "a", "q"])), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        _ = try runner.run()
        let shown = runner.driver.io.output
        #expect(shown.contains("""
            SAFEGUARDING: rule 'distress' fired at 'worry' (Work, 2 of 2). For you, not to read out.
            Follow the distress protocol.
            """), "\(shown)")
    }
}
