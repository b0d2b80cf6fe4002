import Expressions
import Foundation
import InstrumentModel

/// The participant's moves: consent, answers, skips and going back.
extension Session {

    public mutating func agree(at time: Double) {
        guard phase == .consent else { return }
        phase = first().map(Phase.question) ?? .finished
        if case .question(let id) = phase { arrive(at: id, time: time) }
    }

    /// Declining ends the session; nothing of it is kept but the fact.
    public mutating func decline() {
        guard phase == .consent else { return }
        answers = [:]
        skipped = []
        phase = .declined
    }

    /// Checks and keeps an answer to the current question, then moves on. Its length is checked
    /// on the text as typed, before redaction, so a long paste is refused at once; then free text
    /// is redacted, so that what was typed never enters the state; the answer as kept is returned.
    @discardableResult
    public mutating func answer(_ given: Answer, at time: Double) throws(AnswerProblem) -> Answer {
        guard let q = current else { throw AnswerProblem(words.noQuestionToAnswer) }
        if let problem = Validation.lengthProblem(given, for: q, words: words) { throw problem }
        // "Other" is kept as meant, without the spaces around it (" 45 " is 45).
        var trimmed = given
        trimmed.other = given.other?.trimmingCharacters(in: .whitespacesAndNewlines)
        let answer = Redactor.forQuestion(q, in: instrument).apply(trimmed)
        if let problem = Validation.problem(with: answer, for: q, in: self) { throw problem }
        leave(q.id, time: time)
        answers[q.id] = answer
        skipped.remove(q.id)
        refresh()
        settleSafeguarding(after: q.id)
        advance(from: q.id, time: time)
        return answer
    }

    /// Leaves the current question unanswered and moves on (a note is simply read).
    public mutating func skip(at time: Double) throws(AnswerProblem) {
        guard let q = current else { throw AnswerProblem(words.noQuestionToSkip) }
        guard canSkip else { throw AnswerProblem(words.needsAnAnswer) }
        leave(q.id, time: time)
        if q.type != .note {
            answers[q.id] = nil
            skipped.insert(q.id)
        }
        refresh()
        settleSafeguarding(after: q.id)
        advance(from: q.id, time: time)
    }

    /// Goes back to the previous question still on the route.
    public mutating func back(at time: Double) throws(AnswerProblem) {
        guard instrument.settings.back else { throw AnswerProblem(words.noGoingBack) }
        guard case .question(let id) = phase else { throw AnswerProblem(words.nothingToGoBackTo) }
        while let previous = history.popLast() {
            guard visible.contains(previous), previous != id else { continue }
            spend(on: id, until: time)
            returns += 1
            phase = .question(previous)
            shownAt = time
            timing[previous, default: QuestionTiming()].visits += 1
            return
        }
        throw AnswerProblem(words.firstQuestion)
    }
}
