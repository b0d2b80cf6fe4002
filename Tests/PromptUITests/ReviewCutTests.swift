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

/// Found trying today's merges at 60x20: a review longer than the window, at its first question
/// (Home, or PgUp), said "↑ more above (PgUp)" over a line that no key could bring into view,
/// the review's own first line.
@Suite struct ReviewTopTests {
    @Test func theFirstQuestionBringsTheIntroIntoView() throws {
        let instrument = try compiled("""
            format: 1
            id: review
            version: 1.0.0
            title: Review
            sections:
              - id: s
                questions:
                  - {id: a, type: text, text: A?}
                  - {id: b, type: text, text: B?}
                  - {id: c, type: text, text: C?}
                  - {id: d, type: text, text: D?}
                  - {id: e, type: text, text: E?}
                  - {id: f, type: text, text: F?}
                  - {id: g, type: text, text: G?}
                  - {id: h, type: text, text: H?}
                  - {id: i, type: text, text: I?}
            """)
        var session = Session(instrument: instrument, seed: 1, today: 0)
        for n in 1...9 { try session.answer(Answer(.text("answer \(n)")), at: Double(n)) }
        let terminal = ScriptedTerminal(columns: 60, rows: 20, [.key(.home), .endOfInput])
        var driver = FullScreenDriver(terminal: terminal, style: Style(color: false))
        _ = driver.review(session, problem: nil)
        let frame = driver.frame.plain
        #expect(Array(frame[2...4]) == [" Please check your answers before you send them.", " ", " ❯ 1. A?"], "\(frame.joined(separator: "\n"))")
    }
}
