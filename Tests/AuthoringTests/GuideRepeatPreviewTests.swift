import Authoring
import TestSupport
import Testing

/// `preview` of a guide whose blocks repeat (issue 16, interviews): the rule in words, as the
/// interviewer works it, and the minutes planned per instance.
@Suite struct GuideRepeatPreviewTests {
    static let guide = """
        format: 1
        id: g
        version: 1.0.0
        kind: interview
        title: G
        sections:
          - id: intro
            minutes: 10
            questions:
              - {id: topics, type: multiple, text: Topics raised?, choices: [Housing, Money, Work]}
          - id: topic
            minutes: 5
            repeat: {for_each: topics}
            questions: [{id: topic_notes, type: open, text: "More about {topics.label}?"}]
          - id: other_topic
            minutes: 4
            repeat: {until_done: true, max: 2, another: Another topic raised?}
            questions: [{id: other_notes, type: open, text: What else?}]
        """

    @Test func saysTheRuleAndThePlanPerInstance() throws {
        let text = MarkdownRenderer.render(Preview(instrument: try compiled(Self.guide), hash: "sha256:0", languages: [""]).document())
        #expect(text.contains("- **Planned time:** 10 to 33 minutes (a repeated section's minutes are for each time it is asked)\n"))
        #expect(text.contains("""
            - **Section:** topic
            - **Planned time:** 5 minutes each time
            - **Repeated:** once for each choice ticked in "Topics raised?" (topics), in the order of the choices; up to 3 times
            """))
        #expect(text.contains("- **Repeated:** until the interviewer answers no to \"Another topic raised?\"; up to 2 times\n"))
    }
}
