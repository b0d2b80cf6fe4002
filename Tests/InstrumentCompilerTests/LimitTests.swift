import Foundation
import InstrumentCompiler
import InstrumentModel
import Testing
import YAMLTree

/// Issue 10, items 5, 8 and 9: numbers every export keeps exactly, arithmetic on them that
/// cannot overflow, bounded expressions, and patterns that cannot backtrack for hours.
@Suite struct LimitTests {
    private func question(_ lines: String) -> String {
        withQuestions("  - id: q\n" + lines.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
    }

    private func messages(_ text: String) -> [String] { compile(text).diagnostics.map(\.message) }

    // MARK: Item 9: overflow

    @Test func refusesAnIntMaxCodeBesideOtherWithoutCrashing() {
        let result = compile(question("type: single\ntext: Q?\nchoices:\n  - {value: 9223372036854775807, label: A}\nother: true"))
        #expect(result.diagnostics.map(\.code) == [.outOfRange])
        #expect(result.diagnostics.first?.message == "'value' is 9223372036854775807, outside the codes every export keeps exactly (-2,147,483,647 to 2,147,483,620)")
        #expect(result.diagnostics.first?.at.line == 12)
    }

    @Test func refusesOtherWhenTheNextCodeWouldPassTheLimit() {
        let result = compile(question("type: single\ntext: Q?\nchoices:\n  - {value: 2147483620, label: A}\nother: true"))
        #expect(result.diagnostics.map(\.message) == ["'other: true' takes the code one above the highest choice (2147483620), which is beyond the largest code (2147483620)"])
        #expect(result.diagnostics.first?.hint == "give 'other' its own code: other: {value: 97, label: Other, please specify}")
        #expect(compile(question("type: single\ntext: Q?\nchoices:\n  - {value: 2147483620, label: A}\nother: {value: 97, label: Other}")).diagnostics.isEmpty)
    }

    @Test func refusesAScaleFromIntMinWithoutCrashing() {
        #expect(messages(question("type: scale\ntext: Q?\nfrom: -9223372036854775808\nto: 10")) ==
            ["'from' is -9223372036854775808, outside the codes every export keeps exactly (-2,147,483,647 to 2,147,483,620)"])
        #expect(messages(question("type: scale\ntext: Q?\nfrom: -9223372036854775809\nto: 10")) ==
            ["'from' is -9223372036854775809, outside the codes every export keeps exactly (-2,147,483,647 to 2,147,483,620)"])
        #expect(messages(question("type: text\ntext: Q?\nmax_length: 99999999999999999999")) ==
            ["'max_length' is 99999999999999999999, beyond the largest number an instrument may hold (1,000,000,000,000,000, plus or minus)"])
        #expect(messages(question("type: scale\ntext: Q?\nfrom: 0\nto: 9223372036854775807")).count == 1)
    }

    // MARK: Item 8: codes and numbers kept exactly

    @Test func refusesCodesThatWouldCollideAboveTwoToThe53() {
        let result = compile(question("type: single\ntext: Q?\nchoices:\n  - {value: 9007199254740992, label: A}\n  - {value: 9007199254740993, label: B}"))
        #expect(result.diagnostics.map(\.code) == [.outOfRange, .outOfRange])
        #expect(result.instrument == nil)
    }

    @Test func keepsTheExtremeAllowedCodesExactlyInTheCompiledForm() throws {
        let result = compile(question("type: single\ntext: Q?\nchoices:\n  - {value: -2147483647, label: A}\n  - {value: 2147483620, label: B}"))
        #expect(result.diagnostics.isEmpty)
        let json = String(decoding: try #require(result.canonical), as: UTF8.self)
        #expect(json.contains("\"value\": -2147483647"))
        #expect(json.contains("\"value\": 2147483620"))
    }

    @Test(arguments: [("min", "1e16"), ("max", "-1e300"), ("max", "1e400"), ("min", "10000000000000001")])
    func refusesNumberLimitsBeyondTenToThe15(key: String, value: String) {
        let result = compile(question("type: number\ntext: Q?\ndecimals: 2\n\(key): \(value)"))
        #expect(result.diagnostics.map(\.message) == ["'\(key)' is \(value), beyond the largest number an instrument may hold (1,000,000,000,000,000, plus or minus)"])
        #expect(result.diagnostics.map(\.hint) == ["numbers this large cannot be kept exactly in the data; use a smaller one"])
    }

    @Test func acceptsNumberLimitsAtTenToThe15() {
        #expect(compile(question("type: number\ntext: Q?\nmin: -1000000000000000\nmax: 1e15")).diagnostics.isEmpty)
    }

    @Test func refusesHugeNumbersInConditions() {
        let result = compile(question("type: number\ntext: Q?\nshow_if: 1 < 99999999999999999999"))
        #expect(result.diagnostics.map(\.code) == [.outOfRange])
        #expect(result.diagnostics.first?.message == "the number 99999999999999999999 is larger than 1,000,000,000,000,000, the largest an expression may use")
    }

    // MARK: Item 9: expressions

    @Test func refusesDeeplyNestedConditionsWithAPosition() {
        let condition = String(repeating: "(", count: 10_000) + "1 == 1" + String(repeating: ")", count: 10_000)
        let result = compile(question("type: note\ntext: N\nshow_if: \(condition)"))
        #expect(result.diagnostics.map(\.code) == [.limitExceeded])
        #expect(result.diagnostics.first?.message == "this expression is nested more than 64 levels deep")
        #expect(result.diagnostics.first?.at == Mark(line: 11, column: 18 + 64))
    }

    @Test func refusesConditionsOfFiftyThousandTerms() {
        let condition = Array(repeating: "1 == 1", count: 25_000).joined(separator: " and ")
        let result = compile(question("type: note\ntext: N\nshow_if: \(condition)"))
        #expect(result.diagnostics.map(\.message) == ["this expression has more than 2,000 values and names"])
    }

    // MARK: Item 5: patterns

    @Test(arguments: ["(a+)+$", "(a*)*", "(a|a)*", "(.*a){20}", "^([a-z]+)*$", "(a{1,30})*$", "^(\\d|\\w)+$", "((ab)*c)+"])
    func refusesPatternsThatBacktrackExponentially(pattern: String) {
        let result = compile(question("type: text\ntext: Q?\npattern: '\(pattern)'"))
        #expect(result.diagnostics.map(\.code) == [.slowPattern], "\(pattern)")
    }

    @Test(arguments: ["^[0-9]+$", "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?$", "^(\\d{3}-)+\\d{4}$", "^(cat|dog)+$", "^\\w+@\\w+\\.\\w+$",
                      "(?>a+)+$", "(a++)+$", "^(\\d{1,3}\\.){3}\\d{1,3}$", "^(?:[A-Z][a-z]*)(?: [A-Z][a-z]*)?$", "^(?i)(yes|no)$"])
    func acceptsPatternsThatCannotBacktrackExponentially(pattern: String) {
        #expect(compile(question("type: text\ntext: Q?\npattern: '\(pattern)'")).diagnostics.isEmpty, "\(pattern)")
    }
}
