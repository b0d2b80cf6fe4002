import Foundation

/// One cell where a reader read something other than what was meant.
struct Difference: CustomStringConvertible {
    var reader: String
    var seed: UInt64
    var instrument: String
    var version: String
    var session: UInt64
    var behaviour: Behaviour
    var column: String
    var type: ColumnType
    var intended: Intended
    var read: ReadCell?

    var description: String {
        "seed \(seed) instrument \(instrument) v\(version) session \(session) (\(behaviour.rawValue)) \(reader) column \(column): intended \(intended), read \(read.map(\.description) ?? "no such column")"
    }
}

/// The readers' own terms for an intended cell, and whether what a reader read matches it.
enum Comparison {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "'"]

    static func isText(_ t: ColumnType) -> Bool { t == .text }

    static func numbersEqual(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let x = Decimal(string: a.replacingOccurrences(of: ",", with: "")), let y = Decimal(string: b) else { return false }
        return x == y
    }

    /// The raw CSV text: `spreadsheet` adds the formula apostrophe and marks a skipped text with
    /// its skip code; the statistical CSV holds text exactly and a skipped text empty (its
    /// `_skipped` column says why); the SPSS CSV shows line breaks as ¶.
    static func raw(_ i: Intended, _ t: ColumnType, spreadsheet: Bool, spss: Bool) -> String {
        switch i {
        case .notAsked: return ""
        case .skipped(let code): return isText(t) && !spreadsheet ? "" : code
        case .missingChoice(let k, _): return String(k)
        case .absent(let code, _): return code
        case .value(let v):
            guard isText(t) else { return v }
            var text = spss ? v.replacingOccurrences(of: "\n", with: " ¶ ") : v
            if spreadsheet, let first = text.first, formulaStarts.contains(first) { text = "'" + text }
            return text
        }
    }

    static func csv(_ i: Intended, _ t: ColumnType, _ read: ReadCell, spreadsheet: Bool, spss: Bool = false) -> Bool {
        let want = raw(i, t, spreadsheet: spreadsheet, spss: spss)
        let got = read.value ?? ""
        if case .value = i, [.number, .rank].contains(t) { return numbersEqual(got, want) }
        return got == want
    }

    static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    /// PSPP's SAVE TRANSLATE writes every date as MM/DD/YYYY (SPSS's ADATE); back to ISO 8601.
    static func isoDate(_ s: String) -> String? {
        let p = s.split(separator: "/")
        guard p.count == 3 else { return nil }
        return "\(p[2])-\(p[0])-\(p[1])"
    }

    static func pspp(_ i: Intended, _ t: ColumnType, _ read: ReadCell) -> Bool {
        switch i {
        case .notAsked:
            return (read.value ?? "").isEmpty
        case .skipped:
            return read.missing && (read.reason == nil || read.reason == "Skipped")
        case .missingChoice(_, let label), .absent(_, let label):
            return read.missing && (read.reason == nil || read.reason == label)
        case .value(let v):
            guard !read.missing, let got = read.value else { return false }
            switch t {
            case .text: return got == v.replacingOccurrences(of: "\n", with: " ¶ ")
            case .date(.day): return isoDate(got) == v
            case .date(.month): return isoDate(got).map { String($0.prefix(7)) } == v
            // SAVE TRANSLATE writes a TIME5 as HH:MM:SS and a DATETIME17 as MM/DD/YYYY HH:MM:SS.
            case .time: return got == v + ":00"
            case .datetime:
                let parts = got.split(separator: " ")
                return parts.count == 2 && isoDate(String(parts[0])).map { $0 + "T" + parts[1] } == v + ":00"
            default: return numbersEqual(got, v)
            }
        }
    }

    static func r(_ i: Intended, _ t: ColumnType, _ read: ReadCell) -> Bool {
        // A date has no column beside it to say why it is empty: R says "Not asked".
        if case .absent = i, [.date(.day), .date(.month), .date(.year), .time, .datetime].contains(t) {
            return read.value == nil && read.reason == "Not asked"
        }
        switch i {
        case .notAsked, .skipped, .missingChoice, .absent:
            return read.value == nil && read.reason == i.reason
        case .value(let v):
            guard let got = read.value, read.reason == nil else { return false }
            switch t {
            // A factor shows its label, and keeps the instrument's code: `as.integer(x)` / `fw_codes(x)`.
            case .code(let labels): return got == "\(labels[Int(v) ?? 0] ?? v)=\(v)/\(v)"
            case .flag: return got == (v == "1" ? "Chosen=1/1" : "Not chosen=0/0")
            case .bool: return got == (v == "1" ? "TRUE" : "FALSE")
            case .text: return got == v
            // A day is a `Date`, a month the `Date` of its first day with `attr(x, "precision")`
            // "month", a year a whole number.
            case .date(.day): return got == v || got == v + " day"
            case .date(.month): return got == v + "-01 month"
            case .date(.year): return got == v
            // The reader writes a time (an hms difftime) and a date-time (POSIXct in UTC) as the text they stand for.
            case .time, .datetime: return got == v
            // The reader prints a number to 15 significant digits (R's `format`), so a mean such as
            // 70/3 is compared at that precision: the double R holds is the CSV's, whole.
            default: return numbersEqual(got, v) || Double(v).map { String(format: "%.15g", $0) } == Double(got).map { String(format: "%.15g", $0) }
            }
        }
    }

    static func frictionless(_ i: Intended, _ t: ColumnType, _ read: ReadCell) -> Bool {
        switch i {
        case .notAsked, .skipped, .missingChoice, .absent:
            return read.value == nil
        case .value(let v):
            guard let got = read.value else { return false }
            switch t {
            case .bool: return got == (v == "1" ? "true" : "false")
            case .text, .date(.day): return got == v
            case .date: return got == v || got.hasPrefix(v)
            // Python's isoformat() of a time and a datetime gives the seconds.
            case .time, .datetime: return got == v + ":00"
            default: return numbersEqual(got, v)
            }
        }
    }
}
