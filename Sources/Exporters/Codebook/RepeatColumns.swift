import InstrumentModel
import ResponseStore
import SessionEngine

/// The columns of a repeated section: one per question (and flag, row, ...) per instance the
/// repeat can have, so that a wide file keeps one row per response.
///
/// Instances are spelled in names as their keys are (`visits_2` for the choice coded 2, `visits_m1`
/// for −1, `member_age_3` for the third counted one), the rule `Question.columnName(code:)` uses for
/// flags, so a reader who knows one knows the other. An instance a response does not have (a
/// choice not ticked, a count too small, no other service) is missing with a code of its own,
/// apart from the skip: "not asked" said as why, since an empty cell would not tell a route that
/// hid the question from an instance that never was.
extension Variable {
    /// The instance of a repeated section a column holds.
    public struct Instance: Sendable, Equatable {
        /// The repeated section's id.
        public var section: String
        /// The choice's code (`for_each`) or the 1-based index (`count`, `until_done`).
        public var key: Int
        /// The choice's label, or the index in figures: what the column's label names.
        public var label: String
        public var presence: Presence
        /// The column's name in the repeat's own file, one row per instance (`visits`, `used_1`).
        public var column = ""
        /// The column's label there, without the instance ("Visits").
        public var columnLabel = ""
    }

    /// What says whether an instance exists, beside the response's list of its instances.
    public enum Presence: Sendable, Equatable {
        /// The multiple choice whose ticked choices are the instances.
        case forEach(driver: String)
        /// The number whose answer is how many instances there are.
        case count(driver: String, max: Int)
        /// Instances until the participant said there were no more.
        case untilDone(max: Int)
    }

    /// The byte scanner's name for where this column's answer is: the question's id, or for a
    /// repeated question the engine's slot (`visits#2`), which `RawResponse` gives the answers
    /// it finds in the instance keyed 2 of the response's `repeats`.
    public var slot: String { instance.map { Slot.id(question, key: $0.key) } ?? question }

    static func absentLabel(_ instance: Instance) -> String {
        switch instance.presence {
        case .forEach: "Not asked: \(instance.label) not chosen"
        case .count, .untilDone: "Not asked: fewer than \(instance.key)"
        }
    }
}

extension Variable.Instance {
    /// Whether the response has this instance: true when the response lists it (`repeats`, which
    /// lists every instance the participant's answers made, asked yet or not); false when it does
    /// not and its driving question was answered or skipped, or, for `until_done`, the response is
    /// finished; nil (not known: not reached yet) otherwise, where the cells say "not asked".
    func present(in r: StoredResponse) -> Bool? {
        if r.repeats[section]?.contains(where: { $0.key == key }) == true { return true }
        switch presence {
        case .forEach(let driver), .count(let driver, _):
            return r.answers[driver] != nil || r.skipped.contains(driver) ? false : nil
        case .untilDone:
            return r.status == .complete ? false : nil
        }
    }
}

extension StoredResponse {
    /// The response as a column of a repeat reads it: the instance's own answers, skips, "Other"
    /// texts and calculations, by question id, in place of the response's; nil when the response
    /// does not list the instance.
    func instance(_ instance: Variable.Instance) -> StoredResponse? {
        guard let stored = repeats[instance.section]?.first(where: { $0.key == instance.key }) else { return nil }
        var r = self
        r.answers = stored.answers
        r.other = stored.other
        r.skipped = stored.skipped
        r.calculated = stored.calculated
        return r
    }
}

extension Codebook {
    /// The instances a repeated section can have, each with its key, its label in names and its
    /// label in words.
    static func instances(of section: Section, in instrument: Instrument) -> [Variable.Instance] {
        guard let r = section.repeat else { return [] }
        let presence: Variable.Presence
        switch r.source {
        case .forEach(let id): presence = .forEach(driver: id)
        case .count(let id): presence = .count(driver: id, max: r.max)
        case .untilDone: presence = .untilDone(max: r.max)
        }
        return instrument.possibleInstances(of: section).map {
            Variable.Instance(section: section.id, key: $0.key, label: $0.label, presence: presence)
        }
    }

    /// A question's columns once per instance: names gain the instance (`visits_2`, `used_2_1`),
    /// labels name it ("Visits — Walking group"), and each column that holds codes or numbers
    /// gains the code of "no such instance" as a missing value, chosen later outside its values.
    static func instanceVariables(of q: Question, section: Section, in instrument: Instrument, condition: String?,
                                  calculation: CalculationTypes.Kind?) -> [Variable] {
        var out: [Variable] = []
        // A text that pipes the instance's choice names it in place of the pipe; the label over
        // every instance keeps the question's id in its place ("about [activities]?").
        let pipe = section.repeat?.forEach.map { "{\($0).label}" }
        for instance in instances(of: section, in: instrument) {
            var named = q
            named.id = q.id + "_" + Question.codeName(instance.key)
            let plain = variables(of: q, in: instrument, condition: condition, calculation: calculation)
            for (var v, p) in zip(variables(of: named, in: instrument, condition: condition, calculation: calculation), plain) {
                v.source = v.source.asking(q.id)
                // The choice's label kept short as labels are, so the packages' limits hold.
                if let pipe, v.label.contains(pipe) {
                    v.label = v.label.replacingOccurrences(of: pipe, with: short(instance.label))
                } else {
                    v.label += " — " + short(instance.label)
                }
                v.instance = instance
                v.instance?.column = p.name
                v.instance?.columnLabel = pipe.map { p.label.replacingOccurrences(of: $0, with: "[\(section.repeat?.forEach ?? "")]") } ?? p.label
                out.append(v)
            }
        }
        return out
    }
}

extension Codebook {
    /// A repeated section's columns instance by instance (`visits_1`, `said_1`, `visits_2`, ...),
    /// so that each instance's answers sit together as the participant gave them; the order
    /// within an instance is the section's.
    static func byInstance(_ made: inout [Variable], from start: Int) {
        var keys: [Int] = []
        for v in made[start...] { if let k = v.instance?.key, !keys.contains(k) { keys.append(k) } }
        let block = made[start...].enumerated().sorted { a, b in
            let x = keys.firstIndex(of: a.element.instance?.key ?? 0) ?? 0, y = keys.firstIndex(of: b.element.instance?.key ?? 0) ?? 0
            return (x, a.offset) < (y, b.offset)
        }.map(\.element)
        made.replaceSubrange(start..., with: block)
    }

    /// The codebook's line on a column of a repeat: which instance, and what decides the instances.
    static func instanceFact(_ instance: Variable.Instance, _ section: Section, _ instrument: Instrument) -> VersionFacts.Fact {
        let rule: String
        let what = section.isBlock ? section.named : "'\(section.id)'"
        switch instance.presence {
        case .forEach(let driver):
            rule = "the instance for *\(instance.label)* (code \(instance.key)); \(what) is asked once for each choice ticked in `\(driver)`"
        case .count(let driver, let max):
            rule = "instance \(instance.key); \(what) is asked as many times as `\(driver)` says, at most \(max)"
        case .untilDone(let max):
            rule = "instance \(instance.key); \(what) is asked until the participant has no more, at most \(max) times"
        }
        return VersionFacts.Fact(key: "Instance", value: rule + ". A response without this instance holds "
                                 + "\"not asked: no such instance\" here (a code of its own in numbers and codes, empty in texts and dates)")
    }
}

extension Variable.Source {
    /// The same column, of the question with this id.
    func asking(_ id: String) -> Variable.Source {
        switch self {
        case .choice: .choice(question: id)
        case .flag(_, let code): .flag(question: id, code: code)
        case .row(_, let row): .row(question: id, row: row)
        case .rank(_, let code): .rank(question: id, code: code)
        case .other: .other(question: id)
        case .value: .value(question: id)
        case .calculated: .calculated(question: id)
        }
    }
}

extension MissingCode {
    /// The code of an instance not present: the first candidate outside the values that is not the skip.
    static func absent(outside domain: Variable.Domain, skipped: Int?) -> Int {
        candidates.first { !domain.contains(Double($0)) && $0 != skipped } ?? beyondEveryNumber - 1
    }
}
