import SessionEngine

/// A step of an interrupted session's journal that its replay could not apply as it is, for the
/// readers to say (an export or a summary never changes data in silence): which response (its id,
/// as in every export, and its journal), which step, which question, why, and whether the answer
/// was kept as given or left out.
public struct ReplayNote: Sendable, Equatable, CustomStringConvertible {
    public var responseID: String
    public var path: String
    /// The step among the journal's events, from 1.
    public var step: Int
    public var question: String?
    public var problem: String
    public var kept: Bool

    init(responseID: String, path: String, _ u: Session.Unapplied) {
        self.responseID = responseID
        self.path = path
        step = u.index + 1
        question = u.event.question
        problem = u.problem.message
        kept = u.kept
    }

    public var description: String {
        let at = "response \(responseID) ('\(path)'), step \(step)" + (question.map { " at question '\($0)'" } ?? "")
        return kept
            ? "\(at): the answer no longer passes the question's checks (\(problem)); it is kept as given"
            : "\(at): could not be replayed (\(problem)); it is left out"
    }
}
