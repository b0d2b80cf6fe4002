import Expressions
import InstrumentModel
import Testing

@Suite struct DateValueTests {
    @Test func parsesAtEachPrecision() {
        #expect(DateValue.parse("2024-05-17") == DateValue.days(year: 2024, month: 5, day: 17))
        #expect(DateValue.parse("2024-05") == DateValue.days(year: 2024, month: 5, day: 1))
        #expect(DateValue.parse("2024") == DateValue.days(year: 2024, month: 1, day: 1))
        #expect(DateValue.parse("2023-02-29") == nil)
    }

    @Test func parsesOnlyTheDatePrecisionAsked() {
        #expect(DateValue.parse("2024-05", precision: .day) == nil)
        #expect(DateValue.parse("2024-05", precision: .month) == DateValue.days(year: 2024, month: 5, day: 1))
        #expect(DateValue.parse("2024-05-17", precision: .year) == nil)
    }

    @Test func formatsAtEachPrecision() {
        let day = DateValue.days(year: 2024, month: 5, day: 7)
        #expect(DateValue.format(day) == "2024-05-07")
        #expect(DateValue.format(day, precision: .month) == "2024-05")
        #expect(DateValue.format(day, precision: .year) == "2024")
        #expect(DateValue.start(of: day, precision: .month) == DateValue.days(year: 2024, month: 5, day: 1))
    }

    @Test func writesTheUTCMinuteStamp() {
        let day = DateValue.days(year: 2026, month: 3, day: 1)
        #expect(DateValue.minuteStamp(day: day, minute: 9 * 60 + 5) == "2026-03-01T09:05Z")
        #expect(DateValue.minuteStamp(secondsSince1970: day * 86_400 + 23 * 3600 + 59 * 60 + 59) == "2026-03-01T23:59Z")
        #expect(DateValue.minuteStamp(secondsSince1970: -60) == "1969-12-31T23:59Z")
    }
}
