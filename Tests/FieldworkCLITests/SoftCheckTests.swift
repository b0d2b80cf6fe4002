import Foundation
import TestSupport
import Testing

/// Soft checks: the participant is told, and may keep the answer as it is or change it.
let softSurvey = """
    format: 1
    id: soft
    version: 1.0.0
    title: Soft checks
    sections:
      - id: s
        questions:
          - {id: rooms, type: number, text: How many rooms?, warn_if: . > 10, warn_message: That is a lot of rooms. Is it right?}
          - id: feel
            type: matrix
            text: How do you feel about
            soft_required: true
            rows: [{id: food, text: Food}, {id: staff, text: Staff}, {id: beds, text: Beds}]
            choices: [Bad, Good]
          - {id: comment, type: text, text: Anything else?, soft_required: true}

    """

@Suite struct SoftCheckTests {
    func record(in folder: TemporaryFolder) throws -> [String: Any] {
        let responses = folder.url.appendingPathComponent("responses/soft").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let data = try Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func plainModeWarnsAndKeepsWhatIsGivenAgain() throws {
        let folder = try TemporaryFolder()
        try folder.write("soft.yaml", softSurvey)
        // 12 rooms: warned, then 12 again keeps it. The matrix: one row of three, warned; the same
        // again (Enter keeps each row's answer) keeps it. The comment: skipped, warned, answered.
        let input = "12\n12\n2\n\n\n\n\n\n\nNothing\n\n"
        let run = try Run.fieldwork(["run", "soft.yaml", "--plain"], input: input, in: folder.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("That is a lot of rooms. Is it right? To keep it as it is, give the same answer again; or give another. Type ? for help.\n"))
        #expect(run.stdout.contains("You left 2 rows empty. To keep it as it is, give the same answer again; or give another. Type ? for help.\n"))
        #expect(run.stdout.contains("You left this question unanswered. To keep it as it is, give the same answer again; or give another. Type ? for help.\n"))
        let r = try record(in: folder)
        let answers = try #require(r["answers"] as? [String: Any])
        #expect(answers["rooms"] as? Int == 12)
        #expect((answers["feel"] as? [String: Any])?["food"] as? Int == 2)
        #expect(answers["comment"] as? String == "Nothing")
        let paradata = try #require((r["paradata"] as? [String: Any])?["questions"] as? [String: [String: Any]])
        #expect(paradata["rooms"]?["confirmed"] as? Int == 1)
        #expect(paradata["feel"]?["confirmed"] as? Int == 1)
        #expect(paradata["comment"]?["confirmed"] == nil, "answered instead: nothing confirmed")

        let export = try Run.fieldwork(["export", "responses/soft", "--format", "paradata", "--out", "p"], in: folder.url)
        #expect(export.status == 0, "\(export.stderr)")
        let csv = try String(contentsOf: folder.url.appendingPathComponent("p/paradata.csv"), encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines[0] == "response_id,instrument_version,status,seed,returns,position,question,type,visits,seconds,choice_order,confirmed")
        #expect(lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).last.map(String.init) ?? "" }.dropFirst() == ["1", "1", "0"])

        let wide = try Run.fieldwork(["export", "responses/soft", "--format", "csv", "--out", "w"], in: folder.url)
        #expect(wide.status == 0, "\(wide.stderr)")
        let table = try String(contentsOf: folder.url.appendingPathComponent("w/responses.csv"), encoding: .utf8)
        #expect(!table.contains("confirmed"), "a confirmation is paradata, not an answer")
    }
}

@Suite struct SoftCheckPreviewTests {
    @Test func thePreviewSaysWhatEachSoftCheckAsks() throws {
        let folder = try TemporaryFolder()
        try folder.write("soft.yaml", softSurvey)
        let preview = try Run.fieldwork(["preview", "soft.yaml"], in: folder.url)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("- **Optional:** can be skipped\n- **Warns if:** more than 10 (the participant may keep it)\n"), "\(preview.stdout)")
        #expect(preview.stdout.contains("*If warned:* That is a lot of rooms. Is it right?\n"))
        #expect(preview.stdout.contains("- **Optional, checked:** leaving it unanswered (or a row empty) is questioned once; the participant may keep it so\n"))
    }
}
