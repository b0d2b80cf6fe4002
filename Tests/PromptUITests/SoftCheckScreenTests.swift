import Foundation
import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

private let soft = """
    format: 1
    id: soft
    version: 1.0.0
    title: Soft
    sections:
      - id: s
        questions:
          - id: grid
            type: matrix
            text: How far do you agree?
            soft_required: true
            choices: [Disagree, Agree]
            rows:
              - {id: heard, text: I feel heard}
              - {id: safe, text: I feel safe}
              - {id: fed, text: I am well fed}
          - {id: rooms, type: number, text: How many rooms?, warn_if: . > 10, warn_message: That is a lot of rooms. Is it right?}

    """

@Suite struct SoftCheckScreenTests {
    func run(_ events: [TerminalEvent]) throws -> (SessionRunner<FullScreenDriver>, MemoryRecorder, SessionOutcome) {
        let terminal = ScriptedTerminal(columns: 80, rows: 24, [.key(.enter)] + events)
        let recorder = MemoryRecorder()
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(soft), seed: 1, today: 20_000),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: recorder, clock: { time += 1; return time })
        let outcome = try runner.run()
        return (runner, recorder, outcome)
    }

    @Test func saysHowManyRowsAreEmptyAndKeepsTheAnswerOnEnterAgain() throws {
        // One row answered, Enter: told, the answer still in place; Enter again keeps it.
        let events: [TerminalEvent] = keys("2") + [.key(.enter)] + [.key(.ctrl("c")), .key(.character("n"))]
            + [.key(.enter)] + keys("3") + [.key(.enter), .key(.enter)]
        let (runner, recorder, outcome) = try run(events)
        #expect(outcome == .completed(path: "memory"))
        #expect(runner.session.answers["grid"] == Answer(.rows(["heard": 2])))
        #expect(runner.session.answers["rooms"] == Answer(.number(3)), "no warning below 11")
        #expect(runner.session.softConfirmed == ["grid": 1])
        #expect(recorder.events.map(\.move).prefix(2) == [.confirm, .answer(Answer(.rows(["heard": 2])))])
    }

    @Test func showsTheWarnMessageUnderTheAnswer() throws {
        // 12, told; changed to 13, told again: a changed answer is questioned afresh.
        let events: [TerminalEvent] = keys("12") + [.key(.enter), .key(.backspace)] + keys("3") + [.key(.enter)]
            + [.key(.ctrl("c")), .key(.character("y"))]
        let (runner, _, outcome) = try run([.key(.enter), .key(.enter)] + events)
        #expect(outcome == .interrupted)
        #expect(runner.session.current?.id == "rooms")
        let frame = runner.driver.frame.plain
        let typed = try #require(frame.firstIndex(of: "   ▏ 13"), "the answer stays as typed")
        #expect(frame[typed + 2] == " ! That is a lot of rooms. Is it right? Press Enter again to keep it as it is,")
        #expect(frame[typed + 3] == " or change your answer.")
        #expect(runner.session.softConfirmed == ["grid": 1], "the grid left empty and kept; the rooms not kept yet")
    }

    @Test func aConfirmationIsReplayedFromTheJournal() throws {
        let instrument = try compiled(soft)
        let events: [SessionEvent] = [
            SessionEvent(.skip, question: "grid", at: 1),
            SessionEvent(.back, at: 2),
            SessionEvent(.confirm, question: "grid", at: 3),
            SessionEvent(.skip, question: "grid", at: 3),
        ]
        let line = Data(#"{"confirm":{"at":3,"question":"grid"}}"#.utf8)
        #expect(try JSONDecoder().decode(SessionEvent.self, from: line) == events[2], "the journal's line for a confirmation")
        let rebuilt = Session.rebuilt(instrument: instrument, seed: 1, language: nil, today: 20_000, events: events)
        #expect(rebuilt.unapplied.isEmpty)
        #expect(rebuilt.session.softConfirmed == ["grid": 1])
    }
}
