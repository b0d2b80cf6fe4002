/// The runner's words for repeated sections (see `RepeatInstances.swift`).
extension ParticipantWords {
    /// The question after an `until_done` instance when the instrument gives no `another`.
    public var repeatAnother: String { message("repeat_another") }
    public var repeatYes: String { message("repeat_yes") }
    public var repeatNo: String { message("repeat_no") }
    /// Which instance of a repeat: "2 of 3", or "Number 2" for an `until_done` one (`total` nil),
    /// whose total is not known while more may follow. One rule for the screens, the review,
    /// the outline and safeguarding, which each wrote their own and said a bare "2".
    public func instancePlace(_ number: Int, of total: Int?) -> String {
        total.map { progress(number, of: $0) } ?? message("instance_number", ["number": String(number)])
    }
    /// Asked before a changed answer removes instances that hold answers; `instances` names them.
    public func repeatRemove(_ instances: String) -> String { message("repeat_remove", ["instances": instances]) }
    /// Asked before a lower count removes the counted instances numbered `instances` (`count` of them).
    public func repeatRemoveCount(_ instances: String, count: Int, to: String) -> String {
        message("repeat_remove_count", count: count, ["instances": instances, "to": to])
    }
    /// Asked before a no to "Add another?" removes the instances after it.
    public func repeatRemoveDone(_ instances: String, count: Int) -> String {
        message("repeat_remove_done", count: count, ["instances": instances])
    }
    /// Names in a sentence: "Art", "Art and Choir", "Walking, Art and Choir".
    public func listAnd(_ names: [String]) -> String {
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return message("repeat_list_and", ["list": names.dropLast().joined(separator: ", "), "last": last])
    }
    /// The keys that answer `repeatRemove`, on a screen with keys or typed line by line.
    public func repeatRemoveKeys(typing: Bool) -> String { message(typing ? "repeat_remove_typing" : "repeat_remove_keys") }
    /// The interviewer's confirmation before a changed answer removes instances holding notes or answers.
    public func interviewRepeatRemove(_ instances: String) -> String { message("interview_repeat_remove", ["instances": instances]) }
    public var interviewRepeatRemoveKeys: String { message("interview_repeat_remove_keys") }
}
