import InstrumentModel
import PromptUI
import SessionEngine
import TerminalIO
import TestSupport
import Testing

/// Found running the member survey at 60x20: a long answer on the review ended "and……".
@Suite struct ReviewCutTests {
    @Test func aLongAnswerIsCutOnceWithOneMark() throws {
        let instrument = try compiled("""
            format: 1
            id: review
            version: 1.0.0
            title: Review
            sections:
              - id: s
                questions:
                  - {id: best, type: long_text, text: What is best?}
            """)
        var session = Session(instrument: instrument, seed: 1, today: 0)
        try session.answer(Answer(.text("Meeting people who understand what it is like, and the training which helped me")), at: 1)
        let terminal = ScriptedTerminal(columns: 60, rows: 20, [.endOfInput])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        _ = driver.review(session, problem: nil)
        let line = try #require(driver.frame.plain.first { $0.contains("Meeting") })
        #expect(line == "      Meeting people who understand what it is like, and…")
    }
}

/// Found running the fidelity checklist at 60x20: the matrix's scale broke "5 Fully" over two lines.
@Suite struct MatrixLegendTests {
    @Test func eachPointStaysWholeOnALine() throws {
        let instrument = try compiled("""
            format: 1
            id: legend
            version: 1.0.0
            title: Legend
            sections:
              - id: s
                questions:
                  - id: grid
                    type: matrix
                    text: Mutuality and reciprocity
                    choices: [Not at all, A little, Somewhat, Mostly, Fully, Not able to judge]
                    rows: [{id: a, text: The worker and the people they support learn from each other}]
            """)
        let terminal = ScriptedTerminal(columns: 60, rows: 20, [.endOfInput])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        _ = driver.ask(Session(instrument: instrument, seed: 1, today: 0), problem: nil)
        let frame = driver.frame.plain
        #expect(frame.contains(" 1 Not at all · 2 A little · 3 Somewhat · 4 Mostly"), "\(frame.joined(separator: "\n"))")
        #expect(frame.contains(" 5 Fully · 6 Not able to judge"))
    }
}
