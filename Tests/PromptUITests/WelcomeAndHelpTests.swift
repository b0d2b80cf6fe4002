import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// Issue 12 items 10 and 17: every session starts with a welcome that says how it works, and a
/// help key shows every key of the screen and the instrument's support contacts.
@Suite struct WelcomeAndHelpTests {
    static let yaml = """
        format: 1
        id: hello
        version: 1.0.0
        title: Hello
        description: Three short questions about your visit.
        support: Call the study team on 0800 000 000.
        sections:
          - id: s
            questions:
              - {id: pick, type: single, text: Which?, choices: [Tea, Coffee]}
              - {id: note, type: text, text: Anything?}
        """

    static let welcome = [
        " Three short questions about your visit.",
        " ",
        " To skip a question, press Enter without answering. Questions marked (required) need an answer.",
        " To go back to the previous question, press Esc.",
        " To stop and carry on later, press Ctrl-C: your answers so far are saved.",
        " Press ? or F1 at any time to see the keys and who to contact for support.",
    ]

    func run(_ events: [TerminalEvent], yaml: String = yaml, columns: Int = 120) throws -> (ScriptedTerminal, Session) {
        let terminal = ScriptedTerminal(columns: columns, rows: 24, events)
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        _ = try runner.run()
        return (terminal, runner.session)
    }

    @Test func aSurveyWithoutConsentOpensWithItsTitleDescriptionAndHowItWorks() throws {
        let (terminal, session) = try run([])
        let first = try #require(terminal.screens.first)
        #expect(first[0] == " Hello")
        #expect(Array(first[2...7]) == Self.welcome)
        #expect(first[23] == " Enter start · ? help · Ctrl-C leave · Ctrl-P pause")
        #expect(session.answers.isEmpty)
        let (started, _) = try run([.key(.enter)])
        #expect(started.screens.last?.contains(" Which?") == true, "Enter goes on to the first question")
    }

    @Test func theConsentScreenIsTheWelcome() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "sections:", with: "consent: {text: We will keep your answers., agree: I agree}\nsections:")
        let (terminal, _) = try run([], yaml: yaml)
        let first = try #require(terminal.screens.first)
        #expect(Array(first[2...7]) == Self.welcome)
        #expect(first[9] == " We will keep your answers.")
        #expect(first[11] == "   ( ) 1 I agree")
    }

    @Test func thePlainDriverSaysTheSameBeforeTheFirstQuestion() throws {
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: PlainDriver(io: ScriptedLines(input: ["?", "1", ""])), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        _ = try runner.run()
        let out = runner.driver.io.output
        #expect(out.hasPrefix("""
            Hello
            Three short questions about your visit.

            To skip a question, press Enter without typing anything. Questions marked (required) need an answer.
            To go back to the previous question, type <.
            To stop and carry on later, type q: your answers so far are saved.
            Type ? at any prompt to see the keys and who to contact for support.

            Question 1 of 2
            Which?
            """), "\(out)")
        // `?` shows the keys of the prompt and the support text, then asks again.
        #expect(out.contains("""
            > \("")  Enter alone: skip this question
              q  save and leave; you can carry on later
              ?  show this help
            Support: Call the study team on 0800 000 000.
            Type the number of your answer.
            """), "\(out)")
        #expect(runner.session.answers["pick"] == Answer(.choice(1)))
    }

    @Test func questionMarkShowsEveryKeyAndTheSupportTextAndAnyKeyCloses() throws {
        let (terminal, session) = try run([.key(.enter), .key(.character("?")), .key(.character("x"))])
        let screens = terminal.screens
        let help = try #require(screens.first { $0[0] == " Keys on this screen" }, "\(screens)")
        #expect(Array(help[2...14]) == [
            " ↑↓ move", " Space or 1-2 choose", " Backspace clears", " Enter next", " Enter alone skips",
            " PgUp PgDn scroll", " Ctrl-C leave: your answers so far are saved",
            " Ctrl-P pause at once: your answers so far are saved, and you are told where to find support and how to carry on",
            " ? or F1 this help", " ",
            " Support", " Call the study team on 0800 000 000.", "",
        ])
        #expect(help[23] == " Press any key to close this help")
        #expect(screens.last?.contains(" Which?") == true, "any key goes back to the question")
        #expect(session.answers.isEmpty, "the key that closed the help chose nothing")
    }

    @Test func inATextFieldQuestionMarkIsTypedAndF1IsHelp() throws {
        let (terminal, session) = try run([.key(.enter), .key(.enter)] + keys("Why?") + [.key(.f1), .key(.escape)] + [.key(.enter)])
        let screens = terminal.screens
        let field = try #require(screens.last { $0.contains(" Anything?") })
        #expect(Array(field[22...23]) == [" type your answer · Enter next · F1 help", " Esc back · Ctrl-C leave · Ctrl-P pause · Enter alone skips"])
        let help = try #require(screens.first { $0[0] == " Keys on this screen" })
        #expect(help.contains(" F1 this help (? is typed into your answer)"))
        #expect(session.answers["note"] == Answer(.text("Why?")))
    }

    @Test func aLongWelcomeScrollsWithTheArrowsToo() throws {
        let terminal = ScriptedTerminal(columns: 40, rows: 12, [.key(.down), .key(.down), .key(.down)])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        #expect(driver.welcome(Session(instrument: try compiled(Self.yaml), seed: 1, today: 0)) == false)
        let screens = terminal.screens
        #expect(screens.first?[9] == "   ↓ more below (PgDn)")
        #expect(screens.last?[2] == "   ↑ more above (PgUp)")
        let first = try #require(screens.first)
        #expect(first[5].hasPrefix(" To skip a question"))
        #expect(screens.last?[3] == first[5], "three lines down, one row taken by the marker")
    }

    @Test func everyScreenAsksForRoomBelowTheSmallestSize() throws {
        let (terminal, _) = try run([.resized(columns: 25, rows: 6), .key(.character("?")), .key(.character("x"))])
        #expect(terminal.screens.count >= 3)
        for screen in terminal.screens.dropFirst() { #expect(screen.prefix(2) == ["Please make this window", "larger."], "\(screen)") }
    }
}

@Suite struct ClosingScreenTests {
    /// Found reading the closing screen at 40x10: a long closing text ran under the key help with
    /// no way to read its end, and a resize left it drawn at the old width.
    @Test func aLongClosingTextScrollsAndFollowsTheWindow() throws {
        let end = (1...12).map { "Closing line \($0)." }.joined(separator: "\n\n")
        let yaml = "format: 1\nid: bye\nversion: 1.0.0\ntitle: Bye\nend: |\n" + end.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
            + "\nsections:\n  - id: s\n    questions:\n      - {id: a, type: text, text: A?}\n"
        let terminal = ScriptedTerminal(columns: 40, rows: 10, [.key(.pageDown), .resized(columns: 50, rows: 12), .key(.character("x"))])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        driver.finished(Session(instrument: try compiled(yaml), seed: 1, today: 0), outcome: .completed(path: "memory"))
        let screens = terminal.screens
        #expect(screens.count == 3, "drawn, paged, redrawn at the new size; x closed it")
        #expect(screens[0][2] == " Closing line 1.")
        #expect(screens[0][7] == "   ↓ more below (PgDn)")
        #expect(screens[1][2] == "   ↑ more above (PgUp)")
        #expect(screens[1][3] == " Closing line 3.")
        #expect(driver.frame.lines.count == 12)
    }
}
