import Foundation
import TestSupport
import Testing

/// What a participant is told when they leave or decline is true and complete.
@Suite struct LeavingMessageTests {
    static let survey = """
        format: 1
        id: leaving
        version: 1.0.0
        title: Leaving
        consent: {text: Take part?, agree: Yes, decline: No thanks}
        end: Thank you for taking part. Support is at 0800 000 000.
        sections:
          - id: s
            questions:
              - {id: q1, type: number, text: One?}
              - {id: q2, type: number, text: Two?}
        """

    /// The resume command printed is the whole one that works, folder included.
    @Test func theResumeCommandWorksAsPrinted() throws {
        let folder = try TemporaryFolder()
        try folder.write("leaving.yaml", Self.survey)
        let first = try Run.fieldwork(["run", "leaving.yaml", "--plain", "--responses", "elsewhere"], input: "1\n5\n", in: folder.url)
        #expect(first.status == 3)
        let line = try #require(first.stdout.split(separator: "\n").last.map(String.init))
        let prefix = "Your answers so far are saved. You can carry on later with: "
        #expect(line.hasPrefix(prefix + "fieldwork resume "), "\(first.stdout)")
        let command = line.dropFirst(prefix.count).split(separator: " ").dropFirst().map { String($0).replacingOccurrences(of: "'", with: "") }
        #expect(command.suffix(2) == ["--responses", "elsewhere"])
        let resumed = try Run.fieldwork(command + ["--plain"], input: "6\n", in: folder.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
    }

    /// Someone who declines is not thanked for taking part.
    @Test func aDeclineIsNotThankedForTakingPart() throws {
        let folder = try TemporaryFolder()
        try folder.write("leaving.yaml", Self.survey)
        let run = try Run.fieldwork(["run", "leaving.yaml", "--plain"], input: "2\n", in: folder.url)
        #expect(run.status == 0)
        #expect(run.stdout.contains("You chose not to take part."))
        #expect(!run.stdout.contains("Thank you for taking part"))
    }
}
