import Expressions
import InstrumentModel
import Messages

/// Everything a participant (or an interviewer) reads that is not the instrument's own text: the
/// reasons an answer is refused, the end of a session, the help under a question. The words come
/// from the language's catalogue (`Sources/Messages/Catalogues`), with the instrument's own
/// `messages:` first and English where neither has a message; drivers never write their own
/// wording, and a translation has one list to cover.
public struct ParticipantWords: Sendable {
    public let language: String
    /// The language's catalogue, or nil when Fieldwork has none (then English is used).
    let catalogue: MessageCatalogue?
    /// The instrument's `messages:`, by key.
    let overrides: [String: LocalizedText]

    public static func forLanguage(_ code: String?) -> ParticipantWords { forLanguage(code, overrides: nil) }

    /// The words for a language, with an instrument's own `messages:` over the catalogue's.
    public static func forLanguage(_ code: String?, overrides: [String: LocalizedText]?) -> ParticipantWords {
        let language = code ?? "en"
        return ParticipantWords(language: language, catalogue: Catalogues.catalogue(for: language), overrides: overrides ?? [:])
    }

    /// The message under `key` with its `{placeholders}` filled in. An override counts only in
    /// its own language (or untranslated), so a Welsh override never shows to a Spanish reader.
    /// `count` picks the plural form, by the rules of the catalogue the text comes from.
    func message(_ key: String, count: Int? = nil, _ values: [String: String] = [:]) -> String {
        var text: String
        if let own = overrides[key], let t = own.entries.first(where: { $0.language == language })?.text
            ?? own.entries.first(where: { $0.language.isEmpty })?.text {
            text = t
        } else {
            let source = catalogue.flatMap { c in c.messages[key] != nil || c.isPlural(key) ? c : nil } ?? Catalogues.english
            if source.isPlural(key) {
                text = source.messages["\(key).\(count.map(source.pluralCategory) ?? "other")"] ?? source.messages["\(key).other"] ?? key
            } else {
                text = source.messages[key] ?? key
            }
        }
        return Self.fill(text, values)
    }

    /// The placeholders filled in one pass, so that a value holding braces (a label such as
    /// "{max}") is shown as it is rather than filled in again.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// A message as written, its placeholders unfilled (a counted one in its `other` form): for
    /// documents that show the runner's words, such as the preview.
    public func text(ofMessage key: String) -> String { message(key) }

    /// Whether numbers are written with a decimal comma in the language (12,5), as in most of
    /// continental Europe, rather than a decimal point (12.5) as in English and Welsh: the
    /// catalogue says so; for a language without one, a list of those that write a comma.
    public var decimalComma: Bool {
        if let catalogue { return catalogue.decimalMark == "," }
        let base = language.split(separator: "-").first.map(String.init)?.lowercased() ?? language
        return Self.decimalCommaLanguages.contains(base)
    }

    static let decimalCommaLanguages: Set<String> = [
        "bg", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fr", "gl", "hr", "hu", "id", "is", "it", "lt", "lv",
        "nb", "nl", "nn", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk", "vi",
    ]

    /// A number for a reader of the language: the stored digits with its decimal mark (12,5).
    public func formatted(_ n: Double) -> String {
        let text = NumberText.canonical(n)
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A number as typed, read by the language's decimal mark; a refusal in its words.
    public func number(_ typed: String) -> Result<Double, AnswerProblem> {
        switch TextEntry.reading(typed, decimalComma: decimalComma) {
        case .number(let n): .success(n)
        case .notANumber: .failure(AnswerProblem(typeANumber))
        case .ambiguous: .failure(AnswerProblem(ambiguousNumber))
        }
    }

    // MARK: Answers refused

    public func sayWhatOtherIs(_ label: String) -> String { message("say_what_other_is", ["label": label]) }
    public var chooseOne: String { message("choose_one") }
    public var chooseFromOptions: String { message("choose_from_options") }
    public func cannotCombine(_ label: String) -> String { message("cannot_combine", ["label": label]) }
    public func chooseAtLeast(_ n: Int) -> String { message("choose_at_least", count: n, ["count": String(n)]) }
    public func chooseNoMoreThan(_ n: Int) -> String { message("choose_no_more_than", count: n, ["count": String(n)]) }
    public var chooseForEachRow: String { message("choose_for_each_row") }
    public func answerRow(_ row: String) -> String { message("answer_row", ["row": row]) }
    public var rankEachOnce: String { message("rank_each_once") }
    public func putInOrder(_ n: Int) -> String { message("put_in_order", count: n, ["count": String(n)]) }
    public func tooLong(max: Int, length: Int) -> String {
        message("too_long", count: max, ["max": grouped(max), "length": grouped(length)])
    }
    /// `100,000`: a limit of six digits is read at a glance only with its thousands marked, by
    /// the language's mark (`100.000` in Spanish).
    private func grouped(_ n: Int) -> String {
        let mark = String((catalogue ?? Catalogues.english).groupMark)
        var digits = String(n.magnitude)
        var out = ""
        while digits.count > 3 {
            out = mark + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }
    public var checkFormat: String { message("check_format") }
    public var wrongKind: String { message("wrong_kind") }
    public var notAccepted: String { message("not_accepted") }
    public var wholeNumber: String { message("whole_number") }
    public func atMostDecimals(_ n: Int) -> String { message("at_most_decimals", count: n, ["count": String(n)]) }
    public var numberTooLarge: String { message("number_too_large") }
    public func numberBetween(_ lo: String, _ hi: String) -> String { message("number_between", ["min": lo, "max": hi]) }
    public func numberAtLeast(_ lo: String) -> String { message("number_at_least", ["min": lo]) }
    public func numberAtMost(_ hi: String) -> String { message("number_at_most", ["max": hi]) }
    public func writeDate(_ precision: DatePrecision) -> String { message("write_date", ["pattern": datePattern(precision)]) }
    /// How a date is typed at a precision, with an example, in the language's words.
    public func datePattern(_ precision: DatePrecision) -> String {
        switch precision {
        case .day: message("date_pattern_day")
        case .month: message("date_pattern_month")
        case .year: message("date_pattern_year")
        }
    }
    public func noSuchDay(day: Int, month: Int, year: Int) -> String {
        message("no_such_day", ["day": String(day), "month": message("month_\(month)"), "year": String(year)])
    }

    /// A date as typed, in the form it is stored; a refusal in the words of the language.
    public func date(_ typed: String, precision: DatePrecision) -> Result<String, AnswerProblem> {
        switch TextEntry.dateReading(typed, precision: precision) {
        case .date(let d): .success(d)
        case .notADate: .failure(AnswerProblem(writeDate(precision)))
        case .noSuchDay(let day, let month, let year): .failure(AnswerProblem(noSuchDay(day: day, month: month, year: year)))
        }
    }
    /// How a time or a datetime is typed, with an example, in the language's words.
    public func clockPattern(_ type: QuestionType) -> String { message(type == .time ? "time_pattern" : "datetime_pattern") }
    public var writeTime: String { message("write_time", ["pattern": clockPattern(.time)]) }
    public var writeDatetime: String { message("write_datetime", ["pattern": clockPattern(.datetime)]) }
    public func timeFrom(_ limit: String, datetime: Bool = false) -> String { message(datetime ? "datetime_from" : "time_from", ["time": limit]) }
    public func timeUntil(_ limit: String, datetime: Bool = false) -> String { message(datetime ? "datetime_until" : "time_until", ["time": limit]) }
    /// A limit of a time or datetime as the participant reads it: `09:00`, `2024-05-01 09:00`, or
    /// the language's word for today.
    public func clockLimit(_ text: String?, of type: QuestionType) -> String {
        guard let text else { return "" }
        return text == "today" ? message("today") : DateTimeValue.readable(text)
    }
    /// A clock time as typed (`9:05`, `09.05`), in the form it is stored (`09:05`); a refusal
    /// that says the form wanted.
    public func time(_ typed: String) -> Result<String, AnswerProblem> {
        TextEntry.time(typed).map { .success($0) } ?? .failure(AnswerProblem(writeTime))
    }
    /// A date and a clock time as typed (`2024-05-01 9:05`), as stored (`2024-05-01T09:05`).
    public func datetime(_ typed: String) -> Result<String, AnswerProblem> {
        switch TextEntry.datetimeReading(typed) {
        case .date(let d): .success(d)
        case .notADate: .failure(AnswerProblem(writeDatetime))
        case .noSuchDay(let day, let month, let year): .failure(AnswerProblem(noSuchDay(day: day, month: month, year: year)))
        }
    }
    public func dateFrom(_ date: String) -> String { message("date_from", ["date": date]) }
    public func dateUntil(_ date: String) -> String { message("date_until", ["date": date]) }
    public var typeANumber: String { message("type_a_number") }
    public var ambiguousNumber: String { message(decimalComma ? "ambiguous_number_comma" : "ambiguous_number_point") }
    public func typePosition(_ count: Int) -> String { message("type_position", count: count, ["count": String(count)]) }
    public func typeValue(_ lo: Int, _ hi: Int) -> String { message("type_value", ["min": String(lo), "max": String(hi)]) }
    public func typePositions(_ count: Int) -> String { message("type_positions", count: count, ["count": String(count)]) }
    public var pressEnterToContinue: String { message("press_enter_to_continue") }

    // MARK: Moves refused

    public var noQuestionToAnswer: String { message("no_question_to_answer") }
    public var noQuestionToSkip: String { message("no_question_to_skip") }
    public var needsAnAnswer: String { message("needs_an_answer") }
    public var noGoingBack: String { message("no_going_back") }
    public var nothingToGoBackTo: String { message("nothing_to_go_back_to") }
    public var firstQuestion: String { message("first_question") }
    public var noInterview: String { message("no_interview") }
    public var notOnRoute: String { message("not_on_route") }
    public var notesOnOpenQuestions: String { message("notes_on_open_questions") }
    public var noSuchProbe: String { message("no_such_probe") }
    public var noProbes: String { message("no_probes") }
    public var noDraftHere: String { message("no_draft_here") }
    public func noSuchLanguage(_ code: String) -> String { message("no_such_language", ["language": code]) }

    // MARK: Choosing the language

    /// A language named in itself ("Cymraeg"), from its catalogue; its code where there is none.
    public static func name(ofLanguage code: String) -> String { Catalogues.catalogue(for: code)?.name ?? code }
    /// "Choose your language", said in this language (the chooser shows it in each).
    public var chooseLanguage: String { message("choose_language") }
    public var helpLanguage: String { message("help_language") }

    // MARK: Steps of a saved session that cannot be replayed

    public var replayConsentGiven: String { message("replay_consent_given") }
    public var replayOnlyInterviewJumps: String { message("replay_only_interview_jumps") }
    public var replayOnlyInterviewEnds: String { message("replay_only_interview_ends") }
    public var replayNoQuestion: String { message("replay_no_question") }
    public func replayElsewhere(done: String, here: String) -> String { message("replay_elsewhere", ["done": done, "here": here]) }

    // MARK: Around the questions

    /// Asked before the first question when the study links responses by a participant code.
    public var studyCodePrompt: String { message("study_code_prompt") }
    public var studyCodeAgain: String { message("study_code_again") }
    public var studyCodeEmpty: String { message("study_code_empty") }
    public var studyCodeDiffer: String { message("study_code_differ") }
    public var resumeContinuing: String { message("resume_continuing") }
    public var resumeAlreadyComplete: String { message("resume_already_complete") }
    /// A matrix answer told in words (the review, plain mode): "3 of 5 rows answered".
    public func rowsAnswered(_ count: Int, of total: Int) -> String { message("rows_answered", ["count": String(count), "total": String(total)]) }
    public var chooseWhetherToTakePart: String { message("choose_whether_to_take_part") }
    public var notTakingPart: String { message("not_taking_part") }
    public var saved: String { message("saved") }
    public var interviewSaved: String { message("interview_saved") }
    public var declined: String { message("declined") }
    public var savedForLater: String { savedForLater(resume: "fieldwork resume") }
    public func savedForLater(resume command: String) -> String { message("saved_for_later", ["command": command]) }
    public func interviewer(_ instructions: String) -> String { message("interviewer", ["text": instructions]) }
    /// Where the participant is on the route: "3 of 12".
    public func progress(_ number: Int, of total: Int) -> String {
        message("progress", ["number": String(number), "total": String(total)])
    }
    public var leavePrompt: String { message("leave_prompt") }
    public var leaveKeys: String { message("leave_keys") }
    public var windowTooSmall: String { message("window_too_small") }
    public func leftIdle(minutes: Int) -> String { message("left_idle", count: minutes, ["count": String(minutes)]) }
    // MARK: Plain mode (numbered prompts, read aloud by screen readers)

    public var typeOneOrTwo: String { message("type_one_or_two") }
    public var typeOneToTakePart: String { message("type_one_to_take_part") }
    public func askWhatOtherIs(_ label: String) -> String { message("ask_what_other_is", ["label": label]) }
    /// Said after the text of a required question, so it starts with its space.
    public var required: String { " " + message("required") }
    public func probe(_ text: String) -> String { message("probe", ["text": text]) }
    public var eachStatement: String { message("each_statement") }
    public func givenAnswer(_ answer: String) -> String { message("given_answer", ["answer": answer]) }
    public var plainKeepAnswer: String { message("plain_keep_answer") }
    public var plainSendDraft: String { message("plain_send_draft") }
    public func plainSection(_ title: String) -> String { message("plain_section", ["title": title]) }
    public func plainQuestion(_ number: Int, of total: Int) -> String { message("plain_question", ["number": String(number), "total": String(total)]) }
    /// Said after a refusal, on its line: the full instructions are one `?` away.
    public var plainReminder: String { message("plain_reminder") }
    public var softUnanswered: String { message("soft_unanswered") }
    public func softRowsEmpty(_ count: Int) -> String { message("soft_rows_empty", count: count, ["count": String(count)]) }
    public var softKeepKeys: String { message("soft_keep_keys") }
    public var softKeepPlain: String { message("soft_keep_plain") }
    public func plainMatrixRow(_ row: String, count: Int) -> String { message("plain_matrix_row", ["row": row, "count": String(count)]) }
    /// A line of the review in plain mode; `answer` nil when the question was not answered.
    public func plainReviewItem(_ number: Int, _ question: String, answer: String?) -> String {
        answer.map { message("plain_review_item", ["number": String(number), "question": question, "answer": $0]) }
            ?? message("plain_review_skipped", ["number": String(number), "question": question])
    }
    public func rowPosition(_ count: Int) -> String { message("row_position", count: count, ["count": String(count)]) }

    /// The line under a question in plain mode: what to type there. How to skip, go back, leave
    /// and get help is said once before the first question and again on `?` (`plainKeys`), not at
    /// every question: read aloud, a repeated line is a long wait before each answer.
    public func typingHelp(for q: Question) -> String? {
        func say(_ key: String, _ values: [String: String] = [:]) -> String { message(key, values) }
        switch q.type {
        case .note: return message("typing_note")
        case .single, .scale: return say("typing_single")
        case .multiple: return say("typing_multiple")
        case .ranking: return say("typing_ranking")
        case .matrix: return nil
        case .number:
            switch (q.min, q.max) {
            case (let lo?, let hi?): return say("typing_number_between", ["min": formatted(lo), "max": formatted(hi)])
            case (let lo?, nil): return say("typing_number_at_least", ["min": formatted(lo)])
            case (nil, let hi?): return say("typing_number_at_most", ["max": formatted(hi)])
            default: return say("typing_number")
            }
        case .date: return say("typing_date", ["pattern": datePattern(q.precision ?? .day)])
        case .longText, .open: return say("typing_long")
        case .time, .datetime: return say(q.type == .time ? "typing_time" : "typing_datetime", ["pattern": clockPattern(q.type)])
        case .text, .calculate, .hidden: return say("typing_text")
        }
    }

    // MARK: Limits, said before the answer

    /// What an answer must be, said up front rather than only after a mistake: the range and
    /// decimals of a number, how many to choose or rank, how long a text, which dates. Nil when
    /// the question has no limit worth saying.
    public func limits(for q: Question, today: Int) -> String? {
        switch q.type {
        case .number:
            let decimals = q.decimals ?? 0
            let kind = decimals == 0 ? message("limit_whole") : message("limit_decimals", count: decimals, ["count": String(decimals)])
            switch (q.min, q.max) {
            case (let lo?, let hi?): return message("limit_between", ["kind": kind, "min": formatted(lo), "max": formatted(hi)])
            case (let lo?, nil): return message("limit_at_least", ["kind": kind, "min": formatted(lo)])
            case (nil, let hi?): return message("limit_at_most", ["kind": kind, "max": formatted(hi)])
            default: return decimals == 0 ? nil : message("limit_only", ["kind": kind])
            }
        case .multiple:
            switch (q.min.map { Int($0) }, q.max.map { Int($0) }) {
            case (let lo?, let hi?) where lo == hi: return message("limit_choose_exactly", count: lo, ["count": String(lo)])
            case (let lo?, let hi?) where hi == lo + 1: return message("limit_choose_either", ["min": String(lo), "max": String(hi)])
            case (let lo?, let hi?): return message("limit_choose_range", ["min": String(lo), "max": String(hi)])
            case (let lo?, nil): return message("limit_choose_at_least", count: lo, ["count": String(lo)])
            case (nil, let hi?): return message("limit_choose_up_to", count: hi, ["count": String(hi)])
            default: return nil
            }
        case .ranking:
            let count = q.rank ?? q.allChoices.count
            return count < q.allChoices.count ? message("limit_rank_top", count: count, ["count": String(count)]) : nil
        case .text, .longText:
            return q.maxLength.map { message("limit_characters", count: $0, ["count": String($0)]) }
        case .date:
            func day(_ s: String?) -> String? {
                guard let s else { return nil }
                return s == "today" ? message("today") : DateValue.parse(s).map { DateValue.format($0, precision: q.precision ?? .day) }
            }
            switch (day(q.dateMin), day(q.dateMax)) {
            case (let lo?, let hi?): return message("limit_date_between", ["min": lo, "max": hi])
            case (let lo?, nil): return message("limit_date_from", ["min": lo])
            case (nil, let hi?): return message("limit_date_up_to", ["max": hi])
            default: return nil
            }
        case .time, .datetime:
            switch (q.dateMin.map { clockLimit($0, of: q.type) }, q.dateMax.map { clockLimit($0, of: q.type) }) {
            case (let lo?, let hi?): return message("limit_time_between", ["min": lo, "max": hi])
            case (let lo?, nil): return message("limit_time_from", ["min": lo])
            case (nil, let hi?): return message("limit_time_up_to", ["max": hi])
            default: return nil
            }
        default:
            return nil
        }
    }

    // MARK: The review before sending

    public var reviewIntro: String { message("review_intro") }
    public var reviewSkipped: String { message("review_skipped") }
    public var reviewSend: String { message("review_send") }
    public var keyReview: String { message("key_review") }
    public var keyReviewFixed: String { message("key_review_fixed") }
    /// Plain mode: the review is a numbered list.
    public func reviewTyping(canChange: Bool) -> String {
        message(canChange ? "review_typing_change" : "review_typing_send")
    }
    public func reviewPosition(_ count: Int) -> String { message("review_position", ["count": String(count)]) }
    /// Plain mode: a draft kept from before, offered again.
    public func draftKept(_ text: String) -> String { message("draft_kept", ["text": text]) }

    // MARK: Keys on the full screen

    public var keyBack: String { message("key_back") }
    public var keyLeave: String { message("key_leave") }
    /// The pause on the key line (Ctrl-P: saved as leaving is, nothing asked), beside leaving.
    public var keyPause: String { message("key_pause") }
    public var keySkip: String { message("key_skip") }
    public var keyClose: String { message("key_close") }
    public func unit(_ unit: String) -> String { message("unit", ["unit": unit]) }
    public var keyStart: String { message("key_start") }
    /// Help is `?` wherever `?` is not typed into an answer; in a text field, F1 only.
    public func keyHelp(typing: Bool) -> String { message(typing ? "key_help_typing" : "key_help") }
    public var moreAbove: String { message("more_above") }
    public var moreBelow: String { message("more_below") }

    // MARK: The welcome, and the help key

    /// How a session is answered, said before the first question in both drivers (on the consent
    /// screen where there is one): how to skip, go back, leave and get help.
    /// `languages`: the study is in several, and L changes the language.
    public func howItWorks(typing: Bool, skip: Bool, back: Bool, support: Bool, languages: Bool = false) -> [String] {
        let mode = typing ? "typing" : "keys"
        return [message(skip ? "how_skip_\(mode)" : "how_all_required"), back ? message("how_back_\(mode)") : nil,
                message("how_leave_\(mode)"), message("how_help_\(mode)" + (support ? "_support" : "")),
                languages ? message("how_language_\(mode)") : nil].compactMap { $0 }
    }

    public var helpTitle: String { message("help_title") }
    public var helpSupport: String { message("help_support") }
    /// "Support: " and the instrument's support text (rendered), on one line: said by the plain
    /// help and decline, and left in the terminal when a session ends early, by `run` and `serve`
    /// alike (built in each, the three drifted apart in what they trimmed).
    public func supportLine(_ support: String) -> String {
        helpSupport + ": " + support.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    public var helpClose: String { message("help_close") }
    public var helpScroll: String { message("help_scroll") }
    public var helpLeave: String { message("help_leave") }
    public var helpPause: String { message("help_pause") }
    public var helpKeyHelp: String { message("help_key_help") }
    /// In a text field `?` is part of the answer.
    public var helpKeyHelpTyping: String { message("help_key_help_typing") }
    /// Plain mode's `?`: what can be typed at every prompt.
    public func plainKeys(skip: Bool, back: Bool) -> [String] {
        [skip ? message("plain_key_skip") : nil, back ? message("plain_key_back") : nil, message("plain_key_leave"), message("plain_key_help")]
            .compactMap { $0 }
    }

    /// A sensitive question says how to skip it, in the words of the mode (typing or keys).
    public func personal(typing: Bool) -> String { message(typing ? "personal_typing" : "personal_keys") }
}

extension Session {
    /// The wording for this session's language.
    public var words: ParticipantWords { ParticipantWords.forLanguage(language, overrides: instrument.messages) }
}

// MARK: Safeguarding (a rule's message, shown at once after the answer that fired it)

extension ParticipantWords {
    /// The single key that carries on past a safeguarding message: a letter, so that holding
    /// Enter (or Space) to page through cannot pass it unread.
    public var safeguardingCarryOnKey: Character { "c" }
    public var safeguardingPauseKey: Character { "p" }
    public var safeguardingAcknowledgeKey: Character { "a" }
    public func safeguardingKeys(pause: Bool) -> String { pause ? "C carry on · P pause and leave" : "C carry on" }
    public func safeguardingHowToGoOn(pause: Bool) -> String {
        pause ? "Press C to carry on with the questions, or P to pause: everything you have given is saved, and you can come back later or not at all."
              : "Press C to carry on with the questions."
    }
    public func safeguardingTypeToGoOn(pause: Bool) -> String {
        pause ? "Type c and press Enter to carry on with the questions, or type p and press Enter to pause: everything you have given is saved, and you can come back later or not at all."
              : "Type c and press Enter to carry on with the questions."
    }
    /// The interviewer's banner: what fired, and that it is for the interviewer alone.
    /// `instance` ("Work, 2 of 3") says which instance of a repeat the question was in.
    public func safeguardingBanner(rule: String, question: String, instance: String? = nil) -> String {
        "SAFEGUARDING: rule '\(rule)' fired at '\(question)'\(instance.map { " (\($0))" } ?? ""). For you, not to read out."
    }
    public var safeguardingAcknowledge: String { "Press A once you have read this, to go back to the interview." }
    public var safeguardingTypeToAcknowledge: String { "Type a and press Enter once you have read this." }
    public var safeguardingKeysInterviewer: String { "A acknowledge" }
}
