import Authoring
import TestSupport
import Testing

@Suite struct GroupPreviewTests {
    @Test func thePreviewSaysAGuideIsAGroupDiscussion() throws {
        let guide = try compiled("""
            format: 1
            id: g
            version: 1.0.0
            kind: interview
            title: G
            group: {min: 3, max: 10}
            sections:
              - id: s
                questions:
                  - {id: a, type: open, text: What brought you here?}
            """)
        let markdown = MarkdownRenderer.render(Preview(instrument: guide, hash: "sha256:0", languages: [""]).document())
        #expect(markdown.contains("- **Kind:** interview guide (used by the interviewer)\n- **Group discussion:** 3 to 10 participants, noted as P1, P2, ... and F for the facilitator\n"))
    }
}
