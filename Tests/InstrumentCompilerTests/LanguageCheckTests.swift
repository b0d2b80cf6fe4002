import Foundation
import InstrumentCompiler
import InstrumentModel
import Messages
import Testing

/// `check` on multilingual instruments: labels unique within a language, `messages:` overrides.
@Suite struct LanguageCheckTests {
    static let bilingual = "format: 1\nid: t\nversion: 1.0.0\nlanguages: [en, es]\ntitle: {en: T, es: T}\n"

    @Test func acceptsTheSameLabelInTwoLanguages() {
        let source = Self.bilingual + """
        sections:
          - id: s
            questions:
              - id: a
                type: single
                text: {en: Agree?, es: ¿De acuerdo?}
                choices:
                  - {value: 1, label: {en: "Yes", es: "Sí"}}
                  - {value: 2, label: {en: "No", es: "No"}}
                  - {value: 3, label: {en: "16-24", es: "16-24"}}
              - id: m
                type: matrix
                text: {en: How much?, es: ¿Cuánto?}
                choices: [{value: 1, label: {en: OK, es: OK}}, {value: 2, label: {en: Bad, es: Mal}}]
                rows:
                  - {id: r1, text: {en: Taxi, es: Taxi}}
                  - {id: r2, text: {en: Bus, es: Autobús}}

        """
        #expect(render(source) == "")
    }

    @Test func refusesALabelRepeatedWithinOneLanguage() {
        let source = Self.bilingual + """
        sections:
          - id: s
            questions:
              - id: a
                type: single
                text: {en: Agree?, es: ¿De acuerdo?}
                choices:
                  - {value: 1, label: {en: "Yes", es: "Sí"}}
                  - {value: 2, label: {en: "Not really", es: "Sí"}}

        """
        #expect(render(source) == """
        t.yaml:14:13: error: the 'es' label "Sí" is used twice in question 'a' (first at line 13) [duplicate-choice]
                  - {value: 2, label: {en: "Not really", es: "Sí"}}
                    ^
          hint: labels must differ within a language, since conditions may name a choice by its label

        """)
    }

    @Test func refusesARowTextRepeatedWithinOneLanguageAndAnEmptyLabel() {
        let source = Self.bilingual + """
        sections:
          - id: s
            questions:
              - id: m
                type: matrix
                text: {en: How much?, es: ¿Cuánto?}
                choices: [{value: 1, label: {en: OK, es: ""}}, {value: 2, label: {en: Bad, es: Mal}}]
                rows:
                  - {id: r1, text: {en: Taxi, es: Taxi}}
                  - {id: r2, text: {en: Cab, es: Taxi}}

        """
        #expect(render(source) == """
        t.yaml:12:19: error: the 'es' label is empty in question 'm' [empty-label]
                choices: [{value: 1, label: {en: OK, es: ""}}, {value: 2, label: {en: Bad, es: Mal}}]
                          ^
          hint: write the label in every language
        t.yaml:15:13: error: the 'es' row text "Taxi" is used twice in question 'm' (first at line 14) [duplicate-row]
                  - {id: r2, text: {en: Cab, es: Taxi}}
                    ^
          hint: each row is a statement of its own; say how the two differ

        """)
    }

    @Test func keepsTheOverridesInTheCompiledInstrument() throws {
        let source = Self.bilingual + """
        messages:
          press_enter_to_continue: {es: Pulse Intro para seguir}
          saved: Thanks!
        sections:
          - id: s
            questions:
              - {id: a, type: note, text: {en: Hi, es: Hola}}

        """
        let result = compile(source)
        #expect(result.diagnostics.isEmpty)
        let messages = try #require(result.instrument?.messages)
        #expect(messages["press_enter_to_continue"] == LocalizedText(translations: ["es": "Pulse Intro para seguir"]))
        #expect(messages["saved"] == LocalizedText("Thanks!"))
    }

    @Test func refusesAnUnknownMessageKeyAndAPlaceholderTheMessageDoesNotFill() {
        let source = Self.bilingual + """
        messages:
          press_enter_to_contine: {es: Pulse Intro}
          too_long: {en: "At most {max} letters, not {count}", es: "Como máximo {max}"}
        sections:
          - id: s
            questions:
              - {id: a, type: note, text: {en: Hi, es: Hola}}

        """
        #expect(render(source) == """
        t.yaml:7:3: error: unknown message key 'press_enter_to_contine' in 'messages' [unknown-key]
          press_enter_to_contine: {es: Pulse Intro}
          ^~~~~~~~~~~~~~~~~~~~~~
          hint: did you mean 'press_enter_to_continue'?
        t.yaml:8:18: error: '{count}' is not filled in by the message 'too_long' [invalid-value]
          too_long: {en: "At most {max} letters, not {count}", es: "Como máximo {max}"}
                         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          hint: this message fills in {length}, {max}

        """)
    }

    @Test func warnsWhenALanguageHasNoCatalogueAndTheOverridesDoNotCoverIt() {
        let source = """
        format: 1
        id: t
        version: 1.0.0
        languages: [en, pl]
        title: {en: T, pl: T}
        messages:
          saved: {pl: Zapisano. Dziękujemy.}
        sections:
          - id: s
            questions:
              - {id: a, type: note, text: {en: Hi, pl: Cześć}}

        """
        let count = Catalogues.english.keys.count
        #expect(render(source) == """
        t.yaml:4:17: warning: Fieldwork has no runner messages in 'pl', and 'messages' gives 1 of \(count): participants will read the rest in English [no-catalogue]
        languages: [en, pl]
                        ^~
          hint: add 'pl' texts under 'messages' for ambiguous_number_comma, ambiguous_number_point, answer_row and \(count - 4) more

        """)
    }
    /// `other: true` says "Other, please specify" in each language Fieldwork has words for.
    @Test func otherIsLabelledInEachLanguageFromTheCatalogues() throws {
        let source = Self.bilingual + """
        sections:
          - id: s
            questions:
              - {id: a, type: single, text: {en: Which?, es: ¿Cuál?}, choices: [{value: 1, label: {en: Bus, es: Autobús}}], other: true}

        """
        let result = compile(source)
        #expect(result.diagnostics.isEmpty)
        #expect(result.instrument?.questions.first?.other?.label == LocalizedText(translations: ["en": "Other, please specify", "es": "Otro (especifique)"]))
        let polish = source.replacingOccurrences(of: ", es: ", with: ", pl: ").replacingOccurrences(of: "[en, es]", with: "[en, pl]")
        #expect(render(polish).hasSuffix("""
        t.yaml:9:124: error: 'other: true' adds the label "Other, please specify", which Fieldwork has no 'pl' words for [missing-translation]
              - {id: a, type: single, text: {en: Which?, pl: ¿Cuál?}, choices: [{value: 1, label: {en: Bus, pl: Autobús}}], other: true}
                                                                                                                                   ^~~~
          hint: write other: {label: {en: ..., pl: ...}}

        """))
    }
}
