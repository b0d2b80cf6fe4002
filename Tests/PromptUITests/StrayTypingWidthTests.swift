import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// Found trying today's merges at 40x12 in Spanish: typing on the welcome was said back as
/// "! En esta pantalla no se escribe (ha…", without what was typed or what to do. A message
/// under a survey's screen wraps over up to three lines, as under the interviewer's.
@Suite struct StrayTypingWidthTests {
    @Test func theWelcomeSaysWhatWasTypedWholeAt40Columns() throws {
        let yaml = """
            format: 1
            id: stray
            version: 1.0.0
            languages: [es]
            title: Tu día
            sections:
              - id: s
                questions:
                  - {id: pick, type: single, text: ¿Cuál?, choices: [Té, Café]}
            """
        let terminal = ScriptedTerminal(columns: 40, rows: 12, keys("hola"))
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        _ = try runner.run()
        let screen = terminal.screens.last ?? []
        #expect(Array(screen.suffix(4)) == [" ! En esta pantalla no se escribe (ha",
                                            "   escrito \"hola\"): use las teclas de",
                                            "   abajo.",
                                            " Enter empezar · ? ayuda · Ctrl-C salir"], "\(screen.joined(separator: "\n"))")
    }
}

/// Found the same way: the help's closing line, at 40 columns in Spanish, was cut to "Pulse
/// cualquier tecla para cerrar esta…"; it wraps as the keys do.
@Suite struct HelpCloseWidthTests {
    @Test func theHelpsClosingLineWrapsAt40Columns() throws {
        let yaml = """
            format: 1
            id: help
            version: 1.0.0
            languages: [es]
            title: Tu día
            sections:
              - id: s
                questions:
                  - {id: pick, type: single, text: ¿Cuál?, choices: [Té, Café]}
            """
        let terminal = ScriptedTerminal(columns: 40, rows: 12, [.key(.enter), .key(.f1)])
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        _ = try runner.run()
        let help = terminal.screens.last { $0.first == " Teclas de esta pantalla" } ?? []
        #expect(Array(help.suffix(2)) == [" Pulse cualquier tecla para cerrar esta", " ayuda"], "\(help.joined(separator: "\n"))")
    }
}
