import InstrumentModel
import SessionEngine
import TestSupport
import Testing

/// Numbers as people type them: decimals counted as written, commas read by the language.
@Suite struct NumberEntryTests {
    static let yaml = """
        format: 1
        id: money
        version: 1.0.0
        title: Money
        sections:
          - id: s
            questions:
              - {id: spent, type: number, text: How much?, decimals: 2}
              - {id: where, type: single, text: Where?, choices: [Shop, Market], other: true}
        """

    /// 1.15 × 100 is 114.99999… in binary, which refused valid answers with two decimals.
    @Test(arguments: [1.15, 4.35, 0.29, 2.25, 1_000_000.01, -3.1])
    func acceptsEveryNumberWithTheDecimalsAllowed(_ n: Double) throws {
        var session = Session(instrument: try compiled(Self.yaml), seed: 1, today: 0)
        try session.answer(Answer(.number(n)), at: 1)
        #expect(session.answers["spent"] == Answer(.number(n)))
    }

    @Test func refusesOneDecimalTooMany() throws {
        var session = Session(instrument: try compiled(Self.yaml), seed: 1, today: 0)
        #expect(throws: AnswerProblem("Please use at most 2 decimal places.")) { try session.answer(Answer(.number(1.155)), at: 1) }
    }

    @Test(arguments: [
        ("en", "1,500", TextEntry.NumberReading.number(1500)), ("en", "1,000", .number(1000)), ("en", "1,000.5", .number(1000.5)),
        ("en", "12.5", .number(12.5)), ("en", "12,5", .ambiguous), ("en", "1,50", .ambiguous), ("en", " 45 ", .number(45)),
        ("en", "-3", .number(-3)), ("en", ".5", .number(0.5)), ("en", "1e5", .notANumber), ("en", "nan", .notANumber),
        ("en", "1 500", .number(1500)), ("cy", "12,5", .ambiguous),
        ("de", "12,5", .number(12.5)), ("de", "1.500", .number(1500)), ("de", "1.500,25", .number(1500.25)),
        ("de", "12.5", .ambiguous), ("fr", "3,14", .number(3.14)), ("pl", "1 500,5", .number(1500.5)),
    ])
    func readsCommasByTheLanguage(_ language: String, _ typed: String, _ expected: TextEntry.NumberReading) {
        #expect(TextEntry.reading(typed, decimalComma: ParticipantWords.forLanguage(language).decimalComma) == expected, "\(language) \(typed)")
    }

    @Test func saysPlainlyWhatAnAmbiguousNumberNeeds() {
        #expect(ParticipantWords.forLanguage("en").number("12,5") == .failure(AnswerProblem("Please write decimals with a point (12.5), and thousands as 1500 or 1,500.")))
        #expect(ParticipantWords.forLanguage("de").number("12.5") == .failure(AnswerProblem("Please write decimals with a comma (12,5), and thousands as 1500 or 1.500.")))
    }

    @Test func keepsOtherWithoutTheSpacesAroundIt() throws {
        var session = Session(instrument: try compiled(Self.yaml), seed: 1, today: 0)
        try session.skip(at: 1)
        let other = try #require(session.question("where")?.other?.value)
        try session.answer(Answer(.choice(other), other: "  the corner shop \n"), at: 2)
        #expect(session.answers["where"]?.other == "the corner shop")
    }
}

@Suite struct IdentifyingRedactionTests {
    /// The instrument's `redact` blanked the e-mail of a prize draw (stored as "[email]"),
    /// although identifying answers are stored apart so that they can be kept.
    @Test func keepsAnIdentifyingAnswerAsGiven() throws {
        let yaml = """
            format: 1
            id: draw
            version: 1.0.0
            title: Draw
            privacy: {redact: [email, phone]}
            sections:
              - id: s
                questions:
                  - {id: story, type: text, text: Story?}
                  - {id: email, type: text, text: Email?, identifying: true}
            """
        var session = Session(instrument: try compiled(yaml), seed: 1, today: 0)
        try session.answer(Answer(.text("mail me at sam@example.org")), at: 1)
        try session.answer(Answer(.text("sam@example.org")), at: 2)
        #expect(session.answers["story"] == Answer(.text("mail me at [email]")))
        #expect(session.answers["email"] == Answer(.text("sam@example.org")))
    }
}

@Suite struct DateEntryTests {
    @Test(arguments: [
        ("2024-5-7", DatePrecision.day, TextEntry.DateReading.date("2024-05-07")), ("2024/05/17", .day, .date("2024-05-17")),
        ("2024.5.17", .day, .date("2024-05-17")), (" 2024-05-17 ", .day, .date("2024-05-17")), ("2024-5", .month, .date("2024-05")),
        ("2021-02-31", .day, .noSuchDay(day: 31, month: 2, year: 2021)), ("2024-02-29", .day, .date("2024-02-29")),
        ("2023-02-29", .day, .noSuchDay(day: 29, month: 2, year: 2023)), ("2021-04-31", .day, .noSuchDay(day: 31, month: 4, year: 2021)),
        ("17/05/2024", .day, .notADate), ("2024-13-01", .day, .notADate), ("2024-05-32", .day, .notADate), ("24-05-17", .day, .notADate),
        ("2024", .year, .date("2024")), ("2024-05", .day, .notADate),
    ])
    func readsDatesAsPeopleWriteThem(_ typed: String, _ precision: DatePrecision, _ expected: TextEntry.DateReading) {
        #expect(TextEntry.dateReading(typed, precision: precision) == expected, "\(typed)")
    }

    @Test func saysWhenADayDoesNotExist() {
        #expect(ParticipantWords.forLanguage("en").date("2021-02-31", precision: .day)
                == .failure(AnswerProblem("There is no 31 February in 2021. Please check the date.")))
    }
}

@Suite struct LimitWordsTests {
    static let yaml = """
        format: 1
        id: limits
        version: 1.0.0
        title: Limits
        sections:
          - id: s
            questions:
              - {id: age, type: number, text: Age?, min: 16, max: 110}
              - {id: spent, type: number, text: Spent?, decimals: 2}
              - {id: used, type: multiple, text: Used?, choices: [A, B, C, D], min: 2, max: 3}
              - {id: top, type: ranking, text: Top?, choices: [A, B, C, D], rank: 2}
              - {id: town, type: text, text: Town?, max_length: 40}
              - {id: since, type: date, text: Since?, min: 2000-01-01, max: today}
              - {id: free, type: text, text: Anything?}
        """

    /// What an answer must be is said before it is given, not only after a mistake.
    @Test func saysTheLimitsUpFront() throws {
        let instrument = try compiled(Self.yaml)
        let words = ParticipantWords.forLanguage("en")
        func limits(_ id: String) -> String? { instrument.question(id).flatMap { words.limits(for: $0, today: 0) } }
        #expect(limits("age") == "A whole number from 16 to 110.")
        #expect(limits("spent") == "A number with up to 2 decimal places.")
        #expect(limits("used") == "Choose 2 or 3.")
        #expect(limits("top") == "Put your top 2 in order.")
        #expect(limits("town") == "Up to 40 characters.")
        #expect(limits("since") == "A date from 2000-01-01 to today.")
        #expect(limits("free") == nil)
    }
}
