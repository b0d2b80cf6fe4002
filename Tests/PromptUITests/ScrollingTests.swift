import InstrumentModel
import PromptUI
import SessionEngine
import TerminalIO
import TestSupport
import Testing

/// Issue 12 item 9: whatever is longer than the window scrolls, with markers, and what a
/// participant must read before agreeing can be read whole.
@Suite struct ScrollingTests {
    /// The long instrument's session at its consent, or (agreed) at `question`.
    static func session(consentLines: Int = 10, at question: String? = nil) throws -> Session {
        var s = Session(instrument: try compiled(longInstrumentYAML(consentLines: consentLines)), seed: 1, today: 0)
        guard let question else { return s }
        s.agree(at: 0)
        while s.current?.id != question { try s.skip(at: 0) }
        return s
    }

    /// The frame the consent screen shows after `events` (the script then ends, which leaves).
    static func consentFrame(_ events: [TerminalEvent], consentLines: Int = 40, columns: Int = 80, rows: Int = 24) throws -> [String] {
        let terminal = ScriptedTerminal(columns: columns, rows: rows, events)
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        #expect(driver.consent(try session(consentLines: consentLines)) == nil)
        return driver.frame.plain
    }

    static func questionFrame(_ question: String, _ events: [TerminalEvent], columns: Int = 80, rows: Int = 24) throws -> [String] {
        let terminal = ScriptedTerminal(columns: columns, rows: rows, events)
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        #expect(driver.ask(try session(at: question), problem: nil) == .leave)
        return driver.frame.plain
    }

    static func line(_ n: Int, of total: Int = 40) -> String { " - Consent line \(n) of \(total): please read this before agreeing." }

    @Test func aLongConsentStartsAtItsTopWithAMarkerBelow() throws {
        let frame = try Self.consentFrame([])
        #expect(frame.count == 24)
        #expect(frame.contains(" A survey longer than the screen, for testing scrolling."))
        #expect(frame.contains(Self.line(1)))
        #expect(frame[20] == "   ↓ more below (PgDn)")
        #expect(!frame.contains { $0.contains("more above") })
    }

    @Test func pageDownReadsEveryConsentLineBeforeTheChoices() throws {
        var seen: Set<String> = []
        var last: [String] = []
        for presses in 0...6 {
            last = try Self.consentFrame(Array(repeating: .key(.pageDown), count: presses))
            seen.formUnion(last)
        }
        for n in 1...40 { #expect(seen.contains(Self.line(n)), "consent line \(n) is never on screen") }
        #expect(last.contains("   ( ) 1 I agree to take part"))
        #expect(last.contains("   ↑ more above (PgUp)"))
        #expect(!last.contains { $0.contains("more below") })
        // PgUp goes back up to the start; it never leaves the consent.
        let back = try Self.consentFrame(Array(repeating: .key(.pageDown), count: 6) + Array(repeating: .key(.pageUp), count: 6))
        #expect(back.contains(Self.line(1)))
    }

    @Test func arrowsReadTheConsentLineByLineUntilTheChoicesShow() throws {
        let top = try Self.consentFrame([])
        let frame = try Self.consentFrame(Array(repeating: .key(.down), count: 3))
        #expect(frame.contains { $0.contains("more above") })
        #expect(Array(frame[3...17]) == Array(top[5...19]), "three lines on, one row taken by the marker above")
        // Far enough down, the arrows reach the choices, and the pointer stands on one in view.
        let end = try Self.consentFrame(Array(repeating: .key(.down), count: 60))
        #expect(end.contains(" ❯ ( ) 2 I do not want to take part"))
    }

    @Test func aLongListScrollsUnderItsQuestionAndOtherIsReachable() throws {
        // 80x18: the list of 16 is longer than the 12 rows left under the question.
        let first = try Self.questionFrame("where", [], rows: 18)
        #expect(first[2] == " Where do you usually go online?")
        #expect(first.contains { $0.contains("↓ more below") })
        let last = try Self.questionFrame("where", Array(repeating: .key(.down), count: 16), rows: 18)
        #expect(last[2] == " Where do you usually go online?", "the question stays pinned")
        #expect(last.contains(" ❯ ( ) Other, please specify"))
        #expect(last.contains { $0.contains("↑ more above") })
        #expect(!last.contains { $0.contains("more below") })
    }

    @Test func pageDownMovesTheCursorWithTheList() throws {
        let frame = try Self.questionFrame("where", [.key(.down), .key(.pageDown)], rows: 18)
        #expect(frame[2] == " Where do you usually go online?")
        let pointer = try #require(frame.firstIndex { $0.hasPrefix(" ❯ ") }, "the cursor's row is on screen")
        #expect(!frame[pointer].contains("Home"), "the cursor came along with the page")
    }

    @Test func aTwelveRowMatrixScrollsUnderItsQuestionAndScale() throws {
        let frame = try Self.questionFrame("grid", Array(repeating: .key(.down), count: 11))
        #expect(frame[2] == " How far do you agree with each statement?")
        #expect(frame.contains { $0.contains("1 Strongly disagree · 2 Disagree") }, "the scale's legend stays with the question")
        #expect(frame.contains { $0.hasPrefix(" ❯ Statement number 12") })
        #expect(frame.contains { $0.contains("↑ more above") })
    }

    /// Item 12: the chosen answer is never cut; the row label wraps instead.
    @Test(arguments: [120, 80, 60, 40])
    func aMatrixAnswerIsShownWhole(columns: Int) throws {
        let frame = try Self.questionFrame("grid", [.key(.right), .key(.right), .key(.right)], columns: columns, rows: 40)
        #expect(frame.joined(separator: "\n").contains("‹ 3 Neither agree nor disagree ›"), "at \(columns) columns:\n\(frame.joined(separator: "\n"))")
        #expect(frame.allSatisfy { TextLayout.width($0) <= columns })
    }
}


@Suite struct ReflowOnScreenTests {
    /// Found trying the member survey at 60x20: its `|` description left "prefer not to answer," alone on a line.
    @Test func aBlockTextFlowsToTheWindow() throws {
        let yaml = """
            format: 1
            id: flow
            version: 1.0.0
            title: Flow
            description: |
              It takes about 10 minutes. You can skip any question you prefer not to answer,
              and you can stop at any time.
            sections:
              - id: s
                questions:
                  - {id: a, type: text, text: A?}
            """
        let terminal = ScriptedTerminal(columns: 60, rows: 20, [])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        #expect(driver.welcome(Session(instrument: try compiled(yaml), seed: 1, today: 0)) == false)
        #expect(Array(driver.frame.plain[2...4]) == [
            " It takes about 10 minutes. You can skip any question you",
            " prefer not to answer, and you can stop at any time.",
            " ",
        ])
    }
}

@Suite struct MatrixKeyHelpTests {
    /// Found trying the fidelity checklist at 60x20: a 6-point matrix said "1-9", and the help key
    /// stood before how to choose.
    @Test func aMatrixSaysItsOwnNumbersAndKeepsHowToChooseFirst() throws {
        let frame = try ScrollingTests.questionFrame("grid", [], columns: 60, rows: 20)
        #expect(Array(frame[17...19]) == [" ↑↓ row · ←→ move · Space or 1-5 choose · ? help", " Backspace clears · Enter next",
                                          " Esc back · Ctrl-C leave · Ctrl-P pause · Enter alone skips"])
    }
}
