import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// Text typed into "Other" on the full screen and left as a draft is offered back in plain mode
/// on resuming, as a typed answer's draft is: said under the question, sent by Enter alone, and
/// the text the "Other" prompt starts from when Other is chosen again.
@Suite struct PlainOtherDraftTests {
    /// A session left on the full screen with "Bus" typed into "Other" at "What helped?".
    func leftWithADraft() throws -> Session {
        let terminal = ScriptedTerminal(columns: 80, rows: 24, [.key(.enter), .key(.enter), .key(.enter)] + keys("3") + keys("Bus")
                                        + [.key(.ctrl("c")), .key(.character("y"))])
        let recorder = MemoryRecorder()
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(OtherDraftTests.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: recorder, clock: { time += 1; return time })
        #expect(try runner.run() == .interrupted)
        let rebuilt = Session.rebuilt(instrument: try compiled(OtherDraftTests.yaml), seed: 1, language: nil, today: 0, events: recorder.events)
        #expect(rebuilt.session.otherDrafts["help"] == "Bus")
        return rebuilt.session
    }

    func resume(_ lines: [String]) throws -> (SessionRunner<PlainDriver<ScriptedLines>>, SessionOutcome) {
        var time = 10.0
        var runner = SessionRunner(session: try leftWithADraft(), driver: PlainDriver(io: ScriptedLines(input: lines)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        let outcome = try runner.run()
        return (runner, outcome)
    }

    @Test func theDraftIsSaidAndEnterAloneSendsIt() throws {
        let (runner, outcome) = try resume(["", ""])
        #expect(runner.driver.io.output.contains("What helped?\n  1  Food\n  2  Talk\n  3  Other, please specify\n"
                                                 + "You had typed: Other, please specify: Bus\nPress Enter to send it, or type a new answer.\n"),
                "\(runner.driver.io.output)")
        #expect(outcome == .completed(path: "memory"))
        #expect(runner.session.answers["help"] == Answer(.choices([3]), other: "Bus"))
    }

    @Test func choosingOtherAgainStartsFromTheDraft() throws {
        let (runner, _) = try resume(["1, 3", "", ""])
        #expect(runner.driver.io.output.contains("Please say what \"Other, please specify\" is:\n"
                                                 + "You had typed: Bus\nPress Enter to send it, or type a new answer.\n> "),
                "\(runner.driver.io.output)")
        #expect(runner.session.answers["help"] == Answer(.choices([1, 3]), other: "Bus"))
    }

    @Test func anotherAnswerEndsTheDraft() throws {
        let (runner, _) = try resume(["2", ""])
        #expect(runner.session.answers["help"] == Answer(.choices([2])))
        #expect(runner.session.otherDrafts["help"] == nil)
    }
}

/// Plain mode's keys hold at the "Other" prompt as at every prompt: `q` leaves, `<` asks the
/// question again and `?` helps; they were stored as what "Other" is.
@Suite struct PlainOtherPromptKeysTests {
    func run(_ lines: [String]) throws -> (SessionRunner<PlainDriver<ScriptedLines>>, SessionOutcome) {
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(OtherDraftTests.yaml), seed: 1, today: 0),
                                   driver: PlainDriver(io: ScriptedLines(input: lines)), recorder: MemoryRecorder(), clock: { time += 1; return time })
        let outcome = try runner.run()
        return (runner, outcome)
    }

    @Test func qLeaves() throws {
        let (runner, outcome) = try run(["", "3", "q"])
        #expect(outcome == .interrupted)
        #expect(runner.session.answers["place"] == nil)
    }

    @Test func lessThanAsksTheQuestionAgain() throws {
        let (runner, _) = try run(["", "3", "<", "1"])
        #expect(runner.session.answers["place"] == Answer(.choice(1)))
    }

    @Test func questionMarkHelpsThenAsksAgain() throws {
        let (runner, _) = try run(["", "3", "?", "Boat"])
        #expect(runner.session.answers["place"] == Answer(.choice(3), other: "Boat"))
        #expect(runner.driver.io.output.contains("  q  save and leave; you can carry on later\n"), "\(runner.driver.io.output)")
        #expect(runner.driver.io.output.components(separatedBy: "Please say what \"Other, please specify\" is:\n> ").count == 3,
                "asked again after the help: \(runner.driver.io.output)")
    }
}
