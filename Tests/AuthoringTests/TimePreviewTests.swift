import Authoring
import TestSupport
import Testing

/// The preview of times and datetimes: the form in words, the limits, and a note when the answer
/// is finer than the study's own times (issue 14, item 4: it is still the participant's answer,
/// so it is kept, and the preview says so).
@Suite struct TimePreviewTests {
    func markdown(timestamps: String) throws -> String {
        let survey = """
            format: 1
            id: p
            version: 1.0.0
            title: P
            privacy: {timestamps: \(timestamps)}
            sections:
              - id: s
                questions:
                  - {id: woke, type: time, text: Woke?, min: "06:00", max: "22:00", valid_if: '. != "12:00"'}
                  - {id: seen, type: datetime, text: Seen?, min: "2024-05-01T09:00", max: today}
            """
        return MarkdownRenderer.render(Preview(instrument: try compiled(survey), hash: "sha256:0", languages: [""]).document())
    }

    @Test func saysTheFormTheLimitsAndThatTheAnswerIsFinerThanTheStudysTimes() throws {
        let text = try markdown(timestamps: "date")
        #expect(text.contains("""
            - **Answer:** a time of day (HH:MM, 24-hour clock) from 06:00 to 22:00
            - **Optional:** can be skipped
            - **Accepted if:** any time but 12:00
            - **Precision:** This answer is kept as given, to the minute, though the study keeps start and finish times only to the day

            """), "\(text)")
        #expect(text.contains("""
            - **Answer:** a date and time of day (YYYY-MM-DD HH:MM, the participant's local time) from 2024-05-01 09:00 to today
            - **Optional:** can be skipped
            - **Precision:** This answer is kept as given, to the minute, though the study keeps start and finish times only to the day

            """), "\(text)")
        #expect(try markdown(timestamps: "none").contains(
            "- **Precision:** This answer is kept as given, to the minute, though the study keeps no start or finish times\n"))
        #expect(try !markdown(timestamps: "minute").contains("**Precision:**"))
    }

    /// A `valid_if` on a time, a datetime or a date reads as the limits do ("from 06:00 to 22:00"),
    /// not as a number's or a text's rule ('at least "09:00"'): the literal without its quotes, a
    /// datetime with a space for its `T`, and the kind of answer named.
    @Test func saysAClockOrCalendarRuleAsTimesAndDates() throws {
        let survey = """
            format: 1
            id: p
            version: 1.0.0
            title: P
            sections:
              - id: s
                questions:
                  - {id: woke, type: time, text: Woke?}
                  - {id: hours, type: time, text: Hours?, valid_if: '. >= "09:00" and . <= "17:00"'}
                  - {id: slept, type: time, text: Slept?, valid_if: '. > woke or . == "08:00"'}
                  - {id: ended, type: time, text: Ended?, valid_if: '"06:00" < . and . < "23:30"'}
                  - {id: seen, type: datetime, text: Seen?, valid_if: '. >= "2024-05-01T09:00" and . <= today()'}
                  - {id: met, type: datetime, text: Met?, valid_if: '. != "2024-05-01T09:00"'}
                  - {id: left, type: datetime, text: Left?, valid_if: '. < "2024-06-01T00:00"'}
                  - {id: born, type: date, text: Born?, valid_if: '. != "2024-05-01"'}
                  - {id: joined, type: date, text: Joined?, valid_if: '. >= "2024-01-01" and . < today()'}
                  - {id: since, type: date, text: Since?, precision: month, valid_if: '. > "2024-01"'}
                  - {id: first, type: date, text: First?, precision: year, valid_if: '. <= "2020"'}
                  - {id: n, type: number, text: N?, valid_if: '. >= 3 and . <= 9'}
                  - {id: up, type: time, text: Up?, warn_if: '. < "06:00"', warn_message: So early?}
            """
        let text = MarkdownRenderer.render(Preview(instrument: try compiled(survey), hash: "sha256:0", languages: [""]).document())
        let rules = text.split(separator: "\n").filter { $0.hasPrefix("- **Accepted if:**") }
        #expect(rules == [
            "- **Accepted if:** a time from 09:00 to 17:00",
            "- **Accepted if:** (a time after *Woke?* or exactly 08:00)",
            "- **Accepted if:** a time after 06:00 and before 23:30",
            "- **Accepted if:** a date and time from 2024-05-01 09:00 to today",
            "- **Accepted if:** any date and time but 2024-05-01 09:00",
            "- **Accepted if:** a date and time before 2024-06-01 00:00",
            "- **Accepted if:** any date but 2024-05-01",
            "- **Accepted if:** a date of at least 2024-01-01 and before today",
            "- **Accepted if:** a month after 2024-01",
            "- **Accepted if:** a year of at most 2020",
            // A number's rule is worded as before.
            "- **Accepted if:** at least 3 and at most 9",
        ], "\(text)")
        // A `warn_if` is a rule on the answer too, and reads as one.
        #expect(text.contains("- **Warns if:** a time before 06:00 (the participant may keep it)\n"), "\(text)")
    }
}
