import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// Issue 15, support at any moment: one key pauses at any question (saved, nothing asked), the
/// help says so, and the support text is on the screens of someone who declines.
@Suite struct PauseAndSupportTests {
    static let yaml = """
        format: 1
        id: care
        version: 1.0.0
        title: Care
        consent: {text: Take part?, agree: Yes, decline: No thanks}
        support: Call the study team on 0800 000 000, or Samaritans on 116 123.
        sections:
          - id: s
            questions:
              - {id: feel, type: text, text: How are you feeling?}
              - {id: more, type: text, text: Anything else?}
        """

    func run(_ events: [TerminalEvent]) throws -> (ScriptedTerminal, SessionOutcome, Session, MemoryRecorder) {
        let terminal = ScriptedTerminal(columns: 120, rows: 24, events)
        let recorder = MemoryRecorder()
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: recorder, clock: { time += 1; return time })
        let outcome = try runner.run()
        return (terminal, outcome, runner.session, recorder)
    }

    @Test func ctrlPPausesAtOnceKeepingWhatWasTyped() throws {
        let (_, outcome, session, _) = try run([.key(.character("1")), .key(.enter), .key(.character("o")), .key(.character("k")), .key(.enter),
                                               .key(.character("t")), .key(.character("i")), .key(.character("r")), .key(.ctrl("p")),
                                               // Keys after the pause reach nothing: the session has been left.
                                               .key(.character("x")), .key(.enter)])
        #expect(outcome == .interrupted)
        #expect(session.answers["feel"] == Answer(.text("ok")))
        #expect(session.answers["more"] == nil)
        #expect(session.drafts["more"] == "tir", "what was typed is kept, as leaving keeps it")
    }

    @Test func ctrlPPausesAtTheReviewAndAtASafeguardingMessageToo() throws {
        let (_, atReview, session, recorder) = try run([.key(.character("1")), .key(.enter), .key(.character("a")), .key(.enter),
                                                        .key(.character("b")), .key(.enter), .key(.ctrl("p")), .key(.enter)])
        #expect(atReview == .interrupted)
        #expect(session.answers["more"] == Answer(.text("b")))
        #expect(recorder.finished == nil, "nothing was sent")
        let yaml = Self.yaml.replacingOccurrences(of: "sections:", with: "safeguarding:\n  - {id: low, when: 'feel == \"low\"', message: Thank you for telling us.}\nsections:")
        let terminal = ScriptedTerminal(columns: 120, rows: 24, [.key(.character("1")), .key(.enter)] + "low".map { .key(.character($0)) }
                                        + [.key(.enter), .key(.ctrl("p")), .key(.character("c")), .key(.character("x")), .key(.enter)])
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        #expect(try runner.run() == .interrupted)
        #expect(runner.session.safeguardingFired.map(\.rule) == ["low"])
        #expect(runner.session.current?.id == "more", "paused at the message, before the next question")
        #expect(runner.session.answers["more"] == nil, "the keys after the pause reach nothing")
    }

    @Test func theHelpAtAQuestionNamesThePauseKeyAndTheSupport() throws {
        let (terminal, _, _, _) = try run([.key(.character("1")), .key(.enter), .key(.f1)])
        let help = try #require(terminal.screens.first { $0[0] == " Keys on this screen" }, "\(terminal.screens)")
        #expect(help.contains(" Ctrl-P pause at once: your answers so far are saved, and you are told where to find support and how to carry on"),
                "\(help.joined(separator: "\n"))")
        #expect(help.contains(" Call the study team on 0800 000 000, or Samaritans on 116 123."))
    }

    /// The first screen too: the welcome (or the consent, which is the welcome then) pauses on
    /// Ctrl-P without asking, as every later screen does, and its key line and help say so.
    @Test func ctrlPPausesAtTheWelcomeAndTheConsentAndTheirKeysSaySo() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "consent: {text: Take part?, agree: Yes, decline: No thanks}\n", with: "")
        let terminal = ScriptedTerminal(columns: 80, rows: 24, [.key(.f1), .key(.character("x")), .key(.ctrl("p")), .key(.enter), .key(.enter)])
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        #expect(try runner.run() == .interrupted)
        #expect(runner.session.answers.isEmpty && runner.session.skipped.isEmpty, "the keys after the pause reach nothing")
        #expect(!terminal.screens.contains { $0.contains { $0.contains("Leave now?") } }, "nothing asked")
        #expect(terminal.screens[0][23] == " Enter start · ? help · Ctrl-C leave · Ctrl-P pause")
        let help = try #require(terminal.screens.first { $0[0] == " Keys on this screen" }, "\(terminal.screens)")
        #expect(Array(help[2...7]) == [" Enter start", " PgUp PgDn scroll", " Ctrl-C leave: your answers so far are saved",
                                       " Ctrl-P pause at once: your answers so far are saved, and you are told where to",
                                       " find support and how to carry on", " ? or F1 this help"], "\(help.joined(separator: "\n"))")

        let (consent, outcome, session, _) = try run([.key(.ctrl("p")), .key(.character("1")), .key(.enter)])
        #expect(outcome == .interrupted)
        #expect(session.phase == .consent, "not agreed: the keys after the pause reach nothing")
        #expect(consent.screens[0].last == " Ctrl-C leave · Ctrl-P pause", "\(consent.screens[0].joined(separator: "\n"))")
    }

    /// The screen before the welcome, where the languages are offered, leaves on Ctrl-P as on Ctrl-C.
    @Test func ctrlPPausesWhereTheLanguagesAreOffered() throws {
        let yaml = """
            format: 1
            id: two
            version: 1.0.0
            languages: [en, cy]
            title: {en: Two, cy: Dau}
            sections:
              - id: s
                questions:
                  - {id: q, type: text, text: {en: Q?, cy: C?}}
            """
        let terminal = ScriptedTerminal(columns: 80, rows: 24, [.key(.ctrl("p")), .key(.down), .key(.enter), .key(.enter)])
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time }, offerLanguages: true)
        #expect(try runner.run() == .interrupted)
        #expect(runner.session.language == "en", "the keys after the pause reach nothing")
    }

    @Test func theDeclineScreenSaysWhereSupportIs() throws {
        let (terminal, outcome, _, _) = try run([.key(.character("2")), .key(.enter)])
        #expect(outcome == .declined)
        let last = try #require(terminal.screens.last)
        #expect(Array(last[2...5]) == [" You chose not to take part. Nothing you typed has been kept. Thank you for your time.", " ",
                                       " Support", " Call the study team on 0800 000 000, or Samaritans on 116 123."],
                "\(last.joined(separator: "\n"))")
    }

    @Test func thePlainDeclineSaysWhereSupportIs() throws {
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: PlainDriver(io: ScriptedLines(input: ["2"])), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        #expect(try runner.run() == .declined)
        #expect(runner.driver.io.output.hasSuffix("""
            You chose not to take part. Nothing you typed has been kept. Thank you for your time.
            Support: Call the study team on 0800 000 000, or Samaritans on 116 123.

            """), "\(runner.driver.io.output)")
    }
}
