import Expressions
import InstrumentModel
import YAMLTree

/// A block of questions inside a section, asked once per instance (`- block: <id>` with
/// `repeat:`), decoded as a section of its own marked `within` its parent. The questions after
/// it go into a further part of the parent, so that they come after every instance; everything
/// downstream that understands repeated sections (engine, store, exports, summary, diff) then
/// understands blocks unchanged, and only presentation looks at `within`.
extension InstrumentDecoder {
    /// The `block` key of an item in a list of questions or sections, if it is a block.
    static func blockKey(_ node: Node) -> Scalar? {
        guard case .mapping(let m) = node else { return nil }
        for entry in m.entries { if case .scalar(let k) = entry.key, k.text == "block" { return k } }
        return nil
    }

    /// The id a block item gives, as written, for messages about a misplaced block.
    static func blockName(_ node: Node) -> String {
        guard case .mapping(let m) = node else { return "block" }
        for entry in m.entries {
            if case .scalar(let k) = entry.key, k.text == "block", case .scalar(let v) = entry.value { return v.text }
        }
        return "block"
    }

    /// A block found among a section's questions, with how many questions came before it there.
    struct PlacedBlock {
        var section: Section
        var after: Int
    }

    mutating func decodeBlock(_ node: Node, key: Scalar, parent: String, parentShuffles: Bool, parentRepeats: Bool = false) -> Section? {
        guard let map = MapReader(node, owner: "a block", expected: "a map with 'block', 'repeat' and 'questions'", diagnostics: &diagnostics),
              let idNode = map["block"] else { return nil }
        let id = variableID(idNode, what: "block") ?? "block\(sectionMarks.count + 1)"
        let owner = "block '\(id)' in section '\(parent)'"
        let hint = "a block's id names its instances in the stored responses and the exports, as a section's does: give it one no section or question has"
        register(id, at: idNode, in: \.sectionMarks, what: "block", hint: hint)
        blockIDs.append((id, idNode))
        var reader = map
        reader.owner = owner
        reader.rejectUnknown(allowed: ["block", "title", "show_if", "repeat", "questions"], diagnostics: &diagnostics)
        if parentShuffles {
            diagnostics.error(.misplacedKey, "section '\(parent)' shows its questions in a random order, and cannot hold a block",
                              hint: "a block's instances come in order at its place in the section; remove 'shuffle', or put the block in a section of its own",
                              at: key.start, length: 5)
        }
        // Compiled as parts, a block in a repeated section would repeat over its own instances
        // once, and the questions after it would be asked once, outside the section's instances.
        if parentRepeats {
            diagnostics.error(.misplacedKey, "section '\(parent)' is repeated, and cannot hold a block",
                              hint: "a block cannot repeat within a repeat; list its questions in the section itself, or move them and the questions after them to sections of their own",
                              at: key.start, length: 5)
        }
        let start = questionCount
        currentSection = id
        defer { currentSection = parent }
        let title = map["title"].flatMap { text($0, position: start, owner: owner) }
        let showIf = map["show_if"].flatMap { expression($0, role: .showIf, question: nil, position: start, section: id) }
        reportEmptyCondition("show_if", in: map)
        var questions: [Question] = []
        if let node = map["questions"], let items = list(node, what: "questions") {
            if items.isEmpty {
                diagnostics.error(.emptyList, "\(owner) has no questions", hint: "add a question, or remove the block", on: node)
            }
            for item in items {
                if let inner = Self.blockKey(item) {
                    let name = Self.blockName(item)
                    diagnostics.error(.misplacedKey, "block '\(name)' is inside block '\(id)', and a block cannot hold another block",
                                      hint: "list its questions in block '\(id)', or make it a block of section '\(parent)' of its own",
                                      at: inner.start, length: 5)
                    continue
                }
                if let q = decodeQuestion(item, section: id) { questions.append(q) }
            }
        } else if map["questions"] == nil {
            diagnostics.error(.missingKey, "\(owner) has no 'questions'", hint: "add 'questions:' with at least one question", at: key.start, length: 5)
        }
        var section = Section(id: id, title: title, intro: nil, showIf: showIf, shuffle: false, minutes: nil, questions: questions)
        section.within = parent
        if let node = map["repeat"], let k = map.keyScalar("repeat") {
            section.repeat = decodeRepeat(node, key: k, section: id, position: start, within: parent)
        } else {
            diagnostics.error(.missingKey, "\(owner) has no 'repeat'",
                              hint: "a block is a set of questions asked once per instance; add 'repeat: {for_each: <multiple choice>}', or list its questions in the section itself",
                              at: key.start, length: 5)
        }
        return section
    }

    /// The section as compiled: its questions up to the first block, each block, and after each
    /// block a further part (`s~2`, `s~3`) with the questions that follow it there, carrying the
    /// section's title and condition. A block is asked only when its section is.
    func splitAtBlocks(_ section: Section, _ blocks: [PlacedBlock]) -> [Section] {
        guard !blocks.isEmpty else { return [section] }
        var first = section
        first.questions = Array(section.questions.prefix(blocks[0].after))
        var out = [first]
        for (i, placed) in blocks.enumerated() {
            var block = placed.section
            block.showIf = Self.both(section.showIf, block.showIf)
            out.append(block)
            let end = i + 1 < blocks.count ? blocks[i + 1].after : section.questions.count
            guard end > placed.after else { continue }
            var rest = Section(id: "\(section.id)~\(i + 2)", title: section.title, intro: nil, showIf: section.showIf,
                               shuffle: false, minutes: nil, questions: Array(section.questions[placed.after..<end]))
            rest.within = section.id
            out.append(rest)
        }
        return out
    }

    /// Two conditions that must both hold, in canonical form.
    static func both(_ a: String?, _ b: String?) -> String? {
        guard let a else { return b }
        guard let b else { return a }
        let joined = "(\(a)) and (\(b))"
        return (try? Parser.parse(joined)).map(Printer.print) ?? joined
    }

    /// A block's id names a repeat as a section's does (the store's `repeats`, the tidy file), and
    /// exports write columns under question ids: the two must not meet.
    mutating func checkBlockIDs() {
        for (id, node) in blockIDs {
            if let q = questionMarks[id] {
                diagnostics.error(.duplicateID, "the block id '\(id)' is also the id of a question (line \(q.line))",
                                  hint: "a block's id names its instances in the stored responses and the exports, as a section's does: give it one no section or question has",
                                  on: node)
            }
        }
    }
}
