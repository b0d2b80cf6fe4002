import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// A repeated block inside a section is stored as a repeated section is (issue 16): its instances
/// under the block's id, in order, with their keys; the questions before and after it with the
/// response's own answers; a replayed journal resumes inside the block or after it.
@Suite struct BlockRepeatStoreTests {
    static let yaml = """
    format: 1
    id: t
    version: 1.0.0
    title: T
    sections:
      - id: s
        title: Involvement
        questions:
          - {id: activities, type: multiple, text: Which?, choices: [Walking group, Art club, Choir]}
          - block: activity
            repeat: {for_each: activities}
            questions:
              - {id: visits, type: number, text: "How often at {activities.label}?", max: 31}
          - {id: total, type: calculate, value: "sum(visits)"}
          - {id: more, type: text, text: Anything else?}
    """

    static let events: [SessionEvent] = [
        .answer(question: "activities", answer: Answer(.choices([2, 3])), at: 1),
        .answer(question: "visits#2", answer: Answer(.number(2)), at: 2),
        .answer(question: "visits#3", answer: Answer(.number(5)), at: 3),
        .answer(question: "more", answer: Answer(.text("No")), at: 4),
    ]

    @Test func keepsTheBlocksInstancesUnderItsIdAndTheQuestionAfterItWithTheResponse() throws {
        let instrument = try compiled(Self.yaml)
        let rebuilt = Session.rebuilt(instrument: instrument, seed: 1, language: nil, today: 20_780, events: Self.events)
        #expect(rebuilt.unapplied.isEmpty)
        let record = responseRecord(for: rebuilt.session, hash: "sha256:x")
        let stored = try #require(record.withUnsafeBytes { StoredResponse.read($0) })
        #expect(stored.answers.keys.sorted() == ["activities", "more"])
        #expect(stored.calculated == ["total": 7])
        #expect(stored.repeats.keys.sorted() == ["activity"])
        #expect(stored.repeats["activity"] == [
            StoredInstance(key: 2, answers: ["visits": 2]),
            StoredInstance(key: 3, answers: ["visits": 5]),
        ])
    }

    @Test func resumesInsideTheBlockAndAfterIt() throws {
        let instrument = try compiled(Self.yaml)
        let inside = Session.rebuilt(instrument: instrument, seed: 1, language: nil, today: 20_780, events: Array(Self.events.prefix(2))).session
        #expect(inside.current?.id == "visits#3")
        #expect(inside.instanceCaptionText == "Choir — 2 of 2")
        #expect(inside.sectionAsked("visits#3")?.section.id == "s")
        var after = Session.rebuilt(instrument: instrument, seed: 1, language: nil, today: 20_780, events: Array(Self.events.prefix(3))).session
        #expect(after.current?.id == "more")
        try after.back(at: 5)
        #expect(after.current?.id == "visits#3")
        #expect(after.answers["visits#3"] == Answer(.number(5)))
    }
}
