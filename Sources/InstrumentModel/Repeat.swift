/// A section asked once per instance (`repeat:`): once per choice ticked in an earlier multiple
/// choice, a counted number of times, or until the participant says there are no more.
///
/// Kept as optional fields rather than an enum with payloads so that the compiled form reads as
/// the YAML does (`{"for_each": "activities", "max": 4}`) and decodes with plain `Codable`;
/// `source` is the one place that says which kind it is.
public struct Repeat: Sendable, Equatable, Codable {
    /// The id of the multiple-choice question whose ticked choices are the instances.
    public var forEach: String?
    /// The id of the whole-number question whose answer is the number of instances.
    public var count: String?
    /// True: instances are added until the participant answers no to `another`.
    public var untilDone: Bool?
    /// The most instances there can be: given, or derived by the compiler (the number of
    /// choices, the number question's `max`), so that a route always has an end.
    public var max: Int
    /// `until_done`: the yes-or-no question asked after each instance; nil for the runner's words.
    public var another: LocalizedText?

    /// The most instances any repeat may have, so that routes, exports and screens stay bounded
    /// (Survey Solutions bounds its numeric rosters to 60 rows, for the same reasons).
    public static let maxInstances = 60

    public init(forEach: String? = nil, count: String? = nil, untilDone: Bool? = nil, max: Int, another: LocalizedText? = nil) {
        self.forEach = forEach
        self.count = count
        self.untilDone = untilDone
        self.max = max
        self.another = another
    }

    enum CodingKeys: String, CodingKey {
        case forEach = "for_each", count, untilDone = "until_done", max, another
    }

    /// What decides the instances.
    public enum Source: Sendable, Equatable {
        /// One instance per choice ticked in this multiple-choice question; keyed by the choice's code.
        case forEach(question: String)
        /// As many instances as this number question's answer; keyed 1, 2, 3, ...
        case count(question: String)
        /// Until the participant is done; keyed 1, 2, 3, ...
        case untilDone
    }

    public var source: Source {
        if let forEach { return .forEach(question: forEach) }
        if let count { return .count(question: count) }
        return .untilDone
    }

    /// The question whose answer decides the instances, if any.
    public var drivingQuestion: String? { forEach ?? count }

    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.member("another", another)
            w.member("count", count)
            w.member("for_each", forEach)
            w.member("max", max)
            w.member("until_done", untilDone)
        }
    }
}

/// One instance of a repeat: its key (a choice's code, or 1, 2, 3 ...) and its place (1-based)
/// among the repeat's instances now.
public struct InstanceKey: Sendable, Hashable, Codable, Comparable {
    /// The repeated section's id.
    public var section: String
    /// The choice code (`for_each`), or the 1-based index (`count`, `until_done`).
    public var key: Int

    public init(section: String, key: Int) {
        self.section = section
        self.key = key
    }

    public static func < (a: InstanceKey, b: InstanceKey) -> Bool { (a.section, a.key) < (b.section, b.key) }
}

extension Section {
    /// What it is, in messages: "section 'activity'", or "block 'activity' in section 's'".
    public var named: String { within.map { "block '\(id)' in section '\($0)'" } ?? "section '\(id)'" }
}

extension Instrument {
    /// The repeated section that holds the question with this id, or nil when it is not repeated.
    public func repeatingSection(of questionID: String) -> Section? {
        guard let section = section(containing: questionID), section.repeat != nil else { return nil }
        return section
    }

    /// The sections as written: without the blocks and the parts after them, which are compiled
    /// as sections of their own but are parts of the section they are in.
    public var sectionsAsWritten: [Section] { sections.filter { $0.within == nil } }

    /// Every repeated section, in the instrument's order.
    public var repeatedSections: [Section] { sections.filter { $0.repeat != nil } }
}

extension Instrument {
    /// Every instance a repeated section can have, each with its key and its label (the choice's
    /// label, or the index in figures): one rule for the exporters' columns (`visits_2`) and for
    /// `check`, which refuses a question named like one of them. Counted repeats are bounded by
    /// `Repeat.maxInstances`, so a hand-edited `max` can never make a billion columns.
    public func possibleInstances(of section: Section) -> [(key: Int, label: String)] {
        guard let r = section.repeat else { return [] }
        switch r.source {
        case .forEach(let id):
            guard let q = question(id) else { return [] }
            return q.allChoices.filter { !$0.exclusive && !$0.missing }.map { ($0.value, $0.label.text(in: languages.first)) }
        case .count, .untilDone:
            return (0..<min(max(r.max, 0), Repeat.maxInstances)).map { ($0 + 1, String($0 + 1)) }
        }
    }
}
