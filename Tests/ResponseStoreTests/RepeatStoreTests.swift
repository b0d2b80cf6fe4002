import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// A response keeps a repeated section's instances in order, each with its key and its own
/// answers (issue 16); a journal replayed gives back the same instances, so resume restores them.
@Suite struct RepeatStoreTests {
    static let yaml = """
    format: 1
    id: t
    version: 1.0.0
    title: T
    sections:
      - id: s
        questions:
          - {id: activities, type: multiple, text: Which?, choices: [Walking group, Art club, Choir], other: true}
      - id: activity
        repeat: {for_each: activities}
        questions:
          - {id: visits, type: number, text: "How often at {activities.label}?", max: 31}
          - {id: note_text, type: text, text: Anything else?}
          - {id: double, type: calculate, value: "visits * 2"}
      - id: after
        questions:
          - {id: total, type: calculate, value: "sum(visits)"}
    """

    /// Choir and "Other" (the bus club) ticked; Choir's text skipped.
    static let events: [SessionEvent] = [
        .answer(question: "activities", answer: Answer(.choices([3, 4]), other: "Bus club"), at: 1),
        .answer(question: "visits#3", answer: Answer(.number(2)), at: 2),
        .skip(question: "note_text#3", at: 3),
        .answer(question: "visits#4", answer: Answer(.number(5)), at: 4),
        .back(at: 5),
        .answer(question: "visits#4", answer: Answer(.number(6)), at: 6),
        .answer(question: "note_text#4", answer: Answer(.text("Fun")), at: 7),
    ]

    @Test func writesEachInstanceInOrderWithItsKeyAndItsOwnAnswers() throws {
        let instrument = try compiled(Self.yaml)
        let rebuilt = Session.rebuilt(instrument: instrument, seed: 1, language: nil, today: 20_780, events: Self.events)
        #expect(rebuilt.unapplied.isEmpty)
        let record = responseRecord(for: rebuilt.session, hash: "sha256:x")
        let text = String(decoding: record, as: UTF8.self)
        #expect(text.contains("""
          "repeats": {
            "activity": [
              {
                "answers": {
                  "visits": 2
                },
                "calculated": {
                  "double": 4
                },
                "key": 3,
                "other": {},
                "skipped": [
                  "note_text"
                ]
              },
              {
                "answers": {
                  "note_text": "Fun",
                  "visits": 6
                },
                "calculated": {
                  "double": 12
                },
                "key": 4,
                "other": {},
                "skipped": []
              }
            ]
          },
        """))
        let stored = try #require(record.withUnsafeBytes { StoredResponse.read($0) })
        #expect(stored.answers.keys.sorted() == ["activities"])
        #expect(stored.calculated == ["total": 8])
        #expect(stored.skipped.isEmpty)
        #expect(stored.repeats["activity"] == [
            StoredInstance(key: 3, answers: ["visits": 2], skipped: ["note_text"], calculated: ["double": 4]),
            StoredInstance(key: 4, answers: ["note_text": "Fun", "visits": 6], calculated: ["double": 12]),
        ])
        // Time at each instance counts to its question: one paradata row per question.
        #expect(stored.timing.keys.sorted() == ["activities", "note_text", "visits"])
        #expect(stored.timing["visits"]?.visits == 3)
    }

    @Test func aReplayStoppedHalfWayResumesInTheSameInstance() throws {
        let instrument = try compiled(Self.yaml)
        let half = Session.rebuilt(instrument: instrument, seed: 1, language: nil, today: 20_780, events: Array(Self.events.prefix(4))).session
        #expect(half.current?.id == "note_text#4")
        #expect(half.instanceCaptionText == "Bus club — 2 of 2")
        #expect(half.answers["visits#3"] == Answer(.number(2)))
        #expect(half.skipped == ["note_text#3"])
    }
}
