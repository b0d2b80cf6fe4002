import Expressions
import InstrumentModel

/// Answers as the expression evaluator sees them.
struct AnswerContext: EvaluationContext {
    let questions: [String: Question]
    let answers: [String: Answer]
    let calculated: [String: Value]
    let today: Int
    /// The answer being checked by `valid_if`, bound to `.` and to the question's own id.
    var candidate: (id: String, answer: Answer)?
    /// The instance an expression inside a repeat is evaluated in.
    var instance: InstanceKey? = nil
    var repeatedSectionOf: [String: String] = [:]
    var instanceSlots: [String: [String]] = [:]

    func value(of reference: Reference) -> Value {
        let named = reference.id ?? candidate?.id ?? ""
        if let section = repeatedSectionOf[named] {
            guard let instance, instance.section == section else {
                // Outside its repeat: every instance's answer, in order, for sum(), count() and the like.
                return .list((instanceSlots[named] ?? []).map { slotValue($0, named: named, reference: reference) })
            }
            return slotValue(Slot.id(named, key: instance.key), named: named, reference: reference)
        }
        return slotValue(named, named: named, reference: reference)
    }

    /// The value under a question's id or one instance's slot; `named` is the id the expression
    /// wrote, which the candidate of a valid_if is bound to.
    private func slotValue(_ id: String, named: String, reference: Reference) -> Value {
        if let calc = calculated[id] { return calc }
        guard let question = questions[id] else { return .empty }
        let answer = candidate.flatMap { $0.id == named && (instance == nil || Slot.key(of: id) == instance?.key) ? $0.answer : nil } ?? answers[id]
        guard let answer else { return .empty }
        return Self.value(answer, of: question, row: reference.row)
    }

    static func value(_ answer: Answer, of question: Question, row: String?) -> Value {
        func choice(_ code: Int) -> Value {
            question.allChoices.first { $0.value == code }?.missing == true ? .missingChoice(code) : .choice(code)
        }
        switch answer.value {
        case .choice(let c): return choice(c)
        case .choices(let c): return .choices(c)
        case .number(let n): return .number(n)
        case .text(let t): return .text(t)
        case .date(let d): return DateValue.parse(d).map { .date($0) } ?? .empty
        case .time(let t): return ClockTime.parse(t).map { .time($0) } ?? .empty
        case .datetime(let t): return DateTimeValue.parse(t).map { .datetime($0) } ?? .empty
        case .ranking(let r): return .ranking(r)
        case .rows(let rows):
            if let row { return rows[row].map(choice) ?? .empty }
            // Every row in order, an unanswered one empty, so `sum` and `mean` of a matrix know
            // how many items it has (and are empty when a row is unanswered, as `sum(a, b)` is).
            return .list((question.rows ?? []).map { rows[$0.id].map(choice) ?? .empty })
        }
    }

    func matches(_ text: String, pattern: String) -> Bool {
        PatternMatch.match(pattern, text) == .matches
    }

    func code(forLabel label: String, of reference: Reference) -> Int? {
        let id = reference.id ?? candidate?.id ?? ""
        return questions[id]?.allChoices.first { $0.label.allTexts.contains(label) }?.value
    }
}
