import Expressions
import Foundation
import InstrumentModel

/// The interviewer's moves in an interview guide: jumps, notes, probes and the end.
extension Session {

    /// Moves straight to another question on the route, forwards or back.
    public mutating func jump(to id: String, at time: Double) throws(AnswerProblem) {
        guard case .question(let here) = phase else { throw AnswerProblem(words.noInterview) }
        guard visible.contains(id), questions[id] != nil else { throw AnswerProblem(words.notOnRoute) }
        guard id != here else { return }
        leave(here, time: time)
        phase = .question(id)
        arrive(at: id, time: time)
    }

    /// Keeps the notes of the current open question without moving on; empty notes are none.
    /// Their length is checked first and they are redacted, as answers are (`max_length` does not
    /// apply to notes, `TextEntry.maxCharacters` does); the text as kept is returned.
    @discardableResult
    public mutating func setNotes(_ given: String, at time: Double) throws(AnswerProblem) -> String {
        guard let q = current, q.type == .open else { throw AnswerProblem(words.notesOnOpenQuestions) }
        if let problem = Validation.notesLengthProblem(given, words: words) { throw problem }
        let text = Redactor.forQuestion(q, in: instrument).redact(given)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        answers[q.id] = trimmed.isEmpty ? nil : Answer(.text(trimmed))
        if !trimmed.isEmpty { skipped.remove(q.id) }
        refresh()
        return text
    }

    /// Ticks (or unticks) a probe of the current question as asked.
    public mutating func tickProbe(_ index: Int, asked: Bool) throws(AnswerProblem) {
        guard let q = current, let probes = q.probes, probes.indices.contains(index) else {
            throw AnswerProblem(words.noSuchProbe)
        }
        var ticked = Set(probesAsked[q.id] ?? [])
        if asked { ticked.insert(index) } else { ticked.remove(index) }
        probesAsked[q.id] = ticked.isEmpty ? nil : ticked.sorted()
    }

    /// Ends the interview where it stands: questions not reached stay unasked.
    public mutating func end(at time: Double) {
        guard case .question(let id) = phase else { return }
        leave(id, time: time)
        phase = .finished
    }
}
