import PromptUI
import ResponseStore
import SessionEngine

/// Where to record what happens; the response store's session writer in real use.
public protocol SessionRecorder: AnyObject {
    func record(_ event: SessionEvent) throws(StoreError)
    @discardableResult
    func finish(_ session: Session, duration: Double) throws(StoreError) -> String
}

extension SessionWriter: SessionRecorder {}

/// The loop every driver shares: ask, apply, journal (on disk before the next screen), move on.
/// The session applies the move and says what it kept; the runner only times and records it.
public struct SessionRunner<Driver: SessionDriver> {
    public var session: Session
    public var driver: Driver
    let recorder: any SessionRecorder
    /// Seconds since the session started (from the platform clock in real use).
    let clock: () -> Double
    /// Whether a new session of a survey in several languages starts by offering them (when the
    /// person who started it did not name one).
    let offerLanguages: Bool

    public init(session: Session, driver: Driver, recorder: any SessionRecorder, clock: @escaping () -> Double, offerLanguages: Bool = false) {
        self.session = session
        self.driver = driver
        self.recorder = recorder
        self.clock = clock
        self.offerLanguages = offerLanguages
    }

    public mutating func run() throws(StoreError) -> SessionOutcome {
        // Rules that fired before (a resumed session) were shown then; only new ones are shown.
        var shownFirings = session.safeguardingFired.count
        var problem: String?
        // The move a soft check questioned, and where: the same move again keeps it (confirmed).
        var questioned: (question: String, move: SessionMove)?
        // A session begun without a consent step starts with the welcome (with one, the consent
        // screen is the welcome); one resumed with answers goes straight back to its question.
        let fresh = session.phase != .finished && session.phase != .declined
            && session.answers.isEmpty && session.skipped.isEmpty && session.drafts.isEmpty && session.otherDrafts.isEmpty
        // The languages come first, each named in itself, so that everything after is read in
        // the one chosen; the choice is a move like any other, journaled and replayed.
        if offerLanguages, fresh, session.instrument.kind == .survey, session.instrument.languages.count > 1 {
            guard let code = driver.chooseLanguage(session) else { return .interrupted }
            _ = try perform(.language(code))
        }
        if case .question = session.phase, fresh {
            while !driver.welcome(session) {
                // Leaving the welcome to change its language shows it again in that language.
                guard let code = driver.takeLanguageChange() else { return .interrupted }
                _ = try perform(.language(code))
            }
        }
        while true {
            // A rule's message comes at once: after the answer that fired it is on disk, before
            // any other screen (the next question, the end).
            if session.safeguardingFired.count > shownFirings {
                let fired = Array(session.safeguardingFired.dropFirst(shownFirings))
                shownFirings = session.safeguardingFired.count
                if driver.safeguard(session, fired: fired) == .pause { return .interrupted }
            }
            let move: SessionMove
            switch session.phase {
            case .consent:
                guard let agreed = driver.consent(session) else {
                    guard let code = driver.takeLanguageChange() else { return .interrupted }
                    _ = try perform(.language(code))
                    continue
                }
                move = .consent(agreed: agreed)
            case .declined:
                try recorder.finish(session, duration: clock())
                driver.finished(session, outcome: .declined)
                return .declined
            case .finished:
                // A survey's answers are shown once more before they are sent: sending is a
                // step of its own, and any answer can still be changed (an interview is ended
                // by its interviewer, who has seen everything).
                if session.instrument.kind != .interview, !session.reviewItems.isEmpty {
                    let action = try keepingDraft(driver.review(session, problem: problem))
                    problem = nil
                    switch action {
                    case .submit: break
                    case .move(let asked):
                        if let p = try perform(asked) { problem = p }
                        continue
                    default: return .interrupted
                    }
                }
                let path = try recorder.finish(session, duration: clock())
                driver.finished(session, outcome: .completed(path: path))
                return .completed(path: path)
            case .question:
                let action = try keepingDraft(driver.ask(session, problem: problem))
                problem = nil
                guard case .move(let asked) = action else { return .interrupted }
                move = asked
                let here = session.current?.id ?? ""
                if let warning = session.softWarning(for: move) {
                    if let q = questioned, q.question == here, q.move == move {
                        _ = try perform(.confirm)
                    } else {
                        questioned = (here, move)
                        problem = warning + " " + driver.softCheckHint(session.words)
                        continue
                    }
                }
                questioned = nil
            }
            problem = try perform(move)
        }
    }

    /// Journals a draft the driver kept (text typed and not submitted), then hands on what is to
    /// follow it. A draft that cannot be kept never stops the move after it.
    private mutating func keepingDraft(_ action: Action) throws(StoreError) -> Action {
        guard case .keepingDraft(let text, let then) = action else { return action }
        _ = try perform(.draft(text))
        return try keepingDraft(then)
    }

    /// Applies a move and journals what the session kept (on disk before the next screen);
    /// returns why the session refused it, if it did.
    private mutating func perform(_ move: SessionMove) throws(StoreError) -> String? {
        let kept: SessionEvent
        do throws(AnswerProblem) {
            kept = try session.apply(session.event(move, at: clock()))
        } catch {
            return error.message
        }
        // A decline is not journaled: the journal is removed as its response is written.
        if session.phase != .declined { try recorder.record(kept) }
        return nil
    }
}
