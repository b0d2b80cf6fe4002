import InstrumentCompiler
import Testing

/// Mistakes an evaluator made whose first diagnostic pointed elsewhere (issue 14, item 11):
/// each gives one diagnostic, at the place to edit, with the sentence and hint that fix it.
@Suite struct MisleadingDiagnosticTests {
    @Test func aConditionStartingWithAQuotedLabelSaysToQuoteItWhole() {
        let source = withQuestions("""
              - id: activities
                type: multiple
                text: A?
                choices: [Online forum, Other]
              - id: b
                type: text
                text: B?
                show_if: "Online forum" in activities
            """)
        #expect(render(source) == #"""
            t.yaml:15:18: error: this value starts with a quoted text and goes on after the closing quote [yaml-syntax]
                    show_if: "Online forum" in activities
                             ^
              hint: put the whole value in single quotes: show_if: '"Online forum" in activities'

            """#)
    }

    @Test func anOverIndentedKeySaysItIsIndentedTooFar() {
        let source = withQuestions("""
              - id: a
                type: text
                  text: A?
            """)
        #expect(render(source) == """
            t.yaml:10:11: error: 'text' is indented further than 'type' above it, so YAML reads it as part of that value [yaml-syntax]
                      text: A?
                      ^~~~
              hint: indent 'text' by 8 spaces, as 'type' is

            """)
    }

    @Test func aNonBreakingSpaceInTheIndentationIsNamedWithItsColumn() {
        let source = header + "      - id: a\n        type: text\n \u{A0}      text: A?\n"
        #expect(render(source) == """
            t.yaml:10:2: error: the indentation holds a non-breaking space (U+00A0) at column 2, which YAML does not count as a space [yaml-syntax]
             \u{A0}      text: A?
             ^
              hint: replace it with an ordinary space; it usually comes with text copied from a word processor or a web page

            """)
    }

    @Test func aCapitalisedKeyIsUnknownWithTheRightOneSuggested() {
        let source = withQuestions("""
              - id: a
                Type: long_text
                text: A?
            """)
        #expect(render(source) == """
            t.yaml:9:9: error: unknown key 'Type' in question 'a' [unknown-key]
                    Type: long_text
                    ^~~~
              hint: did you mean 'type'?

            """)
    }

    @Test func aChoiceWrittenAsItsTranslationsGivesOneDiagnostic() {
        let source = """
            format: 1
            id: t
            version: 1.0.0
            title: {en: T, cy: T}
            languages: [en, cy]
            sections:
              - id: s
                questions:
                  - id: a
                    type: single
                    text: {en: A?, cy: A?}
                    choices:
                      - {en: Yes, cy: Ydw}
                      - {en: No, cy: Na}

            """
        #expect(render(source) == """
            t.yaml:13:13: error: a choice of question 'a' is written as its translations alone, without 'label' [missing-key]
                      - {en: Yes, cy: Ydw}
                        ^
              hint: write it as {label: {en: Yes, cy: Ydw}}

            """)
    }

    @Test func languageNamesInsteadOfCodesAreOneDiagnosticEach() {
        let source = """
            format: 1
            id: t
            version: 1.0.0
            title: {en: T, es: T}
            languages: [English, Spanish]
            sections:
              - id: s
                title: {en: S, es: S}
                questions:
                  - id: a
                    type: text
                    text: {English: A?, Spanish: A?}

            """
        #expect(render(source) == """
            t.yaml:5:13: error: 'English' is not a language code [invalid-value]
            languages: [English, Spanish]
                        ^~~~~~~
              hint: write the code 'en' for English
            t.yaml:5:22: error: 'Spanish' is not a language code [invalid-value]
            languages: [English, Spanish]
                                 ^~~~~~~
              hint: write the code 'es' for Spanish

            """)
    }

    @Test func anUnknownEscapeInDoubleQuotesSuggestsSingleQuotes() {
        let source = withQuestions(#"""
              - id: a
                type: text
                text: A?
                pattern: "\d+"
            """#)
        #expect(render(source) == #"""
            t.yaml:11:19: error: '\d' is not an escape YAML knows inside double quotes [yaml-syntax]
                    pattern: "\d+"
                              ^~
              hint: in single quotes a backslash is kept as written: '\d+'

            """#)
    }

    @Test func anUnquotedLabelSaysALabelNeedsQuotes() {
        let source = withQuestions("""
              - id: gender
                type: single
                text: A?
                choices: [Woman, Man]
              - id: b
                type: text
                text: B?
                show_if: gender == Woman
            """)
        #expect(render(source) == """
            t.yaml:15:28: error: there is no question with id 'Woman' [unknown-id]
                    show_if: gender == Woman
                                       ^~~~~
              hint: a label needs quotes: gender == "Woman"

            """)
    }

    @Test func anUnquotedDateSaysADateNeedsQuotes() {
        let source = withQuestions("""
              - id: joined
                type: date
                text: When?
              - id: c
                type: text
                text: C?
                show_if: joined > 2024-01-01
            """)
        #expect(render(source) == """
            t.yaml:14:18: error: this compares a date with a number [type-mismatch]
                    show_if: joined > 2024-01-01
                             ^~~~~~~~~~~~~~~~~~~
              hint: a date needs quotes: joined > "2024-01-01"

            """)
    }

    @Test(arguments: [
        ("select_one", "did you mean 'single'?"),
        ("select_multiple", "did you mean 'multiple'?"),
        ("integer", "did you mean 'number'?"),
        ("decimal", "did you mean 'number'? add 'decimals: 2' for answers with decimals"),
        ("begin group", "a group is a section here: start a new item under 'sections:' with its own 'questions:'"),
    ])
    func xlsFormTypesNameTheirFieldworkType(written: String, hint: String) {
        let result = compile(withQuestions("- id: a\n  type: \(written)\n  text: A?"))
        #expect(result.diagnostics.map(\.message) == ["unknown question type '\(written)' in question 'a'"])
        #expect(result.diagnostics.map(\.hint) == [hint])
    }

    @Test func aMisplacedKeyHasItsCaretOnTheKey() {
        let source = withQuestions("""
              - id: a
                type: single
                text: A?
                choices:
                  - {label: None, exclusive: true}
            """)
        #expect(render(source) == """
            t.yaml:12:27: error: 'exclusive' applies only to choices of a multiple-choice question [misplaced-key]
                      - {label: None, exclusive: true}
                                      ^~~~~~~~~
              hint: remove it; a single choice is always exclusive

            """)
    }
}
