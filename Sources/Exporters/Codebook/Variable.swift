import InstrumentModel

/// How missing data is written, the same in every format.
public enum MissingCode {
    /// Seen but not answered. ("Not asked", hidden by a condition or never reached, is an empty cell.)
    public static let skipped = -99
    public static let skippedLabel = "Skipped (seen, not answered)"
    public static let notAskedLabel = "Not asked (hidden by a condition, or not reached)"
}

public enum Measure: String, Sendable {
    case nominal, ordinal, scale, text, date
}

/// One exported column.
public struct Variable: Sendable {
    public enum Source: Sendable, Equatable {
        case choice(question: String)
        case flag(question: String, code: Int)
        case row(question: String, row: String)
        case rank(question: String, code: Int)
        case other(question: String)
        case value(question: String)
        case calculated(question: String)
    }

    public var name: String
    public var source: Source
    public var label: String
    public var questionText: String
    public var type: String
    public var measure: Measure
    /// Whole numbers only (codes, flags, ranks, numbers without decimals).
    public var integer: Bool
    public var decimals: Int
    public var codes: [(code: Int, label: String)]
    public var missing: [(code: Int, label: String)]
    public var condition: String?
    public var versions: [String]
    public var precision: DatePrecision?

    public var question: String {
        switch source {
        case .choice(let q), .flag(let q, _), .row(let q, _), .rank(let q, _), .other(let q), .value(let q), .calculated(let q): q
        }
    }

    /// What defines the variable's meaning: two versions that differ here cannot share a column.
    var signature: String {
        "\(type)|\(measure)|" + codes.map { "\($0.code)=\($0.label)" }.joined(separator: ";") + "|" + missing.map { "\($0.code)" }.joined(separator: ";")
    }
}
