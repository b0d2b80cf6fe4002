import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// Nothing typed is dropped without a word: on the screens of a survey that take no typing (the
/// welcome, a note, the review) what was typed is said back on the screen, with where to go.
@Suite struct StrayTypingTests {
    static let yaml = """
        format: 1
        id: stray
        version: 1.0.0
        title: Stray
        sections:
          - id: s
            questions:
              - {id: intro, type: note, text: Please read this first.}
              - {id: pick, type: single, text: Which?, choices: [Tea, Coffee]}
        """
    let said = " ! " + ParticipantWords.forLanguage(nil).screenTakesNoTyping("I am 42")

    func run(_ events: [TerminalEvent]) throws -> (ScriptedTerminal, Session) {
        let terminal = ScriptedTerminal(columns: 120, rows: 24, events)
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        _ = try runner.run()
        return (terminal, runner.session)
    }

    @Test func typingOnTheWelcomeIsSaidBack() throws {
        let (terminal, _) = try run(keys("I am 42!") + [.key(.backspace)])
        #expect(terminal.screens.last?.contains(said) == true)
        #expect(terminal.screens.last?.contains(" Enter start · ? help · Ctrl-C leave · Ctrl-P pause") == true)
    }

    @Test func typingOnANoteIsSaidBackUnderIt() throws {
        let (terminal, session) = try run([.key(.enter)] + keys("I am 42"))
        #expect(session.current?.id == "intro")
        #expect(terminal.screens.last?.contains(" ! " + ParticipantWords.forLanguage(nil).screenTakesNoTyping("I am 42")) == true)
    }

    @Test func typingOnTheReviewIsSaidBack() throws {
        let (terminal, session) = try run([.key(.enter), .key(.enter), .key(.character("1")), .key(.enter)] + keys("I am 42"))
        #expect(session.answers["pick"]?.value == .choice(1))
        #expect(terminal.screens.last?.contains { $0.contains("[ " + ParticipantWords.forLanguage(nil).reviewSend + " ]") } == true)
        #expect(terminal.screens.last?.contains(said) == true)
    }
}
