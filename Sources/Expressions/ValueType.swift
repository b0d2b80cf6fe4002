/// A choice as expressions see it: its code and every label it has (one per language).
public struct ChoiceOption: Sendable, Equatable {
    public var code: Int
    public var labels: [String]

    public init(code: Int, labels: [String]) {
        self.code = code
        self.labels = labels
    }
}

/// The static type of an expression or of a question's answer.
public indirect enum ValueType: Sendable, Equatable {
    case number(min: Double?, max: Double?, decimals: Int)
    case text
    case bool
    case date
    case time
    case datetime
    /// One choice: a single-choice question, a scale or a matrix row.
    case choice([ChoiceOption])
    /// A set of choices: a multiple-choice question.
    case choices([ChoiceOption])
    case ranking([ChoiceOption])
    case matrix(rows: [String], options: [ChoiceOption])
    /// A literal list such as `["a", "b"]`, with its items' type when they agree.
    case list(ValueType?)
    /// The type after an error, so that one mistake is reported once.
    case unknown

    public static let anyNumber = ValueType.number(min: nil, max: nil, decimals: 6)

    public var description: String {
        switch self {
        case .number: "a number"
        case .text: "a text"
        case .bool: "true or false"
        case .date: "a date"
        case .time: "a time"
        case .datetime: "a date and time"
        case .choice: "a choice"
        case .choices: "a set of choices"
        case .ranking: "a ranking"
        case .matrix: "a matrix"
        case .list: "a list"
        case .unknown: "a value"
        }
    }

    /// A number, or a choice compared and added by its code.
    var isNumeric: Bool {
        switch self {
        case .number, .choice, .unknown: true
        default: false
        }
    }

    var options: [ChoiceOption]? {
        switch self {
        case .choice(let o), .choices(let o), .ranking(let o), .matrix(_, let o): o
        default: nil
        }
    }
}

/// What an id means at the place an expression uses it.
public enum Lookup: Sendable, Equatable {
    case found(ValueType)
    /// The question exists but comes after the place that uses it.
    case later(ValueType)
    /// The question the condition belongs to.
    case itself
    /// A question that has no answer (a note), described for the message.
    case noAnswer(String)
    case unknown(suggestion: String?)
    /// A question asked once per instance of a repeated section, used from outside it: it has
    /// one answer per instance, so only a function over the instances (`sum(visits)`) may use it.
    /// `section` names what repeats, in messages: "section 'activity'", "block 'b' in section 's'".
    case repeated(ValueType, section: String)
}

/// What the place of an expression needs from it.
public enum ExpressionPurpose: Sendable {
    /// `show_if` and `valid_if`: true or false.
    case condition
    /// `value` of a calculate: anything.
    case value
}
