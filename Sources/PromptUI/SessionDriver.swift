import SessionEngine

/// What a driver asks for at a question: a move for the session, or to leave (saved, to resume).
public enum Action: Sendable, Equatable {
    case move(SessionMove)
    /// Save what has been given and leave; the session can be resumed.
    case leave
    /// Keep what was typed at the current question as a draft, then do `then` (go back, leave):
    /// typed text is never lost by moving away from it.
    indirect case keepingDraft(String, then: Action)
    /// From the review: send the answers (the session is complete).
    case submit

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
    /// Shows the welcome (title, description, how to skip, go back, leave and get help) before the
    /// first question of a session without a consent step; false to leave. Where there is a
    /// consent step, its screen is the welcome.
    mutating func welcome(_ session: Session) -> Bool
    /// Offers the instrument's languages, each named in itself, before anything else: the code
    /// chosen (Enter alone keeps the session's), or nil to leave.
    mutating func chooseLanguage(_ session: Session) -> String?
    /// The language chosen on the welcome or consent screen, which returned (false, nil) to have
    /// it journaled and be shown again in it; nil when none was. Asked once, it is forgotten.
    mutating func takeLanguageChange() -> String?
    /// Shows the consent text; true to agree, false to decline, nil to leave.
    mutating func consent(_ session: Session) -> Bool?
    /// Shows the current question, with the reason the last answer was refused if there was one.
    mutating func ask(_ session: Session, problem: String?) -> Action
    /// Shows every answer before they are sent: `.submit`, a jump to change one, `.back` or `.leave`.
    mutating func review(_ session: Session, problem: String?) -> Action
    /// Shows the end of the session.
    mutating func finished(_ session: Session, outcome: SessionOutcome)
    /// Shows, at once and before anything else, what the safeguarding rules that have just fired
    /// call for (see `SafeguardingScreen.swift`).
    mutating func safeguard(_ session: Session, fired: [SafeguardingFiring]) -> SafeguardingReply
    /// How a soft check is passed here, said after its message: by the same answer again.
    func softCheckHint(_ words: ParticipantWords) -> String
}

public enum SessionOutcome: Sendable, Equatable {
    case completed(path: String)
    case declined
    case interrupted
}

extension SessionDriver {
    /// A driver without a review (the interviewer's screen: the interviewer ends the interview) sends at once.
    public mutating func review(_ session: Session, problem: String?) -> Action { .submit }
    /// A driver without a choice of language (the interviewer's screen) keeps the session's.
    public mutating func chooseLanguage(_ session: Session) -> String? { session.language }
    public mutating func takeLanguageChange() -> String? { nil }
    /// On a screen the answer stays in place, so Enter again gives it again.
    public func softCheckHint(_ words: ParticipantWords) -> String { words.softKeepKeys }
}

extension Action {
    /// Reading on in another language: the answers stay as they are.
    public static func language(_ code: String) -> Action { .move(.language(code)) }
}
