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
    /// A matrix's keys: `numbers` is "1-5" where the points can be chosen by number.
    public func matrixKeys(numbers: String?) -> String {
        message("keys_matrix", ["choose": numbers.map { message("keys_space_or", ["keys": $0]) } ?? message("keys_space")])
    }
    public func rankingKeys(holding: Bool, touched: Bool) -> String {
        message(holding ? "keys_ranking_holding" : touched ? "keys_ranking_touched" : "keys_ranking_fresh")
    }
    public var noteKeys: String { message("keys_note") }
    public func textKeys(multiline: Bool) -> String { message(multiline ? "keys_long_text" : "keys_text") }

    // MARK: The interviewer's screen

    /// Asked on Ctrl-C; `dropsAnswer` when the answer on screen would end the interview if kept,
    /// `dropsTyped` when text typed on a screen that keeps no notes would go with it.
    public func interviewConfirmLeave(dropsAnswer: Bool, dropsTyped: Bool = false) -> String {
        message(dropsTyped ? "interview_confirm_leave_drops_typed" : dropsAnswer ? "interview_confirm_leave_drops" : "interview_confirm_leave")
    }
    /// Over what is typed on a note or instruction screen, which keeps no notes of its own.
    public var interviewNoNotesHere: String { message("interview_no_notes_here") }
    /// A move from a note screen, with text typed there, to a screen it cannot go on to.
    public var interviewTypedNeedsNotes: String { message("interview_typed_needs_notes") }
    /// Characters typed on a screen that takes none (welcome, a note, the review), said back.
    public func screenTakesNoTyping(_ typed: String) -> String { message("screen_takes_no_typing", ["typed": typed]) }
    public var interviewConfirmEnd: String { message("interview_confirm_end") }
    public var interviewEndKeys: String { message("interview_end_keys") }
    public var interviewOutlineKeys: String { message("interview_keys_outline") }
    /// `keys` is "1" or "1-4": the probes' own numbers.
    public func interviewProbeKeys(_ keys: String) -> String { message("interview_keys_probes", ["keys": keys]) }
    /// The interview's keys while taking notes, in order of use; nil where a key does not apply.
    /// `widgetKeys` are an answer widget's own keys, which come first where there is one.
    public func interviewNoteKeys(_ type: QuestionType, hasProbes: Bool, widgetKeys: [String]? = nil) -> [String?] {
        let enter = type == .open ? "interview_key_keep_paragraph" : type == .note || type == .calculate ? "interview_key_go_on" : "interview_key_answer"
        let answering = type == .open || type == .note || type == .calculate ? [message(enter)] : widgetKeys ?? [message(enter)]
        return answering + [message("interview_key_next"), message("interview_key_previous"), hasProbes ? message("interview_key_probes") : nil,
                            message("interview_key_outline"), message("interview_key_end"), keyLeave]
    }
    public var interviewThisQuestion: String { message("interview_this_question") }
    public func interviewProbesNumbered(_ count: Int) -> String { message("interview_probes_numbered", ["count": String(count)]) }
    public var interviewAnswerEnds: String { message("interview_answer_ends") }
    /// `04:20 of 5 min`, and once past the plan `06:10 of 5 min, 01:10 over`.
    public func interviewBudget(_ time: String, minutes: Int, over: String?) -> String {
        over.map { message("interview_budget_over", ["time": time, "minutes": String(minutes), "over": $0]) }
            ?? message("interview_budget", ["time": time, "minutes": String(minutes)])
    }
    /// `↑ 9 lines above`, `↓ 1 line below`.
    public func interviewLines(_ count: Int, above: Bool) -> String {
        message(above ? "interview_lines_above" : "interview_lines_below", count: count, ["count": String(count)])
    }
    public func interviewGroup(_ size: Int) -> String { message("interview_group", count: size, ["count": String(size)]) }
    /// `keys` is "1-4" while a probe is being chosen.
    public func interviewProbesHeading(choosing keys: String?) -> String {
        keys.map { message("interview_probes_press", ["keys": $0]) } ?? message("interview_probes_tick")
    }
    public var interviewNotes: String { message("interview_notes") }
    /// A turn typed for a speaker outside the group: "P5 is not in this group: …".
    public func speakerNotInGroup(_ n: Int, group: Int) -> String {
        message("speaker_not_in_group", ["speaker": "P\(n)", "count": String(group)])
    }
}
