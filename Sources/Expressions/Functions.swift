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

/// Calendar dates as days since 1970-01-01, with no clock and no time zone.
public enum DateValue {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` (the first of the month) or `YYYY` (the first of January).
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let year = Int(parts[0]) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : 1
        let day = parts.count > 2 ? Int(parts[2]) : 1
        guard let month, let day, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return days(year: year, month: month, day: day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of a day count.
    public static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func format(_ days: Int) -> String {
        let (y, m, d) = civil(days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
