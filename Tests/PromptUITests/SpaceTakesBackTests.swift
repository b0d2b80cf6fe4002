import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// The README's key table: "Space or a number chooses (Space again, or Backspace, takes it back)",
/// in every choice widget. A single-choice list kept the choice on a second Space.
@Suite struct SpaceTakesBackTests {
    static let yaml = """
        format: 1
        id: space
        version: 1.0.0
        title: Space
        sections:
          - id: s
            questions:
              - {id: pick, type: single, text: Which?, choices: [Tea, Coffee, Juice]}
              - {id: mood, type: scale, text: How was it?, choices: [Bad, Fine, Good]}
              - {id: many, type: multiple, text: Which ones?, choices: [Tea, Coffee]}
        """

    @Test(arguments: [80, 30])
    func spaceAgainTakesTheChoiceBack(columns: Int) throws {
        let space = TerminalEvent.key(.character(" "))
        let terminal = ScriptedTerminal(columns: columns, rows: 20, [.key(.enter)]
            + [.key(.down), .key(.down), space, space, .key(.enter)]         // single: chosen, taken back
            + [.key(.down), space, space, .key(.enter)]                      // labelled scale (a list)
            + [.key(.down), space, space, .key(.enter)]                      // multiple
            + [.key(.ctrl("c")), .key(.character("y"))])
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        _ = try runner.run()
        #expect(runner.session.answers.isEmpty, "\(runner.session.answers)")
        #expect(runner.session.skipped == ["pick", "mood", "many"])
    }
}
