import Authoring
import TestSupport
import Testing

private let survey = """
    format: 1
    id: p
    version: 1.0.0
    title: P
    sections:
      - id: s
        title: About you
        questions:
          - id: age
            type: number
            text: Age?
          - id: nick
            type: text
            text: Nickname?
            valid_if: length(.) >= 5
          - id: thanks
            type: note
            text: |
              Thanks, you are {age}.
              Next: the grid.
          - id: grid
            type: matrix
            text: Rate
            rows: [{id: taste, text: Taste}, {id: price, text: Price}]
            choices: [Good, Bad]
          - id: older
            type: calculate
            label: Age next year
            value: age + 1
          - id: band
            type: calculate
            value: if(age >= 65, 2, 1)
    """

/// The preview says in words what the instrument does (issue 14, item 13).
@Suite struct PreviewWordsTests {
    func markdown() throws -> String {
        MarkdownRenderer.render(Preview(instrument: try compiled(survey), hash: "sha256:0", languages: [""]).document())
    }

    @Test func saysRulesAndCalculationsInWords() throws {
        let text = try markdown()
        #expect(text.contains("- **Accepted if:** at least 5 characters\n"))
        #expect(text.contains("- **Answer:** calculated, not asked: *Age?* plus 1 (`age + 1`)\n"))
        #expect(text.contains("- **Answer:** calculated, not asked: 2 if *Age?* is at least 65, otherwise 1 (`if(age >= 65, 2, 1)`)\n"))
    }

    @Test func namesACalculationByItsLabel() throws {
        #expect(try markdown().contains("### Age next year\n\n- **Variable:** older\n"))
    }

    @Test func givesTheExportNameOfEveryMatrixRow() throws {
        #expect(try markdown().contains("**Rows:**\n\n- Taste (`grid_taste`)\n- Price (`grid_price`)\n"))
    }

    @Test func showsPipedTextAsTheAnswerItStandsFor() throws {
        // A note of two lines is one heading, so the Markdown stays valid.
        #expect(try markdown().contains("### Thanks, you are [answer to *Age?*]. Next: the grid.\n\n- **Variable:** thanks\n"))
    }

    @Test func showsARepeatsChoiceAsTheInstanceItStandsFor() throws {
        let repeated = """
            format: 1
            id: r
            version: 1.0.0
            title: R
            sections:
              - id: s
                questions:
                  - {id: activities, type: multiple, text: Which?, choices: [Walking, Cooking]}
              - id: activity
                title: "{activities.label}"
                repeat: {for_each: activities}
                questions:
                  - {id: visits, type: number, text: "How often to {activities.label}, after {activities}?", max: 31}
            """
        let text = MarkdownRenderer.render(Preview(instrument: try compiled(repeated), hash: "sha256:0", languages: [""]).document())
        // The label is this instance's choice, not the whole answer; the bare id is the answer.
        #expect(text.contains("## [each choice ticked in *Which?*]\n"), "\(text)")
        #expect(text.contains("How often to [each choice ticked in *Which?*], after [answer to *Which?*]?"), "\(text)")
    }

    @Test func keepsASectionHeadingWithItsFirstQuestionInPrint() throws {
        let html = HTMLRenderer.render(Preview(instrument: try compiled(survey), hash: "sha256:0", languages: [""]).document(), title: "P")
        #expect(html.contains("div.keep { break-inside: avoid; }"))
        #expect(html.contains("<div class=\"keep\">\n<h2>About you</h2>"))
        // The keep closes after the first question, before the second.
        let keep = try #require(html.range(of: "<div class=\"keep\">"))
        let afterKeep = html[keep.upperBound...]
        let firstClose = try #require(afterKeep.range(of: "</div>\n</div>"))
        #expect(afterKeep[..<firstClose.lowerBound].contains("1. Age?"))
        #expect(!afterKeep[..<firstClose.lowerBound].contains("2. Nickname?"))
    }
}
