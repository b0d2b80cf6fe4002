import Expressions
import FuzzSupport
import InstrumentModel

/// The expression language on arbitrary text, as a `show_if`, `valid_if` or `value` meets it:
/// parsed, type-checked at a place in a small instrument (answers of every type before it, one
/// after it, a note), printed in the canonical layout, and evaluated against a set of answers.
///
/// The printed form is what the compiled instrument stores and hashes, and what `run` parses
/// again, so it must parse back to itself.
func fuzzExpression(_ input: UnsafeRawBufferPointer) {
    let source = String(decoding: input, as: UTF8.self)
    let expr: Expr
    do { expr = try Parser.parse(source) } catch { return }
    _ = TypeChecker.check(expr, expecting: .condition, lookup: FuzzInstrument.lookup)
    _ = TypeChecker.check(expr, expecting: .value, answer: .number(min: 0, max: 10, decimals: 1), lookup: FuzzInstrument.lookup)
    _ = TypeChecker.check(expr, expecting: .condition, answer: .text, lookup: FuzzInstrument.lookup)
    let printed = Printer.print(expr)
    let again: Expr
    do { again = try Parser.parse(printed) } catch {
        invariant(false, "the canonical form of \(source.debugDescription) does not parse: \(printed.debugDescription): \(error)")
        return
    }
    let reprinted = Printer.print(again)
    invariant(reprinted == printed, "the canonical form is not stable: \(printed.debugDescription) then \(reprinted.debugDescription)")
    _ = Evaluator.evaluate(expr, in: FuzzInstrument.answered)
    _ = Evaluator.evaluate(expr, in: FuzzInstrument.empty)
}

/// The instrument the expressions are checked in and the answers they are evaluated against.
enum FuzzInstrument {
    static let yesNo = [ChoiceOption(code: 1, labels: ["Yes"]), ChoiceOption(code: 2, labels: ["No"]),
                        ChoiceOption(code: -9, labels: ["Prefer not to say"])]

    static func lookup(_ id: String) -> Lookup {
        switch id {
        case "age": .found(.number(min: 16, max: 110, decimals: 0))
        case "score": .found(.number(min: nil, max: nil, decimals: 2))
        case "name": .found(.text)
        case "dob": .found(.date)
        case "agree": .found(.bool)
        case "member": .found(.choice(yesNo))
        case "activities": .found(.choices(yesNo))
        case "order": .found(.ranking(yesNo))
        case "wellbeing": .found(.matrix(rows: ["connected", "services"], options: yesNo))
        case "intro": .noAnswer("a note")
        case "later": .later(.number(min: nil, max: nil, decimals: 0))
        case "self": .itself
        default: .unknown(suggestion: id.count > 2 ? String(id.dropLast()) : nil)
        }
    }

    struct Answers: EvaluationContext {
        var values: [String: Value]
        var today: Int

        func value(of reference: Reference) -> Value {
            guard let id = reference.id else { return values["."] ?? .empty }
            if let row = reference.row { return values[id + "." + row] ?? .empty }
            return values[id] ?? .empty
        }

        func code(forLabel label: String, of reference: Reference) -> Int? {
            yesNo.first { $0.labels.contains(label) }?.code
        }

        /// A plain substring test: the regular-expression matcher is the engine's, bounded there
        /// (`PatternMatch`); this target fuzzes the evaluator around it.
        func matches(_ text: String, pattern: String) -> Bool { text.contains(pattern) }
    }

    static let answered = Answers(values: [
        ".": .number(3), "age": .number(42), "score": .number(-1.5e300), "name": .text("Sam"), "dob": .date(-3650),
        "agree": .bool(true), "member": .choice(1), "activities": .choices([1, 2]), "order": .ranking([2, 1, -9]),
        "wellbeing.connected": .missingChoice(-9), "wellbeing.services": .choice(2), "later": .number(7),
    ], today: 20_000)
    static let empty = Answers(values: [:], today: 0)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzExpression(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

#if FUZZING
@_cdecl("FuzzExpressions_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Replay.fuzz(argc, argv, fuzzerTestOneInput)
}
#else
@main struct FuzzExpressionsReplay {
    static func main() { Replay.main("FuzzExpressions", fuzzExpression) }
}
#endif
