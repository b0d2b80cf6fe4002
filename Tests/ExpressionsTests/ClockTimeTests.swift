import Expressions
import InstrumentModel
import Testing

@Suite struct ClockTimeTests {
    @Test func parsesTheDaysFirstAndLastMinute() {
        #expect(ClockTime.parse("00:00") == 0)
        #expect(ClockTime.parse("23:59") == 23 * 60 + 59)
        #expect(ClockTime.parse("09:05") == 9 * 60 + 5)
    }

    @Test func refusesWhatIsNoTimeOrNotStoredForm() {
        for text in ["24:00", "23:60", "9:05", "09:5", "0905", "09.05", "-1:00", "09:05:00", "", "ab:cd", "٠٩:٠٥"] {
            #expect(ClockTime.parse(text) == nil, "\(text)")
        }
    }

    @Test func formatsWithTwoDigits() {
        #expect(ClockTime.format(0) == "00:00")
        #expect(ClockTime.format(9 * 60 + 5) == "09:05")
        #expect(ClockTime.format(23 * 60 + 59) == "23:59")
    }

    @Test func parsesADatetimeAsMinutesSince1970() {
        #expect(DateTimeValue.parse("1970-01-01T00:00") == 0)
        #expect(DateTimeValue.parse("1969-12-31T23:59") == -1)
        let leap = DateValue.days(year: 2024, month: 2, day: 29)
        #expect(DateTimeValue.parse("2024-02-29T12:30") == leap * 1440 + 750)
        #expect(DateTimeValue.parse("2023-02-29T12:30") == nil)
        for text in ["2024-05-01 09:00", "2024-05-01T24:00", "2024-05T09:00", "2024-05-01T9:00", "2024-05-01T09:00Z", "2024-05-01"] {
            #expect(DateTimeValue.parse(text) == nil, "\(text)")
        }
    }

    @Test func formatsADatetimeRoundTrip() {
        for text in ["2024-02-29T00:00", "2024-12-31T23:59", "1969-12-31T23:59", "1900-03-01T07:45"] {
            #expect(DateTimeValue.parse(text).map(DateTimeValue.format) == text)
        }
        #expect(DateTimeValue.readable("2024-05-01T09:00") == "2024-05-01 09:00")
        #expect(DateTimeValue.readable("today") == "today")
    }

    @Test func todayRunsFromItsFirstToItsLastMinute() {
        let day = DateValue.days(year: 2024, month: 5, day: 1)
        #expect(DateTimeValue.format(DateTimeValue.startOf(day: day)) == "2024-05-01T00:00")
        #expect(DateTimeValue.format(DateTimeValue.endOf(day: day)) == "2024-05-01T23:59")
    }
}
