import InstrumentModel
@testable import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// An `until_done` instance's line says which it is in words ("Number 2"), as a counted one says
/// "2 of 3": a bare "2" under the section's title read as a stray number.
@Suite struct UntilDoneCaptionTests {
    static let yaml = """
        format: 1
        id: svc
        version: 1.0.0
        languages: [en, es, cy]
        title: {en: Services, es: Servicios, cy: Gwasanaethau}
        sections:
          - id: service
            title: {en: Services you used, es: Servicios usados, cy: Gwasanaethau a ddefnyddiwyd}
            repeat: {until_done: true, max: 3, another: {en: Did you use another service?, es: ¿Usó otro servicio?, cy: Wnaethoch chi ddefnyddio gwasanaeth arall?}}
            questions:
              - {id: wait, type: number, text: {en: How many weeks did you wait?, es: ¿Cuántas semanas esperó?, cy: Sawl wythnos wnaethoch chi aros?}}
        """

    @Test func plainModeSaysTheNumberOfTheInstance() throws {
        // 4 weeks, yes, 6 weeks, no; send from the review.
        let lines = ["4", "1", "6", "2", ""]
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, today: 0),
                                   driver: PlainDriver(io: ScriptedLines(input: lines)), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        let outcome = try runner.run()
        guard case .completed = outcome else { Issue.record("not completed: \(runner.driver.io.output)"); return }
        let output = runner.driver.io.output
        let asked = String(output[try #require(output.range(of: "Section: "))!.lowerBound...])
        #expect(asked == """
            Section: Services you used
            Number 1
            Question 1 of 2
            How many weeks did you wait?
            Type a number.
            > 
            Number 1
            Question 2 of 2
            Did you use another service? (required)
              1  Yes
              2  No
            Type the number of your answer.
            > 
            Section: Services you used
            Number 2
            Question 3 of 4
            How many weeks did you wait?
            Type a number.
            > 
            Number 2
            Question 4 of 4
            Did you use another service? (required)
              1  Yes
              2  No
            Type the number of your answer.
            > 
            Please check your answers before you send them.
              1. How many weeks did you wait? (Services you used — Number 1) Your answer: 4
              2. Did you use another service? (Services you used — Number 1) Your answer: Yes
              3. How many weeks did you wait? (Services you used — Number 2) Your answer: 6
              4. Did you use another service? (Services you used — Number 2) Your answer: No
            Type a number to change that answer, or press Enter to send your answers. < to go back, q to save and leave.
            > 
            Your answers have been saved. Thank you.

            """)
    }

    /// The second instance's first question on the full screen, at `columns`.
    func fullScreen(columns: Int, language: String? = nil) throws -> [String] {
        // Enter past the welcome screen, then 4 weeks and yes.
        let terminal = ScriptedTerminal(columns: columns, rows: 24, [.key(.enter)] + keys("4") + [.key(.enter)] + keys("1")
                                        + [.key(.enter), .key(.ctrl("c")), .key(.character("y"))])
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.yaml), seed: 1, language: language, today: 0),
                                   driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                   recorder: MemoryRecorder(), clock: { time += 1; return time })
        _ = try runner.run()
        return runner.driver.frame.plain
    }

    @Test func fullScreenSaysTheNumberUnderTheSectionTitle() throws {
        for columns in [80, 60] {
            let plain = try fullScreen(columns: columns)
            #expect(plain[2] == " Services you used", "\(columns)")
            #expect(plain[3] == " Number 2", "\(columns)")
            #expect(plain[5] == " How many weeks did you wait?", "\(columns)")
        }
        #expect(try fullScreen(columns: 80, language: "es")[3] == " Número 2")
        #expect(try fullScreen(columns: 80, language: "cy")[3] == " Rhif 2")
    }

    /// The interviewer's outline at 80 columns has no room for "Anything else · Number 1 5m": the
    /// title is cut, not the place, so that the instances are still told apart.
    @Test func theOutlineCutsTheTitleNotTheInstance() throws {
        let yaml = """
            format: 1
            id: ud
            version: 1.0.0
            kind: interview
            title: Topics
            sections:
              - id: other_topic
                title: Anything else
                minutes: 5
                repeat: {until_done: true, max: 5, another: Another topic raised?}
                questions:
                  - {id: other_notes, type: open, text: What else came up?}
            """
        let (runner, _, _) = try interview(keys("Food bank") + [.key(.enter), .key(.tab)] + keys("1") + [.key(.enter), .key(.ctrl("c"))],
                                           yaml: yaml, columns: 80, rows: 24)
        let outline = runner.driver.frame.plain.map { String($0.prefix(while: { $0 != "│" })).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        #expect(Array(outline[2...7]) == [
            " Anything… · Number 1 5m",
            "  ✓ What else came up?",
            "  ✓ Another topic raised?",
            " Anything… · Number 2 5m",
            "  ▶ What else came up?",
            "  · Another topic raised?",
        ], "\(runner.driver.frame.plain.joined(separator: "\n"))")
    }
}
