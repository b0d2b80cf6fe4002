import SessionEngine

/// What a driver asks for at a question: a move for the session, or to leave (saved, to resume).
public enum Action: Sendable, Equatable {
    case move(SessionMove)
    /// Save what has been given and leave; the session can be resumed.
    case leave

    // The moves by name, so that a driver says `.answer(a)` or `.skip`.
    public static func answer(_ answer: Answer) -> Action { .move(.answer(answer)) }
    public static let skip = Action.move(.skip)
    public static let back = Action.move(.back)
    public static func notes(_ text: String) -> Action { .move(.notes(text)) }
    public static func jump(_ question: String) -> Action { .move(.jump(to: question)) }
    public static func probe(_ index: Int, asked: Bool) -> Action { .move(.probe(index, asked: asked)) }
    public static let end = Action.move(.end)
}

/// A way of putting a session in front of a person: the plain numbered prompts or the full screen.
public protocol SessionDriver {
    /// Shows the consent text; true to agree, false to decline, nil to leave.
    mutating func consent(_ session: Session) -> Bool?
    /// Shows the current question, with the reason the last answer was refused if there was one.
    mutating func ask(_ session: Session, problem: String?) -> Action
    /// Shows the end of the session.
    mutating func finished(_ session: Session, outcome: SessionOutcome)
    /// Shows, at once and before anything else, what the safeguarding rules that have just fired
    /// call for (see `SafeguardingScreen.swift`).
    mutating func safeguard(_ session: Session, fired: [SafeguardingFiring]) -> SafeguardingReply
}

public enum SessionOutcome: Sendable, Equatable {
    case completed(path: String)
    case declined
    case interrupted
}
