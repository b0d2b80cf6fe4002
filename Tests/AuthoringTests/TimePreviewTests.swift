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
            - **Accepted if:** anything but "12:00"
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
}
