import InstrumentCompiler
import Testing

/// `check` finds the routes and rules `simulate` finds dead (issue 14, items 8 to 10), each with
/// its exact text, position and hint.
@Suite struct RouteCheckTests {
    @Test func findsAValidIfNoCountCanMeet() {
        #expect(render(withQuestions("""
              - id: pets
                type: multiple
                text: Pets?
                choices: [Cat, Dog, Fish]
                valid_if: count(.) >= 5
            """)) == """
            t.yaml:12:19: error: no answer to 'pets' can satisfy this valid_if [unsatisfiable-valid-if]
                    valid_if: count(.) >= 5
                              ^~~~~~~~~~~~~
              hint: compare it with the question's own limits (min, max, choices)

            """)
    }

    @Test func findsAValidIfLongerThanMaxLength() {
        #expect(render(withQuestions("""
              - id: nick
                type: text
                text: Nickname?
                max_length: 5
                valid_if: length(.) > 10
            """)) == """
            t.yaml:12:19: error: no answer to 'nick' can satisfy this valid_if [unsatisfiable-valid-if]
                    valid_if: length(.) > 10
                              ^~~~~~~~~~~~~~
              hint: compare it with the question's own limits (min, max, choices)

            """)
    }

    @Test func findsAValidIfAfterADateThatCannotBeLater() {
        #expect(render(withQuestions("""
              - id: seen
                type: date
                text: When?
                max: today
                valid_if: . > today()
              - id: born
                type: date
                text: Born?
                max: 2010-12-31
                valid_if: . >= "2011-01-01"
            """)) == """
            t.yaml:12:19: error: no answer to 'seen' can satisfy this valid_if [unsatisfiable-valid-if]
                    valid_if: . > today()
                              ^~~~~~~~~~~
              hint: compare it with the question's own limits (min, max, choices)
            t.yaml:17:19: error: no answer to 'born' can satisfy this valid_if [unsatisfiable-valid-if]
                    valid_if: . >= "2011-01-01"
                              ^~~~~~~~~~~~~~~~~
              hint: compare it with the question's own limits (min, max, choices)

            """)
    }

    @Test func warnsForEveryQuestionThatNeedsANeverShownOne() {
        #expect(render(withQuestions("""
              - id: age
                type: number
                text: Age?
                min: 16
                max: 99
              - id: retired
                type: single
                text: Retired?
                choices: [Yes, No]
                show_if: age > 200
              - id: since
                type: number
                text: Since when?
                show_if: retired == "Yes"
              - id: pension
                type: text
                text: Which pension?
                show_if: since > 1990
            """)) == """
            t.yaml:17:18: warning: question 'retired' is never shown: its show_if can never be true [never-shown]
                    show_if: age > 200
                             ^~~~~~~~~
              hint: check the numbers and choices it compares against the questions' limits
            t.yaml:21:18: warning: question 'since' is never shown: its show_if needs an answer to 'retired', which is never shown [never-shown]
                    show_if: retired == "Yes"
                             ^~~~~~~~~~~~~~~~
              hint: a question that is not shown has no answer; fix the condition of 'retired' first
            t.yaml:25:18: warning: question 'pension' is never shown: its show_if needs an answer to 'since', which is never shown [never-shown]
                    show_if: since > 1990
                             ^~~~~~~~~~~~
              hint: a question that is not shown has no answer; fix the condition of 'since' first

            """)
    }

    @Test func warnsForAQuestionThatNeedsAQuestionOfANeverShownSection() {
        let result = compile("""
            format: 1
            id: t
            version: 1.0.0
            title: T
            sections:
              - id: s
                questions:
                  - {id: age, type: number, text: Age?, max: 99}
              - id: old
                show_if: age > 100
                questions:
                  - {id: club, type: single, text: Club?, choices: [Yes, No]}
              - id: last
                questions:
                  - {id: why, type: text, text: Why?, show_if: club == "Yes"}
                  - {id: fine, type: text, text: Fine?, show_if: not (club == "Yes")}
            """)
        #expect(result.diagnostics.map(\.message) == [
            "section 'old' is never shown: its show_if can never be true",
            "question 'why' is never shown: its show_if needs an answer to 'club', which is never shown",
        ])
    }

    @Test func warnsForACountAboveTheNumberOfChoices() {
        #expect(render(withQuestions("""
              - id: pets
                type: multiple
                text: Pets?
                choices: [Cat, Dog, Fish]
              - id: many
                type: text
                text: Why so many?
                show_if: count(pets) > 3
            """)) == """
            t.yaml:15:18: warning: question 'many' is never shown: its show_if can never be true [never-shown]
                    show_if: count(pets) > 3
                             ^~~~~~~~~~~~~~~
              hint: check the numbers and choices it compares against the questions' limits

            """)
    }

    @Test func warnsForAConditionThatContradictsTheOneItDependsOn() {
        #expect(render(withQuestions("""
              - id: age
                type: number
                text: Age?
              - id: school
                type: single
                text: At school?
                choices: [Yes, No]
                show_if: age < 18
              - id: which
                type: text
                text: Which school?
                show_if: school == "Yes" and age > 30
            """)) == """
            t.yaml:19:18: warning: question 'which' is never shown: its show_if contradicts the show_if of 'school', which it depends on [never-shown]
                    show_if: school == "Yes" and age > 30
                             ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
              hint: a question that is not shown has no answer, so a condition on its answer also needs its show_if to hold

            """)
    }

    @Test func keepsAConditionThatNeedsNoAnswerFromTheQuestionItUses() {
        let result = compile(withQuestions("""
              - {id: age, type: number, text: Age?}
              - {id: school, type: single, text: At school?, choices: [Yes, No], show_if: age < 18}
              - {id: adult, type: text, text: Work?, show_if: not (school == "Yes") and age > 30}
              - {id: either, type: text, text: Either?, show_if: school == "Yes" or age > 30}
            """))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func warnsForAnExclusiveChoiceWithAnother() {
        #expect(render(withQuestions("""
              - id: help
                type: multiple
                text: Help?
                choices: [Family, Friends, {value: 9, label: Nobody, exclusive: true}]
              - id: odd
                type: text
                text: Tell us more
                show_if: '"Nobody" in help and "Family" in help'
            """)) == """
            t.yaml:15:18: warning: question 'odd' is never shown: its show_if can never be true [never-shown]
                    show_if: '"Nobody" in help and "Family" in help'
                             ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
              hint: check the numbers and choices it compares against the questions' limits

            """)
    }

    @Test func refusesAnEmptyShowIf() {
        #expect(render(withQuestions("""
              - id: a
                type: text
                text: A?
                show_if:
            """)) == """
            t.yaml:11:9: error: 'show_if' has no condition, so it would be ignored [expression-syntax]
                    show_if:
                    ^~~~~~~
              hint: write a condition, such as 'show_if: age >= 18', or remove the key

            """)
        #expect(compile(header.replacingOccurrences(of: "  - id: s\n", with: "  - id: s\n    show_if:\n") + "      - {id: a, type: text, text: A?}\n")
            .diagnostics.map(\.message) == ["'show_if' has no condition, so it would be ignored"])
    }

    @Test func warnsThatACalculateIsNeitherSensitiveNorIdentifying() {
        #expect(render(withQuestions("""
              - id: total
                type: calculate
                value: 1
                sensitive: true
                identifying: true
            """)) == """
            t.yaml:11:9: warning: 'sensitive' has no effect on a calculate, which is never shown or asked [ignored-key]
                    sensitive: true
                    ^~~~~~~~~
              hint: mark the questions it is calculated from instead
            t.yaml:12:9: warning: 'identifying' has no effect on a calculate, which is never shown or asked [ignored-key]
                    identifying: true
                    ^~~~~~~~~~~
              hint: mark the questions it is calculated from instead

            """)
    }

    @Test func refusesAnOtherLabelledLikeAChoice() {
        #expect(render(withQuestions("""
              - id: kind
                type: single
                text: Kind?
                choices: [Yes, Other]
                other: {label: Other}
            """)) == """
            t.yaml:12:24: error: the label "Other" of 'other' is also the label of choice 2 [duplicate-choice]
                    other: {label: Other}
                                   ^~~~~
              hint: give 'other' its own label, such as "Other, please specify"

            """)
    }

    @Test func warnsWhereANumberIsTheCodeOfAChoiceLabelledAnotherNumber() {
        #expect(render(withQuestions("""
              - id: kids
                type: single
                text: Children?
                choices: [0, 1, 2, 3 or more]
              - id: b
                type: text
                text: B?
                show_if: kids == 1
              - id: c
                type: text
                text: C?
                show_if: kids == "1" or kids == 4
            """)) == """
            t.yaml:15:26: warning: 1 is the code of the choice labelled "0", not of the choice labelled "1" (code 2) [numeric-label]
                    show_if: kids == 1
                                     ^
              hint: to mean the label, write it in quotes: kids == "1"; or give the choices codes equal to their labels, such as {value: 0, label: "0"}

            """)
    }

    @Test func checksAMatchesPatternAsThePatternKeyIsChecked() {
        #expect(render(withQuestions("""
              - id: post
                type: text
                text: Postcode?
                valid_if: matches(., '(a+)+$') and matches(., '[')
            """)) == """
            t.yaml:11:30: error: the pattern repeats '(a+)+', which holds a part that repeats without limit ('a+'), so checking one answer could take hours [slow-pattern]
                    valid_if: matches(., '(a+)+$') and matches(., '[')
                                         ^~~~~~~~
              hint: repeat only once: write '(a+)+' as 'a+', or give the inner part a fixed count such as {3}
            t.yaml:11:55: error: '[' is not a valid regular expression [invalid-pattern]
                    valid_if: matches(., '(a+)+$') and matches(., '[')
                                                                  ^~~
              hint: check brackets and backslashes; in YAML, put the whole expression in double quotes and the pattern in single quotes

            """)
    }

    @Test func acceptsScoringAScaleAsItsManualSays() {
        let result = compile(withQuestions("""
              - id: phq
                type: matrix
                text: Over the last two weeks
                rows: [{id: a, text: A}, {id: b, text: B}, {id: c, text: C}]
                choices: [{value: 0, label: Not at all}, {value: 1, label: Several days}]
              - {id: score, type: calculate, value: 'prorated_sum(2, phq)'}
              - {id: mean_score, type: calculate, value: mean(phq)}
              - {id: band, type: calculate, value: 'if(score >= 2, "some", "none")'}
              - {id: metric, type: calculate, value: 'lookup(score, [0, 7.00], [1, 9.51], [2, 11.25], [3, 12.4])'}
              - {id: known, type: calculate, value: 'coalesce(score, 0)'}
              - {id: post, type: text, text: Postcode?, valid_if: "matches(., '^[A-Z]{1,2}[0-9]')"}
            """))
        #expect(result.diagnostics.map(\.message) == [])
    }
}
