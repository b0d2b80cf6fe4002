import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// An instrument whose texts carry escape sequences: a title that would rename the window, a
/// question that would clear the screen, a choice with a bidi override.
let hostile = """
    format: 1
    id: hostile
    version: 1.0.0
    title: "Survey\\e]0;pwned\\a"
    sections:
      - id: s
        questions:
          - {id: pick, type: single, text: "Pick one\\e[2J", choices: ["Yes\\u202E", "No"]}
          - {id: story, type: long_text, text: "Tell us about {pick}"}

    """

/// Lines in from a script, lines out into a string.
struct ScriptedLines: LineIO {
    var input: [String]
    var output = ""

    mutating func readLine() -> String? { input.isEmpty ? nil : input.removeFirst() }
    mutating func write(_ text: String) { output += text }
}

@Suite struct ControlCharacterTests {
    @Test func thePlainDriverShowsInstrumentTextsEscapedAndReadsAnswersWithoutControls() throws {
        let recorder = MemoryRecorder()
        var time = 0.0
        let lines = ["1", "I \u{1B}]0;pwned\u{07}typed\u{08} \u{1B}[2Jthis\tand", "a second\u{9B} line", "", ""]
        var runner = SessionRunner(session: Session(instrument: try compiled(hostile), seed: 1, today: 20_000),
                                   driver: PlainDriver(io: ScriptedLines(input: lines)), recorder: recorder,
                                   clock: { time += 1; return time })
        guard case .completed = try runner.run() else { Issue.record("the session did not complete"); return }
        let shown = runner.driver.io.output
        #expect(!shown.unicodeScalars.contains { SafeText.isControl($0) && $0 != "\n" && $0 != "\t" }, "\(shown.debugDescription)")
        #expect(shown.contains("Question 1 of 2\nPick one[U+001B][2J"))
        #expect(shown.contains("  1  Yes[U+202E]"))
        #expect(shown.contains("Tell us about Yes[U+202E]"), "piped text is shown escaped too")
        #expect(runner.session.answers["story"]?.value == .text("I typed this\tand\na second line"))
    }

    @Test func theFullScreenKeepsItsOwnStylingAndEscapesEverythingElse() throws {
        let terminal = ScriptedTerminal([.key(.character("\u{9B}")), .key(.character("x")), .key(.ctrl("c")), .key(.character("y"))])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: true))
        var session = Session(instrument: try compiled(hostile), seed: 1, today: 20_000)
        _ = try session.apply(session.event(.answer(Answer(.choice(1))), at: 1))
        _ = driver.ask(session, problem: nil)
        let written = terminal.written
        #expect(written.contains("Survey[U+001B]]0;pwned[U+0007]"))
        #expect(written.contains("Tell us about Yes[U+202E]"))
        #expect(!written.contains("\u{1B}]") && !written.contains("\u{07}") && !written.contains("\u{9B}") && !written.contains("\u{202E}"))
        #expect(written.contains("\u{1B}[1m"), "the driver's own bold is kept")
        #expect(driver.frame.plain.contains { $0.hasSuffix("▏ x") }, "the C1 character typed was not taken")
    }
}
