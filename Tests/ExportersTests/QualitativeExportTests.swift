@testable import Exporters
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
private let schema = Run.sharedSchema("refi-qda/Project.xsd") ?? "shared/schemas/refi-qda/Project.xsd"
private let schemaPresent = Run.sharedSchema("refi-qda/Project.xsd") != nil

/// A copy of the group discussion fixture, its finished discussion run with `--group` (or not).
private func groupCopy(group: Int?) throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try FileManager.default.copyItem(atPath: interviews("prosper-group-discussion"), toPath: folder.path + "/prosper-group-discussion")
    if let group {
        let file = folder.path + "/prosper-group-discussion/90810a9c323bccca7b2cf30924615c3a.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"format_version\": 1,", with: "\"format_version\": 1,\n  \"group\": \(group),")
            .write(toFile: file, atomically: false, encoding: .utf8)
    }
    return folder
}

/// Another finished discussion in the copy, the fixture's with another response id.
private func addDiscussion(_ folder: TemporaryFolder, id: String) throws {
    let source = folder.path + "/prosper-group-discussion/90810a9c323bccca7b2cf30924615c3a.json"
    let text = try String(contentsOfFile: source, encoding: .utf8).replacingOccurrences(of: "90810a9c323bccca7b2cf30924615c3a", with: id)
    try text.write(toFile: folder.path + "/prosper-group-discussion/\(id).json", atomically: false, encoding: .utf8)
}

private func exportFolder(_ folder: TemporaryFolder, _ format: ExportFormat) throws -> TemporaryFolder {
    let out = try TemporaryFolder()
    _ = try Exporter.run(try ResponseReader(path: folder.path + "/prosper-group-discussion"), ExportOptions(format: format, out: out.path))
    return out
}

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
        let text = try out.text("transcripts/interview-90810a9c.txt")
        #expect(text.contains("""
            Could we go round and each say how you first got involved with Prosper?

            [00:02] F: Let's go round and say how you first got involved.
            [00:45] P1: Through the training programme.
            [01:30] P2: A friend brought me to a walking group.
            """))
        #expect(text.contains("email me at [email]"), "notes were redacted before they were saved")
        let markdown = try out.text("transcripts/interview-cf59f1b7.md")
        #expect(markdown.contains("`[00:05]` **P1:** I came to the monthly training first."))
        #expect(markdown.contains(" · partial\n"), "an interrupted discussion is exported as partial")
    }

    /// Case names were numbered by date order: a second interview run on the same day took
    /// "interview-01" from the first. Names now come from the response itself.
    @Test func aCaseKeepsItsNameAsInterviewsAreAdded() throws {
        let study = try groupCopy(group: nil)
        let before = try exportFolder(study, .transcripts)
        let name = "transcripts/interview-90810a9c.txt"
        let first = try before.text(name)
        // Another discussion on the same day, whose id sorts first.
        try addDiscussion(study, id: "0123456789abcdef0123456789abcdef")
        let after = try exportFolder(study, .transcripts)
        #expect(try after.text(name) == first)
        #expect(try after.text("transcripts/interview-01234567.txt").contains("interview-01234567 · 2026-11-23"))
        let matrix = try exportFolder(study, .framework).text("framework-matrix.csv")
        #expect(matrix.contains("\ninterview-90810a9c,,2026-11-23,1.0.0,complete,"))
        #expect(matrix.contains("\ninterview-01234567,,2026-11-23,1.0.0,complete,"))
    }

    @Test func caseNamesAreShortAndNeverShared() {
        let names = Interview.caseNames(["90810a9c323bccca7b2cf30924615c3a", "90810a9c4444ffff7b2cf30924615c3a",
                                         "90810a9c4444ffff0000000000000000", "cf59f1b723f3126fe812124143c7a609"])
        #expect(names == ["90810a9c323bccca7b2cf30924615c3a": "interview-90810a9c323b",
                          "90810a9c4444ffff7b2cf30924615c3a": "interview-90810a9c4444ffff7b2cf30924615c3a",
                          "90810a9c4444ffff0000000000000000": "interview-90810a9c4444ffff0000000000000000",
                          "cf59f1b723f3126fe812124143c7a609": "interview-cf59f1b7"])
    }

    /// A discussion run with --group 4 says so in its transcript and in the matrix.
    @Test func groupTranscriptsAndTheMatrixStateTheGroupSize() throws {
        let study = try groupCopy(group: 4)
        let transcript = try exportFolder(study, .transcripts).text("transcripts/interview-90810a9c.txt")
        #expect(transcript.contains("\ninterview-90810a9c · group of 4 · 2026-11-23 · version 1.0.0 · complete\n"))
        let matrix = try exportFolder(study, .framework).text("framework-matrix.csv")
        #expect(matrix.hasPrefix("case,pseudonym,date,version,status,group_size,"))
        #expect(matrix.contains("\ninterview-90810a9c,,2026-11-23,1.0.0,complete,4,"))
        #expect(matrix.contains("\ninterview-cf59f1b7,,2026-11-23,1.0.0,partial,,"), "the interrupted one kept no group size")
    }

    /// Group analysis needs each speaker as a case: P1 to P4 and F, each holding exactly their
    /// turns, coded facilitator or participant; the project still validates.
    @Test(.enabled(if: Tool.available("python3"), "needs python3 to open the archive"))
    func aGroupProjectHasACasePerSpeakerHoldingTheirTurns() throws {
        let study = try groupCopy(group: 4)
        let out = try exportFolder(study, .qdpx)
        #expect(try run("python3", ["-m", "zipfile", "-e", "prosper-group-discussion.qdpx", "x"], in: out.path).status == 0)
        let project = try String(contentsOfFile: out.path + "/x/project.qde", encoding: .utf8)
        let sources = try FileManager.default.contentsOfDirectory(atPath: out.path + "/x/Sources")
        var texts: [String: [Unicode.Scalar]] = [:]
        for name in sources { texts[String(name.dropLast(4))] = Array(try String(contentsOfFile: out.path + "/x/Sources/" + name, encoding: .utf8).unicodeScalars) }
        // Every selection: its guid, the source it lies in, and its text.
        var selections: [String: String] = [:]
        for source in project.matches(of: #/<TextSource guid="([^"]+)"(?s:(.*?))</TextSource>/#) {
            let text = try #require(texts[String(source.1)])
            for m in source.2.matches(of: #/<PlainTextSelection guid="([^"]+)" name="[^"]*" startPosition="(\d+)" endPosition="(\d+)"/#) {
                selections[String(m.1)] = String(String.UnicodeScalarView(text[Int(m.2)!..<Int(m.3)!]))
            }
        }
        func turns(_ caseName: String) throws -> [String] {
            let body = try #require(project.firstMatch(of: try Regex("<Case guid=\"[^\"]+\" name=\"\(caseName)\">((?s:.*?))</Case>")), "no case \(caseName)")
            let text = String(try #require(body.output[1].substring))
            return text.matches(of: #/<SelectionRef targetGUID="([^"]+)"/>/#).compactMap { selections[String($0.1)] }
        }
        #expect(try turns("interview-90810a9c P1") == ["[00:45] P1: Through the training programme.",
                                                       "[06:02] P1: Giving back as well as getting support.",
                                                       "[55:00] P1: Keep it member-led."])
        #expect(try turns("interview-90810a9c F") == ["[00:02] F: Let's go round and say how you first got involved.",
                                                      "[41:00] F: How do services see Prosper?"])
        #expect(try turns("interview-90810a9c P4") == ["[41:30] P4: They send people our way more now."])
        #expect(try turns("interview-90810a9c P3").count == 1)
        #expect(try turns("interview-cf59f1b7 P1") == ["[00:05] P1: I came to the monthly training first."])
        #expect(project.contains("<Description>Participant P2 of interview-90810a9c (a group of 4)</Description>"))
        #expect(project.contains("name=\"Speakers / Facilitator (F)\""))
        #expect(project.contains("<IntegerValue>4</IntegerValue>"))
        if schemaPresent, Tool.available("xmllint") {
            let check = try run("xmllint", ["--noout", "--schema", schema, "x/project.qde"], in: out.path)
            #expect(check.status == 0, "\(check.output)")
        }
    }

    @Test func parsesStampsAndSpeakersOnlyWhereTheyAreWellFormed() {
        #expect(NoteTurn.parse("[12:40] P2: yes\n\n[1:02:03] F: next\n[soon] P: no\nP10:x") == [
            NoteTurn(stamp: "12:40", speaker: "P2", text: "yes"),
            NoteTurn(stamp: "1:02:03", speaker: "F", text: "next"),
            NoteTurn(stamp: nil, speaker: nil, text: "[soon] P: no"),
            NoteTurn(stamp: nil, speaker: nil, text: "P10:x"),
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
