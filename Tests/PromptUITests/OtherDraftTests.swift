import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// What was typed into "Other" is kept as a draft on going back and on leaving, as a text
/// field's is, and is in the field again on coming back or resuming.
@Suite struct OtherDraftTests {
    static let yaml = """
        format: 1
        id: other
        version: 1.0.0
        title: Places
        sections:
          - id: s
            questions:
              - {id: drink, type: single, text: Which drink?, choices: [Tea, Coffee]}
              - {id: place, type: single, text: Where do you live?, choices: [Flat, House], other: true}
              - {id: help, type: multiple, text: What helped?, choices: [Food, Talk], other: true}
        """

    func run(_ events: [TerminalEvent], from session: Session? = nil) throws -> (SessionRunner<FullScreenDriver>, MemoryRecorder, SessionOutcome) {
        let terminal = ScriptedTerminal(columns: 80, rows: 24, (session == nil ? [.key(.enter)] : []) + events)
        let recorder = MemoryRecorder()
        var time = 0.0
        var runner = SessionRunner(session: try session ?? Session(instrument: compiled(Self.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: recorder, clock: { time += 1; return time })
        let outcome = try runner.run()
        return (runner, recorder, outcome)
    }

    func shown(_ frame: Frame) -> [String] {
        frame.plain.filter { $0.contains("Other") || $0.contains("▏") }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func goingBackKeepsWhatWasTypedIntoOther() throws {
        let (runner, recorder, _) = try run([.key(.enter)] + keys("3") + keys("Housing pro") + [.key(.escape), .key(.enter), .endOfInput])
        #expect(recorder.events.contains(SessionEvent(.draft("Housing pro"), question: "place", at: 2)), "\(recorder.events)")
        #expect(runner.session.answers["place"] == nil, "a draft is not an answer")
        #expect(runner.session.current?.id == "place")
        #expect(shown(runner.driver.frame) == ["❯ (•) 3 Other, please specify", "▏ Housing pro"])
    }

    @Test func leavingKeepsItAndResumingShowsIt() throws {
        let first = try run([.key(.enter), .key(.enter)] + keys("3") + keys("Bus") + [.key(.ctrl("c")), .key(.character("y"))])
        #expect(first.2 == .interrupted)
        #expect(first.1.events.last == SessionEvent(.draft("Bus"), question: "help", at: 3))
        let rebuilt = Session.rebuilt(instrument: try compiled(Self.yaml), seed: 1, language: nil, today: 0, events: first.1.events)
        #expect(rebuilt.unapplied.isEmpty)
        let resumed = try run(keys("Stop") + [.key(.enter)], from: rebuilt.session)
        #expect(resumed.0.session.answers["help"] == Answer(.choices([3]), other: "BusStop"))
    }

    /// Answering or skipping ends the draft (off the field, Backspace clears the choice): it is not offered again over the answer given.
    @Test func answeringEndsTheDraft() throws {
        let (runner, _, _) = try run([.key(.enter)] + keys("3") + keys("Boat") + [.key(.escape), .key(.enter), .key(.up), .key(.backspace), .key(.enter), .endOfInput])
        #expect(runner.session.otherDrafts["place"] == nil)
        #expect(runner.session.skipped.contains("place"))
    }
}
