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
    case value(String)

    var reason: String? {
        switch self {
        case .notAsked: return "Not asked"
        case .skipped: return "Skipped"
        case .missingChoice(_, let label): return label
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
        case .calcNumber: out.append(Column(name: base, question: q.id, type: .number))
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

    init(_ versions: [InstrumentSpec]) {
        var index: [String: Int] = [:]
        let first = versions.first?.version
        for spec in versions {
            specs[spec.version] = spec
            for q in spec.questions {
                for c in Self.columns(of: q, version: spec.version, recodedFrom: first) {
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
        for i in columns.indices { columns[i].skipCode = Self.skipCode(columns[i]) }
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
        if q.isCalculation {
            switch s.calculated[q.id] ?? .empty {
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
            if s.answers[q.id] != nil { return .value("0") }
            return s.skipped.contains(q.id) ? .value("1") : .notAsked
        }
        guard let answer = s.answers[q.id] else {
            // "Other" is asked only when it is chosen (README: no text can mark a skip).
            if c.name.hasSuffix("_other") && c.type == .text { return .notAsked }
            return s.skipped.contains(q.id) ? .skipped(c.skipCode) : .notAsked
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
}
