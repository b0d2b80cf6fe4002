/// What `fieldwork serve` says over a participant's SSH connection besides the survey: why a
/// connection is turned away or closed, and how to come back. Kept apart from
/// `ParticipantWords.swift`, as the screens' keys are, so the server's words grow in one place.
extension ParticipantWords {
    public var serveBusy: String { message("serve_busy") }
    public var serveTooManyConnections: String { message("serve_too_many_connections") }
    /// To a client that asked for a command: `command` is the ssh line that takes the survey.
    public func serveOnlyTheSurvey(_ survey: String, command: String) -> String {
        message("serve_only_the_survey", ["survey": survey, "command": command])
    }
    public var serveStoppingTryLater: String { message("serve_stopping_try_later") }
    public var serveStopping: String { message("serve_stopping") }
    public var serveNothingToContinue: String { message("serve_nothing_to_continue") }
    public var serveCannotSave: String { message("serve_cannot_save") }
    public func serveClosedIdle(seconds: Int) -> String { message("serve_closed_idle", ["duration": duration(seconds)]) }
    public func serveClosedTimeLimit(seconds: Int) -> String { message("serve_closed_time_limit", ["duration": duration(seconds)]) }
    public var serveClosedInputRate: String { message("serve_closed_input_rate") }
    /// How an invited participant comes back: `command` is the ssh line.
    public func serveResumeInvited(_ command: String) -> String { message("serve_resume_invited", ["command": command]) }
    /// How a participant of an open survey comes back: the ssh line, then the session code.
    public func serveResumeSessionCode(_ command: String, code: String) -> String {
        message("serve_resume_session_code", ["command": command, "code": code])
    }

    /// A limit's length in the largest whole unit: "2 hours", "15 minutes", "90 seconds".
    public func duration(_ seconds: Int) -> String {
        let (key, count) = seconds > 0 && seconds % 3600 == 0 ? ("duration_hours", seconds / 3600)
            : seconds > 0 && seconds % 60 == 0 ? ("duration_minutes", seconds / 60) : ("duration_seconds", seconds)
        return message(key, count: count, ["count": String(count)])
    }
}
