import Foundation

/// A written cell: not asked, skipped, or a value.
enum Cell: Equatable {
    case notAsked
    /// An instance of a repeat that the response does not have: written as the variable's own
    /// code (`Variable.absent`), or empty in a text or a date.
    case absent
    /// Seen and skipped: written as the variable's own skipped code (`Variable.skipped`).
    case skipped
    case value(String)
    /// Free text, which spreadsheets may take for a formula.
    case text(String)

    /// The cell as the wide CSV of `kind` writes it (before quoting); the fast path writes the same
    /// bytes. Only the spreadsheet CSV neutralises formulas; in the statistical CSV a skipped free
    /// text is empty, its skip column saying why (`WideKind`).
    func written(_ v: Variable, labels: Bool, spss: Bool, kind: WideKind) -> String {
        switch self {
        case .notAsked: return ""
        case .absent:
            guard let code = v.absent else { return "" }
            return labels ? v.missing.first { $0.code == code }?.label ?? String(code) : String(code)
        case .skipped:
            if labels { return "Skipped" }
            return kind == .statistical && v.skippedColumn != nil ? "" : v.skippedText
        case .value(let v): return v
        case .text(let t):
            // PSPP and SPSS cannot read a line break inside a quoted field, so their CSV shows it as ¶.
            let flat = spss ? t.replacingOccurrences(of: "\r\n", with: " ¶ ").replacingOccurrences(of: "\n", with: " ¶ ") : t
            return kind == .spreadsheet ? CSVWriter.neutralised(flat) : flat
        }
    }
}

/// What a variable's cell holds, worked out once per variable: the one rule that both reading
/// paths (the JSON tree in `Codebook.cell` and the byte scanner in `RawRows`) follow, so that a
/// value is written the same whichever path read it.
enum CellRule: Sendable {
    /// A multiple choice's flag for `code`; `missing` are the question's missing choices ("Prefer
    /// not to say"), in the instrument's order: when one of them was picked, a flag not picked is
    /// missing for that reason (its code), not "not chosen".
    case flag(Int, missing: [Int])
    case choice, row(String), rank(Int), other, text, value
    /// A calculation, as stored; one that gives text is written as free text.
    case calculated(text: Bool)

    init(_ v: Variable) {
        switch v.source {
        case .choice: self = .choice
        case .flag(_, let c): self = .flag(c, missing: v.missing.map(\.code))
        case .row(_, let row): self = .row(row)
        case .rank(_, let c): self = .rank(c)
        case .other: self = .other
        case .value: self = v.measure == .text ? .text : .value
        case .calculated: self = .calculated(text: v.measure == .text)
        }
    }

    var isCalculated: Bool {
        if case .calculated = self { return true }
        return false
    }

    /// True and false are written 1 and 0, as numbers are, in every format.
    static func boolean(_ b: Bool) -> String { b ? "1" : "0" }
}
