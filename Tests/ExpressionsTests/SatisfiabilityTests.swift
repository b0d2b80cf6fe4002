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
        "not answered(age) and age > 20", "false", "age > 109 and age < 110",
    ])
    func findsConditionsThatCanNeverBeTrue(source: String) throws {
        #expect(try possible(source) == false)
    }

    @Test(arguments: [
        "age > 100", "age == 16 or age > 200", "age > 50 or not (age > 40)", "not (age > 20)",
        "member_since == 1 or member_since == 2", "age != 20", "name == \"x\"", "age >= 110",
        "not answered(age) or age > 20", "count(activities) > 5", "(age > 20 and age < 30) or age == 99",
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
