import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// A draft in a journal is read back and replayed, and never becomes an answer of the response
/// that readers and exporters see.
@Suite struct DraftJournalTests {
    @Test func aDraftIsReadBackAndIsNoAnswerOfThePartialResponse() throws {
        let instrument = try compiled("""
            format: 1
            id: wave
            version: 1.0.0
            title: Wave
            sections:
              - id: s
                questions:
                  - {id: mood, type: single, text: Mood?, choices: [Low, High]}
                  - {id: story, type: long_text, text: Why?}
            """)
        let journal = """
            {"format":1,"hash":"sha256:\(String(repeating: "ab", count: 32))","instrument_id":"wave","language":"en","response_id":"\(String(repeating: "1", count: 32))","seed":9,"session_id":"\(String(repeating: "2", count: 32))","started":"2026-11-23","today":20780,"version":"1.0.0"}
            {"answer":{"answer":{"value":{"choice":{"_0":2}}},"at":2,"question":"mood"}}
            {"draft":{"at":3,"question":"story","text":"Because of the sun"}}

            """
        let contents = try #require(JournalContents.read(Data(journal.utf8)))
        #expect(contents.damagedLines.isEmpty)
        #expect(contents.events.last == SessionEvent(.draft("Because of the sun"), question: "story", at: 3))
        let rebuilt = contents.rebuilt(with: instrument, fallbackDay: 0)
        #expect(rebuilt.unapplied.isEmpty)
        #expect(rebuilt.session.drafts == ["story": "Because of the sun"])
        let (record, _) = contents.partialRecord(with: instrument, fallbackDay: 0)
        let text = String(decoding: record, as: UTF8.self)
        #expect(!text.contains("sun"), "\(text)")
        let object = try #require(try JSONSerialization.jsonObject(with: record) as? [String: Any])
        #expect((object["answers"] as? [String: Any])?.keys.sorted() == ["mood"])
        #expect(object["status"] as? String == "partial")

        // Every question answered, the answers not sent (left at the review): still partial.
        let atReview = journal + #"{"answer":{"answer":{"value":{"text":{"_0":"Sun"}}},"at":4,"question":"story"}}"# + "\n"
        let unsent = try #require(JournalContents.read(Data(atReview.utf8)))
        #expect(unsent.rebuilt(with: instrument, fallbackDay: 0).session.phase == .finished)
        let status = try #require(try JSONSerialization.jsonObject(with: unsent.partialRecord(with: instrument, fallbackDay: 0).record) as? [String: Any])
        #expect(status["status"] as? String == "partial")
    }
}
