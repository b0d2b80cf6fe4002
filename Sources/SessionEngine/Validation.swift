import Expressions
import Foundation
import InstrumentModel

/// The rules an answer must meet: its type's limits first, then the author's `valid_if`.
enum Validation {
    static func problem(with answer: Answer, for q: Question, in session: Session) -> AnswerProblem? {
        if let problem = typeProblem(answer, q, session) { return problem }
        if let condition = session.conditionValid(q.id),
           !Evaluator.isTrue(condition, in: session.context(candidate: (q.id, answer))) {
            return AnswerProblem(q.invalidMessage.map { session.render($0) } ?? "This answer is not accepted here. Please check it.")
        }
        return nil
    }

    private static func typeProblem(_ answer: Answer, _ q: Question, _ session: Session) -> AnswerProblem? {
        let codes = Set(q.allChoices.map(\.value))
        let otherCode = q.other?.value
        func needsOther(_ picked: [Int]) -> AnswerProblem? {
            guard let otherCode, picked.contains(otherCode) else { return nil }
            return (answer.other ?? "").trimmingCharacters(in: .whitespaces).isEmpty
                ? AnswerProblem("Please say what \"\(session.render(q.other?.label))\" is.") : nil
        }
        switch (q.type, answer.value) {
        case (.single, .choice(let c)), (.scale, .choice(let c)):
            guard codes.contains(c) else { return AnswerProblem("Please choose one of the options.") }
            return needsOther([c])
        case (.multiple, .choices(let picked)):
            guard Set(picked).isSubset(of: codes), Set(picked).count == picked.count else {
                return AnswerProblem("Please choose from the options.")
            }
            let exclusive = Set((q.choices ?? []).filter(\.exclusive).map(\.value))
            if picked.count > 1, picked.contains(where: exclusive.contains) {
                return AnswerProblem("\"\(label(of: picked.first(where: exclusive.contains) ?? 0, q, session))\" cannot be combined with other choices.")
            }
            if let min = q.min, Double(picked.count) < min {
                return AnswerProblem("Please choose at least \(Int(min)).")
            }
            if let max = q.max, Double(picked.count) > max {
                return AnswerProblem("Please choose no more than \(Int(max)).")
            }
            return needsOther(picked)
        case (.matrix, .rows(let rows)):
            let rowIDs = Set((q.rows ?? []).map(\.id))
            guard Set(rows.keys).isSubset(of: rowIDs), rows.values.allSatisfy(codes.contains) else {
                return AnswerProblem("Please choose one of the options for each row.")
            }
            if q.required, let missing = (q.rows ?? []).first(where: { rows[$0.id] == nil }) {
                return AnswerProblem("Please answer \"\(session.render(missing.text))\".")
            }
            return nil
        case (.ranking, .ranking(let order)):
            let wanted = q.rank ?? codes.count
            guard Set(order).isSubset(of: codes), Set(order).count == order.count else {
                return AnswerProblem("Please rank each option once.")
            }
            return order.count == wanted ? nil : AnswerProblem("Please put \(wanted) options in order.")
        case (.number, .number(let n)):
            return numberProblem(n, q)
        case (.text, .text(let t)), (.longText, .text(let t)), (.open, .text(let t)):
            if let max = q.maxLength, t.count > max {
                return AnswerProblem("Please keep this to \(max) characters or fewer (it is \(t.count)).")
            }
            if let pattern = q.pattern, let regex = try? NSRegularExpression(pattern: pattern),
               regex.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) == nil {
                return AnswerProblem("This does not look right. Please check the format.")
            }
            return nil
        case (.date, .date(let d)):
            return dateProblem(d, q, session)
        default:
            return AnswerProblem("This kind of answer does not fit the question.")
        }
    }

    private static func label(of code: Int, _ q: Question, _ session: Session) -> String {
        session.render(q.allChoices.first { $0.value == code }?.label)
    }

    static func format(_ n: Double) -> String { NumberText.canonical(n) }

    private static func numberProblem(_ n: Double, _ q: Question) -> AnswerProblem? {
        let decimals = q.decimals ?? 0
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        if (n * scale).rounded() != n * scale || !n.isFinite {
            return AnswerProblem(decimals == 0 ? "Please enter a whole number." : "Please use at most \(decimals) decimal place\(decimals == 1 ? "" : "s").")
        }
        switch (q.min, q.max) {
        case (let lo?, let hi?) where n < lo || n > hi: return AnswerProblem("Please enter a number from \(format(lo)) to \(format(hi)).")
        case (let lo?, nil) where n < lo: return AnswerProblem("Please enter \(format(lo)) or more.")
        case (nil, let hi?) where n > hi: return AnswerProblem("Please enter \(format(hi)) or less.")
        default: return nil
        }
    }

    private static func dateProblem(_ text: String, _ q: Question, _ session: Session) -> AnswerProblem? {
        let precision = q.precision ?? .day
        guard let days = DateValue.parse(text, precision: precision) else {
            return AnswerProblem("Please write the date as \(TextEntry.datePattern(precision)).")
        }
        func bound(_ s: String?) -> Int? { s == "today" ? session.today : s.flatMap(DateValue.parse) }
        // At month or year precision an answer stands for its whole period, so it is compared by its start.
        if let lo = bound(q.dateMin), days < DateValue.start(of: lo, precision: precision) {
            return AnswerProblem("Please give a date from \(DateValue.format(lo, precision: precision)) onwards.")
        }
        if let hi = bound(q.dateMax), days > hi {
            return AnswerProblem("Please give a date no later than \(DateValue.format(hi, precision: precision)).")
        }
        return nil
    }
}

/// Turning typed text into answers, shared by every driver so the same input means the same thing.
public enum TextEntry {
    public static func datePattern(_ precision: DatePrecision) -> String {
        switch precision {
        case .day: "YYYY-MM-DD, for example 2024-05-17"
        case .month: "YYYY-MM, for example 2024-05"
        case .year: "YYYY, for example 2024"
        }
    }

    /// A number as people type it: spaces and thousands commas ignored, a decimal point or comma.
    public static func number(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
        if t.contains(".") { t = t.replacingOccurrences(of: ",", with: "") }
        else if t.filter({ $0 == "," }).count == 1, let part = t.split(separator: ",").last, part.count != 3 {
            t = t.replacingOccurrences(of: ",", with: ".")
        } else { t = t.replacingOccurrences(of: ",", with: "") }
        guard !t.isEmpty, let n = Double(t), n.isFinite, !t.lowercased().contains("n"), !t.lowercased().contains("e") else { return nil }
        return n
    }

    /// A date typed at the question's precision.
    public static func date(_ text: String, precision: DatePrecision) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard DateValue.parse(t, precision: precision) != nil else { return nil }
        return t
    }
}
