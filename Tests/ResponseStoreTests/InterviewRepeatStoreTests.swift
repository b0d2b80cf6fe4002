import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// A guide's repeated block (issue 16, interviews): each instance keeps its own notes and the
/// probes ticked in it, under the instance, so that resume and the exports find them there.
@Suite struct InterviewRepeatStoreTests {
    static let yaml = """
    format: 1
    id: g
    version: 1.0.0
    kind: interview
    title: G
    sections:
      - id: intro
        questions:
          - {id: topics, type: multiple, text: Topics raised?, choices: [Housing, Money, Work]}
      - id: topic
        title: "{topics.label}"
        repeat: {for_each: topics}
        questions:
          - {id: topic_notes, type: open, text: "More about {topics.label}?", probes: [Since when?, Who helped?]}
    """

    /// Housing and Work raised; notes on both, the second probe ticked in Work only.
    static let events: [SessionEvent] = [
        .answer(question: "topics", answer: Answer(.choices([1, 3])), at: 1),
        .notes(question: "topic_notes#1", text: "[00:02] Lost the flat", at: 2),
        .jump(question: "topic_notes#3", at: 3),
        .probe(question: "topic_notes#3", index: 1, asked: true, at: 4),
        .notes(question: "topic_notes#3", text: "[00:05] New job", at: 5),
    ]

    @Test func eachInstanceKeepsItsNotesAndProbesAndAReplayRestoresThem() throws {
        let instrument = try compiled(Self.yaml)
        let rebuilt = Session.rebuilt(instrument: instrument, seed: 1, language: nil, today: 20_780, events: Self.events)
        #expect(rebuilt.unapplied.isEmpty)
        #expect(rebuilt.session.current?.id == "topic_notes#3")
        #expect(rebuilt.session.instanceCaptionText == "Work — 2 of 2")
        let record = responseRecord(for: rebuilt.session, hash: "sha256:x")
        let text = String(decoding: record, as: UTF8.self)
        #expect(!text.contains("\"probes_asked\": {\n    \"topic_notes#3\""), "no slot at the top level")
        #expect(text.contains("""
              {
                "answers": {
                  "topic_notes": "[00:05] New job"
                },
                "calculated": {},
                "key": 3,
                "other": {},
                "probes_asked": {
                  "topic_notes": [
                    2
                  ]
                },
                "skipped": []
              }
        """))
        let stored = try #require(record.withUnsafeBytes { StoredResponse.read($0) })
        #expect(stored.probesAsked.isEmpty)
        #expect(stored.repeats["topic"] == [
            StoredInstance(key: 1, answers: ["topic_notes": "[00:02] Lost the flat"]),
            StoredInstance(key: 3, answers: ["topic_notes": "[00:05] New job"], probesAsked: ["topic_notes": [2]]),
        ])
    }
}
