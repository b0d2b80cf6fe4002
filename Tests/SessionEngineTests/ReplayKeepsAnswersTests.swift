import InstrumentModel
import SessionEngine
import Testing

/// Issue 11 item 2: a replay never drops a journaled answer. One that no longer passes its
/// question's checks is kept as given and reported as kept; one that cannot stand as the
/// question's value (another kind, an unknown code) is reported and left out.
@Suite struct ReplayKeepsAnswersTests {
    let questions = """
        - {id: age, type: number, text: Age?, min: 16, max: 110}
        - {id: mood, type: single, text: Mood?, choices: [Good, Bad]}
        - {id: town, type: text, text: Town?}
        """

    @Test func anAnswerThatNoLongerValidatesIsKeptAndReported() throws {
        let i = try instrument(questions)
        let events = [SessionEvent(.answer(Answer(.number(250))), question: "age", at: 1),
                      SessionEvent(.answer(Answer(.choice(2))), question: "mood", at: 2),
                      SessionEvent(.answer(Answer(.text("Leeds"))), question: "town", at: 3)]
        let rebuilt = Session.rebuilt(instrument: i, seed: 1, language: nil, today: today, events: events)
        #expect(rebuilt.unapplied.map { "\($0.index) \($0.kept) \($0.problem.message)" } == ["0 true Please enter a number from 16 to 110."])
        #expect(rebuilt.session.answers["age"] == Answer(.number(250)))
        #expect(rebuilt.session.answers["mood"] == Answer(.choice(2)) && rebuilt.session.answers["town"] == Answer(.text("Leeds")))
        #expect(rebuilt.session.phase == .finished)
    }

    @Test func anAnswerOfAnotherKindOrCodeIsReportedNotKept() throws {
        let i = try instrument(questions)
        let events = [SessionEvent(.answer(Answer(.text("old"))), question: "age", at: 1),
                      SessionEvent(.answer(Answer(.number(30))), question: "age", at: 2),
                      SessionEvent(.answer(Answer(.choice(7))), question: "mood", at: 3)]
        let rebuilt = Session.rebuilt(instrument: i, seed: 1, language: nil, today: today, events: events)
        #expect(rebuilt.unapplied.map { "\($0.index) \($0.kept) \($0.problem.message)" }
            == ["0 false This kind of answer does not fit the question.", "2 false Please choose one of the options."])
        #expect(rebuilt.session.answers["age"] == Answer(.number(30)) && rebuilt.session.answers["mood"] == nil)
        #expect(rebuilt.session.current?.id == "mood")
    }
}
