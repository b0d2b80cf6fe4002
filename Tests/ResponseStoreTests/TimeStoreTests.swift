import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// Times and datetimes go to the journal and the response file as the strings the participant's
/// answer stands for, and come back from the journal unchanged, so a resumed session shows them.
@Suite struct TimeStoreTests {
    static let survey = """
        format: 1
        id: sleep
        version: 1.0.0
        title: Sleep
        sections:
          - id: s
            questions:
              - {id: woke, type: time, text: When did you wake up?}
              - {id: onset, type: datetime, text: When did it start?}
              - {id: note, type: text, text: Anything else?}

        """

    @Test func journalLinesReadBackAsTheyWereWritten() throws {
        for answer in [Answer(.time("00:00")), Answer(.datetime("2024-02-29T23:59"))] {
            let event = SessionEvent.answer(question: "woke", answer: answer, at: 1)
            var w = JSONWriter(compact: true)
            event.write(to: &w)
            #expect(try JSONDecoder().decode(SessionEvent.self, from: Data(w.bytes)) == event)
        }
        var w = JSONWriter(compact: true)
        Answer(.time("09:05")).write(to: &w)
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"value":{"time":{"_0":"09:05"}}}"#)
    }

    @Test func aResumedSessionHasItsTimesAndTheResponseFileHoldsThem() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(Self.survey)
        let store = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash)
        let writer = try store.begin(seed: 9, language: nil, started: "2026-11-23", pseudonym: nil, today: 20_000)
        var s = Session(instrument: store.instrument, seed: 9, today: 20_000)
        for (id, answer) in [("woke", Answer(.time("06:45"))), ("onset", Answer(.datetime("2024-05-01T09:05")))] {
            let kept = try s.answer(answer, at: 2)
            try writer.record(.answer(question: id, answer: kept, at: 2))
        }
        let contents = try #require(store.interrupted().first)
        let replay = contents.rebuilt(with: c.instrument, fallbackDay: 0)
        #expect(replay.unapplied.isEmpty)
        #expect(replay.session.answers["woke"] == Answer(.time("06:45")))
        #expect(replay.session.answers["onset"] == Answer(.datetime("2024-05-01T09:05")))
        #expect(replay.session.current?.id == "note")

        try s.skip(at: 3)
        let path = try writer.finish(s, duration: 3)
        let record = try folder.json("sleep/" + (path as NSString).lastPathComponent)
        let answers = try #require(record["answers"] as? [String: Any])
        #expect(answers["woke"] as? String == "06:45")
        #expect(answers["onset"] as? String == "2024-05-01T09:05")
    }
}
