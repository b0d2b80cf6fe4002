import Expressions
import Testing

private func possible(_ source: String, answer: ValueType? = nil) throws -> Bool {
    let types: (Reference) -> ValueType? = { r in
        guard let id = r.id else { return answer }
        switch symbols(id) {
        case .found(let t): return r.row != nil ? .choice([ChoiceOption(code: 1, labels: ["Agree"])]) : t
        default: return nil
        }
    }
    return Satisfiability.canBeTrue(try Parser.parse(source), types: types)
}

@Suite struct SatisfiabilityTests {
    @Test(arguments: [
        "age > 200", "age < 16", "age == 1 and age == 2", "member_since == 1 and member_since == \"1 to 2 years\"",
        "member_since > 3", "age > 50 and not (age > 40)", "answered(age) and not answered(age)",
        "age == 20.5", "'Online forum' in activities and 'Online forum' not in activities",
        "not answered(age) and age > 20", "false", "age > 109 and age < 110", "count(activities) > 5",
    ])
    func findsConditionsThatCanNeverBeTrue(source: String) throws {
        #expect(try possible(source) == false)
    }

    @Test(arguments: [
        "age > 100", "age == 16 or age > 200", "age > 50 or not (age > 40)", "not (age > 20)",
        "member_since == 1 or member_since == 2", "age != 20", "name == \"x\"", "age >= 110",
        "not answered(age) or age > 20", "count(activities) >= 2", "(age > 20 and age < 30) or age == 99",
    ])
    func keepsConditionsThatCanBeTrue(source: String) throws {
        #expect(try possible(source) == true)
    }

    @Test func checksTheAnswerAgainstItsOwnLimits() throws {
        let score = ValueType.number(min: 0, max: 10, decimals: 0)
        #expect(try possible(". > 10", answer: score) == false)
        #expect(try possible(". >= 10", answer: score) == true)
        #expect(try possible(". > 9 and . < 10", answer: score) == false)
        #expect(try possible(". > 9 and . < 10", answer: .number(min: 0, max: 10, decimals: 1)) == true)
    }
}

@Suite struct SatisfiabilityFactsTests {
    let three = [ChoiceOption(code: 1, labels: ["Forum"]), ChoiceOption(code: 2, labels: ["Events"]), ChoiceOption(code: 9, labels: ["None"])]

    func possible(_ source: String, answer: ValueType, facts: AnswerFacts = AnswerFacts(),
                  others: [String: (ValueType, AnswerFacts)] = [:]) throws -> Bool {
        Satisfiability.canBeTrue(try Parser.parse(source), types: { r in r.id.map { others[$0]?.0 } ?? answer },
                                 facts: { r in r.id.map { others[$0]?.1 ?? AnswerFacts() } ?? facts })
    }

    @Test func countsNoMoreChoicesThanThereAre() throws {
        #expect(try possible("count(.) >= 5", answer: .choices(three)) == false)
        #expect(try possible("count(.) >= 3", answer: .choices(three)) == true)
        #expect(try possible("count(.) > 3", answer: .choices(three)) == false)
        #expect(try possible("count(.) >= 3", answer: .choices(three), facts: AnswerFacts(maxPicks: 2)) == false)
        #expect(try possible("count(.) < 0", answer: .choices(three)) == false)
        #expect(try possible("not (count(.) <= 3)", answer: .choices(three)) == false)
        #expect(try possible("count(.) == 0", answer: .choices(three)) == true, "an empty answer counts 0")
    }

    @Test func measuresNoTextLongerThanItsLimit() throws {
        #expect(try possible("length(.) > 10", answer: .text, facts: AnswerFacts(maxLength: 5)) == false)
        #expect(try possible("length(.) > 4", answer: .text, facts: AnswerFacts(maxLength: 5)) == true)
        #expect(try possible("length(.) > 10", answer: .text) == true)
        #expect(try possible("not (length(.) > 10)", answer: .text, facts: AnswerFacts(maxLength: 5)) == true)
    }

    @Test func keepsDatesWithinTheirLimits() throws {
        #expect(try possible(". > today()", answer: .date, facts: AnswerFacts(latest: .today)) == false)
        #expect(try possible("today() < .", answer: .date, facts: AnswerFacts(latest: .today)) == false)
        #expect(try possible(". >= today()", answer: .date, facts: AnswerFacts(latest: .today)) == true)
        #expect(try possible(". < today()", answer: .date, facts: AnswerFacts(earliest: .today)) == false)
        let old = AnswerFacts(latest: .day(DateValue.days(year: 2020, month: 1, day: 1)))
        #expect(try possible(". > \"2021-06-01\"", answer: .date, facts: old) == false)
        #expect(try possible(". < \"2021-06-01\"", answer: .date, facts: old) == true)
        #expect(try possible(". > today()", answer: .date, facts: old) == true, "a fixed date and today are not compared")
        #expect(try possible("not answered(.) and . <= today()", answer: .date) == false)
        #expect(try possible("not answered(.) and length(.) >= 0", answer: .text) == false)
        #expect(try possible("not answered(.) or not (. < today())", answer: .date, facts: AnswerFacts(latest: .today)) == true)
    }

    @Test func picksAnExclusiveChoiceAlone() throws {
        let none = AnswerFacts(exclusive: [9])
        #expect(try possible("\"None\" in . and \"Forum\" in .", answer: .choices(three), facts: none) == false)
        #expect(try possible("\"None\" in . or \"Forum\" in .", answer: .choices(three), facts: none) == true)
        #expect(try possible("\"Events\" in . and \"Forum\" in .", answer: .choices(three), facts: none) == true)
        #expect(try possible("\"Events\" in . and \"Forum\" in .", answer: .choices(three), facts: AnswerFacts(maxPicks: 1)) == false)
        #expect(try possible("\"None\" in . and count(.) >= 2", answer: .choices(three), facts: none) == false)
        #expect(try possible("\"None\" in . and count(.) == 1", answer: .choices(three), facts: none) == true)
    }

    @Test func findsNoAnswerToAQuestionNeverShown() throws {
        let hidden: [String: (ValueType, AnswerFacts)] = ["gone": (.number(min: 0, max: 9, decimals: 0), AnswerFacts(neverShown: true)),
                                                          "picks": (.choices(three), AnswerFacts(neverShown: true))]
        #expect(try possible("gone > 1", answer: .text, others: hidden) == false)
        #expect(try possible("answered(gone)", answer: .text, others: hidden) == false)
        #expect(try possible("\"Forum\" in picks", answer: .text, others: hidden) == false)
        #expect(try possible("count(picks) > 0", answer: .text, others: hidden) == false)
        #expect(try possible("not (gone > 1)", answer: .text, others: hidden) == true)
        #expect(try possible("count(picks) == 0", answer: .text, others: hidden) == true)
    }
}

@Suite struct SatisfiabilityCountTests {
    @Test func countsTheChoicesAConditionNeeds() throws {
        let pets = ValueType.choices([ChoiceOption(code: 1, labels: ["Cat"]), ChoiceOption(code: 2, labels: ["Dog"]), ChoiceOption(code: 3, labels: ["Fish"])])
        func possible(_ source: String) throws -> Bool {
            Satisfiability.canBeTrue(try Parser.parse(source), types: { _ in pets })
        }
        #expect(try possible("\"Dog\" in pets and count(pets) == 0") == false)
        #expect(try possible("count(pets) < 2 and \"Dog\" in pets and \"Cat\" in pets") == false)
        #expect(try possible("count(pets) == 2 and \"Dog\" in pets and \"Cat\" in pets") == true)
        #expect(try possible("count(pets) == 0 and \"Dog\" not in pets") == true)
    }
}
