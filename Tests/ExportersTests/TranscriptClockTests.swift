@testable import Exporters
import Foundation
import ResponseStore
import TestSupport
import Testing

/// A guide with a time and a datetime (found trying today's merges): the transcript, a document
/// to read, gives a datetime as the interviewer typed it ("2024-02-03 10:00"), not in its stored
/// form with a `T`; the framework matrix and REFI-QDA keep the stored form, which tools read.
@Suite struct TranscriptClockTests {
    func export(_ format: ExportFormat) throws -> TemporaryFolder {
        let out = try TemporaryFolder()
        _ = try Exporter.run(try ResponseReader(path: here.appendingPathComponent("Fixtures/responses/day-guide").path),
                             ExportOptions(format: format, out: out.path))
        return out
    }

    @Test func theTranscriptGivesADatetimeAsTyped() throws {
        let out = try export(.transcripts)
        let text = try out.text("transcripts/interview-27e415c9.md")
        #expect(text.contains("""
            ### What time did the day start?

            Answer: **08:15**
            """))
        #expect(text.contains("""
            ### When did Housing begin?

            Answer: **2024-02-03 10:00**
            """), "\(text)")
        #expect(try out.text("transcripts/interview-27e415c9.txt").contains("Answer: 2024-01-01 09:00\n"))
    }

    @Test func theFrameworkMatrixKeepsTheStoredForm() throws {
        let out = try export(.framework)
        #expect(try out.text("framework-matrix.csv").contains(",08:15,2024-02-03T10:00,2024-01-01T09:00,"))
    }
}
