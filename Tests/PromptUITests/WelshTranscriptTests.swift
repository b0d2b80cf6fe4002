import Foundation
import InstrumentModel
import Messages
import PromptUI
import SessionEngine
import SessionLoop
import TestSupport
import Testing

/// The crisis café survey run in Welsh in plain mode: the participant reads Welsh from the first
/// question to the last, mistakes included.
@Suite struct WelshTranscriptTests {
    @Test func thePlainTranscriptInWelshHoldsNoEnglishRunnerSentence() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../instruments/crisis-cafe-feedback.yaml")
        let instrument = try compiled(try String(contentsOf: path, encoding: .utf8))
        // A wrong number, then an answer; a scale answered out of range, then in it; skip; a text; send.
        let lines = ["7", "1", "12", "3", "", "Mwy o de", "", ""]   // the last Enter sends from the review
        var time = 0.0
        var runner = SessionRunner(session: Session(instrument: instrument, seed: 1, language: "cy", today: 20_000),
                                   driver: PlainDriver(io: ScriptedLines(input: lines)), recorder: MemoryRecorder(),
                                   clock: { time += 1; return time })
        guard case .completed = try runner.run() else { Issue.record("the session did not complete"); return }
        let shown = runner.driver.io.output
        #expect(shown.contains("Teipiwch rif o 1 i 2."))
        #expect(shown.contains("Mae eich atebion wedi'u cadw. Diolch."))
        #expect(runner.session.answers["comment"]?.value == .text("Mwy o de"))
        for sentence in englishRunnerSentences(in: shown) {
            Issue.record("English runner text \"\(sentence)\" in the Welsh transcript:\n\(shown)")
        }
    }
}
