import Exporters
import Foundation
import ResponseStore
import SessionEngine
import TestSupport
import Testing

private func interviews(_ id: String) -> String { here.appendingPathComponent("Fixtures/responses/\(id)").path }

private func exportInterviews(_ id: String, _ format: ExportFormat) throws -> (TemporaryFolder, ExportReport) {
    let out = try TemporaryFolder()
    return (out, try Exporter.run(try ResponseReader(path: interviews(id)), ExportOptions(format: format, out: out.path)))
}

/// The REFI-QDA schema is read from the workplace's shared folder, never copied into the project.
private let schema = here.appendingPathComponent("../../../shared/schemas/refi-qda/Project.xsd").standardizedFileURL.path
private let schemaPresent = FileManager.default.fileExists(atPath: schema)

@Suite struct QualitativeExportTests {
    @Test(arguments: ["prosper-group-discussion", "peer-worker-interview"])
    func writesExactlyTheGoldenTranscriptsAndMatrix(id: String) throws {
        let (out, report) = try exportInterviews(id, .transcripts)
        let expected = try FileManager.default.contentsOfDirectory(atPath: golden.folder.appendingPathComponent("\(id)/transcripts").path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path + "/transcripts").sorted() == expected)
        for name in expected {
            try golden.expectMatches(try out.text("transcripts/" + name), "\(id)/transcripts/\(name)")
        }
        #expect(report.responses == expected.count / 2)
        let (matrix, _) = try exportInterviews(id, .framework)
        try golden.expectMatches(try matrix.text("framework-matrix.csv"), "\(id)/framework-matrix.csv")
    }

    @Test func keepsTheTurnsOfAGroupDiscussionInOrderWithTheirSpeakers() throws {
        let (out, _) = try exportInterviews("prosper-group-discussion", .transcripts)
        let text = try out.text("transcripts/interview-01.txt")
        #expect(text.contains("""
            Could we go round and each say how you first got involved with Prosper?

            [00:02] F: Let's go round and say how you first got involved.
            [00:45] P1: Through the training programme.
            [01:30] P2: A friend brought me to a walking group.
            """))
        #expect(text.contains("email me at [email]"), "notes were redacted before they were saved")
        let markdown = try out.text("transcripts/interview-02.md")
        #expect(markdown.contains("`[00:05]` **P1:** I came to the monthly training first."))
        #expect(markdown.contains(" · partial\n"), "an interrupted discussion is exported as partial")
    }

    @Test func parsesStampsAndSpeakersOnlyWhereTheyAreWellFormed() {
        #expect(NoteTurn.parse("[12:40] P2: yes\n\n[1:02:03] F: next\n[soon] P: no\nP10:x") == [
            NoteTurn(stamp: "12:40", speaker: "P2", text: "yes"),
            NoteTurn(stamp: "1:02:03", speaker: "F", text: "next"),
            NoteTurn(stamp: nil, speaker: nil, text: "[soon] P: no"),
            NoteTurn(stamp: nil, speaker: "P10", text: "x"),
        ])
    }

    @Test func writesTheSameProjectForTheSameResponses() throws {
        let (out, _) = try exportInterviews("peer-worker-interview", .qdpx)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out.path + "/peer-worker-interview.qdpx"))
        try golden.expectMatches(bytes, "peer-worker-interview/peer-worker-interview.qdpx")
    }

    @Test(.enabled(if: Tool.available("python3"), "needs python3 to open the archive"))
    func preCodesEachQuestionsNotesAtCharacterOffsets() throws {
        let (out, _) = try exportInterviews("peer-worker-interview", .qdpx)
        let unpacked = out.path + "/unpacked"
        let unzip = try run("python3", ["-m", "zipfile", "-e", "peer-worker-interview.qdpx", unpacked], in: out.path)
        #expect(unzip.status == 0, "\(unzip.output)")
        let project = try String(contentsOfFile: unpacked + "/project.qde", encoding: .utf8)
        let sources = try FileManager.default.contentsOfDirectory(atPath: unpacked + "/Sources")
        #expect(sources.count == 1)
        let source = try String(contentsOfFile: unpacked + "/Sources/" + sources[0], encoding: .utf8)
        #expect(project.contains("plainTextPath=\"internal://\(sources[0])\""))
        // Offsets count Unicode scalars (an emoji is one), zero-based and end-exclusive.
        let pattern = #/name="typical_day" startPosition="(\d+)" endPosition="(\d+)"/#
        let match = try #require(project.firstMatch(of: pattern))
        let scalars = Array(source.unicodeScalars)
        let quote = String(String.UnicodeScalarView(scalars[Int(match.1)!..<Int(match.2)!]))
        #expect(quote == "[02:10] The team meeting, then visits 🚶 across town.\n[03:40] Paperwork at the end of the day.")
        #expect(project.contains("name=\"The role / Can you tell me what a typical day looks like in your role?\""))
        #expect(project.contains("<Case guid="))
        #expect(project.contains("<TextValue>Other, please specify: Housing project</TextValue>"))
        #expect(!project.contains("PW-07"), "the study code never reaches an export")
    }

    @Test(.enabled(if: Tool.available("xmllint") && Tool.available("python3"), "needs xmllint (apt-get install libxml2-utils) and python3"))
    func theProjectValidatesAgainstTheREFIQDASchema() throws {
        guard schemaPresent else {
            print("skipped: the REFI-QDA schema is not at \(schema) (it lives in the workplace's shared/schemas)")
            return
        }
        for id in ["prosper-group-discussion", "peer-worker-interview"] {
            let (out, _) = try exportInterviews(id, .qdpx)
            #expect(try run("python3", ["-m", "zipfile", "-e", "\(id).qdpx", "x"], in: out.path).status == 0)
            let check = try run("xmllint", ["--noout", "--schema", schema, "x/project.qde"], in: out.path)
            #expect(check.status == 0, "\(id): \(check.output)")
            #expect(check.output.contains("x/project.qde validates"))
        }
    }

    @Test func refusesQualitativeFormatsForASurvey() throws {
        #expect(throws: ExportError("--format qdpx is for interview guides; 'fixture-survey' is a survey (use csv, spss, stata, r, ...)")) {
            try export(.qdpx)
        }
    }
}

@Suite struct RawScannerTests {
    /// The wide export reads answers from the files' bytes: escaped quotes and a text ending in a
    /// backslash must come out as written.
    @Test func readsEscapedQuotesAndTrailingBackslashes() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: fixtures, toPath: folder.path + "/survey")
        let source = folder.path + "/survey/3cf4c92aff23d9fdd32dbc9f9e0c0845.json"
        let edited = try String(contentsOfFile: source, encoding: .utf8)
            .replacingOccurrences(of: #""place": "-5 cups","#, with: #""place": "C:\\ and \"quoted\\\"","#)
        try edited.write(toFile: source, atomically: false, encoding: .utf8)
        let out = folder.path + "/out"
        _ = try Exporter.run(try ResponseReader(path: folder.path + "/survey"), ExportOptions(format: .csv, out: out))
        let csv = try String(contentsOfFile: out + "/responses.csv", encoding: .utf8)
        #expect(csv.contains(#","C:\ and ""quoted\"""#), "\(csv)")
    }
}
