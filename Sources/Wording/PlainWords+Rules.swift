import Foundation
import Expressions
import InstrumentModel

/// `valid_if` rules and calculations in words, as conditions already are: a reader of the preview
/// sees "at least 5 characters" and "*Age?* plus 1" rather than the code.
extension PlainWords {
    /// The rule at `place` (a `valid_if`, where `.` is the answer) in words; nil when there is none.
    public func describeRule(at place: InstrumentExpressions.Place) -> String? {
        if let e = expressions[place] { return rule(e) }
        return expressions.damage(at: place).map(Self.damaged)
    }

    /// The calculation at `place` (a `value`) in words; nil when there is none.
    public func describeCalculation(at place: InstrumentExpressions.Place) -> String? {
        if let e = expressions[place] { return calculation(e) }
        return expressions.damage(at: place).map(Self.damaged)
    }

    public func rule(_ e: Expr) -> String {
        switch e.kind {
        case .binary(.and, let a, let b): return rule(a) + " and " + rule(b)
        case .binary(.or, let a, let b): return "(" + rule(a) + " or " + rule(b) + ")"
        case .binary(let op, let a, let b) where op.isComparison:
            if Self.isAnswer(a) { return bound(op, counted: false) + " " + amount(b) }
            if case .call(let f, let args) = a.kind, args.count == 1, Self.isAnswer(args[0]), let unit = ["length": "characters", "count": "chosen"][f] {
                return bound(op, counted: true) + " " + amount(b) + " " + unit
            }
            return describe(e)
        case .call("matches", let args) where args.count == 2 && Self.isAnswer(args[0]):
            return "matches the pattern `\(amount(args[1]).trimmingCharacters(in: ["\""]))`"
        default:
            return describe(e)
        }
    }

    public func calculation(_ e: Expr) -> String {
        switch e.kind {
        case .number(let n): return NumberText.canonical(n)
        case .reference: return name(e)
        case .binary(let op, let a, let b) where op.isArithmetic:
            let words: [BinaryOperator: String] = [.plus: "plus", .minus: "minus", .times: "times", .divide: "divided by"]
            return operand(a) + " " + (words[op] ?? op.rawValue) + " " + operand(b)
        case .call("round", let args) where args.count == 2:
            if case .number(let n) = args[1].kind {
                return operand(args[0]) + ", rounded to " + (n == 1 ? "1 decimal" : "\(NumberText.canonical(n)) decimals")
            }
            return Printer.print(e)
        case .call("if", let args) where args.count == 3:
            return calculation(args[1]) + " if " + describe(args[0]) + ", otherwise " + calculation(args[2])
        case .call(let f, let args) where Self.aggregates[f] != nil && !args.isEmpty:
            let items = args.count == 1 ? [calculation(args[0])] : args.map(calculation)
            return (Self.aggregates[f] ?? f) + " " + Self.list(items)
        case .list(let items): return Self.list(items.map(calculation))
        default:
            return e.kind.isCondition ? describe(e) : Printer.print(e)
        }
    }

    private func operand(_ e: Expr) -> String {
        if case .binary(let op, _, _) = e.kind, op.isArithmetic { return "(" + calculation(e) + ")" }
        return calculation(e)
    }

    private static let aggregates = [
        "sum": "the sum of", "mean": "the mean of", "min": "the smallest of", "max": "the largest of",
        "count": "the number of choices in", "count_answered": "the number answered of", "coalesce": "the first answered of",
    ]

    private static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }

    private static func isAnswer(_ e: Expr) -> Bool {
        if case .reference(let r) = e.kind { return r.id == nil }
        return false
    }

    private func bound(_ op: BinaryOperator, counted: Bool) -> String {
        switch op {
        case .greaterOrEqual: "at least"
        case .lessOrEqual: "at most"
        case .greater: "more than"
        case .less: counted ? "fewer than" : "less than"
        case .notEqual: "anything but"
        default: "exactly"
        }
    }

    private func amount(_ e: Expr) -> String {
        switch e.kind {
        case .number(let n): return NumberText.canonical(n)
        case .call("today", let args) where args.isEmpty: return "today"
        case .reference: return name(e)
        default: return Printer.print(e)
        }
    }
}

private extension ExprKind {
    var isCondition: Bool {
        switch self {
        case .binary(let op, _, _): !op.isArithmetic
        case .not, .bool: true
        case .call("answered", _): true
        default: false
        }
    }
}
