import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine
import Testing

/// The journal's lines are written by the one JSON writer and read by `Decodable`: every kind of
/// event and answer must come back as it went in, and journals written before stay readable.
@Suite struct JournalFormatTests {
    static let events: [SessionEvent] = [
        .consent(agreed: true, at: 0.5),
        .answer(question: "a", answer: Answer(.choice(-9)), at: 1),
        .answer(question: "b", answer: Answer(.choices([1, 9_007_199_254_740_993]), other: "café \"x\"\n\t"), at: 2.25),
        .answer(question: "c", answer: Answer(.number(-0.1)), at: 3),
        .answer(question: "d", answer: Answer(.text("line one\nline two \\ end")), at: 4),
        .answer(question: "e", answer: Answer(.date("2026-11")), at: 5),
        .answer(question: "f", answer: Answer(.ranking([3, 1])), at: 6),
        .answer(question: "g", answer: Answer(.rows(["safe": 2, "heard": -9])), at: 7),
        .skip(question: "h", at: 8), .back(at: 9), .notes(question: "i", text: "[00:10] P1: yes", at: 10),
        .jump(question: "j", at: 11), .probe(question: "j", index: 2, asked: true, at: 12), .end(at: 13),
        SessionEvent(.draft("half a \"thought\"\n"), question: "k", at: 14),
    ]

    @Test func readsBackEveryEventItWrites() throws {
        for event in Self.events {
            var w = JSONWriter(compact: true)
            event.write(to: &w)
            #expect(!w.bytes.contains(0x0A), "one line")
            let read = try JSONDecoder().decode(SessionEvent.self, from: Data(w.bytes))
            #expect(read == event, "\(String(decoding: w.bytes, as: UTF8.self))")
        }
    }

    /// Lines as the first version's `JSONEncoder` wrote them still replay.
    @Test func readsJournalsWrittenBefore() throws {
        let old = """
            {"format":1,"hash":"sha256:\(String(repeating: "ab", count: 32))","instrument_id":"wave","language":"en","response_id":"\(String(repeating: "1", count: 32))","seed":9,"session_id":"\(String(repeating: "2", count: 32))","started":"2026-11-23","version":"1.0.0"}
            {"answer":{"answer":{"value":{"rows":{"_0":{"heard":-9,"safe":2}}}},"at":2,"question":"feel"}}
            {"answer":{"answer":{"other":"bus","value":{"choice":{"_0":4}}},"at":3.5,"question":"how"}}
            {"skip":{"at":4,"question":"why"}}
            {"back":{"at":5}}
            """
        let contents = try #require(JournalContents.read(Data((old + "\n").utf8)))
        #expect(contents.header.today == nil)
        #expect(contents.header.day == 20_780, "falls back to the day it started, 2026-11-23")
        #expect(contents.events == [
            .answer(question: "feel", answer: Answer(.rows(["safe": 2, "heard": -9])), at: 2),
            .answer(question: "how", answer: Answer(.choice(4), other: "bus"), at: 3.5),
            .skip(question: "why", at: 4), .back(at: 5),
        ])
    }
}
