import InstrumentModel

/// How missing data is written, the same in every format.
///
/// An empty cell was *not asked*. A question *seen and skipped* gets a code chosen for its variable
/// outside every value the variable can take (`MissingCode.skipped(outside:)`), so that no answer can
/// ever read as a skip; a choice the instrument marks `missing` keeps its own code.
public enum MissingCode {
    /// The usual skipped code, used wherever it cannot be a value, and the mark in text and date columns
    /// (which cannot hold it as a value: typed text starting with `-` is written with an apostrophe before it).
    public static let skipped = -99
    public static let skippedLabel = "Skipped (seen, not answered)"
    public static let notAskedLabel = "Not asked (hidden by a condition, or not reached)"

    /// The codes tried in turn for a skip: −99, −999, … then 99, 999, …, all within the ±10^15 that
    /// Fieldwork keeps numbers to; a number bounded on neither side has none free, and gets the
    /// first code beyond that limit.
    static let candidates: [Int] = {
        var nines: [Int] = []
        var n = 99
        while n < 1_000_000_000_000_000 { nines.append(n); n = n * 10 + 9 }
        return nines.map { -$0 } + nines
    }()
    static let beyondEveryNumber = -1_000_000_000_000_001

    /// The first candidate outside `domain`.
    static func skipped(outside domain: Variable.Domain) -> Int {
        candidates.first { !domain.contains(Double($0)) } ?? beyondEveryNumber
    }
}

public enum Measure: String, Sendable {
    case nominal, ordinal, scale, text, date
    /// A clock time, "HH:MM" (24-hour), and a day with a clock time, "YYYY-MM-DDTHH:MM": local
    /// civil time as the participant gave it, with no zone, so no format may shift it by one.
    case time, datetime

    /// Written as ISO text in every CSV (a date, a time, a free text): no number is one of its values,
    /// so a skip is the usual code and an instance not present is empty.
    var isText: Bool { [.text, .date, .time, .datetime].contains(self) }

    /// Read from ISO text into a statistical package's own date or time type.
    var isDateOrTime: Bool { [.date, .time, .datetime].contains(self) }
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

    /// Every value a variable's cells can hold as an answer, over all the versions that share it.
    public enum Domain: Sendable, Equatable {
        /// Codes: choices (missing ones too), 0 and 1 for flags, 0 to n for ranks.
        case codes(Set<Int>)
        /// A number between optional bounds (the instrument's `min` and `max`).
        case range(min: Double?, max: Double?)
        /// Text and dates: no number is a value.
        case none

        func contains(_ x: Double) -> Bool {
            switch self {
            case .codes(let codes): Int(exactly: x).map(codes.contains) ?? false
            case .range(let lo, let hi): (lo.map { x >= $0 } ?? true) && (hi.map { x <= $0 } ?? true)
            case .none: false
            }
        }

        /// Both domains, for a variable shared by two versions.
        func merged(with other: Domain) -> Domain {
            switch (self, other) {
            case (.codes(let a), .codes(let b)): return .codes(a.union(b))
            case (.range(let a0, let a1), .range(let b0, let b1)):
                return .range(min: a0.flatMap { a in b0.map { Swift.min(a, $0) } }, max: a1.flatMap { a in b1.map { Swift.max(a, $0) } })
            case (.none, .none): return .none
            default: return .range(min: nil, max: nil)
            }
        }
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
    public var domain: Domain = .none
    /// The code of a skip in this variable, outside `domain`; nil where a skip cannot happen (calculations).
    public var skipped: Int? = MissingCode.skipped
    /// The instance of a repeated section this column holds; nil for a question asked once.
    public var instance: Instance?
    /// The code of "no such instance" in this column (also among `missing`); nil for a question
    /// asked once, and for texts and dates, where an instance not present is empty.
    public var absent: Int?

    public var question: String {
        switch source {
        case .choice(let q), .flag(let q, _), .row(let q, _), .rank(let q, _), .other(let q), .value(let q), .calculated(let q): q
        }
    }

    public var isCalculated: Bool {
        if case .calculated = source { return true }
        return false
    }

    /// The skipped code as written in the cells.
    public var skippedText: String { String(skipped ?? MissingCode.skipped) }

    /// Every code that means missing, the skip first: what SPSS, Stata and R declare missing.
    public var missingCodes: [Int] { (skipped.map { [$0] } ?? []) + missing.map(\.code) }

    /// The values that are answers, where they are a list of codes.
    var validCodes: Set<Int>? {
        guard case .codes(let all) = domain else { return nil }
        return all.subtracting(missing.map(\.code))
    }

    /// What each version asked, as the codebook describes it (question, values, range, ...).
    public var facts: [VersionFacts] = []

    /// The form of the column: two versions whose forms differ cannot share it, whatever their codes.
    var form: String { "\(type)|\(measure)|\(precision?.rawValue ?? "")" }

    /// Takes in a later version's variable of the same meaning (`Question.dataBreaks` found no break):
    /// its codes are added to those kept (later labels win: they differ only in spelling), and its
    /// values to the domain, so that the skip code is chosen outside both.
    mutating func merge(_ later: Variable) {
        for version in later.versions where !versions.contains(version) { versions.append(version) }
        domain = domain.merged(with: later.domain)
        codes = Self.merged(codes, later.codes)
        missing = Self.merged(missing, later.missing)
        integer = integer && later.integer
        decimals = max(decimals, later.decimals)
        label = later.label
        questionText = later.questionText
        condition = later.condition
        facts += later.facts
    }

    /// The later list's codes in its order, then those only the earlier one has.
    private static func merged(_ earlier: [(code: Int, label: String)], _ later: [(code: Int, label: String)]) -> [(code: Int, label: String)] {
        later + earlier.filter { e in !later.contains { $0.code == e.code } }
    }
}
