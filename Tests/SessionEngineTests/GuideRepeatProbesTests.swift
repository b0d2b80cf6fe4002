import InstrumentModel
import SessionEngine
import TestSupport
import Testing

/// An instance removed by unticking its topic loses the probes ticked in it, as it loses its
/// notes: ticking the topic again starts a fresh instance, not the old one's probes.
@Suite struct GuideRepeatProbesTests {
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
        repeat: {for_each: topics}
        questions:
          - {id: topic_notes, type: open, text: "More about {topics.label}?", probes: [Since when?, Who helped?]}
    """

    @Test func aRemovedInstanceLosesItsProbes() throws {
        let events: [SessionEvent] = [
            .answer(question: "topics", answer: Answer(.choices([1, 3])), at: 1),
            .probe(question: "topic_notes#1", index: 0, asked: true, at: 1.5),
            .jump(question: "topic_notes#3", at: 2),
            .probe(question: "topic_notes#3", index: 1, asked: true, at: 3),
            .jump(question: "topics", at: 4),
            .answer(question: "topics", answer: Answer(.choices([1])), at: 5),
        ]
        let rebuilt = Session.rebuilt(instrument: try compiled(Self.yaml), seed: 1, language: nil, today: 20_780, events: events)
        #expect(rebuilt.unapplied.isEmpty)
        var s = rebuilt.session
        #expect(s.probesAsked == ["topic_notes#1": [0]], "Housing's probe stays; Work's went with Work")
        s = Session.rebuilt(instrument: try compiled(Self.yaml), seed: 1, language: nil, today: 20_780,
                            events: events + [.jump(question: "topics", at: 6), .answer(question: "topics", answer: Answer(.choices([1, 3])), at: 7)]).session
        #expect(s.probesAsked == ["topic_notes#1": [0]], "Work ticked again has no probe ticked")
    }
}
