public enum QuestionType: String, Sendable, Codable, CaseIterable {
    case note, single, multiple, scale, matrix, number, text
    case longText = "long_text"
    case date, ranking, calculate, open
    /// A clock time, `HH:MM`, and a date with a clock time, `YYYY-MM-DDTHH:MM` (local, no zone).
    case time, datetime
    /// Never shown: its value is given when the session is started (`run --set site=north`).
    case hidden

    /// Types whose answer is one or more of a list of choices.
    public var hasChoices: Bool { [.single, .multiple, .scale, .matrix, .ranking].contains(self) }
    /// Types whose answer is free text.
    public var isFreeText: Bool { [.text, .longText, .open].contains(self) }
    /// Types never put in front of a participant: a calculation, and a value set at launch.
    public var isNeverAsked: Bool { self == .calculate || self == .hidden }
}

public enum DatePrecision: String, Sendable, Codable, CaseIterable { case day, month, year }

public struct Choice: Sendable, Equatable, Codable {
    public var value: Int
    public var label: LocalizedText
    public var missing: Bool
    public var exclusive: Bool
    public var showIf: String?

    public init(value: Int, label: LocalizedText, missing: Bool = false, exclusive: Bool = false, showIf: String? = nil) {
        self.value = value
        self.label = label
        self.missing = missing
        self.exclusive = exclusive
        self.showIf = showIf
    }

    enum CodingKeys: String, CodingKey {
        case value, label, missing, exclusive, showIf = "show_if"
    }
}

public struct MatrixRow: Sendable, Equatable, Codable {
    public var id: String
    public var text: LocalizedText

    public init(id: String, text: LocalizedText) {
        self.id = id
        self.text = text
    }
}

/// One question. Keys that do not apply to its type are nil.
public struct Question: Sendable, Equatable, Codable {
    public var id: String
    public var type: QuestionType
    public var text: LocalizedText?
    public var help: LocalizedText?
    public var required: Bool = false
    public var showIf: String?
    public var validIf: String?
    public var invalidMessage: LocalizedText?
    /// Soft checks: leaving the question (or a matrix row) unanswered, or an answer for which
    /// `warnIf` holds, is met with a message the participant may confirm (see `SoftCheck`).
    /// Nil rather than false, so that instruments without them keep their compiled form and hash.
    public var softRequired: Bool?
    public var warnIf: String?
    public var warnMessage: LocalizedText?
    public var sensitive: Bool = false
    public var identifying: Bool = false
    public var label: LocalizedText?

    /// Choices after resolving a named set; for a scale given as `from`/`to`, one per point.
    public var choices: [Choice]?
    /// The choice set the choices came from, if any.
    public var choiceSet: String?
    /// The "Other, please specify" choice, if offered.
    public var other: Choice?
    public var shuffle: Bool?
    public var rows: [MatrixRow]?
    /// number: the range of the answer; multiple: how many choices may be picked.
    public var min: Double?
    public var max: Double?
    public var decimals: Int?
    public var unit: LocalizedText?
    public var maxLength: Int?
    public var pattern: String?
    /// Patterns removed from this free text before it is written.
    public var redact: [Privacy.Pattern]?
    /// The limits of a date, time or datetime: ISO text (`2024-05-01`, `06:00`,
    /// `2024-05-01T09:00`) or "today" (not for a time). Kept under the date keys so that a date
    /// question compiles, and hashes, as it did before times existed.
    public var dateMin: String?
    public var dateMax: String?
    public var precision: DatePrecision?
    public var rank: Int?
    public var value: String?
    public var probes: [LocalizedText]?
    public var instructions: LocalizedText?
    public var minutes: Double?

    public init(id: String, type: QuestionType) {
        self.id = id
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case id, type, text, help, required, showIf = "show_if", validIf = "valid_if"
        case invalidMessage = "invalid_message", sensitive, identifying, label
        case softRequired = "soft_required", warnIf = "warn_if", warnMessage = "warn_message"
        case choices, choiceSet = "choice_set", other, shuffle, rows, min, max, decimals, unit
        case maxLength = "max_length", pattern, redact, dateMin = "date_min", dateMax = "date_max"
        case precision, rank, value, probes, instructions, minutes
    }

    /// Every choice a participant can give, with "Other" last.
    public var allChoices: [Choice] { (choices ?? []) + (other.map { [$0] } ?? []) }
}
