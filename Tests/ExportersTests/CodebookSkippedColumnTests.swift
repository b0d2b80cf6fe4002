@testable import Exporters
import Foundation
import InstrumentCompiler
import InstrumentModel
import ResponseStore
import TestSupport
import Testing

/// F5 of the fidelity suite: `<question>_skipped` is a column of the statistical CSV and of every
/// script, so the codebook lists it like any other, with the names SPSS and Stata give it (a long
/// id's is shortened there, and could not be looked up before).
@Suite struct CodebookSkippedColumnTests {
    static let long = "long_" + String(repeating: "t", count: 55)

    static let yaml = """
        format: 1
        id: skipped-codebook
        version: 1.0.0
        title: Skipped columns
        sections:
          - id: s
            questions:
              - {id: town, type: text, text: Town?}
              - {id: \(long), type: long_text, text: Story?, show_if: "town != ''"}
        """

    @Test func theCodebookListsEachSkippedColumnWithItsNames() throws {
        let result = InstrumentCompiler.compile(Array(Self.yaml.utf8))
        let instrument = try #require(result.instrument, "\(result.diagnostics.map(\.message))")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-skipcb-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try InstrumentStore(root: folder, instrument: instrument, compiled: try #require(result.canonical), hash: try #require(result.contentHash))
        var options = ExportOptions(format: .codebook, out: folder + "/out")
        options.labels = false
        _ = try Exporter.run(try ResponseReader(path: folder + "/skipped-codebook"), options)
        let csv = CSVTable(try String(contentsOfFile: folder + "/out/codebook.csv", encoding: .utf8))
        let rows = csv.rows.map { Dictionary(uniqueKeysWithValues: zip(csv.header, $0)) }
        try #require(rows.map { $0["variable"] ?? "" } == ["town", "town_skipped", Self.long, Self.long + "_skipped"])
        let spss = String(Self.long.prefix(59)) + "_" + ExportNames.hash(Self.long + "_skipped")
        let stata = String(Self.long.prefix(27)) + "_" + ExportNames.hash(Self.long + "_skipped")
        let condition = try #require(rows[2]["asked_if"])
        #expect(!condition.isEmpty, "the condition of its text, in words")
        #expect(rows[3] == [
            "variable": Self.long + "_skipped", "label": "Story?: skipped", "question": "Story?", "type": "long_text", "measure": "nominal",
            "values": "0 = Answered; 1 = Skipped", "range": "", "unit": "", "max_length": "", "date_precision": "", "calculation": "",
            "missing": "empty = not asked", "asked_if": condition, "versions": "1.0.0", "spss_name": spss, "stata_name": stata,
        ])
        let md = try String(contentsOfFile: folder + "/out/codebook.md", encoding: .utf8)
        #expect(md.contains("""
            ### `\(Self.long)_skipped`

            - Label: Story?: skipped
            - Question: Story?
            - Type: long_text (nominal)
            - Values: 0 = Answered; 1 = Skipped
            - Missing: empty = not asked
            - SPSS name: `\(spss)`
            - Stata name: `\(stata)`
            - Asked: if \(condition)
            - Versions: 1.0.0

            """), "\(md)")
    }
}
