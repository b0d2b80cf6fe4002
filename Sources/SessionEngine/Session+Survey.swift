import Expressions
import Foundation
import InstrumentModel

/// The participant's moves: consent, answers, skips and going back.
extension Session {

    /// The instrument's support text as the one line every front end says ("Support: …"), in
    /// the session's language; nil where the instrument has none.
    public var supportLine: String? {
        instrument.support.map { words.supportLine(render($0)) }
    }

    /// What every front end says once the session is saved complete: an interviewer is told the
    /// interview is saved, a participant thanked (plain mode told interviewers the latter).
    public var savedLine: String {
        instrument.kind == .interview ? words.interviewSaved : words.saved
    }

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
        drafts = [:]
        phase = .declined
    }

    /// Checks and keeps an answer to the current question, then moves on. Its length is checked
    /// on the text as typed, before redaction, so a long paste is refused at once; then free text
    /// is redacted, so that what was typed never enters the state; the answer as kept is returned.
    @discardableResult
    public mutating func answer(_ given: Answer, at time: Double) throws(AnswerProblem) -> Answer {
        guard let q = current else { throw AnswerProblem(words.noQuestionToAnswer) }
        if let problem = Validation.lengthProblem(given, for: q, in: self) { throw problem }
        // "Other" is kept as meant, without the spaces around it (" 45 " is 45).
        var trimmed = given
        trimmed.other = given.other?.trimmingCharacters(in: .whitespacesAndNewlines)
        let answer = Redactor.forQuestion(q, in: instrument).apply(trimmed)
        if let problem = Validation.problem(with: answer, for: q, in: self) { throw problem }
        commit(answer, to: q, at: time)
        return answer
    }

    /// Replay only: keeps a journaled answer that no longer passes the question's checks (a rule
    /// of an older Fieldwork, a day the journal did not keep), as given, when it can still be
    /// exported as the question's variable (its kind and codes fit, its number and date are
    /// readable): the participant gave it and the journal holds it, so dropping it would change
    /// the data in silence. The caller reports it. An over-long text is never kept.
    mutating func keepUnchecked(_ given: Answer, at time: Double) throws(AnswerProblem) -> Answer {
        guard let q = current else { throw AnswerProblem(words.noQuestionToAnswer) }
        if let problem = Validation.lengthProblem(given, for: q, in: self) { throw problem }
        guard Validation.canKeep(given, q) else { throw AnswerProblem(words.wrongKind) }
        var trimmed = given
        trimmed.other = given.other?.trimmingCharacters(in: .whitespacesAndNewlines)
        let answer = Redactor.forQuestion(q, in: instrument).apply(trimmed)
        commit(answer, to: q, at: time)
        return answer
    }

    private mutating func commit(_ answer: Answer, to q: Question, at time: Double) {
        leave(q.id, time: time)
        answers[q.id] = answer
        skipped.remove(q.id)
        drafts[q.id] = nil
        otherDrafts[q.id] = nil
        refresh()
        settleSafeguarding(after: q.id)
        advance(from: q.id, time: time)
    }

    /// Leaves the current question unanswered and moves on (a note is simply read).
    public mutating func skip(at time: Double) throws(AnswerProblem) {
        guard let q = current else { throw AnswerProblem(words.noQuestionToSkip) }
        guard canSkip else { throw AnswerProblem(words.needsAnAnswer) }
        leave(q.id, time: time)
        if q.type != .note {
            answers[q.id] = nil
            skipped.insert(q.id)
            drafts[q.id] = nil
            otherDrafts[q.id] = nil
        }
        refresh()
        settleSafeguarding(after: q.id)
        advance(from: q.id, time: time)
    }

    /// Goes back to the previous question still on the route (from a survey's review too: to
    /// the last question asked).
    public mutating func back(at time: Double) throws(AnswerProblem) {
        guard instrument.settings.back else { throw AnswerProblem(words.noGoingBack) }
        // Reached from the review, with nothing left to ask: back is back to the review.
        if reviewing, case .question(let here) = phase, reachable.allSatisfy({ $0 == here || settled($0) }) {
            spend(on: here, until: time)
            returns += 1
            phase = .finished
            return
        }
        let id: String?
        switch phase {
        case .question(let here): id = here
        case .finished where instrument.kind != .interview: id = nil
        default: throw AnswerProblem(words.nothingToGoBackTo)
        }
        while let previous = history.popLast() {
            guard visible.contains(previous), previous != id else { continue }
            if let id { spend(on: id, until: time) }
            returns += 1
            phase = .question(previous)
            shownAt = time
            timing[previous, default: QuestionTiming()].visits += 1
            return
        }
        throw AnswerProblem(words.firstQuestion)
    }
}
