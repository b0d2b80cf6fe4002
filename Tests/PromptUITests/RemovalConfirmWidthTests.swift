import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// The confirmation before a repeat's answers are removed wraps over the bottom lines rather than
/// being cut: at 60 columns in Spanish its keys ended "o Esc para cambiar su…", and a long list
/// of choices lost the names of the answers about to go.
@Suite struct RemovalConfirmWidthTests {
    static let yaml = """
        format: 1
        id: people
        version: 1.0.0
        languages: [es]
        title: Tu día
        sections:
          - id: people
            title: Personas
            repeat: {until_done: true, max: 3, another: ¿Fuiste con otra persona?}
            questions:
              - {id: who, type: single, text: ¿Con quién fuiste?, choices: [Amigo, Familia]}
        """

    @Test func theKeysWrapAt60Columns() throws {
        // Friend, yes, Family; back to the question whether there was another, and no.
        let events: [TerminalEvent] = [.key(.enter)] + keys("1") + [.key(.enter)] + keys("1") + [.key(.enter)]
            + keys("2") + [.key(.enter), .key(.escape), .key(.escape)] + keys("2") + [.key(.enter)]
        let terminal = ScriptedTerminal(columns: 60, rows: 20, events)
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        _ = try runner.run()
        let asking = terminal.screens.last { $0.contains { $0.contains("Responder que no") } } ?? []
        #expect(Array(asking.suffix(3)) == [" Responder que no borra sus respuestas del número 2.",
                                            " Pulse Enter para borrarlas, o Esc para cambiar su",
                                            " respuesta."], "\(asking.joined(separator: "\n"))")
    }
}
