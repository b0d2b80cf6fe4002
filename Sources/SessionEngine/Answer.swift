import InstrumentModel

/// An answer as the store keeps it: codes for choices, never labels.
public enum AnswerValue: Sendable, Equatable, Decodable {
    case choice(Int)
    case choices([Int])
    case number(Double)
    case text(String)
    /// ISO 8601 at the question's precision: `2024-05-17`, `2024-05` or `2024`.
    case date(String)
    /// A 24-hour clock time, `HH:MM`.
    case time(String)
    /// The participant's local date and clock time, `YYYY-MM-DDTHH:MM`, with no zone or seconds.
    case datetime(String)
    /// Codes in the order given, best first.
    case ranking([Int])
    /// Matrix: row id to code.
    case rows([String: Int])
}

/// One question's answer, with the text of "Other" when that was chosen.
public struct Answer: Sendable, Equatable, Decodable {
    public var value: AnswerValue
    public var other: String?

    public init(_ value: AnswerValue, other: String? = nil) {
        self.value = value
        self.other = other
    }
}

/// Why an answer was not accepted, in words for the participant.
public struct AnswerProblem: Sendable, Equatable, Error {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
