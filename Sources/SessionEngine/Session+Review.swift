import Foundation
import InstrumentModel

/// One line of the review before submitting: a question asked and what was given (nil: skipped).
public struct ReviewItem: Sendable, Equatable {
    public var question: String
    public var answer: Answer?
    /// For a question asked in a repeat, which instance ("Walking group — 1 of 2", "Services you
    /// used — 2"): one question is asked once per instance, and its lines must be told apart.
    public var instance: String?
}

/// The review a survey shows once every question is asked, and the drafts that keep what was
/// typed but not submitted. Both are the engine's, so a replay rebuilds them as they were.
extension Session {
    /// Every question asked on the route, in the order asked, with its answer or nil for skipped.
    public var reviewItems: [ReviewItem] {
        reachable.filter { answers[$0] != nil || skipped.contains($0) }
            .map { ReviewItem(question: $0, answer: answers[$0], instance: reviewInstance(of: $0)) }
    }

    /// A review line's question as both drivers say it: its text piped in its instance, and the
    /// instance after it ("How often did you go? (Choir — 2 of 2)").
    public func reviewText(_ item: ReviewItem) -> String {
        let text = render(question(item.question)?.text, asked: item.question).trimmingCharacters(in: .whitespacesAndNewlines)
        return item.instance.map { "\(text) (\($0))" } ?? text
    }

    /// The instance a review line is about, named as the screen named it when the question was
    /// asked: a block by its caption (which holds its own title); a section by its title and the
    /// instance's place, with the instance's label too unless the title holds it already ("About
    /// Choir — 2 of 2", "Services you used — 2").
    func reviewInstance(of slot: String) -> String? {
        guard let (section, _) = sectionAsked(slot), let at = instance(of: slot),
              let c = instanceCaption(of: slot) else { return nil }
        let title = section.title.map { render($0, asked: slot).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        let isBlock = instrument.sections.first(where: { $0.id == at.section })?.isBlock == true
        guard !isBlock, !title.isEmpty else { return instanceCaptionText(of: slot, under: title.isEmpty ? nil : title) }
        let count = words.instancePlace(c.number, of: c.total)
        guard let label = c.label, !title.contains(label) else { return "\(title) — \(count)" }
        return "\(title) — \(label) — \(count)"
    }

    /// Whether the survey's review may change answers: only where going back is allowed, since
    /// changing an earlier answer is what `back: false` forbids.
    public var reviewCanChange: Bool { instrument.settings.back }

    /// A question already dealt with (answered, skipped, or a note read), passed over on the way
    /// back to the review.
    func settled(_ id: String) -> Bool {
        answers[id] != nil || skipped.contains(id) || (questions[id]?.type == .note && timing[id] != nil)
    }

    /// From the review (a finished survey), goes to a question asked, to change its answer; what
    /// follows it that is already answered is passed over on the way back to the review.
    mutating func review(jumpTo id: String, at time: Double) throws(AnswerProblem) {
        guard reviewCanChange else { throw AnswerProblem(words.noGoingBack) }
        guard reviewItems.contains(where: { $0.question == id }) else { throw AnswerProblem(words.notOnRoute) }
        reviewing = true
        history.removeAll { $0 == id }
        phase = .question(id)
        arrive(at: id, time: time)
    }

    /// Keeps what was typed at the current question as its draft (empty: no draft), redacted as
    /// an answer is, and cut to the longest answer kept, so that the journal never holds more
    /// than an answer could. Returns the draft as kept.
    /// At a choice list with "Other", the draft is the text typed into "Other" (`otherDrafts`).
    mutating func keepDraft(_ typed: String) throws(AnswerProblem) -> String {
        guard let q = current else { throw AnswerProblem(words.noDraftHere) }
        let other = [.single, .multiple].contains(q.type) && q.other != nil
        guard other || [.text, .longText, .number, .date, .time, .datetime].contains(q.type) else { throw AnswerProblem(words.noDraftHere) }
        let limit = other ? TextEntry.maxCharacters : min(q.maxLength ?? TextEntry.maxCharacters, TextEntry.maxCharacters)
        let cut = typed.count > limit ? String(typed.prefix(limit)) : typed
        let text = Redactor.forQuestion(q, in: instrument).redact(cut)
        let kept = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
        if other { otherDrafts[q.id] = kept } else { drafts[q.id] = kept }
        return text
    }
}
