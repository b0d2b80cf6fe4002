import Expressions
import Foundation
import InstrumentModel

/// The rules an answer must meet: its type's limits first, then the author's `valid_if`.
///
/// A question's `invalid_message` stands for every rule its author set on the answer (`pattern`,
/// `max_length`, `min`/`max`, `valid_if`): one message per question, in the study's words,
/// rather than a key per rule that authors would have to keep in step. What the type itself
/// requires (a number that is a number, a real date, a choice offered) keeps the catalogue's words.
enum Validation {
    static func problem(with answer: Answer, for q: Question, in session: Session) -> AnswerProblem? {
        if let problem = typeProblem(answer, q, session) { return problem }
        if let condition = session.conditionValid(q.id),
           !Evaluator.isTrue(condition, in: session.context(candidate: (q.id, answer), instance: session.instance(of: q.id))) {
            return authors(q, session.words.notAccepted, session)
        }
        return nil
    }

    /// Whether an answer can stand as the question's value in every export, checks aside: its
    /// kind is the question's, its codes are the question's, its number and date are readable.
    static func canKeep(_ answer: Answer, _ q: Question) -> Bool {
        let codes = Set(q.allChoices.map(\.value))
        func distinct(_ picked: [Int]) -> Bool { Set(picked).isSubset(of: codes) && Set(picked).count == picked.count }
        switch (q.type, answer.value) {
        case (.single, .choice(let c)), (.scale, .choice(let c)): return codes.contains(c)
        case (.multiple, .choices(let picked)), (.ranking, .ranking(let picked)): return distinct(picked)
        case (.matrix, .rows(let rows)):
            return Set(rows.keys).isSubset(of: Set((q.rows ?? []).map(\.id))) && rows.values.allSatisfy(codes.contains)
        case (.number, .number(let n)): return NumberLimits.keepsExactly(n)
        case (.text, .text), (.longText, .text), (.open, .text): return true
        case (.date, .date(let d)): return DateValue.parse(d, precision: q.precision ?? .day) != nil
        case (.time, .time(let t)): return ClockTime.parse(t) != nil
        case (.datetime, .datetime(let t)): return DateTimeValue.parse(t) != nil
        default: return false
        }
    }

    /// A broken author's rule, said in the question's `invalid_message` when it has one.
    private static func authors(_ q: Question, _ fallback: String, _ session: Session) -> AnswerProblem {
        AnswerProblem(q.invalidMessage.map { session.render($0) } ?? fallback)
    }

    private static func typeProblem(_ answer: Answer, _ q: Question, _ session: Session) -> AnswerProblem? {
        let codes = Set(q.allChoices.map(\.value))
        let otherCode = q.other?.value
        func needsOther(_ picked: [Int]) -> AnswerProblem? {
            guard let otherCode, picked.contains(otherCode) else { return nil }
            return (answer.other ?? "").trimmingCharacters(in: .whitespaces).isEmpty
                ? AnswerProblem(session.words.sayWhatOtherIs(session.render(q.other?.label))) : nil
        }
        switch (q.type, answer.value) {
        case (.single, .choice(let c)), (.scale, .choice(let c)):
            guard codes.contains(c) else { return AnswerProblem(session.words.chooseOne) }
            return needsOther([c])
        case (.multiple, .choices(let picked)):
            guard Set(picked).isSubset(of: codes), Set(picked).count == picked.count else {
                return AnswerProblem(session.words.chooseFromOptions)
            }
            let exclusive = Set((q.choices ?? []).filter(\.exclusive).map(\.value))
            if picked.count > 1, picked.contains(where: exclusive.contains) {
                return AnswerProblem(session.words.cannotCombine(label(of: picked.first(where: exclusive.contains) ?? 0, q, session)))
            }
            if let min = q.min, Double(picked.count) < min {
                return authors(q, session.words.chooseAtLeast(Int(min)), session)
            }
            if let max = q.max, Double(picked.count) > max {
                return authors(q, session.words.chooseNoMoreThan(Int(max)), session)
            }
            return needsOther(picked)
        case (.matrix, .rows(let rows)):
            let rowIDs = Set((q.rows ?? []).map(\.id))
            guard Set(rows.keys).isSubset(of: rowIDs), rows.values.allSatisfy(codes.contains) else {
                return AnswerProblem(session.words.chooseForEachRow)
            }
            if q.required, let missing = (q.rows ?? []).first(where: { rows[$0.id] == nil }) {
                return AnswerProblem(session.words.answerRow(session.render(missing.text)))
            }
            return nil
        case (.ranking, .ranking(let order)):
            let wanted = q.rank ?? codes.count
            guard Set(order).isSubset(of: codes), Set(order).count == order.count else {
                return AnswerProblem(session.words.rankEachOnce)
            }
            return order.count == wanted ? nil : AnswerProblem(session.words.putInOrder(wanted))
        case (.number, .number(let n)):
            return numberProblem(n, q, session)
        case (.text, .text(let t)), (.longText, .text(let t)), (.open, .text(let t)):
            if let pattern = q.pattern {
                switch PatternMatch.match(pattern, t) {
                case .matches, .unreadable: break
                case .tooLong: return authors(q, session.words.tooLong(max: PatternMatch.maxCharacters, length: t.count), session)
                case .doesNotMatch, .tooComplex: return authors(q, session.words.checkFormat, session)
                }
            }
            return nil
        case (.date, .date(let d)):
            return dateProblem(d, q, session)
        case (.time, .time(let t)), (.datetime, .datetime(let t)):
            return clockProblem(t, q, session)
        default:
            return AnswerProblem(session.words.wrongKind)
        }
    }

    /// The length rule, checked on the text as typed and before anything else, so that an
    /// over-long paste is refused at once (in words that give the limit) instead of being redacted
    /// first; and so that redaction's markers never push a text that fitted over `max_length`.
    /// An over-long text breaks the author's `max_length` (said in `invalid_message` when there is
    /// one) or else Fieldwork's own limit (said in the catalogue's words).
    static func lengthProblem(_ answer: Answer, for q: Question, in session: Session) -> AnswerProblem? {
        let words = session.words
        if case .text(let t) = answer.value {
            let own = [.text, .longText, .open].contains(q.type) ? q.maxLength : nil
            let limit = min(own ?? TextEntry.maxCharacters, TextEntry.maxCharacters)
            if let problem = lengthProblem(t, limit: limit, words: words) {
                return limit == own ? authors(q, problem.message, session) : problem
            }
        }
        return answer.other.flatMap { lengthProblem($0, limit: TextEntry.maxCharacters, words: words) }
    }

    /// Notes are one text per question, kept whole each time a paragraph is added.
    static func notesLengthProblem(_ notes: String, words: ParticipantWords) -> AnswerProblem? {
        lengthProblem(notes, limit: TextEntry.maxCharacters, words: words)
    }

    private static func lengthProblem(_ text: String, limit: Int, words: ParticipantWords) -> AnswerProblem? {
        // A character is at least one byte, so most texts are judged without counting characters.
        guard text.utf8.count > limit else { return nil }
        let length = text.count
        return length > limit ? AnswerProblem(words.tooLong(max: limit, length: length)) : nil
    }

    private static func label(of code: Int, _ q: Question, _ session: Session) -> String {
        session.render(q.allChoices.first { $0.value == code }?.label)
    }

    static func format(_ n: Double) -> String { NumberText.canonical(n) }

    private static func numberProblem(_ n: Double, _ q: Question, _ session: Session) -> AnswerProblem? {
        let words = session.words
        let format = words.formatted
        let decimals = q.decimals ?? 0
        guard NumberLimits.keepsExactly(n) else { return AnswerProblem(words.numberTooLarge) }
        // Decimal places are counted on the number as written (its shortest decimal form, the
        // one every export writes), not by scaling in binary, where 1.15 × 100 is 114.99999….
        if NumberText.decimalPlaces(n) > decimals {
            return AnswerProblem(decimals == 0 ? words.wholeNumber : words.atMostDecimals(decimals))
        }
        switch (q.min, q.max) {
        case (let lo?, let hi?) where n < lo || n > hi: return authors(q, words.numberBetween(format(lo), format(hi)), session)
        case (let lo?, nil) where n < lo: return authors(q, words.numberAtLeast(format(lo)), session)
        case (nil, let hi?) where n > hi: return authors(q, words.numberAtMost(format(hi)), session)
        default: return nil
        }
    }

    /// A time or datetime outside its question's limits, said with the limit in the form the
    /// participant types (`09:00`, `2024-05-01 09:00`, today).
    private static func clockProblem(_ text: String, _ q: Question, _ session: Session) -> AnswerProblem? {
        let words = session.words
        guard let value = ClockLimits.value(text, of: q.type) else {
            return AnswerProblem(q.type == .time ? words.writeTime : words.writeDatetime)
        }
        let limits = ClockLimits(q, today: session.today)
        // A datetime's limit is a day and a time (or today): "a time no later than today" misleads.
        let datetime = q.type == .datetime
        if let lo = limits.min, value < lo { return AnswerProblem(words.timeFrom(words.clockLimit(q.dateMin, of: q.type), datetime: datetime)) }
        if let hi = limits.max, value > hi { return AnswerProblem(words.timeUntil(words.clockLimit(q.dateMax, of: q.type), datetime: datetime)) }
        return nil
    }

    private static func dateProblem(_ text: String, _ q: Question, _ session: Session) -> AnswerProblem? {
        let precision = q.precision ?? .day
        guard let days = DateValue.parse(text, precision: precision) else {
            return AnswerProblem(session.words.writeDate(precision))
        }
        func bound(_ s: String?) -> Int? { s == "today" ? session.today : s.flatMap(DateValue.parse) }
        // At month or year precision an answer stands for its whole period, so it is compared by its start.
        if let lo = bound(q.dateMin), days < DateValue.start(of: lo, precision: precision) {
            return AnswerProblem(session.words.dateFrom(DateValue.format(lo, precision: precision)))
        }
        if let hi = bound(q.dateMax), days > hi {
            return AnswerProblem(session.words.dateUntil(DateValue.format(hi, precision: precision)))
        }
        return nil
    }
}

/// Turning typed text into answers, shared by every driver so the same input means the same thing.
public enum TextEntry {
    /// The most characters one free text may hold: an answer, the text of "Other", or the notes of
    /// one interview question, whether or not the question sets `max_length`.
    ///
    /// 100,000 characters is about 16,000 words, some forty printed pages, or a verbatim transcript
    /// of well over an hour and a half of speech, so no typed answer and no interviewer's notes on
    /// one question come near it, while a pasted document or a stuck key does. It keeps one journal
    /// line, and the work of redacting it, small (redaction can lengthen a text: `M11AE` becomes
    /// `[postcode]`, `a@b` becomes `[email]`, so a kept text is at most two and a half times this).
    public static let maxCharacters = 100_000

    public static func datePattern(_ precision: DatePrecision) -> String {
        switch precision {
        case .day: "YYYY-MM-DD, for example 2024-05-17"
        case .month: "YYYY-MM, for example 2024-05"
        case .year: "YYYY, for example 2024"
        }
    }

    /// A number as people type it: spaces and thousands commas ignored, a decimal point or comma.
    public static func number(_ text: String, decimalComma: Bool = false) -> Double? {
        if case .number(let n) = reading(text, decimalComma: decimalComma) { return n }
        return nil
    }

    /// What a typed number means, read as people of the session's language write numbers: with a
    /// decimal point and commas between thousands (`1,500.25`), or with a decimal comma and points
    /// or spaces between thousands (`1.500,25`). What could be read two ways (`12,5` where a
    /// point is the decimal mark, `1.5` where a comma is) is not guessed at.
    public enum NumberReading: Equatable, Sendable { case number(Double), notANumber, ambiguous }

    public static func reading(_ text: String, decimalComma: Bool) -> NumberReading {
        var t = text.trimmingCharacters(in: .whitespaces).filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" }
        let (decimal, group): (Character, Character) = decimalComma ? (",", ".") : (".", ",")
        if let sign = t.first, sign == "-" || sign == "+" { t.removeFirst(); t = (sign == "-" ? "-" : "") + t }
        let body = t.hasPrefix("-") ? t.dropFirst() : Substring(t)
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }) else { return .notANumber }
        let parts = body.split(separator: decimal, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return .notANumber }
        let whole = parts[0]
        if parts.count == 2, parts[1].isEmpty || parts[1].contains(group) { return .notANumber }
        if whole.contains(group) {
            // Groups of three between the marks, as 1,500 or 1.500 are written.
            let groups = whole.split(separator: group, omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return parts.count == 1 && groups.count == 2 ? .ambiguous : .notANumber
            }
        }
        let plain = (whole.isEmpty ? "0" : whole.filter { $0 != group }) + (parts.count == 2 ? "." + parts[1] : "")
        guard !plain.isEmpty, !plain.hasPrefix("."), let n = Double((t.hasPrefix("-") ? "-" : "") + plain), n.isFinite else { return .notANumber }
        return .number(n)
    }

    /// A clock time as people type it: `9:05`, `09:05`, `09.05` or `0905`, on a 24-hour clock.
    /// No am/pm is guessed at: `9.05pm` is refused with the form wanted, not read as 09:05.
    public static func time(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":" || $0 == ".") }) else { return nil }
        let parts = t.split(separator: t.contains(":") ? ":" : ".", omittingEmptySubsequences: false)
        let hour: Substring, minute: Substring
        if parts.count == 2 { (hour, minute) = (parts[0], parts[1]) } else if parts.count == 1, t.count == 4 {
            (hour, minute) = (t.prefix(2), t.suffix(2))
        } else { return nil }
        guard (1...2).contains(hour.count), minute.count == 2, let h = Int(hour), let m = Int(minute), h < 24, m < 60 else { return nil }
        return ClockTime.format(h * 60 + m)
    }

    /// A date and a clock time typed as a date (read as `dateReading` reads one) then a time (as
    /// `time` reads one), joined by `T`, a space or a comma: `2024-05-01 9:05`, `2024/5/1T09:05`.
    public static func datetimeReading(_ text: String) -> DateReading {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(maxSplits: 1, omittingEmptySubsequences: true) { $0 == "T" || $0 == " " || $0 == "," }
        guard parts.count == 2 else { return .notADate }
        let day = dateReading(String(parts[0]), precision: .day)
        guard case .date(let d) = day else { return day }
        guard let clock = time(String(parts[1]).trimmingCharacters(in: .whitespaces)) else { return .notADate }
        return .date(d + "T" + clock)
    }

    /// A date typed at the question's precision.
    public static func date(_ text: String, precision: DatePrecision) -> String? {
        if case .date(let d) = dateReading(text, precision: precision) { return d }
        return nil
    }

    /// What a typed date means. Dates are read year first, as stored (`2024-05-07`), with or
    /// without leading zeros (`2024-5-7`) and with `-`, `/` or `.` between the parts; a day order
    /// such as `17/05/2024` is not guessed at. A date that does not exist is said to be so.
    public enum DateReading: Equatable, Sendable { case date(String), notADate, noSuchDay(day: Int, month: Int, year: Int) }

    public static func dateReading(_ text: String, precision: DatePrecision) -> DateReading {
        let parts = text.trimmingCharacters(in: .whitespaces).split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" || $0 == "." }
        let wanted = precision == .day ? 3 : precision == .month ? 2 : 1
        guard parts.count == wanted, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count <= 2 }), let year = Int(parts[0]) else { return .notADate }
        let numbers = parts.dropFirst().compactMap { Int($0) }
        if let month = numbers.first, !(1...12).contains(month) { return .notADate }
        if numbers.count == 2, numbers[1] < 1 || numbers[1] > DateValue.daysIn(month: numbers[0], year: year) {
            return numbers[1] <= 31 && numbers[1] >= 1 ? .noSuchDay(day: numbers[1], month: numbers[0], year: year) : .notADate
        }
        let text = ([String(parts[0])] + numbers.map { $0 < 10 ? "0\($0)" : "\($0)" }).joined(separator: "-")
        return DateValue.parse(text, precision: precision) == nil ? .notADate : .date(text)
    }
}
