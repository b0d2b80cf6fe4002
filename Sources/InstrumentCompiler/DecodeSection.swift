import InstrumentModel
import YAMLTree

extension InstrumentDecoder {
    mutating func decodeSection(_ node: Node) -> [Section] {
        guard var map = MapReader(node, owner: "a section", expected: "a map with 'id', 'title' and 'questions'", diagnostics: &diagnostics) else { return [] }
        let idNode = map.require("id", diagnostics: &diagnostics, hint: "give the section a short id such as 'id: involvement'")
        let id = idNode.flatMap { variableID($0, what: "section") } ?? "section\(sectionMarks.count + 1)"
        let owner = "section '\(id)'"
        register(id, at: idNode, in: \.sectionMarks, what: "section", hint: "give each section its own id")
        map.owner = owner
        map.rejectUnknown(allowed: ["id", "title", "intro", "show_if", "shuffle", "minutes", "questions", "use", "validated", "repeat"], diagnostics: &diagnostics)

        let start = questionCount
        currentSection = id
        defer { currentSection = nil }
        let title = map["title"].flatMap { text($0, position: start, owner: owner) }
        let intro = map["intro"].flatMap { text($0, position: start, owner: owner) }
        let showIf = map["show_if"].flatMap { expression($0, role: .showIf, question: nil, position: start, section: id) }
        reportEmptyCondition("show_if", in: map)
        let shuffle = map["shuffle"].flatMap { bool($0, what: "shuffle") } ?? false
        var minutes: Double?
        if let node = map["minutes"] {
            minutes = number(node, what: "minutes")
            if let m = minutes, m < 0 {
                diagnostics.error(.outOfRange, "'minutes' cannot be negative", on: node)
            }
            if kind == .survey, let key = map.keyScalar("minutes") {
                diagnostics.warning(.interviewOnly, "'minutes' plans time in interview guides and is ignored in a survey",
                                    hint: "remove it, or set 'kind: interview'", at: key.start, length: 7)
            }
        }
        var questions: [Question] = []
        var blocks: [PlacedBlock] = []
        let scale = map["use"].flatMap { libraryScale($0) }
        if let scale, map["questions"] == nil {
            questions = decodeLibrary(scale, section: id)
        } else if map["use"] != nil, map["questions"] == nil {
            // An unknown scale is reported as such, not as missing questions as well.
        } else if let node = map.require("questions", diagnostics: &diagnostics, hint: "add 'questions:' with at least one question"),
           let items = list(node, what: "questions") {
            if items.isEmpty {
                diagnostics.error(.emptyList, "\(owner) has no questions", hint: "add a question, or remove the section", on: node)
            }
            // Room for every question at once: a question is a large value, and a list grown one
            // by one is moved to a larger allocation again and again.
            questions.reserveCapacity(items.count)
            for item in items {
                if let key = Self.blockKey(item) {
                    if let block = decodeBlock(item, key: key, parent: id, parentShuffles: shuffle, parentRepeats: map["repeat"] != nil) { blocks.append(PlacedBlock(section: block, after: questions.count)) }
                    continue
                }
                guard let q = decodeQuestion(item, section: id) else { continue }
                questions.append(q)
                if let planned = q.minutes, let budget = minutes, planned > budget,
                   case .mapping(let m) = item, let n = m.entries.first(where: { if case .scalar(let k) = $0.key { k.text == "minutes" } else { false } })?.value {
                    diagnostics.warning(.outOfRange, "question '\(q.id)' plans \(Self.format(planned)) minutes, more than its section '\(id)' (\(Self.format(budget)))",
                                        hint: "raise the section's 'minutes', or lower the question's", on: n)
                }
            }
        }
        if let scale, map["questions"] != nil, let use = map.keyScalar("use") { lockWording(scale, questions, at: use.start) }
        var section = Section(id: id, title: title, intro: intro, showIf: showIf, shuffle: shuffle, minutes: minutes, questions: questions)
        section.scale = scale?.name
        if map["validated"] != nil, let key = map.keyScalar("validated"), let use = scale?.name {
            diagnostics.error(.misplacedKey, "'validated' does not apply to \(owner)",
                              hint: "a library scale ('use: \(use)') is locked to its published text already; 'validated' is for a section's own questions",
                              at: key.start, length: "validated".count)
        } else if let node = map["validated"], let key = map.keyScalar("validated") {
            section.validated = validatedBlock(node, section: id, questions: questions, at: key.start)
        }
        if let node = map["repeat"], let key = map.keyScalar("repeat") {
            section.repeat = decodeRepeat(node, key: key, section: id, position: start)
        }
        return splitAtBlocks(section, blocks)
    }
}
