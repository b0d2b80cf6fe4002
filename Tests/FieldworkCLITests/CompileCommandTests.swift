import Foundation
import TestSupport
import Testing

@Suite struct CompileCommandTests {
    /// The hash `compile` prints for a file.
    func hash(_ text: String) throws -> String {
        let folder = try TemporaryFolder()
        try folder.write("i.yaml", text)
        let run = try Run.fieldwork(["compile", "i.yaml"], in: folder.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        return String(run.stdout.prefix { $0 != " " })
    }

    @Test func writesTheCanonicalFormAndItsHash() throws {
        let folder = try TemporaryFolder()
        try folder.write("tiny.yaml", valid)
        let run = try Run.fieldwork(["compile", "tiny.yaml"], in: folder.url)
        #expect(run.status == 0)
        let written = try Data(contentsOf: folder.url.appendingPathComponent("tiny.compiled.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
        #expect(object["version"] as? String == "1.10", "a version stays the text the author wrote")
        #expect(object["compiled_format"] as? Int == 1)
        let labels = ((object["sections"] as? [[String: Any]])?.first?["questions"] as? [[String: Any]])?.first?["choices"] as? [[String: Any]]
        #expect(labels?.compactMap { $0["label"] as? String } == ["Yes", "No"], "Yes and No are labels, not booleans")
        let digest = run.stdout.prefix { $0 != " " }
        #expect(digest.hasPrefix("sha256:") && digest.count == 71)
        #expect(run.stdout == "\(digest)  tiny.compiled.json\n")
    }

    @Test func givesTheSameHashForTheSameInstrumentInAnotherLayout() throws {
        let flow = """
            {format: 1, id: tiny, version: "1.10", title: 'Tiny',
             sections: [{id: s, questions: [{id: ok, type: single, text: "Are you OK?", choices: [{label: "Yes"}, {value: 2, label: No}], required: false}]}]}
            """
        #expect(try hash(valid) == hash(flow))
        let spacedCondition = valid + "      - {id: more, type: text, text: Why?, show_if: ok==\"No\"}\n"
        let tidyCondition = valid + "      - {id: more, type: text, text: Why?, show_if: 'ok == \"No\"'}\n"
        #expect(try hash(spacedCondition) == hash(tidyCondition))
    }

    @Test func changesTheHashWhenTheMeaningChanges() throws {
        let base = try hash(valid)
        #expect(try hash(valid.replacingOccurrences(of: "Are you OK?", with: "Are you well?")) != base)
        #expect(try hash(valid.replacingOccurrences(of: "[Yes, No]", with: "[No, Yes]")) != base)
        #expect(try hash(valid.replacingOccurrences(of: "choices: [Yes, No]", with: "choices: [Yes, No]\n        required: true")) != base)
    }

    @Test func writesNothingWhenTheInstrumentHasErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.yaml", valid.replacingOccurrences(of: "format: 1", with: "format: 3"))
        let run = try Run.fieldwork(["compile", "bad.yaml"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("bad.yaml:1:9: error: format 3 is not supported; this version of Fieldwork reads format 1 [unsupported-format]\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("bad.compiled.json").path))
    }

    @Test func writesToStandardOutput() throws {
        let folder = try TemporaryFolder()
        try folder.write("tiny.yaml", valid)
        let run = try Run.fieldwork(["compile", "tiny.yaml", "--output", "-"], in: folder.url)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("{\n  \"choice_sets\": {},\n  \"compiled_format\": 1,\n"))
        #expect(run.stderr.hasPrefix("sha256:"))
    }
}
