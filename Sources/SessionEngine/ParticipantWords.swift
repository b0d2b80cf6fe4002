import Expressions
import InstrumentModel

/// Everything a participant (or an interviewer) reads that is not the instrument's own text: the
/// reasons an answer is refused, the end of a session, the help under a question. One place per
/// language, so that drivers never write their own wording and a translation has one list to
/// cover. Only English exists yet; `forLanguage` is where catalogues for other languages go.
public struct ParticipantWords: Sendable {
    public let language: String

    public static func forLanguage(_ code: String?) -> ParticipantWords { ParticipantWords(language: code ?? "en") }

    /// Whether numbers are written with a decimal comma in the language (12,5), as in most of
    /// continental Europe, rather than a decimal point (12.5) as in English and Welsh.
    public var decimalComma: Bool {
        let base = language.split(separator: "-").first.map(String.init)?.lowercased() ?? language
        return Self.decimalCommaLanguages.contains(base)
    }

    static let decimalCommaLanguages: Set<String> = [
        "bg", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fr", "gl", "hr", "hu", "id", "is", "it", "lt", "lv",
        "nb", "nl", "nn", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk", "vi",
    ]

    /// A number as typed, read by the language's decimal mark; a refusal in its words.
    public func number(_ typed: String) -> Result<Double, AnswerProblem> {
        switch TextEntry.reading(typed, decimalComma: decimalComma) {
        case .number(let n): .success(n)
        case .notANumber: .failure(AnswerProblem(typeANumber))
        case .ambiguous: .failure(AnswerProblem(ambiguousNumber))
        }
    }

    // MARK: Answers refused

    public func sayWhatOtherIs(_ label: String) -> String { "Please say what \"\(label)\" is." }
    public var chooseOne: String { "Please choose one of the options." }
    public var chooseFromOptions: String { "Please choose from the options." }
    public func cannotCombine(_ label: String) -> String { "\"\(label)\" cannot be combined with other choices." }
    public func chooseAtLeast(_ n: Int) -> String { "Please choose at least \(n)." }
    public func chooseNoMoreThan(_ n: Int) -> String { "Please choose no more than \(n)." }
    public var chooseForEachRow: String { "Please choose one of the options for each row." }
    public func answerRow(_ row: String) -> String { "Please answer \"\(row)\"." }
    public var rankEachOnce: String { "Please rank each option once." }
    public func putInOrder(_ n: Int) -> String { "Please put \(n) options in order." }
    public func tooLong(max: Int, length: Int) -> String { "Please keep this to \(grouped(max)) characters or fewer (it is \(grouped(length)))." }
    /// `100,000`: a limit of six digits is read at a glance only with its thousands marked.
    private func grouped(_ n: Int) -> String {
        var digits = String(n.magnitude)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }
    public var checkFormat: String { "This does not look right. Please check the format." }
    public var wrongKind: String { "This kind of answer does not fit the question." }
    public var notAccepted: String { "This answer is not accepted here. Please check it." }
    public var wholeNumber: String { "Please enter a whole number." }
    public func atMostDecimals(_ n: Int) -> String { "Please use at most \(n) decimal place\(n == 1 ? "" : "s")." }
    public var numberTooLarge: String { "This number is too large to keep. Please check it." }
    public func numberBetween(_ lo: String, _ hi: String) -> String { "Please enter a number from \(lo) to \(hi)." }
    public func numberAtLeast(_ lo: String) -> String { "Please enter \(lo) or more." }
    public func numberAtMost(_ hi: String) -> String { "Please enter \(hi) or less." }
    public func writeDate(_ precision: DatePrecision) -> String { "Please write the date as \(TextEntry.datePattern(precision))." }
    public func noSuchDay(day: Int, month: Int, year: Int) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "There is no \(day) \(names[month - 1]) in \(year). Please check the date."
    }

    /// A date as typed, in the form it is stored; a refusal in the words of the language.
    public func date(_ typed: String, precision: DatePrecision) -> Result<String, AnswerProblem> {
        switch TextEntry.dateReading(typed, precision: precision) {
        case .date(let d): .success(d)
        case .notADate: .failure(AnswerProblem(writeDate(precision)))
        case .noSuchDay(let day, let month, let year): .failure(AnswerProblem(noSuchDay(day: day, month: month, year: year)))
        }
    }
    public func dateFrom(_ date: String) -> String { "Please give a date from \(date) onwards." }
    public func dateUntil(_ date: String) -> String { "Please give a date no later than \(date)." }
    public var typeANumber: String { "Please type a number, such as 42." }
    public var ambiguousNumber: String {
        decimalComma ? "Please write decimals with a comma (12,5), and thousands as 1500 or 1.500."
                     : "Please write decimals with a point (12.5), and thousands as 1500 or 1,500."
    }
    public func typePosition(_ count: Int) -> String { "Please type a number from 1 to \(count)." }
    public func typeValue(_ lo: Int, _ hi: Int) -> String { "Please type a number from \(lo) to \(hi)." }
    public func typePositions(_ count: Int) -> String { "Please type numbers from 1 to \(count), separated by spaces." }
    public var pressEnterToContinue: String { "Press Enter to continue." }

    // MARK: Moves refused

    public var noQuestionToAnswer: String { "There is no question to answer." }
    public var noQuestionToSkip: String { "There is no question to skip." }
    public var needsAnAnswer: String { "This question needs an answer." }
    public var noGoingBack: String { "This survey does not allow going back." }
    public var nothingToGoBackTo: String { "There is nothing to go back to." }
    public var firstQuestion: String { "This is the first question." }
    public var noInterview: String { "There is no interview under way." }
    public var notOnRoute: String { "That question is not on the route." }
    public var notesOnOpenQuestions: String { "Notes are taken on open questions." }
    public var noSuchProbe: String { "There is no such probe here." }
    public var noProbes: String { "This question has no probes." }

    // MARK: Around the questions

    public var chooseWhetherToTakePart: String { "Please choose whether to take part." }
    public var notTakingPart: String { "I do not want to take part" }
    public var saved: String { "Your answers have been saved. Thank you." }
    public var interviewSaved: String { "The interview is saved." }
    public var declined: String { "You chose not to take part. Nothing you typed has been kept. Thank you for your time." }
    public var savedForLater: String { savedForLater(resume: "fieldwork resume") }
    public func savedForLater(resume command: String) -> String { "Your answers so far are saved. You can carry on later with: \(command)" }
    public func interviewer(_ instructions: String) -> String { "Interviewer: " + instructions }
    // MARK: Plain mode (numbered prompts, read aloud by screen readers)

    public var typeOneOrTwo: String { "Type 1 or 2." }
    public var typeOneToTakePart: String { "Please type 1 to take part or 2 not to." }
    public func askWhatOtherIs(_ label: String) -> String { "Please say what \"\(label)\" is:" }
    public var required: String { " (required)" }
    public func probe(_ text: String) -> String { "Probe: " + text }
    public var eachStatement: String { "For each statement, type the number of your answer (Enter leaves it unanswered):" }
    public func givenAnswer(_ answer: String) -> String { "Your answer: \(answer). Press Enter to keep it, or type a new one." }
    public func rowPosition(_ count: Int) -> String { "Please type a number from 1 to \(count), or Enter to leave it." }

    /// The line under a question in plain mode: what to type, and how to skip, go back or leave.
    public func typingHelp(for q: Question, canSkip: Bool, canGoBack: Bool) -> String {
        let skip = canSkip ? "Enter to skip, " : ""
        let back = canGoBack ? "< to go back, " : ""
        let tail = "\(skip)\(back)q to save and leave."
        switch q.type {
        case .note: return "Press Enter to continue, \(back)q to save and leave."
        case .single, .scale: return "Type the number of your answer. " + tail
        case .multiple: return "Type the numbers of all that apply, separated by spaces. " + tail
        case .ranking: return "Type the numbers in order, most important first, separated by spaces. " + tail
        case .matrix: return tail
        case .number:
            let range: String
            switch (q.min, q.max) {
            case (let lo?, let hi?): range = " from \(Printer.number(lo)) to \(Printer.number(hi))"
            case (let lo?, nil): range = " of \(Printer.number(lo)) or more"
            case (nil, let hi?): range = " up to \(Printer.number(hi))"
            default: range = ""
            }
            return "Type a number\(range). " + tail
        case .date: return "Type a date as \(TextEntry.datePattern(q.precision ?? .day)). " + tail
        case .longText, .open: return "Type your answer; finish with an empty line. " + tail
        case .text, .calculate: return "Type your answer. " + tail
        }
    }

    // MARK: Limits, said before the answer

    /// What an answer must be, said up front rather than only after a mistake: the range and
    /// decimals of a number, how many to choose or rank, how long a text, which dates. Nil when
    /// the question has no limit worth saying.
    public func limits(for q: Question, today: Int) -> String? {
        func n(_ x: Double) -> String { Printer.number(x) }
        switch q.type {
        case .number:
            let kind = (q.decimals ?? 0) == 0 ? "A whole number" : "A number with up to \(q.decimals ?? 0) decimal place\(q.decimals == 1 ? "" : "s")"
            switch (q.min, q.max) {
            case (let lo?, let hi?): return "\(kind) from \(n(lo)) to \(n(hi))."
            case (let lo?, nil): return "\(kind) of \(n(lo)) or more."
            case (nil, let hi?): return "\(kind) up to \(n(hi))."
            default: return (q.decimals ?? 0) == 0 ? nil : kind + "."
            }
        case .multiple:
            switch (q.min.map { Int($0) }, q.max.map { Int($0) }) {
            case (let lo?, let hi?) where lo == hi: return "Choose \(lo)."
            case (let lo?, let hi?) where hi == lo + 1: return "Choose \(lo) or \(hi)."
            case (let lo?, let hi?): return "Choose from \(lo) to \(hi)."
            case (let lo?, nil): return "Choose at least \(lo)."
            case (nil, let hi?): return "Choose up to \(hi)."
            default: return nil
            }
        case .ranking:
            let count = q.rank ?? q.allChoices.count
            return count < q.allChoices.count ? "Put your top \(count) in order." : nil
        case .text, .longText:
            return q.maxLength.map { "Up to \($0) characters." }
        case .date:
            func day(_ s: String?) -> String? {
                guard let s else { return nil }
                return s == "today" ? "today" : DateValue.parse(s).map { DateValue.format($0, precision: q.precision ?? .day) }
            }
            switch (day(q.dateMin), day(q.dateMax)) {
            case (let lo?, let hi?): return "A date from \(lo) to \(hi)."
            case (let lo?, nil): return "A date from \(lo) on."
            case (nil, let hi?): return "A date up to \(hi)."
            default: return nil
            }
        default:
            return nil
        }
    }

    // MARK: Keys on the full screen

    public var keyBack: String { "Esc back" }
    public var keyLeave: String { "Ctrl-C leave" }
    public var keySkip: String { "Enter alone skips" }
    public var keyClose: String { "Press any key to close" }
    public func unit(_ unit: String) -> String { "In " + unit }

    /// A sensitive question says how to skip it, in the words of the mode (typing or keys).
    public func personal(typing: Bool) -> String {
        typing ? "This question is personal. You can skip it: press Enter without typing anything."
               : "This question is personal. You can skip it: press Enter without answering."
    }
}

extension Session {
    /// The wording for this session's language.
    public var words: ParticipantWords { ParticipantWords.forLanguage(language) }
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
    public func safeguardingBanner(rule: String, question: String) -> String {
        "SAFEGUARDING: rule '\(rule)' fired at '\(question)'. For you, not to read out."
    }
    public var safeguardingAcknowledge: String { "Press A once you have read this, to go back to the interview." }
    public var safeguardingTypeToAcknowledge: String { "Type a and press Enter once you have read this." }
    public var safeguardingKeysInterviewer: String { "A acknowledge" }
}
