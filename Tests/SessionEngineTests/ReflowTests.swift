import InstrumentModel
import SessionEngine
import TestSupport
import Testing

/// A YAML `|` text is shown as paragraphs, not as the editor's lines.
@Suite struct ReflowTests {
    @Test func joinsTheLinesOfAParagraphAndKeepsParagraphsAndLists() throws {
        let s = try session("""
            - id: info
              type: note
              text: |
                We will ask about your time
                with the service.

                You may stop at any time:
                - press Ctrl-C to leave
                - 1) or skip a question
                    an indented line stays
            """)
        #expect(s.render(s.current?.text) == """
            We will ask about your time with the service.

            You may stop at any time:
            - press Ctrl-C to leave
            - 1) or skip a question
                an indented line stays
            """)
    }

    @Test func leavesATextOfOneLineAndPipedAnswersAlone() throws {
        var s = try session("""
            - {id: story, type: long_text, text: Tell us}
            - id: echo
              type: note
              text: |
                You wrote:
                {story}
            """)
        try s.answer(Answer(.text("one\ntwo")), at: 1)
        #expect(s.render(s.current?.text) == "You wrote: one\ntwo")
        #expect(s.render(LocalizedText("Just one line")) == "Just one line")
    }
}
