import Expressions
import InstrumentModel
import SessionEngine
import Wording

/// What kind of answer a question takes, and its limits, in a sentence.
enum AnswerWords {
    static func describe(_ q: Question, kind: InstrumentKind, language: String?, expressions: InstrumentExpressions) -> String {
        switch q.type {
        case .note:
            return kind == .interview ? "read out; no answer" : "information only; no answer"
        case .single:
            return "one choice"
        case .scale:
            return "one point on the scale"
        case .multiple:
            return "any number of choices" + between(q.min, q.max)
        case .matrix:
            return "one choice in each row"
        case .ranking:
            if let rank = q.rank { return "the top \(rank) of the options, in order" }
            return "all the options, in order"
        case .number:
            let base = (q.decimals ?? 0) == 0 ? "a whole number" : "a number with up to \(q.decimals!) decimals"
            let unit = q.unit.map { " (" + $0.text(in: language) + ")" } ?? ""
            return base + range(q.min.map(NumberText.canonical), q.max.map(NumberText.canonical)) + unit
        case .text, .longText:
            var s = q.type == .text ? "a short text" : "a longer text"
            if let n = q.maxLength { s += ", at most \(n) characters" }
            if let p = q.pattern { s += ", matching the pattern `\(p)`" }
            return s
        case .open:
            return "the interviewer's notes"
        case .date:
            let what: String
            switch q.precision ?? .day {
            case .day: what = "a date (day, month and year)"
            case .month: what = "a month and year"
            case .year: what = "a year"
            }
            return what + range(q.dateMin, q.dateMax)
        case .time:
            return "a time of day (HH:MM, 24-hour clock)" + range(q.dateMin, q.dateMax)
        case .datetime:
            return "a date and time of day (YYYY-MM-DD HH:MM, the participant's local time)"
                + range(q.dateMin.map(DateTimeValue.readable), q.dateMax.map(DateTimeValue.readable))
        case .calculate:
            if let damage = expressions.damage(at: .value(question: q.id)) { return "calculated, not asked: " + PlainWords.damaged(damage) }
            let expression = expressions[.value(question: q.id)].map(Printer.print) ?? ""
            return "calculated, not asked: `\(expression)`"
        case .hidden:
            let allowed = LaunchValues.allowed(q).map { ": " + $0 } ?? ": a text"
            return "set at launch, not asked (`--set \(q.id)=…`)" + allowed + (q.required ? "; required" : "")
        }
    }

    private static func range(_ low: String?, _ high: String?) -> String {
        switch (low, high) {
        case let (low?, high?): return " from \(low) to \(high)"
        case let (low?, nil): return " of at least \(low)"
        case let (nil, high?): return " of at most \(high)"
        default: return ""
        }
    }

    private static func between(_ low: Double?, _ high: Double?) -> String {
        switch (low.map { Int($0) }, high.map { Int($0) }) {
        case let (low?, high?): return " (from \(low) to \(high))"
        case let (low?, nil): return " (at least \(low))"
        case let (nil, high?): return " (at most \(high))"
        default: return ""
        }
    }
}
