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

/// A rule set off by an answer inside a repeat (issue 16): recorded as the question and the
/// instance's key, never the engine's slot (`distress#2`), nor the answer or any typed "Other".
@Suite struct SafeguardingInRepeatTests {
    @Test func aFiringInsideARepeatNamesTheQuestionAndItsInstance() throws {
        let folder = try TemporaryFolder()
        let result = try compiling("""
            format: 1
            id: care
            version: 1.0.0
            title: Care
            sections:
              - id: s
                questions:
                  - {id: activities, type: multiple, text: Which?, choices: [Walking, Art], other: true}
              - id: activity
                repeat: {for_each: activities}
                questions:
                  - {id: distress, type: scale, text: How upsetting?, from: 0, to: 4}
            safeguarding:
              - {id: upset, when: max(distress) >= 3, message: Support is there.}

            """)
        let instrument = try #require(result.instrument)
        let store = try InstrumentStore(root: folder.path, instrument: instrument, compiled: try #require(result.canonical),
                                        hash: try #require(result.contentHash))
        let writer = try store.begin(seed: 9, language: nil, started: nil, pseudonym: nil, today: 20_000)
        var s = Session(instrument: instrument, seed: 9, today: 20_000)
        let other = try #require(instrument.question("activities")?.other?.value)
        for (i, move) in [SessionMove.answer(Answer(.choices([1, other]), other: "my secret club")), .answer(Answer(.choice(1))),
                          .answer(Answer(.choice(4)))].enumerated() {
            try writer.record(try s.apply(s.event(move, at: Double(i + 1))))
        }
        try writer.finish(s, duration: 3)
        #expect(s.safeguardingFired == [SafeguardingFiring(rule: "upset", question: "distress", instance: other)])
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/care").first { $0.hasSuffix(".json") })
        let stored = try String(contentsOfFile: folder.path + "/care/" + file, encoding: .utf8)
        #expect(stored.contains("\"safeguarding\": [\n    {\n      \"instance\": \(other),\n      \"question\": \"distress\",\n      \"rule\": \"upset\"\n    }\n  ]"), "\(stored)")
        let out = try TemporaryFolder()
        _ = try Exporter.run(try ResponseReader(path: folder.path + "/care"), ExportOptions(format: .jsonl, out: out.path))
        let jsonl = try String(contentsOfFile: out.path + "/responses.jsonl", encoding: .utf8)
        #expect(jsonl.contains(#""safeguarding":[{"instance":\#(other),"question":"distress","rule":"upset"}]"#), "\(jsonl)")
        let list = SafeguardingList(try ResponseReader(path: folder.path + "/care")).text()
        #expect(list.contains("  upset  distress (instance \(other) of 'activity')\n"), "\(list)")
        #expect(!list.contains("secret") && !jsonl.components(separatedBy: "safeguarding")[1].contains("secret"))
    }
}
