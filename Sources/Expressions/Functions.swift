/// The functions of the expression language and the arguments each takes.
enum Functions {
    static let names = ["answered", "count", "count_answered", "sum", "mean", "prorated_sum", "prorated_mean", "min", "max",
                        "round", "length", "today", "years_since", "if", "coalesce", "lookup", "matches"]

    /// Functions over items: each argument is a number or scale answer, a matrix (its rows), or a list of those.
    static let overItems: Set<String> = ["sum", "mean", "min", "max", "count_answered", "prorated_sum", "prorated_mean"]

    /// Functions that may take a repeated question whole, over its instances.
    static let overInstances: Set<String> = ["sum", "mean", "min", "max", "count", "count_answered"]

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
        let types = args.map { overInstances.contains(name) ? checker.inferItems($0) : checker.inferArgument($0) }
        if types.contains(.unknown) { return resultType(name, types) }
        switch name {
        case "answered":
            guard count(1...1, "answered(question_id)") else { return .bool }
            guard case .reference = args[0].kind else { return wrong("answered() takes a question id, such as answered(age)") }
            return .bool
        case "count":
            guard count(1...1, "count(question_id)") else { return .anyNumber }
            // A repeated question named outside its repeat: the instances in which it was answered.
            if case .list = types[0], case .reference = args[0].kind { return .anyNumber }
            switch types[0] {
            case .choices, .ranking, .matrix: return .anyNumber
            default:
                return wrong("count() counts the choices of a multiple-choice question, a ranking or a matrix, but this is \(types[0].description)",
                             hint: "to test whether a question was answered, use answered(...)")
            }
        case "sum", "mean", "min", "max", "count_answered":
            guard count(1...Int.max, "\(name)(a, b, ...)") else { return .anyNumber }
            checkItems(name, args, types, checker: &checker)
            return .anyNumber
        case "prorated_sum", "prorated_mean":
            guard count(2...Int.max, "\(name)(7, items)") else { return .anyNumber }
            checkItems(name, Array(args.dropFirst()), Array(types.dropFirst()), checker: &checker)
            guard case .number(let least) = args[0].kind, least >= 1, least == least.rounded() else {
                return wrong("the first argument of \(name)() is how many items must be answered, a whole number such as 7",
                             hint: "write \(name)(7, items)")
            }
            let items = zip(args.dropFirst(), types.dropFirst()).map { itemCount($0, $1) }.reduce(0, +)
            if least > Double(items) {
                return wrong("\(name)() needs at least \(Printer.number(least)) answered items, but it is given only \(items)",
                             hint: "the first argument is how many of the items must be answered, from 1 to \(items)")
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
        case "if":
            guard count(3...3, "if(condition, value_if_true, value_if_false)") else { return .unknown }
            if types[0] != .bool {
                checker.report(.typeMismatch, "the first argument of if() is a condition, but this is \(types[0].description)",
                               hint: "compare it with something, such as: \(Printer.print(args[0])) == 1", at: args[0].span)
            }
            guard let result = common(types[1], types[2]) else {
                return wrong("if() must give the same kind of value either way, but this gives \(types[1].description) or \(types[2].description)")
            }
            return result
        case "coalesce":
            guard count(2...Int.max, "coalesce(a, b, ...)") else { return .unknown }
            var result = types[0]
            for t in types.dropFirst() {
                guard let next = common(result, t) else {
                    return wrong("coalesce() must choose between values of one kind, but this gives \(result.description) or \(t.description)")
                }
                result = next
            }
            return result
        case "lookup":
            return lookup(args, types, at: span, checker: &checker)
        case "matches":
            guard count(2...2, "matches(text_question, 'pattern')") else { return .bool }
            if types[0] != .text { return wrong("matches() tests a text, but this is \(types[0].description)") }
            guard case .string = args[1].kind else {
                return wrong("the pattern of matches() must be written in quotes", hint: "write matches(\(Printer.print(args[0])), '^[0-9]+$')")
            }
            return .bool
        default:
            checker.report(.unknownFunction, "there is no function '\(name)'",
                           hint: Suggest.closest(to: name, in: names).map { "did you mean '\($0)'?" }
                               ?? "the functions are: " + names.joined(separator: ", "), at: span)
            return .unknown
        }
    }

    /// Checks the items of `sum`, `mean` and the like: numbers, scale answers, matrices and lists of them.
    private static func checkItems(_ name: String, _ args: [Expr], _ types: [ValueType], checker: inout TypeChecker) {
        for (t, e) in zip(types, args) {
            switch t {
            case .matrix: continue
            case .list(let item?) where item.isNumeric: continue
            case let t where t.isNumeric: continue
            default:
                let hint: String?
                if case .choices = t { hint = "to count the choices picked, use count(\(Printer.print(e)))" } else { hint = nil }
                checker.report(.wrongArguments, "\(name)() works on numbers, scale answers and matrices, but this is \(t.description)", hint: hint, at: e.span)
            }
        }
    }

    /// How many items an argument of `sum` and the like stands for: a matrix's rows, a list's items, or one.
    static func itemCount(_ e: Expr, _ t: ValueType) -> Int {
        if case .list(let items) = e.kind { return items.count }
        if case .matrix(let rows, _) = t { return rows.count }
        return 1
    }

    /// The type of a value that is one of two, when both are of one kind.
    private static func common(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        if a.isNumeric && b.isNumeric { return .anyNumber }
        switch (a, b) {
        case (.date, .text), (.text, .date): return .date
        case (.time, .text), (.text, .time): return .time
        case (.datetime, .text), (.text, .datetime): return .datetime
        default: return nil
        }
    }

    /// `lookup(x, [value, result], ...)`: a conversion table written as pairs, so each row of a
    /// published table reads as it is printed and a YAML plain scalar needs no quotes (a `{7: 7.00}`
    /// map would: YAML reads ': ' as the start of a key).
    private static func lookup(_ args: [Expr], _ types: [ValueType], at span: SourceSpan, checker: inout TypeChecker) -> ValueType {
        guard args.count >= 2 else {
            checker.report(.wrongArguments, "lookup() takes a value and at least one pair [value, result]",
                           hint: "write lookup(total, [7, 7.00], [8, 9.51], ...)", at: span)
            return .unknown
        }
        if !types[0].isNumeric {
            checker.report(.wrongArguments, "lookup() looks up a number or a choice's code, but this is \(types[0].description)", at: args[0].span)
        }
        var keys: Set<Double> = []
        var texts = 0, numbers = 0
        for pair in args.dropFirst() {
            guard case .list(let items) = pair.kind, items.count == 2, case .number(let key) = items[0].kind else {
                checker.report(.wrongArguments, "each entry of lookup() is a pair in brackets: [value, result]",
                               hint: "write lookup(total, [7, 7.00], [8, 9.51], ...)", at: pair.span)
                continue
            }
            if !keys.insert(key).inserted {
                checker.report(.wrongArguments, "lookup() has the value \(Printer.number(key)) twice", at: items[0].span)
            }
            switch items[1].kind {
            case .number: numbers += 1
            case .string: texts += 1
            default:
                checker.report(.wrongArguments, "the result in a pair of lookup() is a number or a text in quotes", at: items[1].span)
            }
        }
        if texts > 0 && numbers > 0 {
            checker.report(.wrongArguments, "the results of lookup() must all be numbers or all texts", at: span)
            return .unknown
        }
        return texts > 0 ? .text : .anyNumber
    }

    private static func resultType(_ name: String, _ types: [ValueType]) -> ValueType {
        switch name {
        case "answered", "matches": .bool
        case "today": .date
        case "count", "sum", "mean", "min", "max", "round", "length", "years_since", "count_answered", "prorated_sum", "prorated_mean": .anyNumber
        default: .unknown
        }
    }
}
