import Foundation
import InstrumentCompiler
import InstrumentModel
import Testing

/// `time` and `datetime` questions: their limits, their keys, and conditions on them, checked as
/// a date's are, with the mistakes an author makes with clock times said and mended.
@Suite struct TimeCompileTests {
    @Test func compilesLimitsAsWritten() throws {
        let result = compile(withQuestions("""
              - {id: woke, type: time, text: When?, min: "06:00", max: "22:00"}
              - {id: seen, type: datetime, text: When?, min: "2024-02-29T09:00", max: today}
            """))
        #expect(result.diagnostics.isEmpty)
        let i = try #require(result.instrument)
        #expect(i.question("woke")?.dateMin == "06:00" && i.question("woke")?.dateMax == "22:00")
        #expect(i.question("seen")?.dateMin == "2024-02-29T09:00" && i.question("seen")?.dateMax == "today")
    }

    @Test func anUnquotedTimeThatYAMLReadsAsANumberIsToBeQuoted() {
        #expect(render(withQuestions("""
              - id: woke
                type: time
                text: When?
                min: 9:00
            """)) == """
            t.yaml:11:14: error: 'min' is 9:00 without quotes, which YAML 1.1 reads as a number in base 60 [invalid-value]
                    min: 9:00
                         ^~~~
              hint: write the time in quotes, as HH:MM: min: "09:00"

            """)
    }

    @Test func aPlainTimeThatPaddingCannotMendIsSaidAsAnyOther() {
        #expect(compile(withQuestions("- {id: woke, type: time, text: When?, max: 25:00}")).diagnostics.map { "\($0.message): \($0.hint ?? "")" }
            == ["'max' should be a time written HH:MM on a 24-hour clock, such as '06:00', but it is '25:00': hours run from 00 to 23"])
        #expect(compile(withQuestions("- {id: seen, type: datetime, text: When?, max: 9:00}")).diagnostics.map(\.message)
            == ["'max' should be a date and time written YYYY-MM-DDTHH:MM, such as '2024-05-01T09:00', or 'today', but it is '9:00'"])
    }

    @Test func aPlainTimeInFullIsATime() {
        let result = compile(withQuestions("- {id: woke, type: time, text: When?, min: 06:00, max: 22:30}"))
        #expect(result.diagnostics.isEmpty)
        #expect(result.instrument?.question("woke")?.dateMax == "22:30")
    }

    @Test func anHourPastTheDayIsSaidWithTheRange() {
        #expect(render(withQuestions("""
              - id: woke
                type: time
                text: When?
                max: "25:00"
              - id: slept
                type: time
                text: When?
                max: "24:00"
              - id: seen
                type: datetime
                text: When?
                min: "2024-05-01 09:00"
            """)) == """
            t.yaml:11:14: error: 'max' should be a time written HH:MM on a 24-hour clock, such as '06:00', but it is '25:00' [invalid-value]
                    max: "25:00"
                         ^~~~~~~
              hint: hours run from 00 to 23
            t.yaml:15:14: error: 'max' should be a time written HH:MM on a 24-hour clock, such as '06:00', but it is '24:00' [invalid-value]
                    max: "24:00"
                         ^~~~~~~
              hint: a day's last minute is 23:59; 24:00 is no time
            t.yaml:19:14: error: 'min' should be a date and time written YYYY-MM-DDTHH:MM, such as '2024-05-01T09:00', or 'today', but it is '2024-05-01 09:00' [invalid-value]
                    min: "2024-05-01 09:00"
                         ^~~~~~~~~~~~~~~~~~
              hint: join the date and the time with 'T': 2024-05-01T09:00

            """)
    }

    @Test func aMinimumAfterTheMaximumIsAnError() {
        #expect(render(withQuestions("""
              - id: woke
                type: time
                text: When?
                min: "22:00"
                max: "06:00"
            """)) == """
            t.yaml:11:14: error: 'min' (22:00) is after 'max' (06:00) [min-above-max]
                    min: "22:00"
                         ^~~~~~~
              hint: swap them, or correct one of them; a time cannot span midnight

            """)
    }

    @Test func todayIsNoTime() {
        #expect(compile(withQuestions("- {id: woke, type: time, text: When?, max: today}")).diagnostics.map(\.message)
            == ["'max' should be a time written HH:MM on a 24-hour clock, such as '06:00', but it is 'today'"])
    }

    @Test func keysOfOtherTypesAreMisplaced() {
        let result = compile(withQuestions("- {id: woke, type: time, text: When?, precision: day, decimals: 0}"))
        #expect(result.diagnostics.map { "\($0.message): \($0.hint ?? "")" } == [
            "'precision' does not apply to question 'woke': 'precision' belongs to questions of type date",
            "'decimals' does not apply to question 'woke': 'decimals' belongs to questions of type number, hidden",
        ])
    }

    @Test func conditionsCompareWithQuotedTimes() {
        #expect(compile(withQuestions("""
            - {id: woke, type: time, text: When?}
            - {id: seen, type: datetime, text: When?, valid_if: . <= today() and . >= "2024-01-01T00:00"}
            - {id: a, type: text, text: A?, show_if: 'woke >= "06:00" and answered(seen) and seen > "2024-05-01"'}
            """)).diagnostics.isEmpty)
        #expect(render(withQuestions("""
              - id: woke
                type: time
                text: When?
                valid_if: . > "6:00"
              - id: b
                type: text
                text: B?
                show_if: woke > 6
            """)) == """
            t.yaml:11:23: error: "6:00" is not a time [type-mismatch]
                    valid_if: . > "6:00"
                                  ^~~~~~
              hint: write times as "HH:MM" on a 24-hour clock, such as "06:00"
            t.yaml:15:18: error: this compares a time with a number [type-mismatch]
                    show_if: woke > 6
                             ^~~~~~~~
              hint: a time needs quotes, such as "06:00"

            """)
    }

    @Test func aTimeWithoutQuotesInAConditionIsToBeQuoted() {
        #expect(render(withQuestions("""
              - id: woke
                type: time
                text: When?
              - id: b
                type: text
                text: B?
                show_if: woke < 07:30
            """)) == """
            t.yaml:14:25: error: the time 07:30 needs quotes [expression-syntax]
                    show_if: woke < 07:30
                                    ^~~~~
              hint: write it "07:30"

            """)
    }

    @Test func findsAValidIfNoTimeWithinTheLimitsCanMeet() {
        #expect(render(withQuestions("""
              - id: woke
                type: time
                text: When?
                min: "06:00"
                valid_if: . < "06:00"
              - id: seen
                type: datetime
                text: When?
                max: today
                valid_if: . > today()
              - id: late
                type: time
                text: When?
                valid_if: . > "23:59"
            """)) == """
            t.yaml:12:19: error: no answer to 'woke' can satisfy this valid_if [unsatisfiable-valid-if]
                    valid_if: . < "06:00"
                              ^~~~~~~~~~~
              hint: compare it with the question's own limits (min, max, choices)
            t.yaml:17:19: error: no answer to 'seen' can satisfy this valid_if [unsatisfiable-valid-if]
                    valid_if: . > today()
                              ^~~~~~~~~~~
              hint: compare it with the question's own limits (min, max, choices)
            t.yaml:21:19: error: no answer to 'late' can satisfy this valid_if [unsatisfiable-valid-if]
                    valid_if: . > "23:59"
                              ^~~~~~~~~~~
              hint: compare it with the question's own limits (min, max, choices)

            """)
    }
}
