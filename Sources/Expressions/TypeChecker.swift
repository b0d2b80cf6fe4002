/// Checks an expression against the answers it refers to, collecting every problem.
public struct TypeChecker {
    private let lookup: (String) -> Lookup
    private let answer: ValueType?
    private var errors: [ExpressionError] = []
    /// Set while the argument of a function over instances is read: a repeated question is
    /// then the list of its instances' answers.
    private var overInstances = false

    /// - Parameters:
    ///   - lookup: what an id means at this place in the instrument.
    ///   - answer: the type of `.`, in `valid_if`; nil elsewhere.
    public static func check(_ expr: Expr, expecting: ExpressionPurpose, answer: ValueType? = nil,
                             lookup: @escaping (String) -> Lookup) -> (type: ValueType, errors: [ExpressionError]) {
        var checker = TypeChecker(lookup: lookup, answer: answer)
        let type = checker.infer(expr)
        if case .condition = expecting, type != .bool, type != .unknown {
            checker.errors.append(ExpressionError(
                .notACondition, "this gives \(type.description), but a condition must be true or false",
                hint: "compare it with something, such as: \(Printer.print(expr)) == 1", at: expr.span))
        }
        return (type, checker.errors)
    }

    private init(lookup: @escaping (String) -> Lookup, answer: ValueType?) {
        self.lookup = lookup
        self.answer = answer
    }

    private mutating func fail(_ code: ExpressionError.Code, _ message: String, hint: String? = nil, at span: SourceSpan) -> ValueType {
        errors.append(ExpressionError(code, message, hint: hint, at: span))
        return .unknown
    }

    private mutating func infer(_ expr: Expr) -> ValueType {
        switch expr.kind {
        case .number: return .anyNumber
        case .string: return .text
        case .bool: return .bool
        case .reference(let r): return reference(r, at: expr.span)
        case .list(let items):
            let types = items.map { infer($0) }
            let first = types.first
            if types.allSatisfy({ $0 == first }) { return .list(first) }
            // Answers of different scales are still numbers, so `sum([a, b])` adds them.
            return .list(types.allSatisfy(\.isNumeric) ? .anyNumber : nil)
        case .not(let e):
            let t = infer(e)
            if t != .bool && t != .unknown {
                return fail(.typeMismatch, "'not' needs a condition, but this is \(t.description)", at: e.span)
            }
            return .bool
        case .negate(let e):
            let t = infer(e)
            if !t.isNumeric { return fail(.typeMismatch, "'-' needs a number, but this is \(t.description)", at: e.span) }
            return .anyNumber
        case .binary(let op, let a, let b):
            return binary(op, a, b, at: expr.span)
        case .call(let name, let args):
            return Functions.check(name, args, at: expr.span, checker: &self)
        }
    }

    mutating func inferArgument(_ expr: Expr) -> ValueType { infer(expr) }

    /// An argument of `sum`, `mean`, `min`, `max`, `count` or `count_answered`: a repeated
    /// question named directly there stands for its answers in every instance.
    mutating func inferItems(_ expr: Expr) -> ValueType {
        guard case .reference = expr.kind else { return infer(expr) }
        overInstances = true
        defer { overInstances = false }
        return infer(expr)
    }

    mutating func report(_ code: ExpressionError.Code, _ message: String, hint: String? = nil, at span: SourceSpan) {
        errors.append(ExpressionError(code, message, hint: hint, at: span))
    }

    private mutating func reference(_ r: Reference, at span: SourceSpan) -> ValueType {
        guard let id = r.id else {
            guard let answer else {
                return fail(.syntax, "'.' stands for the answer being checked and works only in valid_if",
                            hint: "name the question by its id instead", at: span)
            }
            return answer
        }
        let base: ValueType
        switch lookup(id) {
        case .found(let t): base = t
        case .later(let t):
            errors.append(ExpressionError(
                .forwardReference, "'\(id)' is asked later, so its answer is not known here",
                hint: "a condition can only use answers given before it; move '\(id)' earlier or the condition later",
                at: SourceSpan(span.start, span.start + id.unicodeScalars.count)))
            base = t
        case .itself:
            return fail(.forwardReference, "'\(id)' refers to the question this condition belongs to",
                        hint: "to check the answer itself, use valid_if", at: span)
        case .noAnswer(let what):
            return fail(.typeMismatch, "'\(id)' is \(what) and has no answer to use", at: span)
        case .repeated(let t, let section):
            guard overInstances, r.row == nil else {
                return fail(.instanceReference, "'\(id)' is asked once per instance of \(section), so on its own it does not say which instance",
                            hint: "use a function over the instances, such as sum(\(id)), mean(\(id)) or count(\(id)), or use it inside \(section)",
                            at: SourceSpan(span.start, span.start + id.unicodeScalars.count))
            }
            return .list(t)
        case .unknown(let suggestion):
            return fail(.unknownID, "there is no question with id '\(id)'",
                        hint: suggestion.map { "did you mean '\($0)'?" }, at: SourceSpan(span.start, span.start + id.unicodeScalars.count))
        }
        guard let row = r.row else { return base }
        guard case .matrix(let rows, let options) = base else {
            if base == .unknown { return .unknown }
            return fail(.typeMismatch, "'\(id)' is not a matrix, so it has no row '\(row)'", at: span)
        }
        guard rows.contains(row) else {
            return fail(.unknownID, "the matrix '\(id)' has no row '\(row)'",
                        hint: Suggest.closest(to: row, in: rows).map { "did you mean '\(id).\($0)'?" }
                            ?? "its rows are: \(rows.joined(separator: ", "))", at: span)
        }
        return .choice(options)
    }

    private mutating func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, at span: SourceSpan) -> ValueType {
        let left = infer(a)
        let right = infer(b)
        if left == .unknown || right == .unknown {
            if op.isComparison { hintUnquotedLabel(op, left, a, right, b) }
            return op.isArithmetic ? .unknown : .bool
        }
        switch op {
        case .and, .or:
            for (t, e) in [(left, a), (right, b)] where t != .bool {
                report(.typeMismatch, "'\(op.rawValue)' joins conditions, but this is \(t.description)",
                       hint: "compare it with something, such as: \(Printer.print(e)) == 1", at: e.span)
            }
            return .bool
        case .plus, .minus, .times, .divide:
            for (t, e) in [(left, a), (right, b)] where !t.isNumeric {
                // A true/false is not counted as 1/0: `(a > 1) + (b > 1)` reads as a sum of scores
                // but would quietly add conditions; if() says what each outcome is worth.
                report(.typeMismatch, "'\(op.rawValue)' needs numbers, but this is \(t.description)",
                       hint: t == .bool ? "to count a condition as 1 or 0, write if(condition, 1, 0)" : nil, at: e.span)
            }
            return .anyNumber
        case .in:
            return membership(left, a, right, b)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            hintUnquotedLabel(op, left, a, right, b)
            compare(op, left, a, right, b, at: span)
            return .bool
        }
    }

    private mutating func membership(_ left: ValueType, _ a: Expr, _ right: ValueType, _ b: Expr) -> ValueType {
        switch right {
        case .choices(let options), .ranking(let options):
            checkChoiceLiteral(a, options: options, question: b)
            if !(left.isNumeric || left == .text) {
                report(.typeMismatch, "'in' looks for one choice, but this is \(left.description)", at: a.span)
            }
        case .list:
            guard case .list(let items) = b.kind else { break }
            for item in items {
                if let options = left.options, case .choice = left {
                    checkChoiceLiteral(item, options: options, question: a)
                } else {
                    let t = infer(item)
                    if !comparable(left, t) {
                        report(.typeMismatch, "this compares \(left.description) with \(t.description)", at: item.span)
                    }
                }
            }
        default:
            report(.typeMismatch, "'in' needs a multiple-choice question or a list on its right, but this is \(right.description)",
                   hint: "to test one answer, use '==': \(Printer.print(a)) == \(Printer.print(b))", at: b.span)
        }
        return .bool
    }

    private func comparable(_ x: ValueType, _ y: ValueType) -> Bool {
        switch (x, y) {
        case (.text, .text), (.bool, .bool), (.date, .date), (.date, .text), (.text, .date): true
        case (.time, .time), (.time, .text), (.text, .time): true
        // A datetime compared with a date (`today()`, "2024-05-01") is compared by its day.
        case (.datetime, .datetime), (.datetime, .text), (.text, .datetime), (.datetime, .date), (.date, .datetime): true
        case (.choice, .text), (.text, .choice): true
        default: x.isNumeric && y.isNumeric
        }
    }

    private mutating func compare(_ op: BinaryOperator, _ left: ValueType, _ a: Expr, _ right: ValueType, _ b: Expr, at span: SourceSpan) {
        for (t, other) in [(left, b), (right, a)] {
            if case .choices = t {
                report(.typeMismatch, "a multiple-choice answer is a set of choices and cannot be compared with '\(op.rawValue)'",
                       hint: "to test for one choice, write: \(Printer.print(other)) in \(Printer.print(other == b ? a : b))", at: span)
                return
            }
            if case .ranking = t {
                report(.typeMismatch, "a ranking cannot be compared with '\(op.rawValue)'", hint: "use count(...) or answered(...)", at: span)
                return
            }
            if case .matrix = t {
                report(.typeMismatch, "a matrix has one answer per row", hint: "name a row, such as question.row", at: span)
                return
            }
        }
        if case .choice(let options) = left { checkChoiceLiteral(b, options: options, question: a, ordering: op.isOrdering) }
        if case .choice(let options) = right { checkChoiceLiteral(a, options: options, question: b, ordering: op.isOrdering) }
        if !comparable(left, right) {
            let hint = (left == .time || right == .time) && (left.isNumeric || right.isNumeric) ? "a time needs quotes, such as \"06:00\""
                : left == .text || right == .text ? "a number is written without quotes; text needs quotes"
                : left == .date && right.isNumeric ? unquotedDate(op, a, b, dateOnLeft: true)
                : right == .date && left.isNumeric ? unquotedDate(op, a, b, dateOnLeft: false) : nil
            report(.typeMismatch, "this compares \(left.description) with \(right.description)", hint: hint, at: span)
            return
        }
        if op.isOrdering {
            if left == .text && right == .text || left == .bool || right == .bool {
                report(.typeMismatch, "'\(op.rawValue)' orders numbers, choices, dates and times, not \(left.description)", at: span)
            }
        }
        if left == .time || right == .time {
            for (t, e) in [(left, a), (right, b)] where t == .text {
                if case .string(let s) = e.kind, ClockTime.parse(s) == nil {
                    report(.typeMismatch, "\"\(s)\" is not a time", hint: "write times as \"HH:MM\" on a 24-hour clock, such as \"06:00\"", at: e.span)
                }
            }
        } else if left == .datetime || right == .datetime {
            for (t, e) in [(left, a), (right, b)] where t == .text {
                if case .string(let s) = e.kind, DateTimeValue.parse(s) == nil, DateValue.parse(s) == nil {
                    report(.typeMismatch, "\"\(s)\" is not a date and time",
                           hint: "write them as \"YYYY-MM-DDTHH:MM\", such as \"2024-05-01T09:00\", or a date alone", at: e.span)
                }
            }
        } else if left == .date || right == .date {
            for (t, e) in [(left, a), (right, b)] where t == .text {
                if case .string(let s) = e.kind, DateValue.parse(s) == nil {
                    report(.typeMismatch, "\"\(s)\" is not a date", hint: "write dates as \"YYYY-MM-DD\"", at: e.span)
                }
            }
        }
    }

    /// A literal compared with a choice question must be one of its labels or codes.
    private mutating func checkChoiceLiteral(_ literal: Expr, options: [ChoiceOption], question: Expr, ordering: Bool = false) {
        let printed = Printer.print(question)
        let name = printed == "." ? "this question" : "'\(printed)'"
        switch literal.kind {
        case .string(let label):
            if !options.contains(where: { $0.labels.contains(label) }) {
                let labels = options.flatMap(\.labels)
                report(.unknownChoice, "\(name) has no choice labelled \"\(label)\"",
                       hint: Suggest.closest(to: label, in: labels).map { "did you mean \"\($0)\"?" }
                           ?? "its choices are: " + options.map { "\($0.code) \"\($0.labels.first ?? "")\"" }.joined(separator: ", "),
                       at: literal.span)
            }
        case .number(let code) where !ordering:
            if !options.contains(where: { Double($0.code) == code }) {
                report(.unknownChoice, "\(name) has no choice with code \(Printer.number(code))",
                       hint: "its codes are: " + options.map { String($0.code) }.joined(separator: ", "), at: literal.span)
            }
        default:
            break
        }
    }
}

extension TypeChecker {
    /// `gender == Woman`: an id no question has, compared with a choice question, is a label
    /// written without quotes; the unknown-id error says so, with the condition as it should read.
    fileprivate mutating func hintUnquotedLabel(_ op: BinaryOperator, _ left: ValueType, _ a: Expr, _ right: ValueType, _ b: Expr) {
        // It only adds a hint to an error already reported: with none, there is nothing to do
        // (and the list below is not built for every comparison).
        guard !errors.isEmpty else { return }
        for (type, word, wordOnRight) in [(left, b, true), (right, a, false)] {
            guard case .choice = type, case .reference(let r) = word.kind, r.row == nil, let id = r.id,
                  let index = errors.lastIndex(where: { $0.code == .unknownID && $0.span.start == word.span.start }) else { continue }
            let label = Expr(.string(id), word.span)
            let fixed = wordOnRight ? Expr(.binary(op, a, label), a.span) : Expr(.binary(op, label, b), a.span)
            errors[index].hint = "a label needs quotes: " + Printer.print(fixed)
        }
    }

    /// `joined > 2024-01-01` reads as a subtraction; the hint writes the date in quotes.
    fileprivate func unquotedDate(_ op: BinaryOperator, _ a: Expr, _ b: Expr, dateOnLeft: Bool) -> String {
        let number = dateOnLeft ? b : a
        guard case .binary(.minus, let ym, let dayExpr) = number.kind, case .binary(.minus, let yearExpr, let monthExpr) = ym.kind,
              case .number(let y) = yearExpr.kind, case .number(let m) = monthExpr.kind, case .number(let d) = dayExpr.kind,
              (1000...9999).contains(y), (1...12).contains(m), (1...31).contains(d) else {
            return "a date needs quotes, such as \"2024-01-31\""
        }
        func digits(_ v: Double, _ width: Int) -> String {
            let text = String(Int(v))
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let date = Expr(.string("\(digits(y, 4))-\(digits(m, 2))-\(digits(d, 2))"), number.span)
        let fixed = dateOnLeft ? Expr(.binary(op, a, date), a.span) : Expr(.binary(op, date, b), a.span)
        return "a date needs quotes: " + Printer.print(fixed)
    }
}
