import InstrumentModel
import PromptUI
import SessionEngine
import TerminalIO
import TestSupport
import Testing

/// A datetime answered and come back to shows in its field as the participant types it and as
/// the form under it says (`2024-03-01 08:00`), not in the stored form with its `T`.
@Suite struct DatetimeFieldTests {
    @Test func aGivenDatetimeIsShownAsTyped() throws {
        let yaml = """
            format: 1
            id: meal
            version: 1.0.0
            title: Meals
            sections:
              - id: s
                questions:
                  - {id: ate, type: datetime, text: When did you last eat?}
                  - {id: more, type: text, text: Anything else?}
            """
        var session = Session(instrument: try compiled(yaml), seed: 1, today: 0)
        _ = try session.answer(Answer(.datetime("2024-03-01T08:00")), at: 1)
        try session.back(at: 2)
        var driver = FullScreenDriver(terminal: ScriptedTerminal(columns: 80, rows: 24, []), style: Style(color: false))
        _ = driver.ask(session, problem: nil)
        #expect(driver.frame.plain.contains("   ▏ 2024-03-01 08:00"), "\(driver.frame.plain.joined(separator: "\n"))")
    }
}
