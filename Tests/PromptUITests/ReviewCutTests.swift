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
