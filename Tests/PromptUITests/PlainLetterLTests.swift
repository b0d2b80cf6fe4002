import PromptUI
import SessionEngine
import SessionLoop
import TestSupport
import Testing

/// In plain mode `L` changes the language only where there is another language to change to:
/// in a survey in one language, "L" is an answer like any other (a clothing size, an initial).
/// The condition applied to "l" alone, so "L" was taken as the language key everywhere.
@Suite struct PlainLetterLTests {
    @Test func anLInASurveyOfOneLanguageIsTheAnswer() throws {
        let yaml = """
            format: 1
            id: sizes
            version: 1.0.0
            title: Sizes
            sections:
              - id: s
                questions:
                  - {id: size, type: text, text: Which size?}
            """
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: try compiled(yaml), seed: 1, today: 0),
                                   driver: PlainDriver(io: ScriptedLines(input: ["L", ""])), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        _ = try runner.run()
        #expect(runner.session.answers["size"]?.value == .text("L"))
    }
}
