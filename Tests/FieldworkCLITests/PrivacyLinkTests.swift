import Foundation
import TestSupport
import Testing

/// Identifying answers cannot be linked to their responses by any file attribute: they sit in
/// one file whose times are cleared and whose records are in random order, and the responses'
/// own times show only their start at the instrument's precision.
@Suite struct PrivacyLinkTests {
    static let survey = """
        format: 1
        id: draw
        version: 1.0.0
        title: Prize draw
        privacy: {timestamps: date}
        sections:
          - id: s
            questions:
              - {id: mood, type: scale, text: Mood?, from: 1, to: 5}
              - {id: email, type: text, text: Email for the draw?, identifying: true, redact: false}
        """

    @Test func noAttributeOfAnIdentifyingRecordPointsToItsResponse() throws {
        let folder = try TemporaryFolder()
        try folder.write("draw.yaml", Self.survey)
        let count = 8
        for i in 1...count {
            let run = try Run.fieldwork(["run", "draw.yaml", "--plain"], input: "\(i % 5 + 1)\nperson\(i)@example.org\n\n", in: folder.url)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let store = folder.path + "/responses/draw"
        #expect(folder.files("responses/draw/identifying") == ["identifying.json"], "no file, inode or change time per record")
        let file = store + "/identifying/identifying.json"
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.modificationDate] as? Date) == Date(timeIntervalSince1970: 0))
        let data = try #require(FileManager.default.contents(atPath: file))
        let records = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["records"] as? [[String: Any]])
        let emails = records.compactMap { ($0["answers"] as? [String: String])?["email"] }
        #expect(Set(emails) == Set((1...count).map { "person\($0)@example.org" }))
        #expect(emails != (1...count).map { "person\($0)@example.org" }, "records are not in the order the sessions finished")
        for record in records { #expect(Set(record.keys) == ["answers", "id"]) }

        // The responses' modification times say the day they started, nothing finer.
        let today = Double(Int(Date().timeIntervalSince1970) / 86_400 * 86_400)
        for name in folder.files("responses/draw") where name.hasSuffix(".json") {
            let times = try FileManager.default.attributesOfItem(atPath: store + "/" + name)
            #expect((times[.modificationDate] as? Date)?.timeIntervalSince1970 == today, "\(name)")
        }
    }
}
