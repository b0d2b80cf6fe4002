import InstrumentCompiler
import InstrumentModel
import Testing

private let guide = """
    format: 1
    id: g
    version: 1.0.0
    kind: interview
    title: G
    group: {min: 3, max: 10}
    sections:
      - id: s
        minutes: 10
        questions:
          - id: sort
            type: ranking
            text: Sort the cards.
            choices: [Money, Time, Trust]
            instructions: Lay the cards out in a row.
            minutes: 12

    """

/// A guide can say it is a group discussion; structured questions of a guide take
/// `instructions` and `minutes` (issue 14, item 7).
@Suite struct GroupGuideTests {
    @Test func aGuideSaysItIsAGroupDiscussion() throws {
        let result = InstrumentCompiler.compile(Array(guide.utf8))
        let instrument = try #require(result.instrument)
        #expect(instrument.group == GroupSize(min: 3, max: 10))
        #expect(instrument.questions[0].instructions?.text() == "Lay the cards out in a row.")
        #expect(instrument.questions[0].minutes == 12)
    }

    @Test func aQuestionPlannedLongerThanItsSectionIsAWarning() {
        #expect(render(guide) == """
            t.yaml:16:18: warning: question 'sort' plans 12 minutes, more than its section 's' (10) [out-of-range]
                    minutes: 12
                             ^~
              hint: raise the section's 'minutes', or lower the question's

            """)
    }

    @Test func aGroupInASurveyOrOfImpossibleSizesIsRefused() {
        let survey = guide.replacingOccurrences(of: "kind: interview\n", with: "")
            .replacingOccurrences(of: "    minutes: 10\n", with: "")
            .replacingOccurrences(of: "        instructions: Lay the cards out in a row.\n        minutes: 12\n", with: "")
        #expect(render(survey) == """
            t.yaml:5:1: error: 'group' describes a group discussion, which is an interview guide, but this instrument is a survey [interview-only]
            group: {min: 3, max: 10}
            ^~~~~
              hint: set 'kind: interview', or remove 'group'

            """)
        let upside = compile(guide.replacingOccurrences(of: "{min: 3, max: 10}", with: "{min: 10, max: 3}"))
        #expect(upside.diagnostics.map(\.message) == ["'min' (10) is above 'max' (3) in 'group'", "question 'sort' plans 12 minutes, more than its section 's' (10)"])
        let one = compile(guide.replacingOccurrences(of: "{min: 3, max: 10}", with: "{min: 1, max: 10}"))
        #expect(one.diagnostics.first?.message == "'min' in 'group' is 1, but a group has from 2 to 99 participants")
    }

    @Test func instructionsAndMinutesOnAStructuredQuestionOfASurveyAreMisplaced() {
        let survey = guide.replacingOccurrences(of: "kind: interview\n", with: "").replacingOccurrences(of: "group: {min: 3, max: 10}\n", with: "")
            .replacingOccurrences(of: "    minutes: 10\n", with: "")
        let result = compile(survey)
        #expect(result.diagnostics.map(\.message) == ["'instructions' does not apply to question 'sort'", "'minutes' does not apply to question 'sort'"])
        #expect(result.diagnostics.map(\.hint) == ["'instructions' belongs to questions of interview guides", "'minutes' belongs to questions of interview guides"])
    }
}
