import InstrumentModel

/// The keys each answer widget and the interviewer's screen offer, in the session's language.
/// Kept apart from `ParticipantWords.swift` so the screens' own words grow in one place; each
/// help keeps " · " between keys, which a narrow screen drops one by one.
extension ParticipantWords {
    /// A choice list's keys: `numbers` is "1-4", or nil; `byValue` when codes are typed.
    public func choiceKeys(multiple: Bool, byValue: Bool, numbers: String?) -> String {
        let keys = byValue ? message("keys_a_number") : numbers
        let choose = keys.map { message("keys_space_or", ["keys": $0]) } ?? message("keys_space")
        return message(multiple ? "keys_choose_multiple" : "keys_choose_single", ["choose": choose])
    }
    public var scaleKeys: String { message("keys_scale") }
    public var matrixKeys: String { message("keys_matrix") }
    public func rankingKeys(holding: Bool, touched: Bool) -> String {
        message(holding ? "keys_ranking_holding" : touched ? "keys_ranking_touched" : "keys_ranking_fresh")
    }
    public var noteKeys: String { message("keys_note") }
    public func textKeys(multiline: Bool) -> String { message(multiline ? "keys_long_text" : "keys_text") }

    // MARK: The interviewer's screen

    public var interviewConfirmLeave: String { message("interview_confirm_leave") }
    public var interviewConfirmEnd: String { message("interview_confirm_end") }
    public var interviewOutlineKeys: String { message("interview_keys_outline") }
    public var interviewProbeKeys: String { message("interview_keys_probes") }
    /// The interview's keys while taking notes, in order of use; nil where a key does not apply.
    public func interviewNoteKeys(_ type: QuestionType, hasProbes: Bool) -> [String?] {
        let enter = type == .open ? "interview_key_keep_paragraph" : type == .note ? "interview_key_go_on" : "interview_key_answer"
        return [message(enter), message("interview_key_next"), message("interview_key_previous"), message("interview_key_outline"),
                hasProbes ? message("interview_key_probes") : nil, message("interview_key_end"), keyLeave]
    }
    public func interviewGroup(_ size: Int) -> String { message("interview_group", count: size, ["count": String(size)]) }
    public func interviewProbesHeading(choosing: Bool) -> String { message(choosing ? "interview_probes_press" : "interview_probes_tick") }
    public var interviewNotes: String { message("interview_notes") }
}
