import Expressions
import Foundation
import Testing

private func eval(_ source: String, _ values: [String: Value]) throws -> Value {
    Evaluator.evaluate(try Parser.parse(source), in: Answers(values: values))
}

private let phq: [String: Value] = [
    "p1": .choice(1), "p2": .choice(2), "p3": .choice(3), "p4": .empty, "skipped": .missingChoice(-9),
    // A matrix is its rows in order, an unanswered row empty.
    "grid": .list([.choice(3), .choice(1), .empty, .choice(2)]),
    "full": .list([.choice(3), .choice(1), .choice(2)]),
    "total": .number(8), "name": .text("AB12 3CD"),
]

@Suite struct ScoringFunctionEvaluationTests {
    @Test func ifChoosesByTheCondition() throws {
        #expect(try eval("if(total >= 5, 1, 0)", phq) == .number(1))
        #expect(try eval("if(total >= 10, \"moderate\", \"mild\")", phq) == .text("mild"))
        #expect(try eval("if(p4 > 1, 1, 0)", phq) == .number(0), "a comparison with an empty answer is false")
        #expect(try eval("if(total >= 5, 1, 0) + if(total >= 10, 1, 0) + if(total >= 15, 1, 0)", phq) == .number(1))
    }

    @Test func meanIsEmptyWhenAnyItemIs() throws {
        #expect(try eval("mean(p1, p2, p3)", phq) == .number(2))
        #expect(try eval("mean(p1, p2, p4)", phq) == .empty)
        #expect(try eval("mean(p1, skipped)", phq) == .empty, "prefer not to say is empty in arithmetic")
        #expect(try eval("mean(full)", phq) == .number(2))
        #expect(try eval("mean([p1, p3])", phq) == .number(2))
    }

    @Test func sumsAndCountsAMatrixByItsRows() throws {
        #expect(try eval("sum(full)", phq) == .number(6))
        #expect(try eval("sum(grid)", phq) == .empty, "one row unanswered")
        #expect(try eval("count_answered(grid)", phq) == .number(3))
        #expect(try eval("count_answered(p1, p4, skipped, grid)", phq) == .number(4))
        #expect(try eval("max(full)", phq) == .number(3))
        #expect(try eval("sum(p1, full)", phq) == .number(7))
    }

    @Test func proratesWhenEnoughItemsAreAnswered() throws {
        // 3 of 4 rows answered, sum 6: scaled to 4 items, 8.
        #expect(try eval("prorated_sum(3, grid)", phq) == .number(8))
        #expect(try eval("prorated_sum(4, grid)", phq) == .empty)
        #expect(try eval("prorated_mean(3, grid)", phq) == .number(2))
        #expect(try eval("prorated_sum(2, p1, p2, p4)", phq) == .number(4.5))
        #expect(try eval("prorated_sum(1, p4)", phq) == .empty)
    }

    @Test func coalesceTakesTheFirstAnswer() throws {
        #expect(try eval("coalesce(p4, p2, p1)", phq) == .choice(2))
        #expect(try eval("coalesce(p4, 0)", phq) == .number(0))
        #expect(try eval("coalesce(p4, skipped)", phq) == .empty, "a missing-coded choice has no value to take")
    }

    @Test func looksUpAConversionTable() throws {
        #expect(try eval("lookup(total, [7, 7.00], [8, 9.51], [9, 11.25])", phq) == .number(9.51))
        #expect(try eval("lookup(total, [7, 7.00], [9, 11.25])", phq) == .empty, "not in the table")
        #expect(try eval("lookup(p4, [7, 7.00])", phq) == .empty)
        #expect(try eval("lookup(p2, [1, \"low\"], [2, \"high\"])", phq) == .text("high"))
    }

    @Test func matchesAPattern() throws {
        #expect(try eval("matches(name, '^[A-Z]{1,2}[0-9]')", phq) == .bool(true))
        #expect(try eval("matches(name, '^[0-9]+$')", phq) == .bool(false))
        #expect(try eval("matches(p4, 'x')", phq) == .bool(false))
    }
}

private func scoring(_ id: String) -> Lookup {
    let agree = [ChoiceOption(code: 0, labels: ["Not at all"]), ChoiceOption(code: 1, labels: ["Several days"])]
    switch id {
    case "p1", "p2": return .found(.choice(agree))
    case "phq9": return .found(.matrix(rows: ["a", "b", "c"], options: agree))
    case "total": return .found(.anyNumber)
    case "name": return .found(.text)
    case "dob": return .found(.date)
    case "pets": return .found(.choices(agree))
    default: return .unknown(suggestion: nil)
    }
}

private func problems(_ source: String, expecting: ExpressionPurpose = .value) throws -> [String] {
    TypeChecker.check(try Parser.parse(source), expecting: expecting, lookup: scoring).errors.map { e in
        e.message + (e.hint.map { " | " + $0 } ?? "")
    }
}

private func type(_ source: String) throws -> ValueType {
    TypeChecker.check(try Parser.parse(source), expecting: .value, lookup: scoring).type
}

@Suite struct ScoringFunctionTypeTests {
    @Test(arguments: [
        "if(total > 4, 1, 0)", "mean(p1, p2)", "sum(phq9)", "mean(phq9)", "count_answered(phq9)", "count_answered(p1, p2)",
        "prorated_sum(2, phq9)", "prorated_mean(2, p1, p2, total)", "coalesce(p1, 0)", "lookup(total, [7, 7.0], [8, 9.51])",
        "matches(name, '^[0-9]+$')", "min(phq9)", "sum([p1, p2])", "if(matches(name, 'x'), \"yes\", \"no\")",
    ])
    func acceptsScoring(source: String) throws {
        #expect(try problems(source) == [])
    }

    @Test func givesTheTypesOfTheirResults() throws {
        #expect(try type("if(total > 4, \"high\", \"low\")") == .text)
        #expect(try type("if(total > 4, p1, 0)") == .anyNumber)
        #expect(try type("lookup(total, [1, \"a\"], [2, \"b\"])") == .text)
        #expect(try type("coalesce(dob, \"2000-01-01\")") == .date)
        #expect(try type("matches(name, 'x')") == .bool)
        #expect(try type("prorated_sum(2, phq9)") == .anyNumber)
    }

    @Test func pointsATrueOrFalseInArithmeticAtIf() throws {
        #expect(try problems("(total >= 5) + (total >= 10)") == [
            "'+' needs numbers, but this is true or false | to count a condition as 1 or 0, write if(condition, 1, 0)",
            "'+' needs numbers, but this is true or false | to count a condition as 1 or 0, write if(condition, 1, 0)",
        ])
    }

    @Test func refusesMisusedScoringFunctions() throws {
        #expect(try problems("if(total, 1, 0)") == ["the first argument of if() is a condition, but this is a number | compare it with something, such as: total == 1"])
        #expect(try problems("if(total > 1, 1, \"x\")") == ["if() must give the same kind of value either way, but this gives a number or a text"])
        #expect(try problems("if(total > 1, 1)") == ["if() takes 3 arguments but was given 2 arguments | write if(condition, value_if_true, value_if_false)"])
        #expect(try problems("mean(name)") == ["mean() works on numbers, scale answers and matrices, but this is a text"])
        #expect(try problems("sum(pets)") == ["sum() works on numbers, scale answers and matrices, but this is a set of choices | to count the choices picked, use count(pets)"])
        #expect(try problems("prorated_sum(4, phq9)") == ["prorated_sum() needs at least 4 answered items, but it is given only 3 | the first argument is how many of the items must be answered, from 1 to 3"])
        #expect(try problems("prorated_sum(total, phq9)") == ["the first argument of prorated_sum() is how many items must be answered, a whole number such as 7 | write prorated_sum(7, items)"])
        #expect(try problems("lookup(total, [7, 7.0], [7, 9.51])") == ["lookup() has the value 7 twice"])
        #expect(try problems("lookup(total, 7, 7.0)") == ["each entry of lookup() is a pair in brackets: [value, result] | write lookup(total, [7, 7.00], [8, 9.51], ...)", "each entry of lookup() is a pair in brackets: [value, result] | write lookup(total, [7, 7.00], [8, 9.51], ...)"])
        #expect(try problems("lookup(total, [1, \"a\"], [2, 3])") == ["the results of lookup() must all be numbers or all texts"])
        #expect(try problems("matches(total, 'x')") == ["matches() tests a text, but this is a number"])
        #expect(try problems("matches(name, total)") == ["the pattern of matches() must be written in quotes | write matches(name, '^[0-9]+$')"])
        #expect(try problems("coalesce(total, name)") == ["coalesce() must choose between values of one kind, but this gives a number or a text"])
    }
}

@Suite struct ScoringFunctionPrintingTests {
    /// The compiled form stores each expression as `Printer` writes it, and the preview and
    /// the diff show that text: each new form reads back as itself.
    @Test(arguments: [
        "if(total >= 5, \"mild\", \"none\")", "prorated_sum(7, phq9)", "mean([p1, p2, p3])", "count_answered(phq9)",
        "coalesce(score, 0)", "lookup(raw, [7, 7], [8, 9.51])", "matches(., \"^[A-Z]{1,2}[0-9]\")",
    ])
    func printsNewFormsAsWritten(source: String) throws {
        #expect(Printer.print(try Parser.parse(source)) == source)
        #expect(Printer.print(try Parser.parse(Printer.print(try Parser.parse(source)))) == source)
    }
}
