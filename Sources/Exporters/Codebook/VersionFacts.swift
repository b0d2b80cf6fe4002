import Expressions
import InstrumentModel
import Wording

/// What one version of an instrument asked for a variable, in words, for the codebook: when the
/// versions sharing a variable differ (a range widened, a condition added), the codebook shows
/// each version's value beside it.
public struct VersionFacts: Sendable {
    public struct Fact: Sendable, Equatable {
        public var key: String
        public var value: String
    }

    public var version: String
    public var facts: [Fact]

    init(version: String, question q: Question, variable v: Variable, words: PlainWords) {
        self.version = version
        var out: [Fact] = []
        func add(_ key: String, _ value: String?) { if let value, !value.isEmpty { out.append(Fact(key: key, value: value)) } }
        add("Question", v.questionText.replacingOccurrences(of: "\n", with: " "))
        add("Values", v.codes.map { "\($0.code) = \($0.label)" }.joined(separator: "; "))
        if case .value = v.source {
            switch q.type {
            // A value set at launch has a range only when it is a number (not a text or a code).
            case _ where q.type == .number || q.hiddenKind == .number:
                add("Range", Self.range(q.min.map(NumberText.canonical), q.max.map(NumberText.canonical)))
                add("Decimals", q.decimals.map(String.init))
                add("Unit", q.unit?.text(in: words.language))
            case .date:
                add("Date precision", (q.precision ?? .day).rawValue)
                add("Range", Self.range(q.dateMin, q.dateMax))
            case .time:
                add("Range", Self.range(q.dateMin, q.dateMax))
                add("Format", "HH:MM, a 24-hour clock time, local, no zone")
            case .datetime:
                add("Range", Self.range(q.dateMin, q.dateMax))
                add("Format", "YYYY-MM-DDTHH:MM, a local date and time, no zone")
            case .text, .longText, .open:
                add("Maximum length", q.maxLength.map { "\($0) characters" })
                add("Pattern", q.pattern.map { "`\($0)`" })
            default:
                break
            }
        }
        if case .calculated = v.source { add("Calculated as", Self.calculation(q, words)) }
        if q.type == .hidden {
            // Never asked: the value describes the session, given by whoever started it.
            add("Set at launch", "`--set \(q.id)=…`" + (q.required ? " (required)" : ""))
        } else {
            add("Asked", v.condition.map { "if " + $0 } ?? (v.isCalculated ? nil : "always"))
        }
        facts = out
    }

    static func range(_ low: String?, _ high: String?) -> String? {
        switch (low, high) {
        case let (low?, high?): "\(low) to \(high)"
        case let (low?, nil): "at least \(low)"
        case let (nil, high?): "at most \(high)"
        default: nil
        }
    }

    /// The expression, with each question it refers to named by its label.
    static func calculation(_ q: Question, _ words: PlainWords) -> String? {
        let place = InstrumentExpressions.Place.value(question: q.id)
        guard let e = words.expressions[place] else { return words.describe(at: place) }
        let ids = e.references.compactMap(\.0.id).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let named = ids.compactMap { id in words.label(of: id).map { "`\(id)` is *\($0)*" } }
        return "`\(Printer.print(e))`" + (named.isEmpty ? "" : ", where " + named.joined(separator: ", "))
    }
}
