import InstrumentCompiler
import InstrumentModel
import Testing

@Suite struct HiddenQuestionTests {
    @Test func compilesEachKindOfHiddenQuestionWithoutText() throws {
        let result = compile(withQuestions("""
          - {id: site, type: hidden, required: true, choices: [North, South]}
          - {id: wave, type: hidden, min: 1, max: 4}
          - {id: batch, type: hidden}
          - {id: q, type: text, text: Which centre?, show_if: site == 1 and wave > 2 and batch != 'x'}
        """))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let questions = try #require(result.instrument?.questions)
        #expect(questions.map(\.hiddenKind) == [.choice, .number, .text, nil])
    }

    @Test func reportsKeysThatMakeNoSenseOnAHiddenQuestion() {
        #expect(render(withQuestions("""
          - {id: site, type: hidden, choices: [North, South], max: 3}
          - {id: wave, type: hidden, show_if: site == 1}
          - {id: batch, type: hidden, pattern: '[A-Z]'}
        """)) == """
            t.yaml:8:59: error: 'max' belongs to a hidden number, but 'choices' make 'site' a hidden choice [misplaced-key]
                  - {id: site, type: hidden, choices: [North, South], max: 3}
                                                                      ^~~
              hint: keep either 'choices' or 'min', 'max' and 'decimals'
            t.yaml:9:34: warning: 'show_if' has no effect on a hidden question, which is never shown; its value is set at launch [ignored-key]
                  - {id: wave, type: hidden, show_if: site == 1}
                                             ^~~~~~~
              hint: remove it
            t.yaml:10:35: error: 'pattern' does not apply to question 'batch' [misplaced-key]
                  - {id: batch, type: hidden, pattern: '[A-Z]'}
                                              ^~~~~~~
              hint: 'pattern' belongs to questions of type text

            """)
    }
}
