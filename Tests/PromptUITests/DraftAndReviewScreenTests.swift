import InstrumentCompiler
import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// Typed text survives going back and leaving; the review lists every answer and changes one.
@Suite struct DraftAndReviewScreenTests {
    static let yaml = """
        format: 1
        id: drafts
        version: 1.0.0
        title: Drafts
        sections:
          - id: s
            questions:
              - {id: drink, type: single, text: Which drink?, choices: [Tea, Coffee]}
              - {id: story, type: long_text, text: Tell us more}
              - {id: age, type: number, text: Your age?}
        """

    func run(_ events: [TerminalEvent], from session: Session? = nil, recorder: MemoryRecorder = MemoryRecorder())
        throws -> (runner: SessionRunner<FullScreenDriver>, recorder: MemoryRecorder, outcome: SessionOutcome) {
        // A new session starts at the welcome: Enter goes past it.
        let terminal = ScriptedTerminal(columns: 80, rows: 24, (session == nil ? [.key(.enter)] : []) + events)
        var time = 0.0
        var runner = SessionRunner(session: try session ?? Session(instrument: compiled(Self.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: recorder, clock: { time += 1; return time })
        let outcome = try runner.run()
        return (runner, recorder, outcome)
    }

    func field(_ frame: Frame) -> [String] { frame.plain.filter { $0.contains("▏") }.map { $0.trimmingCharacters(in: .whitespaces) } }

    @Test func goingBackKeepsTheTextTypedAndShowsItOnComingBack() throws {
        let (runner, recorder, _) = try run(keys("1") + [.key(.enter)] + keys("Half a thought") + [.key(.escape), .key(.enter),
                                            .endOfInput])
        #expect(recorder.events.map(\.move).contains(.draft("Half a thought")))
        #expect(runner.session.answers["story"] == nil, "a draft is not an answer")
        #expect(runner.session.current?.id == "story")
        #expect(field(runner.driver.frame) == ["▏ Half a thought"])
    }

    @Test func leavingKeepsTheDraftAndResumingShowsIt() throws {
        let first = try run(keys("1") + [.key(.enter)] + keys("Half") + [.key(.enter)] + keys("a thought")
                            + [.key(.ctrl("c")), .key(.character("y"))])
        #expect(first.outcome == .interrupted)
        #expect(first.recorder.events.last == SessionEvent(.draft("Half\na thought"), question: "story", at: 2))
        let rebuilt = Session.rebuilt(instrument: try compiled(Self.yaml), seed: 1, language: nil, today: 0, events: first.recorder.events)
        #expect(rebuilt.unapplied.isEmpty)
        let resumed = try run([.endOfInput], from: rebuilt.session)
        #expect(field(resumed.runner.driver.frame) == ["▏ Half", "▏ a thought"])
        #expect(resumed.recorder.events.isEmpty, "an unchanged draft is not journaled again")
    }

    @Test func theReviewListsEveryAnswerAndSendsOnlyOnEnterAtSend() throws {
        let (runner, recorder, outcome) = try run(keys("2") + [.key(.enter)] + keys("Long story") + [.key(.tab)] + [.key(.enter), .endOfInput])
        #expect(outcome == .interrupted, "answering the last question does not send")
        #expect(recorder.finished == nil)
        #expect(Array(runner.driver.frame.plain[2...12]) == [
            " Please check your answers before you send them.",
            " ",
            "   1. Which drink?",
            "      Coffee",
            "   2. Tell us more",
            "      Long story",
            "   3. Your age?",
            "      (skipped)",
            " ",
            " ❯ [ Send my answers ]",
            "",
        ])
        #expect(Array(runner.driver.frame.plain[22...23]) == [" ↑↓ move · Enter change, or send · ? help", " Esc back · Ctrl-C leave · Ctrl-P pause"])
    }

    @Test func theReviewChangesAnEarlierAnswerAndComesBack() throws {
        let events = keys("2") + [.key(.enter)] + keys("Long story") + [.key(.tab), .key(.enter)]
            + [.key(.up), .key(.up), .key(.up), .key(.enter)]          // to "Which drink?"
            + keys("1") + [.key(.enter)]                                 // Tea now
            + [.key(.enter)]                                              // send
        let (runner, recorder, outcome) = try run(events)
        #expect(outcome == .completed(path: "memory"))
        #expect(recorder.finished == .complete)
        #expect(runner.session.answers["drink"] == Answer(.choice(1)))
        #expect(runner.session.answers["story"] == Answer(.text("Long story")))
        #expect(recorder.events.map(\.move).contains(.jump(to: "drink")))
    }
}

/// The same in plain mode: lines typed in a long text and then the end of input are a draft; the
/// review is a numbered list.
@Suite struct PlainDraftAndReviewTests {
    func run(_ lines: [String], from session: Session? = nil) throws -> (runner: SessionRunner<PlainDriver<ScriptedLines>>, recorder: MemoryRecorder, outcome: SessionOutcome) {
        let recorder = MemoryRecorder()
        var time = 0.0
        var runner = SessionRunner(session: try session ?? Session(instrument: compiled(DraftAndReviewScreenTests.yaml), seed: 1, today: 0),
                                   driver: PlainDriver(io: ScriptedLines(input: lines)), recorder: recorder, clock: { time += 1; return time })
        let outcome = try runner.run()
        return (runner, recorder, outcome)
    }

    @Test func linesTypedThenTheEndOfInputAreKeptAsADraftAndOfferedOnResuming() throws {
        let first = try run(["1", "Half", "a thought"])
        #expect(first.outcome == .interrupted)
        #expect(first.recorder.events.last == SessionEvent(.draft("Half\na thought"), question: "story", at: 2))
        #expect(first.runner.session.answers["story"] == nil, "lines never ended with an empty line are not an answer")
        let rebuilt = Session.rebuilt(instrument: try compiled(DraftAndReviewScreenTests.yaml), seed: 1, language: nil, today: 0,
                                      events: first.recorder.events)
        let resumed = try run(["", "40", ""], from: rebuilt.session)
        #expect(resumed.runner.driver.io.output.contains("You had typed: Half\na thought\nPress Enter to send it, or type a new answer.\n"))
        #expect(resumed.outcome == .completed(path: "memory"))
        #expect(resumed.runner.session.answers["story"] == Answer(.text("Half\na thought")))
    }

    @Test func theReviewIsANumberedListAndANumberChangesThatAnswer() throws {
        let (runner, recorder, outcome) = try run(["2", "Long", "story", "", "", "1", "1", ""])
        #expect(outcome == .completed(path: "memory"))
        let out = runner.driver.io.output
        #expect(out.contains("""
            Please check your answers before you send them.
              1. Which drink? Your answer: Coffee
              2. Tell us more Your answer: Long story
              3. Your age? Not answered.
            Type a number to change that answer, or press Enter to send your answers. < to go back, q to save and leave.
            """))
        #expect(out.contains("  1. Which drink? Your answer: Tea\n"), "the list comes again with the change")
        #expect(runner.session.answers["drink"] == Answer(.choice(1)))
        #expect(recorder.events.map(\.move).contains(.jump(to: "drink")))
    }

    @Test func theEndOfInputAtTheReviewLeavesWithoutSending() throws {
        let (_, recorder, outcome) = try run(["2", "Long story", "", ""])
        #expect(outcome == .interrupted)
        #expect(recorder.finished == nil)
    }
}

/// A long text wraps at words while it is typed, and Up moves by the lines on the screen.
@Suite struct TypingWrapTests {
    @Test func aLongTextWrapsAtWordsAndUpMovesByScreenLine() throws {
        let words = "The staff were kind and the rooms were clean but the waiting was long"
        let events = [.key(.enter)] + keys("1") + [.key(.enter)] + keys(words) + [.key(.up)] + keys("!") + [.endOfInput]
        let terminal = ScriptedTerminal(columns: 40, rows: 24, events)
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(DraftAndReviewScreenTests.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        _ = try runner.run()
        #expect(runner.driver.frame.plain.filter { $0.contains("▏") } == [
            "   ▏ The staff were kind and the rooms",
            "   ▏ were! clean but the waiting was",
            "   ▏ long",
        ])
        #expect(runner.session.drafts["story"] == "The staff were kind and the rooms were! clean but the waiting was long")
    }

    @Test func afterAResizeUpMovesByTheNewScreenLines() throws {
        let words = "The staff were kind and the rooms were clean but the waiting was long"
        let events = [.key(.enter)] + keys("1") + [.key(.enter)] + keys(words) + [.resized(columns: 40, rows: 24), .key(.up)] + keys("!") + [.endOfInput]
        let terminal = ScriptedTerminal(columns: 80, rows: 24, events)
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(DraftAndReviewScreenTests.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        _ = try runner.run()
        #expect(runner.session.drafts["story"] == "The staff were kind and the rooms were! clean but the waiting was long")
    }
}

/// `settings.idle_minutes`: a session left alone is saved, its draft too, and left.
@Suite struct IdleTimeoutTests {
    static let yaml = DraftAndReviewScreenTests.yaml.replacingOccurrences(of: "title: Drafts\n", with: "title: Drafts\nsettings: {idle_minutes: 2}\n")

    func run(pause: Int) throws -> (SessionRunner<FullScreenDriver>, MemoryRecorder, SessionOutcome) {
        let script = ScriptedTerminal.typing([.key(.enter)] + keys("1") + [.key(.enter)] + keys("Half"))
            + [(after: pause, input: .bytes(Key.character("!").bytes))]
        let terminal = ScriptedTerminal(columns: 80, rows: 24, script: script)
        let recorder = MemoryRecorder()
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: recorder, clock: { time += 1; return time })
        let outcome = try runner.run()
        return (runner, recorder, outcome)
    }

    @Test func leavesSavedWithTheDraftAfterTheIdleMinutes() throws {
        let (runner, recorder, outcome) = try run(pause: 2 * 60_000 + 1)
        #expect(outcome == .interrupted)
        #expect(runner.driver.leftIdle)
        #expect(recorder.events.last?.move == .draft("Half"))
    }

    @Test func leavesFromTheQuestionWhetherToLeaveToo() throws {
        let script = ScriptedTerminal.typing([.key(.enter)] + keys("1") + [.key(.enter)] + keys("Half") + [.key(.ctrl("c"))])
            + [(after: 2 * 60_000 + 1, input: .bytes(Key.character("n").bytes))]
        let terminal = ScriptedTerminal(columns: 80, rows: 24, script: script)
        let recorder = MemoryRecorder()
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: recorder, clock: { time += 1; return time })
        #expect(try runner.run() == .interrupted)
        #expect(runner.driver.leftIdle)
        #expect(recorder.events.last?.move == .draft("Half"))
    }

    @Test func aKeyWithinTheIdleMinutesKeepsTheSessionGoing() throws {
        let (runner, recorder, _) = try run(pause: 2 * 60_000 - 1)
        #expect(!runner.driver.leftIdle)
        #expect(recorder.events.last?.move == .draft("Half!"), "the key was typed; the end of the script left")
    }

    @Test func theCompilerTakesIdleMinutesFromOneToADay() throws {
        #expect(try compiled(Self.yaml).settings.idleMinutes == 2)
        let result = InstrumentCompiler.compile(Array(Self.yaml.replacingOccurrences(of: "idle_minutes: 2", with: "idle_minutes: 0").utf8))
        #expect(result.diagnostics.map(\.message) == ["'idle_minutes' is 0, but it must be from 1 to 1440 (a day)"])
    }
}
