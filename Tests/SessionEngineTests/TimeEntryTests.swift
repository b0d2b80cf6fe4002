import InstrumentModel
@testable import SessionEngine
import Testing

/// How typed times and datetimes are read: forgiving where the meaning is certain, never a guess.
@Suite struct TimeEntryTests {
    @Test func readsTheFormsOfATimePeopleType() {
        #expect(TextEntry.time("9:05") == "09:05")
        #expect(TextEntry.time(" 09:05 ") == "09:05")
        #expect(TextEntry.time("09.05") == "09:05")
        #expect(TextEntry.time("0905") == "09:05")
        #expect(TextEntry.time("00:00") == "00:00")
        #expect(TextEntry.time("23:59") == "23:59")
    }

    @Test func refusesTimesItWouldHaveToGuess() {
        for text in ["24:00", "9", "905", "9:5", "9pm", "9:05 pm", "21:60", "12:00:00", "9,05", "", "nine"] {
            #expect(TextEntry.time(text) == nil, "\(text)")
        }
    }

    @Test func readsADateThenATime() {
        #expect(TextEntry.datetimeReading("2024-05-01 9:05") == .date("2024-05-01T09:05"))
        #expect(TextEntry.datetimeReading("2024-05-01T09:05") == .date("2024-05-01T09:05"))
        #expect(TextEntry.datetimeReading("2024/5/1 09.05") == .date("2024-05-01T09:05"))
        #expect(TextEntry.datetimeReading("2024-02-29 23:59") == .date("2024-02-29T23:59"))
        #expect(TextEntry.datetimeReading("2023-02-29 10:00") == .noSuchDay(day: 29, month: 2, year: 2023))
        #expect(TextEntry.datetimeReading("2024-05-01") == .notADate)
        #expect(TextEntry.datetimeReading("2024-05-01 24:00") == .notADate)
        #expect(TextEntry.datetimeReading("01/05/2024 09:00") == .notADate)
    }

    @Test func saysTheFormWantedWhenATimeIsNotReadable() {
        let words = ParticipantWords.forLanguage("en")
        #expect(words.time("9pm") == .failure(AnswerProblem("Please write the time as HH:MM on a 24-hour clock, for example 09:30.")))
        #expect(words.datetime("tomorrow") == .failure(AnswerProblem("Please write the date and time as YYYY-MM-DD HH:MM, for example 2024-05-17 09:30.")))
    }
}
