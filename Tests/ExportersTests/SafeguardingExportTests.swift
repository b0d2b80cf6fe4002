import Exporters
import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

@Suite struct SafeguardingExportTests {
    /// A study folder holding one finished response whose answer fired a rule.
    static func study(pseudonym: String? = nil) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let result = try compiling("""
            format: 1
            id: care
            version: 1.0.0
            title: Care
            privacy: {participant: \(pseudonym == nil ? "none" : "code")}
            sections:
              - id: s
                questions:
                  - {id: low, type: scale, text: Low?, from: 0, to: 3}
            safeguarding:
              - {id: distress, when: low >= 1, message: Support is there.}

            """)
        let instrument = try #require(result.instrument)
        let store = try InstrumentStore(root: folder.path, instrument: instrument, compiled: try #require(result.canonical),
                                        hash: try #require(result.contentHash))
        let writer = try store.begin(seed: 9, language: nil, started: nil, pseudonym: pseudonym, today: 20_000)
        var s = Session(instrument: instrument, seed: 9, today: 20_000)
        try writer.record(try s.apply(s.event(.answer(Answer(.choice(2))), at: 1)))
        try writer.finish(s, duration: 3)
        return folder
    }

    @Test func jsonLinesCarryWhatFiredAndTheAnalysisCSVDoesNot() throws {
        let study = try Self.study()
        let out = try TemporaryFolder()
        _ = try Exporter.run(try ResponseReader(path: study.path + "/care"), ExportOptions(format: .jsonl, out: out.path))
        let jsonl = try String(contentsOfFile: out.path + "/responses.jsonl", encoding: .utf8)
        #expect(jsonl.contains(#""safeguarding":[{"question":"low","rule":"distress"}]"#))
        let csvOut = try TemporaryFolder()
        _ = try Exporter.run(try ResponseReader(path: study.path + "/care"), ExportOptions(format: .csv, out: csvOut.path))
        let csv = try String(contentsOfFile: csvOut.path + "/responses.csv", encoding: .utf8)
        #expect(!csv.contains("safeguarding") && !csv.contains("distress"))
    }

    @Test func theSafeguardingListNamesASessionByItsPseudonymWhereThereIsOne() throws {
        let study = try Self.study(pseudonym: "p_0123456789abcdef")
        let list = SafeguardingList(try ResponseReader(path: study.path + "/care"))
        #expect(list.rows.map(\.who) == ["p_0123456789abcdef"])
        #expect(list.text().contains("\np_0123456789abcdef     complete  distress  low\n"))
    }
}
