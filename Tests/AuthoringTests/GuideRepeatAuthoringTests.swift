import Authoring
import InstrumentModel
import TestSupport
import Testing

/// `preview` and `diff` of a guide whose blocks repeat (issue 16, interviews): the rule in words,
/// as the interviewer works it, the minutes planned per instance, and verdicts on changed repeats.
@Suite struct GuideRepeatAuthoringTests {
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

    /// Notes taken once per topic cannot be compared with notes taken once for the interview;
    /// fewer "anything else" instances is to check, as in a survey.
    @Test func diffGivesAVerdictWhenAGuidesRepeatChanges() throws {
        let old = try compiled(Self.guide)
        func changed(_ edit: (String) -> String) throws -> [String] {
            InstrumentDiff.compare(old, try compiled(edit(Self.guide).replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")))
                .map { "\($0.verdict.words)  \($0.variable ?? "")  \($0.what)" }
        }
        #expect(try changed { $0.replacingOccurrences(of: "max: 2, another", with: "max: 1, another") }
                == ["check  other_notes  at most 1 instance now (was 2): later responses cannot have instance 2"])
        let once = try changed { $0.replacingOccurrences(of: "    repeat: {for_each: topics}\n", with: "")
            .replacingOccurrences(of: "{topics.label}", with: "them") }
        #expect(once == ["check  topic_notes  the wording changed from \"More about {topics.label}?\" to \"More about them?\": check that it asks the same thing",
                    "not comparable  topic_notes  now asked once (was once for each choice ticked in 'topics'): earlier responses have one answer per instance, later ones one"])
    }
}

/// `preview` of a guide whose section holds a repeated block: the block under its section,
/// with its rule in words; the section's minutes once.
@Suite struct GuideBlockPreviewTests {
    @Test func showsTheBlockUnderItsSection() throws {
        let guide = """
            format: 1
            id: g
            version: 1.0.0
            kind: interview
            title: G
            sections:
              - id: talk
                title: Talk
                minutes: 10
                questions:
                  - {id: topics, type: multiple, text: Topics raised?, choices: [Housing, Money, Work]}
                  - block: topic
                    title: "{topics.label}"
                    repeat: {for_each: topics}
                    questions: [{id: topic_notes, type: open, text: "More about {topics.label}?", probes: [Since when?]}]
                  - {id: wrap_notes, type: open, text: Anything to add?}
            """
        let text = MarkdownRenderer.render(Preview(instrument: try compiled(guide), hash: "sha256:0", languages: [""]).document())
        #expect(text.contains("- **Planned time:** 10 minutes\n"), "\(text)")
        #expect(text.contains("### Block: [each choice ticked in *Topics raised?*]\n\n- **Block:** topic, in section talk\n"))
        #expect(text.contains("#### 2. More about [each choice ticked in *Topics raised?*]?\n"))
        #expect(text.components(separatedBy: "## Talk").count == 2, "the section's heading once")
        #expect(text.contains("- **Repeated:** once for each choice ticked in \"Topics raised?\" (topics), in the order of the choices; up to 3 times"))
    }
}
