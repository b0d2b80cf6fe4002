import InstrumentModel

/// How a session ended, or that it has not: the one mapping from a session's phase to the status
/// its response is stored, counted and exported with.
public enum ResponseStatus: String, Sendable, Codable, CaseIterable {
    case complete, partial, declined
}

extension Session {
    public var status: ResponseStatus {
        switch phase {
        case .finished: .complete
        case .declined: .declined
        case .consent, .question: .partial
        }
    }

    /// The event for a move made now: it names the question it was made at (or, for a jump, the
    /// question jumped to), so that a replay can tell that it still fits.
    public func event(_ move: SessionMove, at time: Double) -> SessionEvent {
        switch move {
        case .jump(let target): SessionEvent(move, question: target, at: time)
        case .answer, .skip, .draft, .notes, .probe, .confirm: SessionEvent(move, question: current?.id, at: time)
        case .consent, .back, .end, .language: SessionEvent(move, at: time)
        }
    }

    /// Applies one event: the one switch over moves, used by every driver and by every replay.
    /// Returns the event as kept (free text redacted), which is what the journal records.
    @discardableResult
    public mutating func apply(_ event: SessionEvent) throws(AnswerProblem) -> SessionEvent {
        var kept = event
        switch event.move {
        case .consent(let agreed):
            guard phase == .consent else { throw AnswerProblem(words.replayConsentGiven) }
            if agreed { agree(at: event.at) } else { decline() }
        case .answer(let answer):
            try expect(event.question)
            kept.move = .answer(try self.answer(answer, at: event.at))
        case .skip:
            try expect(event.question)
            try skip(at: event.at)
        case .back:
            try back(at: event.at)
        case .draft(let text):
            try expect(event.question)
            kept.move = .draft(try keepDraft(text))
        case .notes(let text):
            try expect(event.question)
            kept.move = .notes(try setNotes(text, at: event.at))
        case .jump(let target):
            // A survey jumps only from its review, back to an answer to change.
            if instrument.kind != .interview, phase == .finished {
                try review(jumpTo: target, at: event.at)
            } else {
                guard instrument.kind == .interview else { throw AnswerProblem(words.replayOnlyInterviewJumps) }
                try jump(to: target, at: event.at)
            }
        case .probe(let index, let asked):
            try expect(event.question)
            try tickProbe(index, asked: asked)
        case .end:
            guard instrument.kind == .interview else { throw AnswerProblem(words.replayOnlyInterviewEnds) }
            end(at: event.at)
        case .language(let code):
            guard instrument.languages.contains(code) else { throw AnswerProblem(words.noSuchLanguage(code)) }
            language = code
        case .confirm:
            try expect(event.question)
            try confirmSoftCheck()
        }
        return kept
    }

    /// An event made at one question cannot be applied at another.
    private func expect(_ question: String?) throws(AnswerProblem) {
        guard let here = current?.id else { throw AnswerProblem(words.replayNoQuestion) }
        guard let question, question == here else {
            throw AnswerProblem(words.replayElsewhere(done: question ?? "?", here: here))
        }
    }
}
