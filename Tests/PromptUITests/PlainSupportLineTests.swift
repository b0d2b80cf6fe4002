@testable import PromptUI
import SessionEngine
import SessionLoop
import Testing
import TestSupport

/// The plain driver says the engine's support line, exactly as `run` and `serve` leave it in the
/// terminal: at `?`, and to someone who declines.
@Suite struct PlainSupportLineTests {
    static let survey = """
        format: 1
        id: support-line
        version: 1.0.0
        title: Support line
        consent: {text: We keep your answers., agree: I agree}
        support: |
          Samaritans, free,
          on 116 123.

        sections:
          - id: s
            questions:
              - {id: q, type: text, text: Anything?}
        """

    func output(_ input: [String]) throws -> String {
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(Self.survey), seed: 1, today: 0),
                                   driver: PlainDriver(io: ScriptedLines(input: input)), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        _ = try runner.run()
        return runner.driver.io.output
    }

    @Test func theHelpSaysIt() throws {
        let lines = try output(["1", "?"]).components(separatedBy: "\n")
        #expect(lines.contains("Support: Samaritans, free, on 116 123."), "\(lines)")
    }

    @Test func theDeclineSaysIt() throws {
        #expect(try output(["2"]).hasSuffix("\nSupport: Samaritans, free, on 116 123.\n"))
    }
}
