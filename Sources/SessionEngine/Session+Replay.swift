import InstrumentModel

extension Session {
    /// An event of a journal that could not be applied, and why.
    public struct Unapplied: Sendable, Equatable {
        /// The event's place among the journal's events (0-based).
        public var index: Int
        public var event: SessionEvent
        public var problem: AnswerProblem
        /// An answer kept as given although it no longer passes the question's checks (it is in
        /// the rebuilt session and every export); otherwise the event is left out.
        public var kept = false
    }

    /// A session rebuilt from its events, with those that did not apply.
    public struct Rebuilt: Sendable {
        public var session: Session
        public var unapplied: [Unapplied]
    }

    /// Rebuilds a session from the events it recorded: the one replay, used by resume, export,
    /// status and withdrawal alike. `today` must be the day the session was run on (the journal
    /// keeps it), so that a date limited to `today` is judged as it was when given. An event that
    /// does not apply is reported, never passed over in silence; the replay goes on with the next.
    /// An answer at its own question that no longer passes the checks is kept as given (and
    /// reported as kept): a journal never loses what a participant gave.
    public static func rebuilt(instrument: Instrument, seed: UInt64, language: String?, today: Int, preset: [String: Answer] = [:],
                               events: [SessionEvent]) -> Rebuilt {
        var session = Session(instrument: instrument, seed: seed, language: language, today: today, preset: preset)
        var unapplied: [Unapplied] = []
        for (index, event) in events.enumerated() {
            do throws(AnswerProblem) {
                try session.apply(event)
            } catch {
                var kept = false
                if case .answer(let answer) = event.move, event.question != nil, event.question == session.current?.id {
                    kept = (try? session.keepUnchecked(answer, at: event.at)) != nil
                }
                unapplied.append(Unapplied(index: index, event: event, problem: error, kept: kept))
            }
        }
        return Rebuilt(session: session, unapplied: unapplied)
    }
}
