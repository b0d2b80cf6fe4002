import InstrumentModel
import SessionEngine
import TestSupport
import Testing

@Suite struct SafeguardingTests {
    static let questions = """
        - id: worry
          type: scale
          text: How often have you felt down?
          choices: [Not at all, Several days, More than half the days, Nearly every day]
        - {id: sleep, type: scale, text: Sleep?, from: 0, to: 3}
        - {id: age, type: number, text: Age?, min: 16, max: 110}
        """
    static let rules = """
        safeguarding:
          - id: distress
            when: worry >= 2
            message: Support is available.
            offer: pause

        """

    func firing(_ rule: String, _ question: String) -> SafeguardingFiring { SafeguardingFiring(rule: rule, question: question) }

    @Test func firesOnceAfterTheAnswerThatMakesItTrue() throws {
        var s = try session(Self.questions, top: Self.rules)
        try s.answer(Answer(.choice(1)), at: 1)
        #expect(s.safeguardingFired == [])
        try s.back(at: 2)
        try s.answer(Answer(.choice(2)), at: 3)
        #expect(s.safeguardingFired == [firing("distress", "worry")])
        try s.answer(Answer(.choice(3)), at: 4)
        try s.answer(Answer(.number(40)), at: 5)
        #expect(s.safeguardingFired == [firing("distress", "worry")])
    }

    @Test func goingBackAndChangingTheAnswerDoesNotUnfireItButTrueAgainFiresAgain() throws {
        var s = try session(Self.questions, top: Self.rules)
        try s.answer(Answer(.choice(3)), at: 1)
        try s.back(at: 2)
        try s.answer(Answer(.choice(1)), at: 3)
        #expect(s.safeguardingFired == [firing("distress", "worry")])
        try s.back(at: 4)
        try s.answer(Answer(.choice(4)), at: 5)
        #expect(s.safeguardingFired == [firing("distress", "worry"), firing("distress", "worry")])
    }

    @Test func aResumedSessionHasFiredWhatTheOriginalFiredAndFiresNothingAnew() throws {
        var s = try session(Self.questions, top: Self.rules)
        var events: [SessionEvent] = []
        for (move, time) in [(SessionMove.answer(Answer(.choice(2))), 1.0), (.answer(Answer(.choice(1))), 2)] {
            events.append(try s.apply(s.event(move, at: time)))
        }
        let rebuilt = Session.rebuilt(instrument: s.instrument, seed: 1, language: nil, today: today, events: events)
        #expect(rebuilt.unapplied.isEmpty)
        #expect(rebuilt.session.safeguardingFired == [firing("distress", "worry")])
        var resumed = rebuilt.session
        try resumed.answer(Answer(.number(30)), at: 3)
        #expect(resumed.safeguardingFired == [firing("distress", "worry")])
    }

    @Test func namesTheQuestionWhoseAnswerMadeTheRuleTrue() throws {
        var s = try session(Self.questions, top: """
            safeguarding:
              - {id: both, when: worry >= 1 and sleep >= 3, message: Support.}

            """)
        try s.answer(Answer(.choice(1)), at: 1)
        try s.answer(Answer(.choice(3)), at: 2)
        #expect(s.safeguardingFired == [firing("both", "sleep")])
        #expect(s.instrument.safeguardingRule("both")?.message.text() == "Support.")
    }
}
