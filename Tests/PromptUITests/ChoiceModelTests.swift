import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// The one model of the choice widgets: moving does not choose, Space or a number chooses,
/// Backspace clears, Enter confirms what is chosen and with nothing chosen skips. What the screen
/// marks as chosen is exactly what is stored.
@Suite struct ChoiceModelTests {
    static let yaml = """
        format: 1
        id: model
        version: 1.0.0
        title: Model
        sections:
          - id: s
            questions:
              - {id: pick, type: single, text: Which?, choices: [Tea, Coffee, Juice], sensitive: true}
              - {id: pain, type: scale, text: Pain?, from: 0, to: 10, labels: {0: None, 10: Worst}}
              - id: grid
                type: matrix
                text: How?
                choices: [{value: 1, label: "No"}, {value: 2, label: "Yes"}]
                rows: [{id: a, text: A}, {id: b, text: B}]
              - {id: order, type: ranking, text: Order, choices: [X, Y, Z]}
              - {id: story, type: long_text, text: Tell us, sensitive: true}
        """

    func run(_ events: [TerminalEvent], columns: Int = 80, given: [String: Answer] = [:]) throws -> (Session, FullScreenDriver, MemoryRecorder) {
        // Enter past the welcome, shown only before anything is answered.
        let terminal = ScriptedTerminal(columns: columns, rows: 30, (given.isEmpty ? [.key(.enter)] : []) + events + [.key(.ctrl("c")), .key(.character("y"))])
        let recorder = MemoryRecorder()
        var time = 0.0
        var session = Session(instrument: try compiled(Self.yaml), seed: 1, today: 0)
        for (id, answer) in given.sorted(by: { $0.key < $1.key }) where session.current?.id == id { try session.answer(answer, at: 0) }
        var runner = SessionRunner(session: session, driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: recorder, clock: { time += 1; return time })
        _ = try runner.run()
        return (runner.session, runner.driver, recorder)
    }

    static let enter = TerminalEvent.key(.enter)
    static let space = TerminalEvent.key(.character(" "))

    /// Reading the options of a sensitive question is not answering it.
    @Test func browsingThenEnterSkips() throws {
        let (s, _, _) = try run([.key(.down), .key(.down), .key(.up), Self.enter,            // list
                                 .key(.right), .key(.right), Self.enter,                       // scale
                                 .key(.right), .key(.down), .key(.left), Self.enter,           // matrix
                                 Self.enter])                                                  // ranking, untouched
        #expect(s.answers.isEmpty)
        #expect(s.skipped == ["pick", "pain", "grid", "order"])
    }

    @Test func backspaceTakesBackAnAnswerGivenEarlier() throws {
        let (s, _, _) = try run([.key(.escape), .key(.backspace), Self.enter], given: ["pick": Answer(.choice(2))])
        #expect(s.answers["pick"] == nil)
        #expect(s.skipped.contains("pick"))
    }

    @Test func spaceChoosesAndSpaceAgainTakesItBack() throws {
        // Tea chosen, taken back; then Coffee chosen.
        let (s, _, _) = try run([.key(.down), Self.space, Self.space, .key(.down), Self.space, Self.enter])
        #expect(s.answers["pick"] == Answer(.choice(2)))
    }

    /// On a numeric scale the keys are its values at every width: 1 then 0 is 10, 9 is 9.
    @Test(arguments: [80, 40])
    func typesTheScalesOwnValues(_ columns: Int) throws {
        let (ten, _, _) = try run([Self.enter] + keys("10") + [Self.enter], columns: columns)
        #expect(ten.answers["pain"] == Answer(.choice(10)), "at \(columns) columns")
        let (nine, driver, _) = try run([Self.enter] + keys("9") + [Self.enter], columns: columns)
        #expect(nine.answers["pain"] == Answer(.choice(9)), "at \(columns) columns")
        _ = driver
    }

    /// A list never shows a position number beside a label that is itself a number.
    @Test func aNarrowScaleListShowsItsValuesOnly() throws {
        let (_, driver, _) = try run([Self.enter, .key(.down)], columns: 40)
        let frame = driver.frame.plain
        #expect(frame.contains { $0.contains("( ) 0 None") })
        #expect(frame.contains { $0.hasSuffix("( ) 5") })
        #expect(!frame.contains { $0.contains("6 5") })
    }

    /// An order is shown only once the participant has ordered something.
    @Test func anUntouchedRankingShowsNoPlaces() throws {
        let (_, driver, _) = try run([Self.enter, Self.enter, Self.enter])
        let frame = driver.frame.plain
        #expect(frame.contains { $0.contains("· X") })
        #expect(!frame.contains { $0.contains("1. X") })
        let (s, _, _) = try run([Self.enter, Self.enter, Self.enter, Self.space, Self.space, Self.enter])
        #expect(s.answers["order"] == Answer(.ranking([1, 2, 3])), "Space twice keeps the order shown")
    }

    /// "Enter alone skips" is true in a long text too: Enter in an empty one skips it.
    @Test func enterInAnEmptyLongTextSkips() throws {
        let (s, _, _) = try run([Self.enter, Self.enter, Self.enter, Self.enter, Self.enter])
        #expect(s.phase == .finished)
        #expect(s.skipped.contains("story"))
    }
}

/// A paste goes into the field it was pasted into: its tabs and line breaks neither move on nor
/// submit (bracketed paste).
@Suite struct PasteTests {
    static let yaml = """
        format: 1
        id: paste
        version: 1.0.0
        title: Paste
        sections:
          - id: s
            questions:
              - {id: where, type: single, text: Where?, choices: [Home, Work], other: true}
              - {id: story, type: long_text, text: Tell us}
              - {id: last, type: text, text: Last?}
        """

    @Test func aPasteStaysInItsField() throws {
        let events: [TerminalEvent] = [.key(.paste("2\n1")), .key(.character("3")), .key(.paste("the\tcorner\nshop")), .key(.enter),
                                       .key(.paste("Line one\n\tLine two\n")), .key(.tab),
                                       .key(.ctrl("c")), .key(.character("y"))]
        let terminal = ScriptedTerminal(columns: 80, rows: 24, [.key(.enter)] + events)
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        _ = try runner.run()
        let s = runner.session
        #expect(s.answers["where"] == Answer(.choice(3), other: "the corner shop"), "a paste in a list is not keys; in 'Other' its tab and line break are spaces")
        #expect(s.answers["story"] == Answer(.text("Line one\n Line two")), "line breaks kept in a long text, the tab a space")
        #expect(s.current?.id == "last")
        #expect(terminal.written.contains("\u{1B}[?2004h") == false, "the scripted terminal is not the local TTY")
    }
}

/// The screen is laid out anew on every resize, and below the smallest size says so plainly.
@Suite struct ResizeTests {
    static let yaml = """
        format: 1
        id: sizes
        version: 1.0.0
        title: Sizes
        sections:
          - id: s
            questions:
              - {id: pain, type: scale, text: Pain?, from: 0, to: 10, labels: {0: None, 10: Worst}}
        """

    func frames(_ events: [TerminalEvent], columns: Int = 80) throws -> (FullScreenDriver, Session) {
        let terminal = ScriptedTerminal(columns: columns, rows: 24, [.key(.enter)] + events + [.key(.ctrl("c")), .key(.character("y"))])
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        _ = try runner.run()
        return (runner.driver, runner.session)
    }

    /// A scale drawn across 80 columns becomes a list at 40, keeping what was chosen, and no line
    /// is wider than the window.
    @Test func aScaleIsLaidOutAnewForANarrowerWindow() throws {
        let (driver, _) = try frames(keys("7") + [.resized(columns: 40, rows: 24)])
        let frame = driver.frame.plain
        #expect(frame.allSatisfy { $0.count <= 40 }, "\(frame)")
        #expect(frame.contains { $0.contains("(•) 7") }, "the choice is kept: \(frame)")
        #expect(frame.contains { $0.contains("0 None") }, "drawn as a list")
    }

    @Test func asksForRoomBelowTheSmallestSize() throws {
        let (driver, _) = try frames([.resized(columns: 20, rows: 5)])
        #expect(Array(driver.frame.plain.prefix(2)) == ["Please make this", "window larger."])
    }
}

@Suite struct NarrowKeyHelpTests {
    /// At 60 columns the key lines keep how to choose, the widget's keys first.
    @Test func keepsTheWidgetsKeysOnANarrowScreen() throws {
        let yaml = """
            format: 1
            id: narrow
            version: 1.0.0
            title: Narrow
            sections:
              - id: s
                questions:
                  - {id: often, type: single, text: How often?, choices: [Never, Monthly, Weekly, Daily, Prefer not to say]}
            """
        let terminal = ScriptedTerminal(columns: 60, rows: 24, [.key(.enter), .hangUp])
        var runner = SessionRunner(session: Session(instrument: try compiled(yaml), seed: 1, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { 1 })
        _ = try runner.run()
        // Three key lines at 60 columns since the pause is said beside leaving.
        let help = runner.driver.frame.plain.suffix(3)
        #expect(help.first?.hasPrefix(" ↑↓ move · Space or 1-5 choose") == true, "\(help)")
    }
}
