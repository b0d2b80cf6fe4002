import Expressions
import InstrumentCompiler
import InstrumentModel
import PromptUI
import SessionLoop
import ResponseStore
import SessionEngine
import TerminalIO
import TestSupport
import Testing

func keys(_ text: String) -> [TerminalEvent] { text.map { .key(.character($0)) } }

let screens = """
    format: 1
    id: screens
    version: 1.0.0
    title: Screens
    sections:
      - id: s
        title: About you
        questions:
          - id: pick
            type: multiple
            text: Which apply?
            choices: [Walking, Reading, {value: 9, label: None of these, exclusive: true}]
            other: true
          - id: mood
            type: scale
            text: Mood today?
            from: 0
            to: 4
            labels: {0: Very low, 4: Very good}
            sensitive: true
          - id: grid
            type: matrix
            text: How far do you agree?
            choices: [Disagree, Agree]
            rows:
              - {id: heard, text: I feel heard}
              - {id: safe, text: I feel safe}
          - id: order
            type: ranking
            text: Put these in order
            choices: [Tea, Coffee, Juice]
          - {id: age, type: number, text: Age?, min: 16, max: 110}
          - {id: story, type: long_text, text: Anything else?}

    """

@Suite struct FullScreenTests {
    func run(_ events: [TerminalEvent], columns: Int = 80, rows: Int = 24) throws -> (SessionRunner<FullScreenDriver>, MemoryRecorder, SessionOutcome) {
        // Enter past the welcome screen.
        let terminal = ScriptedTerminal(columns: columns, rows: rows, [.key(.enter)] + events)
        let recorder = MemoryRecorder()
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(screens), seed: 1, today: 20_000),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: recorder, clock: { time += 1; return time })
        let outcome = try runner.run()
        return (runner, recorder, outcome)
    }

    @Test func drawsAChoiceQuestionWithMarkersNotColour() throws {
        let (runner, _, _) = try run(keys("1") + [.key(.ctrl("c")), .key(.character("y"))])
        // The frame before the leave question is replaced on the last two lines; check the body.
        let plain = runner.driver.frame.plain
        #expect(plain[0] == " Screens                                                      □□□□□□□□□□ 1 of 6 ")
        #expect(plain[2] == " About you")
        #expect(plain[4] == " Which apply?")
        #expect(plain[6] == " ❯ [x] 1 Walking")
        #expect(plain[7] == "   [ ] 2 Reading")
        #expect(plain[9] == "   [ ] 4 Other, please specify")
        #expect(plain[22] == " Leave now? Your answers so far are saved, and you can carry on later.")
    }

    @Test func answersEveryKindOfQuestionWithKeys() throws {
        let events: [TerminalEvent] = keys("14") + keys("Gardening") + [.key(.enter)]       // Walking, and Other typed in place
            + [.key(.right), .key(.right), .key(.character(" ")), .key(.enter)]               // scale: moving does not choose; Space chooses 1
            + keys("2") + [.key(.left), .key(.character(" ")), .key(.enter)]                   // matrix: heard=Agree, safe=Disagree
            + [.key(.character(" ")), .key(.down), .key(.down), .key(.character(" ")), .key(.enter)]  // ranking: Coffee, Juice, Tea
            + keys("200") + [.key(.enter)] + [.key(.backspace), .key(.backspace), .key(.enter)]     // 200, then 2: both refused
            + [.key(.backspace)] + keys("34") + [.key(.enter)]
            + keys("Line one") + [.key(.enter)] + keys("line two") + [.key(.tab)]
            + [.key(.enter)]
        let (runner, recorder, outcome) = try run(events)
        #expect(outcome == .completed(path: "memory"))
        let s = runner.session
        #expect(s.answers["pick"] == Answer(.choices([1, 10]), other: "Gardening"))
        #expect(s.answers["mood"] == Answer(.choice(1)))
        #expect(s.answers["grid"] == Answer(.rows(["heard": 2, "safe": 1])))
        #expect(s.answers["order"] == Answer(.ranking([2, 3, 1])))
        #expect(s.answers["age"] == Answer(.number(34)))
        #expect(s.answers["story"] == Answer(.text("Line one\nline two")))
        #expect(recorder.finished == .complete)
        #expect(recorder.events.count == 6)
    }

    @Test func showsTheReasonNextToTheAnswerAndKeepsWhatWasTyped() throws {
        let events: [TerminalEvent] = [.key(.enter), .key(.enter), .key(.enter), .key(.enter)] + keys("200") + [.key(.enter)]
            + [.key(.ctrl("c")), .key(.character("n"))] + [.key(.ctrl("c")), .key(.character("y"))]
        let (runner, _, outcome) = try run(events)
        #expect(outcome == .interrupted)
        #expect(runner.session.current?.id == "age")
        let frame = runner.driver.frame.plain
        let typed = try #require(frame.firstIndex(of: "   ▏ 200"), "the refused answer is shown as typed")
        #expect(frame[typed + 2] == " ! Please enter a number from 16 to 110.", "the reason stands under the answer")
    }

    @Test func goesBackWithEscapeAndShowsTheEarlierAnswer() throws {
        let events: [TerminalEvent] = keys("2") + [.key(.enter), .key(.escape)] + [.key(.ctrl("c")), .key(.character("y"))]
        let (runner, recorder, _) = try run(events)
        #expect(runner.session.current?.id == "pick")
        #expect(runner.driver.frame.plain[7] == " ❯ [x] 2 Reading")
        #expect(recorder.events.last == .back(at: 2))
    }

    @Test func redrawsAtANewSizeAndDrawsTheScaleAcross() throws {
        let events: [TerminalEvent] = [.key(.enter), .resized(columns: 60, rows: 16), .key(.ctrl("c")), .key(.character("y"))]
        let (runner, _, _) = try run(events)
        let frame = runner.driver.frame.plain
        #expect(frame.count == 16)
        #expect(frame[0].count <= 60)
        #expect(frame.contains("    ( ) 0   ( ) 1   ( ) 2   ( ) 3   ( ) 4"))
        #expect(frame.contains("   0 = Very low                               4 = Very good"))
        #expect(frame.contains(" This question is personal. You can skip it: press Enter"), "re-wrapped to the new width")
    }

    @Test func rewritesOnlyTheLinesThatChanged() throws {
        let terminal = ScriptedTerminal([])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        let session = Session(instrument: try compiled(screens), seed: 1, today: 20_000)
        terminal.script = ScriptedTerminal.typing([.key(.down), .key(.down), .key(.ctrl("c")), .key(.character("y"))])
        _ = driver.ask(session, problem: nil)
        // Moving the pointer from one choice to the next rewrites those two lines and nothing else.
        let frames = terminal.written.components(separatedBy: "\u{1B}[?25l")
        let rewritten = frames[2].components(separatedBy: "\u{1B}[K").count - 1
        #expect(rewritten == 2)
    }

    @Test func showsInterviewerInstructionsAndProbes() throws {
        let guide = try compiled("""
            format: 1
            id: guide
            version: 1.0.0
            kind: interview
            title: Guide
            sections:
              - id: role
                questions:
                  - id: typical_day
                    type: open
                    text: Can you tell me what a typical day looks like?
                    instructions: Reassure the participant.
                    probes: [How did you come to this role?]
            """)
        let terminal = ScriptedTerminal([.key(.ctrl("c")), .key(.character("n")), .key(.ctrl("c")), .key(.character("y"))])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        #expect(driver.ask(Session(instrument: guide, seed: 1, today: 0), problem: nil) == .leave)
        let frame = driver.frame.plain
        #expect(frame.contains(" Interviewer: Reassure the participant."))
        #expect(frame.contains(" • Probe: How did you come to this role?"))
    }
}
