import Expressions
import Testing

/// Issue 10, item 9: a `show_if` of 10,000 nested parentheses or 50,000 `and`/`+` terms
/// overflowed the stack in the parser and the type checker (SIGSEGV). Each is now refused
/// by the parser with a diagnostic, and the largest expressions it accepts pass every stage.
@Suite struct ExpressionLimitTests {
    private func error(_ source: String) -> ExpressionError? {
        do {
            _ = try Parser.parse(source)
            return nil
        } catch {
            return error
        }
    }

    private static let tooDeep = "this expression is nested more than 64 levels deep"

    @Test func refusesTenThousandNestedParentheses() {
        let e = error(String(repeating: "(", count: 10_000) + "age > 1" + String(repeating: ")", count: 10_000))
        #expect(e?.code == .limitExceeded)
        #expect(e?.message == Self.tooDeep)
        #expect(e?.span == SourceSpan(64, 65))
    }

    @Test(arguments: [
        String(repeating: "not ", count: 50_000) + "answered(age)",
        String(repeating: "-", count: 50_000) + "1 > 0",
        "x in " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
        String(repeating: "max(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + " > 0",
    ])
    func refusesEveryOtherKindOfDeepNesting(source: String) {
        let e = error(source)
        #expect(e?.code == .limitExceeded)
        #expect(e?.message == Self.tooDeep)
    }

    @Test(arguments: [("age > 1", " and "), ("age > 1", " or "), ("age", " + "), ("age", " * ")])
    func refusesFiftyThousandTerms(term: String, joiner: String) {
        let source = Array(repeating: term, count: 50_000).joined(separator: joiner) + (joiner == " + " || joiner == " * " ? " > 1" : "")
        let e = error(source)
        #expect(e?.code == .limitExceeded)
        #expect(e?.message == "this expression has more than 2,000 values and names")
        // At the 2,001st value or name: "age > 1" holds two, "age" one.
        let perTerm = term == "age" ? 1 : 2
        #expect(e?.span.start == 2_000 / perTerm * (term.count + joiner.count))
    }

    @Test func acceptsTheLargestExpressionsThroughEveryStage() throws {
        let chain = Array(repeating: "age > 1", count: 1_000).joined(separator: " and ")
        let deep = String(repeating: "(", count: 63) + "age > 1" + String(repeating: ")", count: 63)
        let negated = String(repeating: "not ", count: 64) + "age > 1"
        let sum = Array(repeating: "age", count: 1_999).joined(separator: " + ") + " > 1"
        for source in [chain, deep, negated, sum] {
            let expr = try Parser.parse(source)
            #expect(TypeChecker.check(expr, expecting: .condition, lookup: symbols).errors.isEmpty)
            _ = Evaluator.evaluate(expr, in: Answers(values: ["age": .number(30)]))
            _ = Satisfiability.canBeTrue(expr) { _ in .number(min: 16, max: 110, decimals: 0) }
            let printed = Printer.print(expr)
            #expect(Printer.print(try Parser.parse(printed)) == printed)
        }
    }

    @Test func refusesNumbersBeyondWhatIsKeptExactly() {
        let e = error("x == 9007199254740993")
        #expect(e?.code == .outOfRange)
        #expect(e?.message == "the number 9007199254740993 is larger than 1,000,000,000,000,000, the largest an expression may use")
        #expect(e?.span == SourceSpan(5, 21))
        #expect(error("x == 1" + String(repeating: "0", count: 400)) != nil)
        #expect(error("x == 1000000000000000") == nil)
    }
}
