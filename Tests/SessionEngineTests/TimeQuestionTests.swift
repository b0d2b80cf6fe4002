import Expressions
import InstrumentModel
import SessionEngine
import Testing

/// `time` and `datetime` questions in the engine: limits said up front and on a refusal, in the
/// form the participant types; `today` on a datetime runs from today's first minute to its last.
@Suite struct TimeQuestionTests {
    let questions = """
        - {id: woke, type: time, text: When did you wake?, min: "06:00", max: "22:00"}
        - {id: seen, type: datetime, text: When were you seen?, min: "2026-11-01T09:00", max: today}
        - {id: said, type: note, text: "You woke at {woke} and were seen at {seen}."}
        """

    @Test func saysTheLimitsBeforeTheAnswer() throws {
        let s = try session(questions)
        let i = s.instrument
        #expect(s.words.limits(for: try #require(i.question("woke")), today: today) == "Between 06:00 and 22:00.")
        #expect(s.words.limits(for: try #require(i.question("seen")), today: today) == "Between 2026-11-01 09:00 and today.")
        #expect(s.words.typingHelp(for: try #require(i.question("woke"))) == "Type a time as HH:MM on a 24-hour clock, for example 09:30.")
        #expect(s.words.typingHelp(for: try #require(i.question("seen")))
            == "Type a date and time as YYYY-MM-DD HH:MM, for example 2024-05-17 09:30.")
    }

    @Test func saysTheLimitsInEachLanguage() throws {
        let i = try instrument(questions)
        let woke = try #require(i.question("woke")), seen = try #require(i.question("seen"))
        let es = ParticipantWords.forLanguage("es"), cy = ParticipantWords.forLanguage("cy")
        #expect(es.limits(for: woke, today: today) == "Entre 06:00 y 22:00.")
        #expect(es.limits(for: seen, today: today) == "Entre 2026-11-01 09:00 y hoy.")
        #expect(cy.limits(for: woke, today: today) == "O 06:00 i 22:00.")
        #expect(es.typingHelp(for: woke) == "Escriba una hora con el formato HH:MM (reloj de 24 horas), por ejemplo 09:30.")
        #expect(cy.time("9yh") == .failure(AnswerProblem("Ysgrifennwch yr amser ar y ffurf AA:MM ar gloc 24 awr, er enghraifft 09:30.")))
    }

    /// The Welsh words for times are built as its words for dates are ("Dyddiad o … i …", "o …
    /// ymlaen", "hyd at …"): "Rhwng 06:00 a 22:00" and "cynharach na 08:00" needed "ac" and "nag"
    /// before a number read with a vowel ("ac wyth", "nag wyth"), which a placeholder cannot know.
    @Test func saysWelshTimesAsItSaysDates() throws {
        let i = try instrument("""
            - {id: day, type: date, text: Day?, min: "2026-11-01", max: today}
            - {id: from, type: date, text: From?, min: "2026-11-01"}
            - {id: until, type: date, text: Until?, max: today}
            - {id: woke, type: time, text: Woke?, min: "08:00"}
            - {id: slept, type: time, text: Slept?, max: "23:00"}
            - {id: seen, type: datetime, text: Seen?, min: "2026-11-01T09:00", max: today}
            - {id: left, type: datetime, text: Left?, max: today}
            """)
        let cy = ParticipantWords.forLanguage("cy")
        func limits(_ id: String) throws -> String? { cy.limits(for: try #require(i.question(id)), today: today) }
        #expect(try limits("day") == "Dyddiad o 2026-11-01 i heddiw.")
        #expect(try limits("seen") == "O 2026-11-01 09:00 i heddiw.")
        #expect(try limits("from") == "Dyddiad o 2026-11-01 ymlaen.")
        #expect(try limits("woke") == "O 08:00 ymlaen.")
        #expect(try limits("until") == "Dyddiad hyd at heddiw.")
        #expect(try limits("slept") == "Hyd at 23:00.")
        #expect(try limits("left") == "Hyd at heddiw.")
        #expect(cy.dateFrom("2026-11-01") == "Rhowch ddyddiad o 2026-11-01 ymlaen.")
        #expect(cy.timeFrom(cy.clockLimit("08:00", of: .time)) == "Rhowch amser o 08:00 ymlaen.")
        #expect(cy.timeFrom(cy.clockLimit("2026-11-01T09:00", of: .datetime), datetime: true) == "Rhowch ddyddiad ac amser o 2026-11-01 09:00 ymlaen.")
        #expect(cy.timeUntil(cy.clockLimit("23:00", of: .time)) == "Rhowch amser heb fod yn hwyrach na 23:00.")
        #expect(cy.timeUntil(cy.clockLimit("today", of: .datetime), datetime: true) == "Rhowch ddyddiad ac amser heb fod yn hwyrach na heddiw.")
        #expect(cy.typingHelp(for: try #require(i.question("woke"))) == "Teipiwch amser ar y ffurf AA:MM ar gloc 24 awr, er enghraifft 09:30.")
        #expect(cy.typingHelp(for: try #require(i.question("seen"))) == "Teipiwch ddyddiad ac amser ar y ffurf BBBB-MM-DD AA:MM, er enghraifft 2024-05-17 09:30.")
    }

    @Test func refusesAnswersOutsideTheLimitsWithTheLimit() throws {
        var s = try session(questions)
        #expect(problem { try s.answer(Answer(.time("05:59")), at: 1) } == "Please give a time no earlier than 06:00.")
        #expect(problem { try s.answer(Answer(.time("22:01")), at: 1) } == "Please give a time no later than 22:00.")
        #expect(problem { try s.answer(Answer(.time("9:00")), at: 1) } == "Please write the time as HH:MM on a 24-hour clock, for example 09:30.")
        #expect(problem { try s.answer(Answer(.datetime("2026-11-01T09:00")), at: 1) } == "This kind of answer does not fit the question.")
        try s.answer(Answer(.time("22:00")), at: 1)
        #expect(problem { try s.answer(Answer(.datetime("2026-11-01T08:59")), at: 2) } == "Please give a date and time no earlier than 2026-11-01 09:00.")
        #expect(problem { try s.answer(Answer(.datetime("2026-11-24T00:00")), at: 2) } == "Please give a date and time no later than today.")
        try s.answer(Answer(.datetime("2026-11-23T23:59")), at: 2)
        #expect(s.render(s.current?.text) == "You woke at 22:00 and were seen at 2026-11-23 23:59.")
    }

    @Test func comparesWithQuotedLiteralsAndToday() throws {
        var s = try session("""
            - {id: woke, type: time, text: Woke?, valid_if: '. >= "05:00" and . < "12:00"', invalid_message: "A morning time, please."}
            - {id: seen, type: datetime, text: Seen?, valid_if: . <= today() and . > "2026-11-20T12:00"}
            - {id: early, type: note, text: Early riser., show_if: woke < "07:00"}
            - {id: end, type: note, text: End.}
            """)
        #expect(problem { try s.answer(Answer(.time("12:00")), at: 1) } == "A morning time, please.")
        try s.answer(Answer(.time("06:30")), at: 1)
        #expect(problem { try s.answer(Answer(.datetime("2026-11-24T08:00")), at: 2) } == "This answer is not accepted here. Please check it.")
        #expect(problem { try s.answer(Answer(.datetime("2026-11-20T12:00")), at: 2) } == "This answer is not accepted here. Please check it.")
        try s.answer(Answer(.datetime("2026-11-23T08:00")), at: 2)
        #expect(s.current?.id == "early")
    }
}
