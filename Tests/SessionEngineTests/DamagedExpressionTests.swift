import Expressions
import Foundation
import InstrumentModel
import SessionEngine
import Testing

/// A compiled instrument whose `show_if` was cut short (a damaged file) is reported, never shown.
@Suite struct DamagedExpressionTests {
    /// `route` as compiled, with the show_if of `changes` cut short.
    func damaged() throws -> Instrument {
        var damaged = try instrument(route)
        damaged.sections[0].questions[1].showIf = "member_since !="
        return damaged
    }

    @Test func namesTheExpressionThatDoesNotParse() throws {
        let broken = try damaged()
        let error = try #require(throws: DamagedExpression.self) { try InstrumentExpressions(broken) }
        #expect(error.place == .showIf(question: "changes"))
        #expect(error.text == "member_since !=")
        #expect(error.description.hasPrefix("the show_if of question 'changes' cannot be read ("))
        #expect(error.description.hasSuffix("): 'member_since !='; the compiled instrument is damaged, so compile it again from its YAML"))
        #expect(InstrumentExpressions(salvaging: broken).damaged == [error])
    }

    @Test func refusesADamagedCompiledFileWhereItIsLoaded() throws {
        let sound = try instrument(route)
        #expect(try CompiledInstrument.decode(JSONEncoder().encode(sound)) == sound)
        let data = try JSONEncoder().encode(try damaged())
        let problem = try #require(throws: CompiledInstrument.Problem.self) { try CompiledInstrument.decode(data) }
        guard case .damaged(let damage) = problem else {
            Issue.record("expected a damaged expression, got \(problem)")
            return
        }
        #expect(damage.place == .showIf(question: "changes"))
    }

    @Test func aSessionHidesWhatADamagedConditionGuardsAndSaysSo() throws {
        var s = Session(instrument: try damaged(), seed: 1, today: today)
        #expect(s.damagedExpressions.map(\.place) == [.showIf(question: "changes")])
        try s.answer(Answer(.choice(3)), at: 1)
        #expect(s.current?.id == "age", "a damaged show_if does not mean 'always shown'")
        #expect(!s.isVisible("changes"))
    }

    @Test func aDamagedChoiceConditionHidesTheChoice() throws {
        var broken = try instrument("""
        - {id: a, type: single, text: A?, choices: [Yes, No]}
        - id: b
          type: single
          text: B?
          choices:
            - {value: 1, label: One}
            - {value: 2, label: Two, show_if: a == 1}
        """)
        broken.sections[0].questions[1].choices?[1].showIf = "a =="
        var s = Session(instrument: broken, seed: 1, today: today)
        try s.answer(Answer(.choice(1)), at: 1)
        #expect(s.current.map { s.presentedChoices($0).map(\.value) } == [1])
        #expect(s.damagedExpressions.map(\.place) == [.choiceShowIf(question: "b", choice: 2)])
    }
}
