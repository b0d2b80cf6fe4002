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

    public init(session: Session, driver: Driver, recorder: any SessionRecorder, clock: @escaping () -> Double) {
        self.session = session
        self.driver = driver
        self.recorder = recorder
        self.clock = clock
    }

    public mutating func run() throws(StoreError) -> SessionOutcome {
        // Rules that fired before (a resumed session) were shown then; only new ones are shown.
        var shownFirings = session.safeguardingFired.count
        var problem: String?
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
                guard let agreed = driver.consent(session) else { return .interrupted }
                move = .consent(agreed: agreed)
            case .declined:
                try recorder.finish(session, duration: clock())
                driver.finished(session, outcome: .declined)
                return .declined
            case .finished:
                let path = try recorder.finish(session, duration: clock())
                driver.finished(session, outcome: .completed(path: path))
                return .completed(path: path)
            case .question:
                let action = driver.ask(session, problem: problem)
                problem = nil
                guard case .move(let asked) = action else { return .interrupted }
                move = asked
            }
            let kept: SessionEvent
            do throws(AnswerProblem) {
                kept = try session.apply(session.event(move, at: clock()))
            } catch {
                problem = error.message
                continue
            }
            // A decline is not journaled: the journal is removed as its response is written.
            if session.phase != .declined { try recorder.record(kept) }
        }
    }
}
