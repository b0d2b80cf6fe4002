import Foundation

/// A written cell: not asked, skipped, or a value.
enum Cell: Equatable {
    case notAsked
    case skipped
    case value(String)
    /// Free text, which spreadsheets may take for a formula.
    case text(String)

    /// The cell as the wide CSV writes it (before quoting); the fast path writes the same bytes.
    func written(labels: Bool, spss: Bool) -> String {
        switch self {
        case .notAsked: return ""
        case .skipped: return labels ? "Skipped" : String(MissingCode.skipped)
        case .value(let v): return v
        case .text(let t):
            // PSPP and SPSS cannot read a line break inside a quoted field, so their CSV shows it as ¶.
            let flat = spss ? t.replacingOccurrences(of: "\r\n", with: " ¶ ").replacingOccurrences(of: "\n", with: " ¶ ") : t
            return CSVWriter.neutralised(flat)
        }
    }
}

/// What a variable's cell holds, worked out once per variable: the one rule that both reading
/// paths (the JSON tree in `Codebook.cell` and the byte scanner in `RawRows`) follow, so that a
/// value is written the same whichever path read it.
enum CellRule: Sendable {
    case choice, flag(Int), row(String), rank(Int), other, text, value, calculated

    init(_ v: Variable) {
        switch v.source {
        case .choice: self = .choice
        case .flag(_, let c): self = .flag(c)
        case .row(_, let row): self = .row(row)
        case .rank(_, let c): self = .rank(c)
        case .other: self = .other
        case .value: self = v.measure == .text ? .text : .value
        case .calculated: self = .calculated
        }
    }

    /// True and false are written 1 and 0, as numbers are, in every format.
    static func boolean(_ b: Bool) -> String { b ? "1" : "0" }
}
