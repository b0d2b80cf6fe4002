import Expressions
import InstrumentModel

/// What a change between two versions of an instrument does to the data, variable by variable.
public enum InstrumentDiff {
    /// Ordered from harmless to breaking, so the worst of a list is its maximum.
    public enum Verdict: Int, Comparable, Sendable {
        /// The data mean the same before and after.
        case comparable
        /// The data have the same form, but what was asked or who was asked changed: a judgement.
        case check
        /// Responses before and after cannot be pooled without recoding (or at all).
        case notComparable

        public static func < (a: Verdict, b: Verdict) -> Bool { a.rawValue < b.rawValue }

        public var words: String {
            switch self {
            case .comparable: "comparable"
            case .check: "check"
            case .notComparable: "not comparable"
            }
        }
    }

    public struct Change: Sendable, Equatable {
        /// The question (variable) concerned, or nil for the instrument as a whole.
        public var variable: String?
        public var verdict: Verdict
        public var what: String

        public init(variable: String?, verdict: Verdict, what: String) {
            self.variable = variable
            self.verdict = verdict
            self.what = what
        }
    }

    /// The changes from `old` to `new`, quoting texts in `language` (the new version's first
    /// language when nil or not one of its languages). A rewording in some languages only is
    /// reported per language, in that language's words.
    public static func compare(_ old: Instrument, _ new: Instrument, language: String? = nil) -> [Change] {
        let display = language.flatMap { new.languages.contains($0) ? $0 : nil } ?? new.languages.first
        var changes = instrumentChanges(old, new)
        let before = InstrumentExpressions(salvaging: old)
        let after = InstrumentExpressions(salvaging: new)
        let oldQuestions = old.questionsByID
        let newIDs = Set(new.questions.map(\.id))
        let oldSections = old.sectionsByQuestionID
        let newSections = new.sectionsByQuestionID
        let removed = old.questions.filter { !newIDs.contains($0.id) }

        for q in new.questions {
            guard let o = oldQuestions[q.id] else {
                if let twin = removed.first(where: { $0.type == q.type && $0.text == q.text && q.text != nil }) {
                    changes.append(Change(variable: q.id, verdict: .check,
                                          what: "added with the same wording and type as '\(twin.id)', which was removed: if it is the same question renamed, rename the variable in older data to pool them"))
                } else if q.type != .note {
                    changes.append(Change(variable: q.id, verdict: .comparable, what: "added: responses before this version have it empty (not asked)"))
                }
                continue
            }
            let conditionBefore = condition(oldSections[o.id], o, before)
            let conditionAfter = condition(newSections[q.id], q, after)
            changes += questionChanges(o, q, expressions: (before, after), conditionBefore: conditionBefore, conditionAfter: conditionAfter,
                                       languages: new.languages, display: display)
            if q.type != .note, let change = repeatChange(oldSections[o.id], newSections[q.id], question: q.id) { changes.append(change) }
        }
        for q in removed where q.type != .note {
            changes.append(Change(variable: q.id, verdict: .comparable, what: "removed: responses from this version on have it empty (not asked)"))
        }
        return changes + safeguardingChanges(old, new)
    }

    /// When a question is asked, its section's condition and its own, in canonical form.
    private static func condition(_ section: Section?, _ q: Question, _ expressions: InstrumentExpressions) -> String? {
        let places = (section.map { [InstrumentExpressions.Place.sectionShowIf(section: $0.id)] } ?? []) + [.showIf(question: q.id)]
        let parts = places.compactMap { canonical(at: $0, in: expressions) }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }

    /// The expression at `place` in canonical form; a damaged one as stored, marked as damaged.
    private static func canonical(at place: InstrumentExpressions.Place, in expressions: InstrumentExpressions) -> String? {
        if let e = expressions[place] { return Printer.print(e) }
        return expressions.damage(at: place).map { $0.text + " (damaged: it cannot be read; compile the instrument again)" }
    }

    private static func instrumentChanges(_ old: Instrument, _ new: Instrument) -> [Change] {
        var out: [Change] = []
        if old.id != new.id {
            out.append(Change(variable: nil, verdict: .check, what: "the instrument id changed from '\(old.id)' to '\(new.id)': responses are kept in separate folders"))
        }
        if old.version == new.version {
            out.append(Change(variable: nil, verdict: .check, what: "both are version \(new.version): raise 'version' in the new one, or the runner refuses it once responses exist"))
        }
        if old.kind != new.kind {
            out.append(Change(variable: nil, verdict: .notComparable, what: "the kind changed from \(old.kind.rawValue) to \(new.kind.rawValue)"))
        }
        if old.consent != new.consent {
            out.append(Change(variable: nil, verdict: .check, what: "the consent text changed: participants before and after agreed to different wording"))
        }
        if old.privacy != new.privacy {
            out.append(Change(variable: nil, verdict: .check, what: "the privacy settings changed (participant codes, timestamps or redaction)"))
        }
        if let order = sectionOrderChange(old, new) { out.append(order) }
        let added = new.languages.filter { !old.languages.contains($0) }
        let dropped = old.languages.filter { !new.languages.contains($0) }
        if !added.isEmpty { out.append(Change(variable: nil, verdict: .comparable, what: "languages added: " + added.joined(separator: ", "))) }
        if !dropped.isEmpty { out.append(Change(variable: nil, verdict: .comparable, what: "languages removed: " + dropped.joined(separator: ", "))) }
        // The runner's own words (`messages:`) change what participants read around the questions,
        // never what an answer means.
        let before = old.messages ?? [:]
        let after = new.messages ?? [:]
        for key in Set(before.keys).union(after.keys).sorted() where before[key] != after[key] {
            let what = before[key] == nil ? "now worded by the instrument" : after[key] == nil ? "back to Fieldwork's own words" : "reworded"
            out.append(Change(variable: nil, verdict: .comparable, what: "the runner's message '\(key)' is \(what)"))
        }
        return out
    }

    private static func questionChanges(_ o: Question, _ q: Question, expressions: (before: InstrumentExpressions, after: InstrumentExpressions),
                                        conditionBefore: String?, conditionAfter: String?, languages: [String], display: String?) -> [Change] {
        let language = display
        var out: [Change] = []
        func add(_ verdict: Verdict, _ what: String) { out.append(Change(variable: q.id, verdict: verdict, what: what)) }

        // What breaks the data comes from the rule the exporters split variables by (`dataBreaks`).
        let breaks = q.dataBreaks(from: o, languages: languages)
        if case .type? = breaks.first {
            add(.notComparable, "the type changed from \(o.type.rawValue) to \(q.type.rawValue): responses before and after are not comparable")
            return out
        }
        if o.text != q.text, let before = o.text, let after = q.text {
            if same(before, after, languages) {
                add(.comparable, "the wording was tidied (spacing, capitals or punctuation only)")
            } else {
                for (which, lang) in reworded(before, after, languages, display: language) {
                    add(.check, "the \(which)wording changed from \(quote(before.text(in: lang))) to \(quote(after.text(in: lang))): check that it asks the same thing")
                }
            }
        }
        if conditionBefore != conditionAfter {
            add(.check, "now asked \(conditionAfter.map { "if '\($0)'" } ?? "of everyone") (was \(conditionBefore.map { "if '\($0)'" } ?? "of everyone")): different people answer it")
        }
        if o.validIf != q.validIf {
            add(.check, "the rule for accepting an answer changed from \(code(.validIf(question: o.id), expressions.before)) to \(code(.validIf(question: q.id), expressions.after))")
        }
        if o.min != q.min || o.max != q.max {
            add(.check, "the accepted range changed from \(range(o)) to \(range(q))")
        }
        if o.dateMin != q.dateMin || o.dateMax != q.dateMax {
            add(.check, "the accepted range changed from \(dateRange(o)) to \(dateRange(q))")
        }
        out += answerRuleChanges(o, q, languages: languages, display: language).map { Change(variable: q.id, verdict: $0.0, what: $0.1) }
        if breaks.contains(where: { if case .precision = $0 { true } else { false } }) {
            add(.notComparable, "dates are now kept to the \((q.precision ?? .day).rawValue) (were to the \((o.precision ?? .day).rawValue)): reduce older dates to the same precision before pooling")
        }
        if breaks.contains(where: { if case .rank = $0 { true } else { false } }) {
            add(.notComparable, "the number of options to rank changed from \(o.rank.map(String.init) ?? "all") to \(q.rank.map(String.init) ?? "all")")
        }
        if breaks.contains(where: { if case .calculation = $0 { true } else { false } }) {
            add(.notComparable, "the calculation changed from \(code(.value(question: o.id), expressions.before)) to \(code(.value(question: q.id), expressions.after)): values before and after are computed differently")
        }
        if o.required != q.required {
            add(.comparable, q.required ? "now required: earlier responses may have skipped it" : "no longer required: later responses may skip it")
        }
        if o.identifying != q.identifying {
            add(.check, q.identifying ? "now identifying: its answers are stored apart from the responses, so later exports leave it out"
                                      : "no longer identifying: its answers are now stored with the responses")
        }
        out += choiceChanges(o, q, languages: languages, display: language).map { Change(variable: q.id, verdict: $0.0, what: $0.1) }
        out += rowChanges(o, q, languages: languages, display: language).map { Change(variable: q.id, verdict: $0.0, what: $0.1) }
        return out
    }

    /// Choices are matched by code, and by label to tell a recoding from a new meaning (`ChoiceChanges`,
    /// which the exporters use too): a code that changes meaning, or becomes or stops being a missing
    /// value, puts the answers before and after in separate variables.
    private static func choiceChanges(_ o: Question, _ q: Question, languages: [String], display language: String?) -> [(Verdict, String)] {
        guard q.type.hasChoices else { return [] }
        let changes = ChoiceChanges(from: o.allChoices, to: q.allChoices, languages: languages)
        var out: [(Verdict, String)] = []
        let meanings = changes.meanings.map { "\($0.code) now means \(quote($0.now.text(in: language))) (was \(quote($0.was.text(in: language))))" }
        let recoded = changes.recoded.map { "\(quote($0.label.text(in: language))) was \($0.was), now \($0.now)" }
        if !recoded.isEmpty || !meanings.isEmpty {
            out.append((.notComparable, "codes of \(q.id) changed: " + (meanings + recoded).joined(separator: "; ")
                        + "; responses before and after are not comparable without recoding"))
        }
        for c in changes.tidied {
            out.append((.comparable, "the label of \(c.value) was tidied: \(quote(c.label.text(in: language)))"))
        }
        for (c, nowMissing) in changes.missingChanged {
            out.append((.notComparable, nowMissing
                        ? "\(c.value) \(quote(c.label.text(in: language))) is now a missing value: it no longer counts in statistics, so exports keep the answers before and after in separate variables"
                        : "\(c.value) \(quote(c.label.text(in: language))) is no longer a missing value: it now counts in statistics, so exports keep the answers before and after in separate variables"))
        }
        for c in changes.removed {
            out.append((.check, "the choice \(c.value) \(quote(c.label.text(in: language))) was removed: later participants cannot give it"))
        }
        for c in changes.added {
            out.append((.check, "the choice \(c.value) \(quote(c.label.text(in: language))) was added: earlier participants could not give it"))
        }
        return out
    }

    private static func rowChanges(_ o: Question, _ q: Question, languages: [String], display language: String?) -> [(Verdict, String)] {
        guard q.type == .matrix else { return [] }
        let before = Dictionary((o.rows ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let afterIDs = Set((q.rows ?? []).map(\.id))
        var out: [(Verdict, String)] = []
        for row in q.rows ?? [] {
            guard let old = before[row.id] else {
                out.append((.comparable, "the row '\(row.id)' was added: responses before this version have it empty"))
                continue
            }
            if !same(old.text, row.text, languages) {
                for (which, lang) in reworded(old.text, row.text, languages, display: language) {
                    out.append((.check, "the \(which)row '\(row.id)' changed from \(quote(old.text.text(in: lang))) to \(quote(row.text.text(in: lang))): check that it asks the same thing"))
                }
            }
        }
        for row in o.rows ?? [] where !afterIDs.contains(row.id) {
            out.append((.comparable, "the row '\(row.id)' was removed: responses from this version on have it empty"))
        }
        return out
    }

    /// The languages a text was reworded in, each with the words that name it in a message: the
    /// display language alone (unnamed) when every language changed, else each changed language
    /// by name, so that a Welsh-only rewording is reported in Welsh rather than as English twice.
    static func reworded(_ a: LocalizedText, _ b: LocalizedText, _ languages: [String], display: String?) -> [(String, String?)] {
        let changed = languages.filter { !a.sameWords(as: b, in: [$0]) }
        guard !changed.isEmpty, changed.count < languages.count else { return [("", display)] }
        return changed.map { ("'\($0)' ", $0) }
    }

    /// Whether two texts say the same in every language, ignoring case, spacing and punctuation.
    static func same(_ a: LocalizedText, _ b: LocalizedText, _ languages: [String]) -> Bool { a.sameWords(as: b, in: languages) }

    static func quote(_ s: String) -> String {
        let one = Reflow.paragraphs(s).joined(separator: " ")
        return "\"" + (one.count > 70 ? String(one.prefix(69)) + "…" : one) + "\""
    }

    private static func code(_ place: InstrumentExpressions.Place, _ expressions: InstrumentExpressions) -> String {
        canonical(at: place, in: expressions).map { "'" + $0 + "'" } ?? "none"
    }

    /// The limits of a date, time or datetime as written, a datetime with a space for its `T`.
    private static func dateRange(_ q: Question) -> String {
        switch (q.dateMin.map(DateTimeValue.readable), q.dateMax.map(DateTimeValue.readable)) {
        case let (low?, high?): return "\(low)–\(high)"
        case let (low?, nil): return "no earlier than \(low)"
        case let (nil, high?): return "no later than \(high)"
        default: return "any"
        }
    }

    private static func range(_ q: Question) -> String {
        switch (q.min.map(NumberText.canonical), q.max.map(NumberText.canonical)) {
        case let (low?, high?): return "\(low)–\(high)"
        case let (low?, nil): return "at least \(low)"
        case let (nil, high?): return "at most \(high)"
        default: return "any"
        }
    }
}
