import Crypto
import Expressions
import Foundation
import InstrumentModel
import ResponseStore

/// One de-identified export: its secret key, and what it leaves out or changes in each version.
///
/// The key is drawn from the system's cryptographic random generator when the export starts and
/// lives only in memory: every new id, every pseudonym and every participant's date shift is an
/// HMAC under it, so they are consistent within the export (the same participant keeps one
/// pseudonym and one shift) and unrelated to any other export's, and neither the key nor a shift
/// is written anywhere.
///
/// Responses are changed as records, before any format sees them, so that every format (and
/// `jsonl`, which writes records whole) gets the same de-identified data.
struct Deidentifier: Sendable {
    let options: Deidentification
    /// 32 bytes from the system's cryptographic random generator (held as bytes: `SymmetricKey` is not `Sendable`).
    private let key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    private let plans: [String: VersionPlan]

    /// What one version's questions are, for the changes: which hold free text, which hold dates.
    struct VersionPlan: Sendable {
        var freeText: Set<String> = []
        var textCalculations: Set<String> = []
        var dates: [String: DatePrecision] = [:]
        var dateCalculations: Set<String> = []
        /// Dates with a clock time: changed as their day is (a time of day alone is no date, and is kept).
        var datetimes: Set<String> = []
        var datetimeCalculations: Set<String> = []

        init(_ instrument: Instrument) {
            let calculations = CalculationTypes.of(instrument)
            for q in instrument.questions {
                switch q.type {
                case .text, .longText, .open: freeText.insert(q.id)
                case .date: dates[q.id] = q.precision ?? .day
                case .datetime: datetimes.insert(q.id)
                case .calculate:
                    if calculations[q.id] == .text { textCalculations.insert(q.id) }
                    if calculations[q.id] == .date { dateCalculations.insert(q.id) }
                    if calculations[q.id] == .datetime { datetimeCalculations.insert(q.id) }
                default: break
                }
            }
        }
    }

    init(_ options: Deidentification, instruments: [Instrument]) {
        self.options = options
        plans = Dictionary(instruments.map { ($0.version, VersionPlan($0)) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: Responses

    /// The response as the export writes it.
    func response(_ stored: StoredResponse) -> StoredResponse {
        var r = stored
        let plan = plans[r.version]
        let shift = options.dates == nil ? 0 : self.shift(for: stored)
        clean(&r.answers, &r.skipped, &r.calculated, &r.other, plan: plan, shift: shift)
        // A repeat's instances hold answers by question id as the response does: the same rules apply.
        for (section, instances) in r.repeats {
            r.repeats[section] = instances.map { i in
                var i = i
                clean(&i.answers, &i.skipped, &i.calculated, &i.other, plan: plan, shift: shift)
                return i
            }
        }
        if let method = options.dates {
            // The start is a day (or a day and a minute): only its day is kept, changed as a date.
            r.started = r.started.flatMap { Self.date(String($0.prefix(10)), precision: .day, method: method, shift: shift) }
        }
        if options.rekey {
            r.responseID = mac("response", stored.responseID).prefix(16).map { String(format: "%02x", $0) }.joined()
            r.pseudonym = stored.pseudonym.map { "p_" + mac("pseudonym", $0).prefix(8).map { String(format: "%02x", $0) }.joined() }
        }
        if options.dropParadata {
            r.duration = nil
            r.timing = [:]
            r.softConfirmed = [:]
            r.returns = nil
            r.started = r.started.map { String($0.prefix(10)) }
        }
        return r
    }

    /// Free text dropped and dates changed in one set of answers (the response's, or an instance's).
    private func clean(_ answers: inout [String: JSON], _ skipped: inout Set<String>, _ calculated: inout [String: JSON],
                       _ other: inout [String: String], plan: VersionPlan?, shift: Int) {
        if plan == nil, options.dropFreeText || options.dates != nil {
            // No instrument to tell text from dates by (the filters pass no such response): keep
            // no string at all rather than risk one.
            answers = answers.filter { $0.value.string == nil }
            calculated = calculated.filter { $0.value.string == nil }
            other = [:]
        }
        if options.dropFreeText, let plan {
            for id in plan.freeText {
                answers[id] = nil
                skipped.remove(id)
            }
            for id in plan.textCalculations { calculated[id] = nil }
            other = [:]
        }
        if let method = options.dates {
            for (id, precision) in plan?.dates ?? [:] {
                guard let text = answers[id]?.string else { continue }
                answers[id] = Self.date(text, precision: precision, method: method, shift: shift).map(JSON.string)
            }
            for id in plan?.datetimes ?? [] {
                guard let text = answers[id]?.string else { continue }
                answers[id] = Self.datetime(text, method: method, shift: shift).map(JSON.string)
            }
            for id in plan?.datetimeCalculations ?? [] {
                guard let text = calculated[id]?.string else { continue }
                calculated[id] = Self.datetime(text, method: method, shift: shift).map(JSON.string)
            }
            for id in plan?.dateCalculations ?? [] {
                guard let text = calculated[id]?.string else { continue }
                calculated[id] = Self.date(text, precision: .day, method: method, shift: shift).map(JSON.string)
            }
        }
    }

    /// The days a participant's dates move back: 1 to 364, one per participant (by pseudonym) in
    /// this export, or per response where there is no pseudonym.
    ///
    /// Why per participant and not one shift for the whole export: a single shift is undone by
    /// anyone who knows one real date (the first day of fieldwork is often published), while a
    /// shift per participant keeps what analysts need of dates (the intervals within a participant:
    /// an age at an event, the days between two waves) and nothing that lines participants up on
    /// the calendar. REDCap shifts per record, up to 364 days, for the same reasons.
    func shift(for r: StoredResponse) -> Int {
        let bytes = mac("shift", r.pseudonym ?? r.responseID).prefix(8)
        let n = bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return 1 + Int(n % 364)
    }

    private func mac(_ purpose: String, _ value: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Data((purpose + "\u{0}" + value).utf8), using: SymmetricKey(data: key)))
    }

    /// A date changed by `method`, at the coarser of its question's precision and the precision it
    /// was stored at (a version may have changed the question's); nil for a text that is no date,
    /// which is left out rather than passed on as it stands.
    static func date(_ text: String, precision: DatePrecision, method: Deidentification.DateMethod, shift: Int) -> String? {
        guard let stored = [DatePrecision.day, .month, .year].first(where: { DateValue.parse(text, precision: $0) != nil }),
              let days = DateValue.parse(text, precision: stored) else { return nil }
        let coarser = [precision, stored].max { rank($0) < rank($1) } ?? precision
        let kept = Self.precision(coarser, method)
        return method == .shift && kept == .day ? DateValue.format(days - shift) : DateValue.format(days, precision: kept)
    }

    /// A date and time changed as its day is: shifted by the participant's days with its clock time
    /// kept (the hours between two of a participant's moments stay exact, as the days between
    /// dates do), or cut to the month or the year, where a time of day would mean nothing; nil for
    /// a text that is no datetime.
    static func datetime(_ text: String, method: Deidentification.DateMethod, shift: Int) -> String? {
        guard let minutes = DateTimeValue.parse(text) else { return nil }
        let day = DateTimeValue.floorDay(minutes)
        guard method == .shift else { return DateValue.format(day, precision: precision(.day, method)) }
        return DateTimeValue.format(minutes - shift * ClockTime.minutesPerDay)
    }

    private static func rank(_ p: DatePrecision) -> Int { p == .day ? 0 : p == .month ? 1 : 2 }

    /// The precision a date keeps: a shift moves days, so a month (which a number of days would
    /// move into a month it is not) is kept to its year; coarsening never makes a date finer.
    static func precision(_ precision: DatePrecision, _ method: Deidentification.DateMethod) -> DatePrecision {
        switch method {
        case .year: .year
        case .month: precision == .year ? .year : .month
        case .shift: precision == .day ? .day : .year
        }
    }

    // MARK: The codebook

    /// The variables this export has: free text left out, dates at the precision they keep.
    func codebook(_ full: Codebook) -> Codebook {
        var c = full
        if options.dropFreeText { c.variables.removeAll(where: Self.isFreeText) }
        guard let method = options.dates else { return c }
        for i in c.variables.indices {
            let v = c.variables[i]
            switch v.measure {
            case .date:
                let kept = Self.precision(v.precision ?? .day, method)
                c.variables[i].precision = kept
                c.variables[i].editFacts { f in
                    if f.key == "Date precision" { f.value = kept.rawValue }
                    if f.key == "Range", method == .shift { f.value += Self.shiftedRange }
                }
            case .datetime where method == .shift:
                c.variables[i].editFacts { f in if f.key == "Range" { f.value += Self.shiftedRange } }
            case .datetime:
                // Cut to a month or a year, a datetime is a date of that precision, read as one by every format.
                let kept = Self.precision(.day, method)
                c.variables[i].measure = .date
                c.variables[i].precision = kept
                for k in v.facts.indices {
                    c.variables[i].facts[k].facts = v.facts[k].facts.filter { $0.key != "Format" } + [.init(key: "Date precision", value: kept.rawValue)]
                }
            default:
                continue
            }
        }
        return c
    }

    static let shiftedRange = " (of the real dates; shifted ones lie up to 364 days earlier)"

    static func isFreeText(_ v: Variable) -> Bool {
        switch v.source {
        case .other: true
        case .value, .calculated: v.measure == .text
        default: false
        }
    }

    /// The free-text columns of `full` that this export leaves out.
    func leftOut(_ full: Codebook) -> [String] {
        options.dropFreeText ? full.variables.filter(Self.isFreeText).map(\.name) : []
    }
}

extension Deidentifier {
    /// Refuses a format that de-identification cannot make safe, or one that is only what it leaves out.
    static func check(_ options: ExportOptions) throws(ExportError) {
        if let refusal = options.deidentification.refusal(for: options.format) { throw ExportError(refusal) }
    }
}

private extension Variable {
    /// Changes each fact of every version.
    mutating func editFacts(_ change: (inout VersionFacts.Fact) -> Void) {
        for k in facts.indices {
            for f in facts[k].facts.indices { change(&facts[k].facts[f]) }
        }
    }
}
