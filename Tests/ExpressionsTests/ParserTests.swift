import Expressions
import Testing

@Suite struct ParserTests {
    @Test(arguments: [
        ("age>18", "age > 18"),
        ("a == 1 and b == 2 or c == 3", "a == 1 and b == 2 or c == 3"),
        ("a == 1 and (b == 2 or c == 3)", "a == 1 and (b == 2 or c == 3)"),
        ("not answered(age)", "not answered(age)"),
        ("'Online forum' in activities", "\"Online forum\" in activities"),
        ("99 not in activities", "99 not in activities"),
        ("wellbeing.connected >= 4", "wellbeing.connected >= 4"),
        (". >= 0 and . <= 10", ". >= 0 and . <= 10"),
        ("x in [\"a\", 'b']", "x in [\"a\", \"b\"]"),
        ("sum(a, b, c) / 3 > 2.5", "sum(a, b, c) / 3 > 2.5"),
        ("-(a - b) * 2 == -4", "-(a - b) * 2 == -4"),
        ("years_since(dob)>=18", "years_since(dob) >= 18"),
        // Found by the fuzzer: the left comparison's brackets were dropped, and the canonical form
        // (what a compiled instrument stores) no longer parsed.
        ("(a == 1) == (b == 2)", "(a == 1) == (b == 2)"),
        ("(x in list) != true", "(x in list) != true"),
        ("(x not in list) == false", "(x not in list) == false"),
    ])
    func printsCanonically(source: String, canonical: String) throws {
        #expect(Printer.print(try Parser.parse(source)) == canonical)
    }

    @Test func recordsSpansInCharacters() throws {
        let expr = try Parser.parse("'café ☕' == name")
        guard case .binary(_, let a, let b) = expr.kind else { Issue.record("not binary"); return }
        #expect(a.span == SourceSpan(0, 8))
        #expect(b.span == SourceSpan(12, 16))
    }

    private func error(_ source: String) -> ExpressionError? {
        do {
            _ = try Parser.parse(source)
            return nil
        } catch {
            return error
        }
    }

    @Test func explainsSyntaxErrors() {
        let single = error("age = 18")
        #expect(single?.message == "'=' on its own is not a comparison")
        #expect(single?.hint == "write '==' to test whether two values are equal")
        #expect(single?.span == SourceSpan(4, 5))

        #expect(error("a && b")?.hint == "write 'and'")
        #expect(error("a == ")?.message == "unexpected the end of the expression where a value should be")
        #expect(error("\"open")?.message == "this text has no closing \"")
        #expect(error("a == 1 b == 2")?.message == "unexpected 'b' here")
        #expect(error("a == 1 b == 2")?.span == SourceSpan(7, 8))
        #expect(error("1 < a < 3")?.message == "comparisons cannot be chained")
        #expect(error("")?.message == "the expression is empty")
        #expect(error("(a == 1")?.message == "unexpected the end of the expression where ')' should close the '(' at 1")
        #expect(error("a @ b")?.message == "unexpected character '@'")
    }
}
