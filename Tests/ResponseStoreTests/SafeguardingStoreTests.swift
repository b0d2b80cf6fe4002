import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

@Suite struct SafeguardingStoreTests {
    static let yaml = """
        format: 1
        id: care
        version: 1.0.0
        title: Care
        sections:
          - id: s
            questions:
              - {id: low, type: scale, text: Low?, from: 0, to: 3}
              - {id: story, type: long_text, text: Tell us more}
        safeguarding:
          - {id: distress, when: low >= 1, message: Support is there.}

        """

    @Test func aFinishedResponseAndAnInterruptedJournalBothKeepWhatFiredAndNothingMore() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(Self.yaml)
        let store = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash)
        let writer = try store.begin(seed: 9, language: nil, started: nil, pseudonym: nil, today: 20_000)
        var s = Session(instrument: c.instrument, seed: 9, today: 20_000)
        try writer.record(try s.apply(s.event(.answer(Answer(.choice(2))), at: 1)))

        var partials: [StoredResponse] = []
        try ResponseReader(path: folder.path + "/care").eachPartial { partials.append($0) }
        #expect(partials.map(\.safeguarding) == [[SafeguardingFiring(rule: "distress", question: "low")]])

        try writer.record(try s.apply(s.event(.answer(Answer(.text("I am struggling"))), at: 2)))
        let path = try writer.finish(s, duration: 3)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("""
              "safeguarding": [
                {
                  "question": "low",
                  "rule": "distress"
                }
              ],
            """))
        var finished: [StoredResponse] = []
        try ResponseReader(path: folder.path + "/care").eachFinished { finished.append($0) }
        #expect(finished.map(\.safeguarding) == [[SafeguardingFiring(rule: "distress", question: "low")]])
    }
}
