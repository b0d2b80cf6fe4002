public enum InstrumentKind: String, Sendable, Codable, CaseIterable {
    case survey, interview
}

/// A compiled instrument: immutable, checked, and identified by its content hash.
public struct Instrument: Sendable, Equatable, Codable {
    /// The version of the compiled form itself, so that stored copies can be read later.
    public var compiledFormat: Int = 1
    public var format: Int
    public var id: String
    public var version: String
    /// Safeguarding rules (`safeguarding:`, see `SafeguardingRule`); absent (nil) when there are
    /// none, so that instruments without rules keep their compiled form and hash.
    public var safeguardingRules: [SafeguardingRule]?
    public var kind: InstrumentKind
    public var title: LocalizedText
    public var description: LocalizedText?
    public var languages: [String]
    public var consent: Consent?
    public var end: LocalizedText?
    /// Who to contact for help or support (a helpline, the study team), shown whenever the
    /// participant asks for help, from the first screen to the last.
    public var support: LocalizedText?
    public var settings: Settings
    public var privacy: Privacy
    public var choiceSets: [String: [Choice]]
    public var sections: [Section]
    /// The instrument's own wording for runner messages, by catalogue key (`messages:`), each
    /// translated like any text; nil when it overrides none.
    public var messages: [String: LocalizedText]?
    /// For a guide to a group discussion, how many participants it is for (`group:`); nil for a
    /// one-to-one interview and for every survey.
    public var group: GroupSize?

    public init(format: Int, id: String, version: String, kind: InstrumentKind, title: LocalizedText,
                description: LocalizedText?, languages: [String], consent: Consent?, end: LocalizedText?,
                support: LocalizedText? = nil, settings: Settings, privacy: Privacy, choiceSets: [String: [Choice]], sections: [Section]) {
        self.format = format
        self.id = id
        self.version = version
        self.kind = kind
        self.title = title
        self.description = description
        self.languages = languages
        self.consent = consent
        self.end = end
        self.support = support
        self.settings = settings
        self.privacy = privacy
        self.choiceSets = choiceSets
        self.sections = sections
    }

    enum CodingKeys: String, CodingKey {
        case safeguardingRules = "safeguarding"
        case compiledFormat = "compiled_format", format, id, version, kind, title, description, languages
        case consent, end, support, settings, privacy, choiceSets = "choice_sets", sections, messages, group
    }

    /// Every question, in the order of the instrument.
    public var questions: [Question] {
        // Sized once: a question is a large value, and a list of 10,000 grown by doubling is
        // moved to a new allocation a dozen times.
        var all: [Question] = []
        all.reserveCapacity(questionCount)
        for section in sections { all.append(contentsOf: section.questions) }
        return all
    }

    public var questionCount: Int { sections.reduce(0) { $0 + $1.questions.count } }

    /// The questions a participant (or interviewer) answers: not notes, calculations or values set at launch.
    /// `check` and `preview` both report this number, so they never disagree.
    public var answeredQuestionCount: Int {
        // Counted in place, reading only each question's type: `questions` would copy every
        // question first, and a closure over each question copies it too.
        var count = 0
        for s in sections.indices {
            let questions = sections[s].questions
            for i in questions.indices {
                let type = questions[i].type
                if type != .note && !type.isNeverAsked { count += 1 }
            }
        }
        return count
    }

    /// The question with this id, or nil when the instrument has none.
    ///
    /// A scan, for a lookup now and then; a caller that looks up many builds `questionsByID` once.
    public func question(_ id: String) -> Question? {
        for section in sections {
            if let q = section.questions.first(where: { $0.id == id }) { return q }
        }
        return nil
    }

    /// The section that holds the question with this id, or nil when the instrument has none.
    public func section(containing id: String) -> Section? {
        sections.first { $0.questions.contains { $0.id == id } }
    }

    /// Every question by its id: the one index, for callers that look up many questions.
    ///
    /// Ids are unique in a compiled instrument; should a hand-made one repeat an id, the first wins,
    /// as it does for `question(_:)`.
    public var questionsByID: [String: Question] {
        Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The section of every question, by the question's id (the first, should an id repeat).
    public var sectionsByQuestionID: [String: Section] {
        var out: [String: Section] = [:]
        for section in sections {
            for q in section.questions where out[q.id] == nil { out[q.id] = section }
        }
        return out
    }
}

public struct Consent: Sendable, Equatable, Codable {
    public var text: LocalizedText
    public var agree: LocalizedText
    /// The label of the choice that declines; a default is used when absent.
    public var decline: LocalizedText?

    public init(text: LocalizedText, agree: LocalizedText, decline: LocalizedText?) {
        self.text = text
        self.agree = agree
        self.decline = decline
    }
}

public struct Settings: Sendable, Equatable, Codable {
    public var back: Bool = true
    public var progress: Bool = true
    public var skipAll: Bool = true
    /// Minutes without a key after which a session saves, clears the screen and leaves (a shared
    /// device left alone); nil: no limit. Optional, so that instruments without it keep their hash.
    public var idleMinutes: Int?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case back, progress, skipAll = "skip_all", idleMinutes = "idle_minutes"
    }
}

public struct Privacy: Sendable, Equatable, Codable {
    public enum Participant: String, Sendable, Codable, CaseIterable { case none, code }
    public enum Timestamps: String, Sendable, Codable, CaseIterable { case none, date, minute }
    public enum Pattern: String, Sendable, Codable, CaseIterable { case email, phone, url, postcode }

    public var participant: Participant = .none
    public var timestamps: Timestamps = .date
    public var redact: [Pattern] = []
    /// The age recipient (`age1…`) that finished responses are sealed to; nil for none. Left out
    /// of the compiled form when nil, so that instruments without it keep their content hash.
    public var sealTo: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case participant, timestamps, redact, sealTo = "seal_to"
    }
}

public struct Section: Sendable, Equatable, Codable {
    public var id: String
    public var title: LocalizedText?
    public var intro: LocalizedText?
    /// The condition in canonical form (see `Expressions.Printer`).
    public var showIf: String?
    public var shuffle: Bool
    public var minutes: Double?
    public var questions: [Question]
    /// The library scale the section includes (`use:`), by name; its items are locked to the published wording.
    public var scale: String?
    /// A block the evaluator marks as validated (`validated:`): its source, licence and the
    /// fingerprint of its wording, which `check` compares with the questions as written.
    public var validated: ValidatedBlock?
    /// Asked once per instance (`repeat:`); nil for a section asked once, so that instruments
    /// without repeats keep their compiled form and hash.
    public var `repeat`: Repeat?
    /// The id of the section this one is part of, for a block of questions inside a section
    /// (`- block:`, repeated) and for the questions after it there: compiled as sections of their
    /// own, so that the engine, store and exports treat a block as they treat a repeated section,
    /// while the drivers and preview show them as parts of this section. Nil for a section.
    public var within: String?

    public init(id: String, title: LocalizedText?, intro: LocalizedText?, showIf: String?, shuffle: Bool,
                minutes: Double?, questions: [Question]) {
        self.id = id
        self.title = title
        self.intro = intro
        self.showIf = showIf
        self.shuffle = shuffle
        self.minutes = minutes
        self.questions = questions
    }

    enum CodingKeys: String, CodingKey {
        case id, title, intro, showIf = "show_if", shuffle, minutes, questions, scale, validated, `repeat`, within
    }

    /// A repeated block inside a section rather than a whole section.
    public var isBlock: Bool { within != nil && self.repeat != nil }
}

/// What an evaluator records of a validated measure they include themselves (one the library
/// does not ship): where it comes from, on what terms, and the fingerprint that locks its wording.
public struct ValidatedBlock: Sendable, Equatable, Codable {
    public var source: String
    public var licence: String?
    public var fingerprint: String?

    public init(source: String, licence: String? = nil, fingerprint: String? = nil) {
        self.source = source
        self.licence = licence
        self.fingerprint = fingerprint
    }
}

/// The number of participants a group discussion is for, from `min` to `max`.
public struct GroupSize: Sendable, Equatable, Codable {
    public var min: Int
    public var max: Int

    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }

    public var range: ClosedRange<Int> { min...Swift.max(min, max) }
    /// What `group` allows at all: the interview's speakers are P1 to P99 and F.
    public static let possible = 2...99
}
