/// The functions of the expression language and the arguments each takes.
enum Functions {
    static let names = ["answered", "count", "sum", "min", "max", "round", "length", "today", "years_since"]

    static func check(_ name: String, _ args: [Expr], at span: SourceSpan, checker: inout TypeChecker) -> ValueType {
        func wrong(_ message: String, hint: String? = nil) -> ValueType {
            checker.report(.wrongArguments, message, hint: hint, at: span)
            return .unknown
        }
        func count(_ n: ClosedRange<Int>, _ usage: String) -> Bool {
            if n.contains(args.count) { return true }
            let given = args.count == 1 ? "1 argument" : "\(args.count) arguments"
            let wanted = n.lowerBound == n.upperBound ? "\(n.lowerBound)" : "\(n.lowerBound) or more"
            checker.report(.wrongArguments, "\(name)() takes \(wanted == "1" ? "1 argument" : wanted + " arguments") but was given \(given)",
                           hint: "write \(usage)", at: span)
            return false
        }
        let types = args.map { checker.inferArgument($0) }
        if types.contains(.unknown) { return resultType(name) }
        switch name {
        case "answered":
            guard count(1...1, "answered(question_id)") else { return .bool }
            guard case .reference = args[0].kind else { return wrong("answered() takes a question id, such as answered(age)") }
            return .bool
        case "count":
            guard count(1...1, "count(question_id)") else { return .anyNumber }
            switch types[0] {
            case .choices, .ranking, .matrix: return .anyNumber
            default:
                return wrong("count() counts the choices of a multiple-choice question, a ranking or a matrix, but this is \(types[0].description)",
                             hint: "to test whether a question was answered, use answered(...)")
            }
        case "sum", "min", "max":
            guard count(1...Int.max, "\(name)(a, b, ...)") else { return .anyNumber }
            for (t, e) in zip(types, args) where !t.isNumeric {
                checker.report(.wrongArguments, "\(name)() works on numbers and scale answers, but this is \(t.description)", at: e.span)
            }
            return .anyNumber
        case "round":
            guard count(1...2, "round(x) or round(x, decimals)") else { return .anyNumber }
            if !types[0].isNumeric { return wrong("round() needs a number, but this is \(types[0].description)") }
            if args.count == 2 {
                guard case .number(let d) = args[1].kind, d >= 0, d <= 10, d == d.rounded() else {
                    return wrong("the second argument of round() is the number of decimals, a whole number from 0 to 10")
                }
            }
            return .anyNumber
        case "length":
            guard count(1...1, "length(text_question)") else { return .anyNumber }
            if types[0] != .text { return wrong("length() counts the characters of a text, but this is \(types[0].description)") }
            return .anyNumber
        case "today":
            guard count(0...0, "today()") else { return .date }
            return .date
        case "years_since":
            guard count(1...1, "years_since(date_question)") else { return .anyNumber }
            if types[0] != .date { return wrong("years_since() needs a date, but this is \(types[0].description)") }
            return .anyNumber
        default:
            checker.report(.unknownFunction, "there is no function '\(name)'",
                           hint: Suggest.closest(to: name, in: names).map { "did you mean '\($0)'?" }
                               ?? "the functions are: " + names.joined(separator: ", "), at: span)
            return .unknown
        }
    }

    private static func resultType(_ name: String) -> ValueType {
        switch name {
        case "answered": .bool
        case "today": .date
        case "count", "sum", "min", "max", "round", "length", "years_since": .anyNumber
        default: .unknown
        }
    }
}
