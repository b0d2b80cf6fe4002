import Expressions
import Foundation
import InstrumentModel
import SessionEngine

/// What a column holds, so each reader's value can be compared in that reader's terms.
enum ColumnType: Equatable {
    case code(labels: [Int: String])
    case flag
    case rank
    case number
    case text
    case date(Precision)
    /// "HH:MM", and "YYYY-MM-DDTHH:MM" (local, no zone).
    case time, datetime
    case bool
    /// `<question>_skipped` beside a free text in the statistical CSV: 1 skipped, 0 answered, empty not asked.
    case skippedFlag
}

/// The intended cell, with why it is missing when it is.
enum Intended: Equatable {
    case notAsked
    case skipped(String)
    /// A missing choice ("Prefer not to say"), by its code and label.
    case missingChoice(Int, String)
    /// An instance of a repeat the response does not have: its code (empty in a text or a date)
    /// and why ("Not asked: Swimming not chosen", "Not asked: fewer than 3").
    case absent(String, String)
    case value(String)

    var reason: String? {
        switch self {
        case .notAsked: return "Not asked"
        case .skipped: return "Skipped"
        case .missingChoice(_, let label), .absent(_, let label): return label
        case .value: return nil
        }
    }
}

struct Column {
    var name: String
    var question: String
    var type: ColumnType
    /// Every value an answer can give, for the skip code: codes, or a number's bounds.
    var codes: Set<Int> = []
    var bounds: (Double, Double)?
    var versions: [String] = []
    var missing: [Int: String] = [:]
    var skipCode = "-99"
    /// Only in the statistical CSV (spss, stata, r, datapackage), not in the spreadsheet's.
    var statisticalOnly = false
    /// For a question of a repeated section: the instance's key, and why a response without it is missing.
    var instance: Int?
    var absentLabel = ""
    var absentCode = "-999"
}

/// The oracle: the intended export, from the generator's spec and the engine's session state,
/// by the rules the README ("Exporting for analysis") and docs/reference.md state, written here
/// apart from the exporters so that a rule both got wrong the same way is unlikely.
struct Oracle {
    var columns: [Column] = []
    var specs: [String: InstrumentSpec] = [:]

    static func versionSuffix(_ v: String) -> String {
        "_v" + String(v.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// The columns of one question, in order, with the name each version gives them.
    static func columns(of q: QuestionSpec, version: String, recodedFrom first: String?) -> [Column] {
        let base = q.id + (q.id == "recoded" && version != first ? versionSuffix("2.0.0") : "")
        func code(_ c: Int) -> String { c < 0 ? "m\(c.magnitude)" : "\(c)" }
        let labels = Dictionary(q.allChoices.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        let missing = Dictionary(q.allChoices.filter(\.missing).map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        let all = Set(q.allChoices.map(\.code))
        var out: [Column] = []
        switch q.kind {
        case .single, .scale, .hiddenChoice:
            out.append(Column(name: base, question: q.id, type: .code(labels: labels), codes: all, missing: missing))
        case .multiple:
            for c in q.allChoices {
                out.append(Column(name: base + "_" + code(c.code), question: q.id, type: .flag,
                                  codes: Set([0, 1]).union(missing.keys), missing: missing))
            }
        case .matrix:
            for r in q.rows { out.append(Column(name: base + "_" + r, question: q.id, type: .code(labels: labels), codes: all, missing: missing)) }
        case .ranking:
            for c in q.allChoices { out.append(Column(name: base + "_" + code(c.code), question: q.id, type: .rank, codes: Set(0...q.allChoices.count))) }
        case .number, .hiddenNumber:
            out.append(Column(name: base, question: q.id, type: .number, bounds: (q.min ?? -1e15, q.max ?? 1e15)))
        case .text, .longText:
            out.append(Column(name: base, question: q.id, type: .text))
            // The statistical CSV has exact text, so a skip cannot be a text: the column beside says which.
            out.append(Column(name: base + "_skipped", question: q.id, type: .skippedFlag, statisticalOnly: true))
        case .date: out.append(Column(name: base, question: q.id, type: .date(q.precision)))
        case .time: out.append(Column(name: base, question: q.id, type: .time))
        case .datetime: out.append(Column(name: base, question: q.id, type: .datetime))
        // A calculation may come to any number, so its codes lie past every value (as a number's with no limits).
        case .calcNumber: out.append(Column(name: base, question: q.id, type: .number, bounds: (-1e15, 1e15)))
        case .calcBool: out.append(Column(name: base, question: q.id, type: .bool))
        case .calcText: out.append(Column(name: base, question: q.id, type: .text))
        case .calcDate: out.append(Column(name: base, question: q.id, type: .date(.day)))
        case .calcTime: out.append(Column(name: base, question: q.id, type: .time))
        case .calcDatetime: out.append(Column(name: base, question: q.id, type: .datetime))
        }
        if q.other != nil, q.kind == .single || q.kind == .multiple {
            out.append(Column(name: base + "_other", question: q.id, type: .text))
        }
        return out
    }

    /// Every column of a version, in the instrument's order: the main section's, then each
    /// repeat's instance by instance (`r1_1_number_2`, `r1_2_text_2`, then the next instance).
    static func columns(of spec: InstrumentSpec, recodedFrom first: String?) -> [Column] {
        var out = spec.questions.flatMap { columns(of: $0, version: spec.version, recodedFrom: first) }
        // Repeated sections in order, then the last section: its block first, then its questions.
        for r in spec.repeats.filter({ !$0.block }) + spec.repeats.filter(\.block) {
            for (key, label) in spec.possibleKeys(r) {
                for q in r.questions {
                    var named = q
                    named.id = q.id + "_" + (key < 0 ? "m\(key.magnitude)" : "\(key)")
                    for var c in columns(of: named, version: spec.version, recodedFrom: first) {
                        c.question = q.id
                        c.instance = key
                        if case .forEach = r.rule { c.absentLabel = "Not asked: \(label) not chosen" } else { c.absentLabel = "Not asked: fewer than \(key)" }
                        out.append(c)
                    }
                }
            }
        }
        return out + spec.tail.flatMap { columns(of: $0, version: spec.version, recodedFrom: first) }
    }

    init(_ versions: [InstrumentSpec]) {
        var index: [String: Int] = [:]
        let first = versions.first?.version
        for spec in versions {
            specs[spec.version] = spec
            do {
                for c in Self.columns(of: spec, recodedFrom: first) {
                    if let i = index[c.name] {
                        columns[i].versions.append(spec.version)
                        columns[i].codes.formUnion(c.codes)
                        if case .code(let more) = c.type, case .code(let had) = columns[i].type {
                            columns[i].type = .code(labels: had.merging(more) { a, _ in a })
                        }
                        columns[i].missing.merge(c.missing) { a, _ in a }
                        continue
                    }
                    var added = c
                    added.versions = [spec.version]
                    index[c.name] = columns.count
                    columns.append(added)
                }
            }
        }
        for i in columns.indices {
            columns[i].skipCode = Self.skipCode(columns[i])
            columns[i].absentCode = Self.absentCode(columns[i])
        }
    }

    /// The code of "no such instance": the first candidate for the skip code that is neither an
    /// answer nor the skip code itself; texts and dates have none (empty).
    static func absentCode(_ c: Column) -> String {
        switch c.type {
        case .text, .date, .time, .datetime, .bool: return ""
        case .skippedFlag: return "2"
        default: break
        }
        // Past ±10^15 (a number with no bounds) the skip is the first code beyond, "no such instance" the next.
        if c.skipCode == "-1000000000000001" { return "-1000000000000002" }
        var with = c
        with.codes.insert(Int(c.skipCode) ?? 0)
        if let (lo, hi) = c.bounds, let k = Double(c.skipCode) { with.bounds = (Swift.min(lo, k), Swift.max(hi, k)) }
        return skipCode(with)
    }

    /// `-99` unless an answer could be `-99`; then `-999`, `-9999`, ..., then `99`, `999`, ...;
    /// past ±10^15 nothing can be an answer.
    static func skipCode(_ c: Column) -> String {
        switch c.type {
        case .text, .date, .time, .datetime, .bool, .skippedFlag: return "-99"
        default: break
        }
        var candidates: [Int] = []
        var n = 99
        while n < 1_000_000_000_000_000 { candidates.append(-n); n = n * 10 + 9 }
        n = 99
        while n < 1_000_000_000_000_000 { candidates.append(n); n = n * 10 + 9 }
        for k in candidates {
            if let (lo, hi) = c.bounds { if Double(k) < lo || Double(k) > hi { return String(k) } else { continue } }
            if !c.codes.contains(k) { return String(k) }
        }
        return "-1000000000000001"
    }

    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    /// The intended cell of `column` for a session.
    func cell(_ c: Column, _ s: Session, version: String) -> Intended {
        guard c.versions.contains(version), let spec = specs[version], let q = spec.question(c.question) else { return .notAsked }
        // A question of a repeat: its answers in the instance are under the engine's slot (`q#key`).
        var id = q.id
        if let key = c.instance, let r = spec.repeatOf(q.id) {
            switch Self.present(key, of: r, in: s, spec: spec) {
            // An instance the answers make, in a repeat whose condition does not hold, is not asked
            // (one they do not make is missing for that reason, shown or not).
            case true? where !Self.shown(r, in: s): return .notAsked
            case true?: id = "\(q.id)#\(key)"
            // The flag beside a text says 2, a value; an "Other" text is asked only when "Other" is
            // chosen, so it is not asked (no column says which instance was not there).
            case false?: return c.type == .skippedFlag ? .value("2") : c.name.hasSuffix("_other") && c.type == .text ? .notAsked
                : .absent(c.absentCode, c.absentLabel)
            case nil: return .notAsked
            }
        }
        if let a = q.arithmetic {
            return Self.work(a, instance: c.instance, in: s, spec: spec).map { .value(Self.number($0)) } ?? .notAsked
        }
        if q.isCalculation {
            switch s.calculated[id] ?? .empty {
            case .number(let d): return .value(Self.number(d))
            case .bool(let b): return .value(b ? "1" : "0")
            case .text(let t): return .value(t)
            case .date(let days): return .value(DateValue.format(days))
            case .time(let minutes): return .value(ClockTime.format(minutes))
            case .datetime(let minutes): return .value(DateTimeValue.format(minutes))
            default: return .notAsked
            }
        }
        if c.type == .skippedFlag {
            if s.answers[id] != nil { return .value("0") }
            return s.skipped.contains(id) ? .value("1") : .notAsked
        }
        guard let answer = s.answers[id] else {
            // "Other" is asked only when it is chosen (README: no text can mark a skip).
            if c.name.hasSuffix("_other") && c.type == .text { return .notAsked }
            return s.skipped.contains(id) ? .skipped(c.skipCode) : .notAsked
        }
        func code(_ k: Int) -> Intended {
            if let label = q.allChoices.first(where: { $0.code == k && $0.missing })?.label { return .missingChoice(k, label) }
            return .value(String(k))
        }
        if c.name.hasSuffix("_other") && c.type == .text {
            return answer.other.map(Intended.value) ?? .notAsked
        }
        switch answer.value {
        case .choice(let k): return code(k)
        case .choices(let picked):
            let mine = q.allChoices.first { c.name.hasSuffix("_" + ($0.code < 0 ? "m\($0.code.magnitude)" : "\($0.code)")) }?.code
            guard let mine else { return .notAsked }
            if picked.contains(mine) { return .value("1") }
            if let m = q.allChoices.first(where: { $0.missing && picked.contains($0.code) }) { return .missingChoice(m.code, m.label) }
            return .value("0")
        case .rows(let rows):
            let row = q.rows.first { c.name.hasSuffix("_" + $0) }
            guard let row, let k = rows[row] else { return .skipped(c.skipCode) }
            return code(k)
        case .ranking(let order):
            let mine = q.allChoices.first { c.name.hasSuffix("_" + ($0.code < 0 ? "m\($0.code.magnitude)" : "\($0.code)")) }?.code
            return .value(order.firstIndex { $0 == mine }.map { String($0 + 1) } ?? "0")
        case .number(let d): return .value(Self.number(d))
        case .text(let t): return .value(t)
        case .date(let d), .time(let d), .datetime(let d): return .value(d)
        }
    }

    /// Whether a session has an instance, from its answers by the reference's rules: a choice
    /// ticked that is neither exclusive nor missing; a count at least the key (up to the most);
    /// the first, then each after a yes to "another". Nil: not known (the driving question not
    /// reached, or an unfinished `until_done`), so the cells are "not asked".
    static func present(_ key: Int, of r: RepeatSpec, in s: Session, spec: InstrumentSpec) -> Bool? {
        switch r.rule {
        case .forEach(let driver):
            if case .choices(let codes)? = s.answers[driver]?.value {
                let instances = spec.question(driver)?.allChoices.filter { !$0.exclusive && !$0.missing }.map(\.code) ?? []
                return codes.contains(key) && instances.contains(key)
            }
            return s.skipped.contains(driver) ? false : nil
        case .count(let driver, _):
            let most = spec.possibleKeys(r).count
            if case .number(let n)? = s.answers[driver]?.value { return Double(key) <= n && key <= most }
            return s.skipped.contains(driver) ? false : nil
        case .untilDone(let max):
            var n = 1
            while n < max, case .choice(1)? = s.answers["\(r.id)#\(n):another"]?.value { n += 1 }
            if key <= n { return true }
            return s.phase == .finished ? false : nil
        }
    }

    /// Whether a condition on a single choice holds: an unanswered question makes both `==` and
    /// `!=` false (the reference's "Empty answers").
    static func shown(_ r: RepeatSpec, in s: Session) -> Bool { r.condition.map { holds($0, in: s) } ?? true }

    static func holds(_ c: Condition, in s: Session) -> Bool {
        guard case .choice(let k)? = s.answers[c.question]?.value else { return false }
        return (k == c.code) == c.equals
    }

    /// A calculation over a repeat worked out here, from the answers: nil when it is empty (an
    /// instance's number unanswered or hidden; `sum`, `mean`, `min` and `max` of no instances, or
    /// of any empty; the reference: "empty while any instance's answer is").
    static func work(_ a: Arithmetic, instance: Int?, in s: Session, spec: InstrumentSpec) -> Double? {
        func number(_ slot: String) -> Double? {
            if case .number(let n)? = s.answers[slot]?.value { return n }
            return nil
        }
        switch a {
        case .plusOne(let q):
            return instance.flatMap { number("\(q)#\($0)") }.map { $0 + 1 }
        case .sum(let q), .mean(let q), .count(let q), .min(let q), .max(let q):
            guard let r = spec.repeatOf(q) else { return nil }
            // A repeat its condition hides has no instances to work over.
            let keys = shown(r, in: s) ? spec.possibleKeys(r).map(\.key).filter { present($0, of: r, in: s, spec: spec) == true } : []
            let given = keys.map { number("\(q)#\($0)") }
            let numbers = given.compactMap { $0 }
            if case .count = a { return Double(numbers.count) }
            guard !keys.isEmpty, numbers.count == keys.count else { return nil }
            switch a {
            case .sum: return numbers.reduce(0, +)
            case .min: return numbers.min()
            case .max: return numbers.max()
            default: return numbers.reduce(0, +) / Double(numbers.count)
            }
        }
    }
}
