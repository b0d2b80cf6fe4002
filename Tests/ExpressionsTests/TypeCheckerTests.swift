import Expressions
import Testing

let memberSince = ValueType.choice([
    ChoiceOption(code: 1, labels: ["Less than 6 months"]),
    ChoiceOption(code: 2, labels: ["6 to 12 months"]),
    ChoiceOption(code: 3, labels: ["1 to 2 years"]),
])
let activities = ValueType.choices([ChoiceOption(code: 1, labels: ["Online forum"]), ChoiceOption(code: 99, labels: ["None"])])

/// Symbols as the compiler would give them at a question after `member_since`, `age`,
/// `activities`, `name`, `dob` and `wellbeing`, and before `later`.
func symbols(_ id: String) -> Lookup {
    switch id {
    case "member_since": .found(memberSince)
    case "age": .found(.number(min: 16, max: 110, decimals: 0))
    case "activities": .found(activities)
    case "name": .found(.text)
    case "dob": .found(.date)
    case "wellbeing": .found(.matrix(rows: ["connected", "services"], options: [ChoiceOption(code: 1, labels: ["Agree"])]))
    case "intro": .noAnswer("a note")
    case "later": .later(.number(min: nil, max: nil, decimals: 0))
    case "self": .itself
    default: .unknown(suggestion: id == "agee" ? "age" : nil)
    }
}

func check(_ source: String, expecting: ExpressionPurpose = .condition, answer: ValueType? = nil) throws -> [ExpressionError] {
    TypeChecker.check(try Parser.parse(source), expecting: expecting, answer: answer, lookup: symbols).errors
}

@Suite struct TypeCheckerTests {
    @Test(arguments: [
        "member_since == \"1 to 2 years\"", "member_since == 3", "member_since != \"Less than 6 months\"",
        "member_since >= 2", "'Online forum' in activities", "99 in activities", "count(activities) >= 1",
        "age >= 18 and age < 65", "answered(name)", "length(name) > 3", "years_since(dob) >= 18",
        "dob < \"2000-01-01\"", "dob <= today()", "wellbeing.connected == \"Agree\"", "sum(age, 1) > 20",
        "member_since in [\"1 to 2 years\", 2]", "not (age > 20)", "round(age / 3, 1) == 2.5",
    ])
    func acceptsValidConditions(source: String) throws {
        #expect(try check(source) == [])
    }

    @Test func rejectsUnknownIDsWithASuggestion() throws {
        let errors = try check("agee > 18")
        #expect(errors == [ExpressionError(.unknownID, "there is no question with id 'agee'", hint: "did you mean 'age'?", at: SourceSpan(0, 4))])
    }

    @Test func rejectsForwardAndSelfReferences() throws {
        #expect(try check("later > 1").map(\.message) == ["'later' is asked later, so its answer is not known here"])
        #expect(try check("self > 1").map(\.code) == [.forwardReference])
    }

    @Test func rejectsLabelsAndCodesAChoiceDoesNotHave() throws {
        let label = try check("member_since == \"1 to 2 year\"")
        #expect(label == [ExpressionError(.unknownChoice, "'member_since' has no choice labelled \"1 to 2 year\"",
                                          hint: "did you mean \"1 to 2 years\"?", at: SourceSpan(16, 29))])
        let code = try check("member_since == 7")
        #expect(code.map(\.message) == ["'member_since' has no choice with code 7"])
        #expect(code.map(\.hint) == ["its codes are: 1, 2, 3"])
        #expect(try check("'Forum' in activities").map(\.code) == [.unknownChoice])
    }

    @Test func rejectsTypeMismatches() throws {
        #expect(try check("age == \"old\"").map(\.message) == ["this compares a number with a text"])
        #expect(try check("activities == 1").map(\.message) == ["a multiple-choice answer is a set of choices and cannot be compared with '=='"])
        #expect(try check("activities == 1").map(\.hint) == ["to test for one choice, write: 1 in activities"])
        #expect(try check("name > \"b\"").map(\.code) == [.typeMismatch])
        #expect(try check("dob < \"yesterday\"").map(\.message) == ["\"yesterday\" is not a date"])
        #expect(try check("age + 1").map(\.code) == [.notACondition])
        #expect(try check("intro == 1").map(\.message) == ["'intro' is a note and has no answer to use"])
        #expect(try check("wellbeing.happy == 1").map(\.message) == ["the matrix 'wellbeing' has no row 'happy'"])
        #expect(try check("age and name").map(\.code) == [.typeMismatch, .typeMismatch])
    }

    @Test func rejectsFunctionsCalledWrongly() throws {
        #expect(try check("cout(activities) > 1") == [ExpressionError(.unknownFunction, "there is no function 'cout'",
                                                                       hint: "did you mean 'count'?", at: SourceSpan(0, 16))])
        #expect(try check("count(age) > 1").map(\.code) == [.wrongArguments])
        #expect(try check("answered(age, name)").map(\.message) == ["answered() takes 1 argument but was given 2 arguments"])
        #expect(try check("today(1) > dob").map(\.message) == ["today() takes 0 arguments but was given 1 argument"])
        #expect(try check("years_since(age) > 1").map(\.code) == [.wrongArguments])
    }

    @Test func givesTheAnswerATypeOnlyInValidIf() throws {
        #expect(try check(". >= 0", answer: .number(min: 0, max: 10, decimals: 0)) == [])
        #expect(try check(". >= 0").map(\.message) == ["'.' stands for the answer being checked and works only in valid_if"])
    }

    @Test func infersTheTypeOfAValue() throws {
        let result = TypeChecker.check(try Parser.parse("sum(age, 2)"), expecting: .value, lookup: symbols)
        #expect(result.errors == [])
        #expect(result.type == .anyNumber)
    }
}
