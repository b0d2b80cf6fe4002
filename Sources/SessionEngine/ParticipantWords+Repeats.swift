/// The runner's words for repeated sections (see `RepeatInstances.swift`).
extension ParticipantWords {
    /// The question after an `until_done` instance when the instrument gives no `another`.
    public var repeatAnother: String { message("repeat_another") }
    public var repeatYes: String { message("repeat_yes") }
    public var repeatNo: String { message("repeat_no") }
    /// Asked before a changed answer removes instances that hold answers; `instances` names them.
    public func repeatRemove(_ instances: String) -> String { message("repeat_remove", ["instances": instances]) }
    /// The keys that answer `repeatRemove`, on a screen with keys or typed line by line.
    public func repeatRemoveKeys(typing: Bool) -> String { message(typing ? "repeat_remove_typing" : "repeat_remove_keys") }
    /// The interviewer's confirmation before a changed answer removes instances holding notes or answers.
    public func interviewRepeatRemove(_ instances: String) -> String { message("interview_repeat_remove", ["instances": instances]) }
    public var interviewRepeatRemoveKeys: String { message("interview_repeat_remove_keys") }
}
