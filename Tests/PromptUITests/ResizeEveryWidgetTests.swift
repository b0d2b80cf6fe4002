import InstrumentModel
import PromptUI
import SessionEngine
import TerminalIO
import TestSupport
import Testing

/// Issue 12 item 13: every widget is laid out anew at every size, never wider than the window,
/// its cursor's row in view; below the smallest size one line asks for room.
@Suite struct ResizeEveryWidgetTests {
    static let yaml = """
        format: 1
        id: sizes
        version: 1.0.0
        title: Every widget at every size
        sections:
          - id: s
            title: A section whose title is longer than the narrowest window can hold
            questions:
              - {id: pick, type: multiple, text: Which of these apply to you at the moment?, choices: [Walking to work or school, Reading the newspaper, Cooking]}
              - {id: pain, type: scale, text: Pain?, from: 0, to: 10, labels: {0: No pain at all, 10: Worst pain imaginable}}
              - id: grid
                type: matrix
                text: How far do you agree?
                choices: [Strongly disagree, Disagree, Neither agree nor disagree, Agree, Strongly agree]
                rows: [{id: a, text: The staff listened to what I had to say}, {id: b, text: I felt safe}]
              - {id: order, type: ranking, text: Order these, choices: [Talking with a peer supporter, A hot drink, A quiet room]}
              - {id: age, type: number, text: How old are you?, min: 16, max: 110}
              - {id: story, type: long_text, text: Anything else you would like to tell us about your visit?}
        """

    /// The frame of `question` after a choice and each of `sizes` in turn.
    static func frame(_ question: String, keys: [TerminalEvent], sizes: [(Int, Int)]) throws -> [String] {
        var session = Session(instrument: try compiled(yaml), seed: 1, today: 0)
        while session.current?.id != question { try session.skip(at: 0) }
        let terminal = ScriptedTerminal(columns: 80, rows: 24, keys + sizes.map { .resized(columns: $0.0, rows: $0.1) })
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        let action = driver.ask(session, problem: nil)
        // The script's end leaves, keeping whatever was typed as a draft.
        var left = false
        if case .leave = action { left = true }
        if case .keepingDraft(_, then: .leave) = action { left = true }
        #expect(left, "\(action)")
        return driver.frame.plain
    }

    static let questions: [(String, [TerminalEvent], String)] = [
        ("pick", [.key(.down), .key(.character(" "))], "[x]"),
        ("pain", [.key(.character("7"))], "(•)"),
        ("grid", [.key(.right), .key(.right), .key(.right)], "‹ 3 Neither"),
        ("order", [.key(.character(" ")), .key(.down)], "⇕"),
        ("age", [.key(.character("4")), .key(.character("2"))], "▏ 42"),
        ("story", keys("It was fine"), "▏ It was fine"),
    ]

    @Test(arguments: [[(60, 20)], [(60, 20), (40, 12)], [(60, 20), (40, 12), (80, 24)], [(30, 10)], [(30, 10), (80, 24)]])
    func everyWidgetFitsEverySize(sizes: [(Int, Int)]) throws {
        let (columns, rows) = sizes.last ?? (80, 24)
        for (question, keys, chosen) in Self.questions {
            let frame = try Self.frame(question, keys: keys, sizes: sizes)
            #expect(frame.count == rows, "\(question)")
            #expect(frame.allSatisfy { TextLayout.width($0) <= columns }, "\(question) at \(columns)x\(rows):\n\(frame.joined(separator: "\n"))")
            #expect(frame.contains { $0.contains(chosen) }, "\(question) at \(columns)x\(rows) keeps what was chosen in view:\n\(frame.joined(separator: "\n"))")
        }
    }

    @Test func belowTheSmallestSizeEveryWidgetAsksForRoom() throws {
        for (question, keys, _) in Self.questions {
            let narrow = try Self.frame(question, keys: keys, sizes: [(30, 9)])
            #expect(Array(narrow.prefix(2)) == ["Please make this window", "larger."], "\(question)")
            let frame = try Self.frame(question, keys: keys, sizes: [(29, 10)])
            #expect(Array(frame.prefix(2)) == ["Please make this window", "larger."], "\(question)")
            #expect(frame.dropFirst(2).allSatisfy { $0.isEmpty })
        }
    }
}
