import Foundation
import Expressions
import InstrumentModel

/// `valid_if` rules and calculations in words, as conditions already are: a reader of the preview
/// sees "at least 5 characters" and "*Age?* plus 1" rather than the code.
extension PlainWords {
    /// The rule at `place` (a `valid_if` or a `warn_if`, where `.` is the answer) in words; nil
    /// when there is none.
    public func describeRule(at place: InstrumentExpressions.Place) -> String? {
        if let e = expressions[place] {
            let id: String?
            switch place {
            case .validIf(let q), .warnIf(let q): id = q
            default: id = nil
            }
            guard let q = id.flatMap({ questions[$0] }), let moment = Moment(q) else { return rule(e) }
            return rule(e, moment: moment)
        }
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

    /// A rule on a date, a time or a datetime, worded as the preview words their limits ("a time
    /// from 09:00 to 17:00", "any date but 2024-05-01"): a number's words ('at least "09:00"')
    /// would show the quotes and read a clock time as an amount. `named`: whether the kind of
    /// answer is still to be said; after "and" it has been ("a date of at least 2024-01-01 and
    /// before today").
    func rule(_ e: Expr, moment: Moment, named: Bool = true) -> String {
        switch e.kind {
        case .binary(.and, let a, let b):
            if let (low, high) = inclusiveBounds(a, b) { return "\(moment.noun) from \(when(low)) to \(when(high))" }
            return rule(a, moment: moment, named: named) + " and " + rule(b, moment: moment, named: false)
        case .binary(.or, let a, let b):
            return "(" + rule(a, moment: moment) + " or " + rule(b, moment: moment) + ")"
        default:
            guard let (op, other) = Self.answerComparison(e) else { return rule(e) }
            let value = when(other)
            switch op {
            case .notEqual: return (named ? "any \(moment.bare) but " : "not ") + value
            case .equal: return "exactly " + value
            default:
                let words: [BinaryOperator: String] = [.greaterOrEqual: "at least", .lessOrEqual: "at most", .greater: "after", .less: "before"]
                let said = (words[op] ?? op.rawValue) + " " + value
                guard named else { return said }
                // "of at least", as the limits say it: "a time of day ... of at least 06:00".
                return moment.noun + (op == .greaterOrEqual || op == .lessOrEqual ? " of " : " ") + said
            }
        }
    }

    /// `. >= low and . <= high`, in either order: the range the limits call "from low to high".
    private func inclusiveBounds(_ a: Expr, _ b: Expr) -> (Expr, Expr)? {
        switch (Self.answerComparison(a), Self.answerComparison(b)) {
        case let ((.greaterOrEqual, low)?, (.lessOrEqual, high)?), let ((.lessOrEqual, high)?, (.greaterOrEqual, low)?): return (low, high)
        default: return nil
        }
    }

    /// A comparison of the answer with something else, turned so that the answer is on the left
    /// (`"06:00" < .` is `. > "06:00"`); nil for anything else.
    private static func answerComparison(_ e: Expr) -> (BinaryOperator, Expr)? {
        guard case .binary(let op, let a, let b) = e.kind, op.isComparison else { return nil }
        if isAnswer(a) { return (op, b) }
        let mirrored: [BinaryOperator: BinaryOperator] = [.less: .greater, .greater: .less, .lessOrEqual: .greaterOrEqual,
                                                          .greaterOrEqual: .lessOrEqual, .equal: .equal, .notEqual: .notEqual]
        if isAnswer(b), let flipped = mirrored[op] { return (flipped, a) }
        return nil
    }

    /// A date or time as the limits show it: without quotes, a datetime with a space for its `T`.
    private func when(_ e: Expr) -> String {
        if case .string(let s) = e.kind { return DateTimeValue.readable(s) }
        return amount(e)
    }

    /// The kind of answer a date, time or datetime rule is about, as the preview names it.
    struct Moment {
        /// With its article: "a date and time".
        let noun: String
        /// Without: "date and time", for "any date and time but ...".
        let bare: String

        init?(_ q: Question) {
            switch q.type {
            case .time: bare = "time"
            case .datetime: bare = "date and time"
            case .date:
                switch q.precision ?? .day {
                case .day: bare = "date"
                case .month: bare = "month"
                case .year: bare = "year"
                }
            default: return nil
            }
            noun = "a " + bare
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
