import InstrumentModel
import ResponseStore
import SessionEngine

/// What a driver asks the runner to do at a question.
public enum Action: Sendable, Equatable {
    case answer(Answer)
    case skip
    case back
    /// Save what has been given and leave; the session can be resumed.
    case leave
    /// The interviewer's moves: keep the current question's notes, go to another question,
    /// tick a probe as asked (or not), end the interview.
    case notes(String)
    case jump(String)
    case probe(Int, asked: Bool)
    case end
}

/// A way of putting a session in front of a person: the plain numbered prompts or the full screen.
public protocol SessionDriver {
    /// Shows the consent text; true to agree, false to decline, nil to leave.
    mutating func consent(_ session: Session) -> Bool?
    /// Shows the current question, with the reason the last answer was refused if there was one.
    mutating func ask(_ session: Session, problem: String?) -> Action
    /// Shows the end of the session.
    mutating func finished(_ session: Session, outcome: SessionOutcome)
}

/// Where to record what happens; the response store's session writer in real use.
public protocol SessionRecorder: AnyObject {
    func record(_ event: JournalEvent) throws(StoreError)
    @discardableResult
    func finish(_ session: Session, status: ResponseStatus, duration: Double) throws(StoreError) -> String
}

extension SessionWriter: SessionRecorder {}

public enum SessionOutcome: Sendable, Equatable {
    case completed(path: String)
    case declined
    case interrupted
}

/// The loop both drivers share: ask, check, journal (on disk before the next screen), move on.
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
        var problem: String?
        while true {
            switch session.phase {
            case .consent:
                guard let agreed = driver.consent(session) else { return .interrupted }
                let t = clock()
                if agreed {
                    session.agree(at: t)
                    try recorder.record(.consent(agreed: true, at: t))
                } else {
                    session.decline()
                }
            case .declined:
                try recorder.finish(session, status: .declined, duration: clock())
                driver.finished(session, outcome: .declined)
                return .declined
            case .finished:
                let path = try recorder.finish(session, status: .complete, duration: clock())
                driver.finished(session, outcome: .completed(path: path))
                return .completed(path: path)
            case .question(let id):
                let action = driver.ask(session, problem: problem)
                problem = nil
                let t = clock()
                let event: JournalEvent
                do throws(AnswerProblem) {
                    switch action {
                    case .answer(let raw):
                        let question = session.question(id)
                        let answer = question.map { Redactor.forQuestion($0, in: session.instrument).apply(raw) } ?? raw
                        try session.answer(answer, at: t)
                        event = .answer(question: id, answer: answer, at: t)
                    case .skip:
                        try session.skip(at: t)
                        event = .skip(question: id, at: t)
                    case .back:
                        try session.back(at: t)
                        event = .back(at: t)
                    case .leave:
                        return .interrupted
                    case .notes(let raw):
                        let text = session.question(id).map { Redactor.forQuestion($0, in: session.instrument).redact(raw) } ?? raw
                        try session.setNotes(text, at: t)
                        event = .notes(question: id, text: text, at: t)
                    case .jump(let target):
                        try session.jump(to: target, at: t)
                        event = .jump(question: target, at: t)
                    case .probe(let index, let asked):
                        try session.tickProbe(index, asked: asked)
                        event = .probe(question: id, index: index, asked: asked, at: t)
                    case .end:
                        session.end(at: t)
                        event = .end(at: t)
                    }
                } catch {
                    problem = error.message
                    continue
                }
                try recorder.record(event)
            }
        }
    }
}
