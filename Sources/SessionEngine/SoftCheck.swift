import Expressions
import InstrumentModel

/// Soft checks (LimeSurvey's soft mandatory, Blaise's signals): `soft_required` and `warn_if`.
///
/// Unlike a refusal, a soft check can be passed: the participant is told, and keeps the answer
/// by giving it again (`SessionRunner` compares the two), which is a `.confirm` move, journaled
/// and counted per question as paradata. The check itself is a pure question put to the state,
/// so that every driver, the interviewer's screen included, meets it the same way.
extension Session {
    /// What to tell the participant before this move is applied at the current question, or nil
    /// when no soft check is met. An answer the question refuses outright meets none: its refusal
    /// comes first.
    public func softWarning(for move: SessionMove) -> String? {
        guard let q = current else { return nil }
        switch move {
        case .skip:
            return q.softRequired == true ? words.softUnanswered : nil
        case .answer(let answer):
            guard Validation.problem(with: answer, for: q, in: self) == nil else { return nil }
            if q.softRequired == true, q.type == .matrix, case .rows(let rows) = answer.value {
                let empty = (q.rows ?? []).filter { rows[$0.id] == nil }.count
                if empty > 0 { return words.softRowsEmpty(empty) }
            }
            if let condition = expressions.condition(.warnIf(question: q.id)),
               Evaluator.isTrue(condition, in: context(candidate: (q.id, answer))) {
                return render(q.warnMessage).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return nil
        default:
            return nil
        }
    }

    /// Records that the participant kept what a soft check questioned, at the current question.
    mutating func confirmSoftCheck() throws(AnswerProblem) {
        guard let q = current else { throw AnswerProblem(words.replayNoQuestion) }
        softConfirmed[q.id, default: 0] += 1
    }
}
