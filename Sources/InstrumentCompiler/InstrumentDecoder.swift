import Expressions
import InstrumentModel
import Sealing
import YAMLTree

/// Turns the YAML tree into the model, reporting every problem it finds on the way.
/// Checks that need the whole instrument (expressions, piping, routes) come after, in `InstrumentChecks`.
struct InstrumentDecoder {
    var diagnostics = Diagnostics()
    var languages: [String] = []
    /// Whether 'languages' lists something that is not a language code (reported there once).
    var languagesInvalid = false
    var kind: InstrumentKind = .survey
    var choiceSets: [String: (choices: [Choice], node: Node)] = [:]
    var usedChoiceSets: Set<String> = []
    var expressions: [ExpressionSite] = []
    var pipings: [PipingSite] = []
    /// Every section's `repeat:`, for the checks that need every question known.
    var repeatSites: [RepeatSite] = []
    /// The section being decoded, so that a piped text knows whether it is inside a repeat.
    var currentSection: String?
    /// Questions per section id, while repeats are resolved.
    var sectionSizes: [String: Int] = [:]
    /// Where each question id was first defined, for duplicates and checks.
    var questionMarks: [String: Mark] = [:]
    var sectionMarks: [String: Mark] = [:]
    /// Each block's id where it is written, to check against question ids once all are known.
    var blockIDs: [(String, Node)] = []
    var questionCount = 0
    /// Safeguarding rules that come with the library scales the sections use.
    var libraryRules: [SafeguardingRule] = []

    static let topKeys: Set<String> = [
        "format", "id", "version", "kind", "title", "description", "languages", "consent",
        "end", "support", "settings", "privacy", "choice_sets", "sections", "messages", "group",
    ]

    mutating func decode(_ root: Node) -> Instrument? {
        guard let map = MapReader(root, owner: "the instrument", expected: "a map of keys such as 'format:', 'id:' and 'sections:'", diagnostics: &diagnostics) else {
            return nil
        }
        map.rejectUnknown(allowed: Self.topKeys.union(Self.careKeys), diagnostics: &diagnostics)

        let format = decodeFormat(map)
        let id = map.require("id", diagnostics: &diagnostics, hint: "add a short name such as 'id: member-survey'")
            .flatMap { instrumentID($0) } ?? ""
        let version = map.require("version", diagnostics: &diagnostics, hint: "add 'version: 1.0.0' and raise it whenever the instrument changes")
            .flatMap { string($0, what: "the version") } ?? ""
        if let node = map["kind"], let k: InstrumentKind = enumeration(node, what: "kind") { kind = k }
        if let node = map["languages"] { languages = decodeLanguages(node) }

        let title = map.require("title", diagnostics: &diagnostics, hint: "add a title that participants will see on the first screen")
            .flatMap { text($0, position: 0, owner: "the title") } ?? LocalizedText("")
        let description = map["description"].flatMap { text($0, position: 0, owner: "the description") }
        let consent = map["consent"].flatMap { decodeConsent($0) }
        let end = map["end"].flatMap { text($0, position: Int.max, owner: "the end text") }
        // Shown at any time, before any answer: it can pipe none.
        let support = map["support"].flatMap { text($0, position: 0, owner: "the support text") }
        let settings = map["settings"].map { decodeSettings($0) } ?? Settings()
        let privacy = map["privacy"].map { decodePrivacy($0) } ?? Privacy()
        if let node = map["choice_sets"] { decodeChoiceSets(node) }
        let messages = map["messages"].flatMap { decodeMessages($0) }
        checkCatalogues(messages, languagesNode: map["languages"])

        var sections: [Section] = []
        if let node = map.require("sections", diagnostics: &diagnostics, hint: "add 'sections:' with at least one section of questions") {
            sections = decodeSections(node)
        }
        for (name, set) in choiceSets.sorted(by: { $0.value.node.start < $1.value.node.start }) where !usedChoiceSets.contains(name) {
            diagnostics.warning(.unusedChoiceSet, "the choice set '\(name)' is never used",
                                hint: "remove it, or use it with 'choices: \(name)'", at: set.node.start, length: name.count)
        }
        var instrument = Instrument(
            format: format, id: id, version: version, kind: kind, title: title, description: description,
            languages: languages, consent: consent, end: end, support: support, settings: settings, privacy: privacy,
            choiceSets: choiceSets.mapValues(\.choices), sections: sections
        )
        instrument.messages = messages
        instrument.group = map["group"].flatMap { decodeGroup($0, key: map.keyScalar("group")) }
        return instrument
    }

    private mutating func decodeFormat(_ map: MapReader) -> Int {
        guard let node = map.require("format", diagnostics: &diagnostics, hint: "add 'format: 1' as the first line") else { return 1 }
        guard let n = integer(node, what: "format") else { return 1 }
        if n != 1 {
            diagnostics.error(.unsupportedFormat, "format \(n) is not supported; this version of Fieldwork reads format 1",
                              hint: "write 'format: 1', or update Fieldwork", on: node)
        }
        return n
    }

    private mutating func decodeLanguages(_ node: Node) -> [String] {
        guard let items = list(node, what: "languages") else { return [] }
        var result: [String] = []
        for item in items {
            guard let code = string(item, what: "a language") else { continue }
            if !Slug.isLanguageCode(code) {
                languagesInvalid = true
                diagnostics.error(.invalidValue, "'\(code)' is not a language code",
                                  hint: Slug.languageCode(named: code).map { "write the code '\($0)' for \(code.capitalized)" }
                                      ?? "use a short code such as 'en', 'cy' or 'pt-BR'", on: item)
            } else if result.contains(code) {
                diagnostics.error(.duplicateID, "the language '\(code)' is listed twice", on: item)
            } else {
                result.append(code)
            }
        }
        if result.isEmpty, !items.isEmpty { return [] }
        if items.isEmpty {
            diagnostics.error(.emptyList, "'languages' is empty", hint: "list at least one language, such as [en], or remove the key", on: node)
        }
        return result
    }

    private mutating func decodeConsent(_ node: Node) -> Consent? {
        guard let map = MapReader(node, owner: "consent", expected: "a map with 'text' and 'agree'", diagnostics: &diagnostics) else { return nil }
        map.rejectUnknown(allowed: ["text", "agree", "decline"], diagnostics: &diagnostics)
        let consentText = map.require("text", diagnostics: &diagnostics, hint: "summarise the information sheet here")
            .flatMap { text($0, position: 0, owner: "the consent text") }
        let agree = map.require("agree", diagnostics: &diagnostics, hint: "write the sentence a participant agrees to, such as 'I agree to take part'")
            .flatMap { text($0, position: 0, owner: "the consent") }
        let decline = map["decline"].flatMap { text($0, position: 0, owner: "the consent") }
        guard let consentText, let agree else { return nil }
        return Consent(text: consentText, agree: agree, decline: decline)
    }

    private mutating func decodeSettings(_ node: Node) -> Settings {
        var settings = Settings()
        guard let map = MapReader(node, owner: "settings", expected: "a map of settings", diagnostics: &diagnostics) else { return settings }
        map.rejectUnknown(allowed: ["back", "progress", "skip_all", "idle_minutes"], diagnostics: &diagnostics)
        if let n = map["back"], let b = bool(n, what: "back") { settings.back = b }
        if let n = map["progress"], let b = bool(n, what: "progress") { settings.progress = b }
        if let n = map["skip_all"], let b = bool(n, what: "skip_all") { settings.skipAll = b }
        if let n = map["idle_minutes"], let m = integer(n, what: "idle_minutes") {
            // A day at most: a longer wait protects nobody on a shared device.
            if (1...1440).contains(m) {
                settings.idleMinutes = m
            } else {
                diagnostics.error(.outOfRange, "'idle_minutes' is \(m), but it must be from 1 to 1440 (a day)",
                                  hint: "leave it out for no time limit", on: n)
            }
        }
        return settings
    }

    private mutating func decodePrivacy(_ node: Node) -> Privacy {
        var privacy = Privacy()
        guard let map = MapReader(node, owner: "privacy", expected: "a map of privacy settings", diagnostics: &diagnostics) else { return privacy }
        map.rejectUnknown(allowed: ["participant", "timestamps", "redact", "seal_to"], diagnostics: &diagnostics)
        if let n = map["participant"], let v: Privacy.Participant = enumeration(n, what: "participant") { privacy.participant = v }
        if let n = map["timestamps"], let v: Privacy.Timestamps = enumeration(n, what: "timestamps") { privacy.timestamps = v }
        if let n = map["redact"] { privacy.redact = redactPatterns(n) ?? [] }
        if let n = map["seal_to"], let text = string(n, what: "'seal_to'") {
            if AgeRecipient(text) != nil {
                privacy.sealTo = text
            } else {
                diagnostics.error(.invalidValue, "'seal_to' is '\(text)', which is not an age recipient",
                                  hint: "give the public recipient (age1…) that 'fieldwork keys new' printed, never the identity", on: n)
            }
        }
        return privacy
    }

    mutating func redactPatterns(_ node: Node) -> [Privacy.Pattern]? {
        guard let items = list(node, what: "redact") else { return nil }
        var result: [Privacy.Pattern] = []
        for item in items {
            if let p: Privacy.Pattern = enumeration(item, what: "a redact pattern"), !result.contains(p) { result.append(p) }
        }
        return result
    }

    private mutating func decodeSections(_ node: Node) -> [Section] {
        guard let items = list(node, what: "sections") else { return [] }
        if items.isEmpty {
            diagnostics.error(.emptyList, "'sections' is empty", hint: "an instrument needs at least one section with questions", on: node)
        }
        var sections: [Section] = []
        for item in items {
            if let key = Self.blockKey(item) {
                let name = Self.blockName(item)
                diagnostics.error(.misplacedKey, "a block goes in the 'questions' of a section, not in 'sections'",
                                  hint: "put '- block: \(name)' under a section's 'questions', or make it a section: 'id: \(name)' with 'repeat:'",
                                  at: key.start, length: 5)
                continue
            }
            sections += decodeSection(item)
        }
        checkBlockIDs()
        return sections
    }

    /// `group: {min: 3, max: 10}`: the guide is for a group discussion of that many participants.
    private mutating func decodeGroup(_ node: Node, key: Scalar?) -> GroupSize? {
        guard let map = MapReader(node, owner: "'group'", expected: "a map with 'min' and 'max', such as {min: 3, max: 10}", diagnostics: &diagnostics) else { return nil }
        map.rejectUnknown(allowed: ["min", "max"], diagnostics: &diagnostics)
        if kind == .survey, let key {
            diagnostics.error(.interviewOnly, "'group' describes a group discussion, which is an interview guide, but this instrument is a survey",
                              hint: "set 'kind: interview', or remove 'group'", at: key.start, length: 5)
            return nil
        }
        var bounds: [Int] = []
        for name in ["min", "max"] {
            guard let n = map.require(name, diagnostics: &diagnostics, hint: "write the number of participants, such as {min: 3, max: 10}"),
                  let value = integer(n, what: name) else { return nil }
            guard GroupSize.possible.contains(value) else {
                diagnostics.error(.outOfRange, "'\(name)' in 'group' is \(value), but a group has from 2 to 99 participants", on: n)
                return nil
            }
            bounds.append(value)
        }
        if bounds[0] > bounds[1], let n = map["min"] {
            diagnostics.error(.minAboveMax, "'min' (\(bounds[0])) is above 'max' (\(bounds[1])) in 'group'", hint: "swap them, or correct one of them", on: n)
        }
        return GroupSize(min: bounds[0], max: bounds[1])
    }
}
