import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine

/// The interviews of a guide's responses, ready to write as transcripts and matrices: each
/// with its case name, attributes and, question by question, the answer or the notes.
struct Interview {
    var caseName: String
    var responseID: String
    var pseudonym: String?
    var date: String?
    var version: String
    var status: String
    /// A group discussion's number of participants (P1 to PN, with F the facilitator).
    var group: Int?
    var instrument: Instrument
    var sections: [Part]

    /// A section as asked: once, or one instance of a repeated section.
    struct Part {
        var section: Section
        var items: [Item]
        /// The instance this part holds, for a repeated section.
        var instance: Instance?

        /// The heading: the section's title, and for an instance its title as the interviewer
        /// saw it with the instance named ("Housing", "Work — Peer worker", "Anything else 2").
        func heading(in language: String?) -> String {
            // A block without a title is named by its instance alone ("Housing", "2").
            if section.within != nil, section.title == nil, let instance { return instance.label ?? String(instance.key) }
            let title = section.title?.text(in: language) ?? section.id
            return instance?.heading(title) ?? title
        }
    }

    /// One instance of a repeated section in a response: its key (the choice's code, or 1, 2, 3 ...)
    /// and its label (the choice's label, the "Other" text typed, or nil for a counted instance).
    struct Instance {
        var key: Int
        var label: String?
        /// The `for_each` question's id, whose `{id.label}` a text pipes.
        var forEach: String?

        /// The section's title as asked in this instance, saying which instance it is: the label
        /// piped in where the title asks for it, else added ("Roles — Peer worker", "Topic 2").
        func heading(_ title: String) -> String {
            if let forEach, let label, title.contains("{\(forEach).label}") {
                return title.replacingOccurrences(of: "{\(forEach).label}", with: label)
            }
            return label.map { title + " — " + $0 } ?? title + " " + String(key)
        }

        /// A question's text in this instance: its label piped in; nothing added.
        func question(_ text: String) -> String {
            guard let forEach, let label else { return text }
            return text.replacingOccurrences(of: "{\(forEach).label}", with: label)
        }
    }

    struct Item {
        var question: Question
        var content: Content
        /// The probes ticked as asked, as written in the guide.
        var probesAsked: [String] = []
    }

    enum Content {
        case notes([NoteTurn])
        /// A structured answer, in words (labels for choices).
        case answer(String)
        case skipped
        case notAsked
    }

    /// Structured answers in words, by question id, for case attributes (a repeated question's
    /// are per instance: see `columns`).
    var attributes: [(question: Question, value: String)] {
        sections.filter { $0.instance == nil }.flatMap(\.items).compactMap { item in
            if case .answer(let value) = item.content, item.question.type != .open { return (item.question, value) }
            return nil
        }
    }

    /// The speakers of a group discussion, as cases: P1 to PN and F, and any other speaker the
    /// notes name (a discussion run without --group names its speakers all the same).
    var speakers: [String] {
        var found = Set(sections.flatMap(\.items).flatMap { item -> [String] in
            if case .notes(let turns) = item.content { return turns.compactMap(\.speaker) }
            return []
        })
        if let group { found.formUnion((1...max(1, group)).map { "P\($0)" } + ["F"]) }
        return found.sorted { a, b in
            // P1, P2, ..., P10 by number, then F.
            let (x, y) = (Int(a.dropFirst()) ?? Int.max, Int(b.dropFirst()) ?? Int.max)
            return x != y ? x < y : a < b
        }
    }

    /// Reads every wanted response, oldest first. A case is named after its response
    /// (`caseNames`), so that its name keeps its meaning however many interviews come later.
    static func collect(_ context: ExportContext) -> [Interview] {
        let byVersion = Dictionary(context.folder.instruments.map { ($0.instrument.version, $0.instrument) }, uniquingKeysWith: { a, _ in a })
        var found: [StoredResponse] = []
        context.folder.each(skipped: context.skipped.add, replayed: context.skipped.note) { r in if context.wanted(r) { found.append(r) } }
        found.sort { ($0.started ?? "", $0.responseID) < ($1.started ?? "", $1.responseID) }
        let names = caseNames(found.map(\.responseID))
        return found.compactMap { r in
            guard let instrument = byVersion[r.version] else { return nil }
            return Interview(caseName: names[r.responseID] ?? "interview-" + r.responseID, responseID: r.responseID, pseudonym: r.pseudonym,
                             date: r.started.map { String($0.prefix(10)) }, version: r.version, status: r.status.rawValue,
                             group: r.group, instrument: instrument, sections: parts(of: r, in: instrument))
        }
    }

    /// Case names from response ids: `interview-` and the id's first 8 characters, which depend
    /// on nothing else, so a case keeps its name as interviews are added. Where two ids of an
    /// export share their first 8 characters (about one chance in 10^5 at 300 interviews), those
    /// two take 12, and failing that the whole id.
    static func caseNames(_ ids: [String]) -> [String: String] {
        var names: [String: String] = [:]
        for length in [8, 12, Int.max] {
            let pending = ids.filter { names[$0] == nil }
            let prefixes = Dictionary(grouping: pending) { String($0.prefix(length)) }
            for (prefix, group) in prefixes where group.count == 1 || length == Int.max {
                for id in group { names[id] = "interview-" + (length == Int.max ? id : prefix) }
            }
        }
        return names
    }

    /// The response's sections in the guide's order; a repeated section as one part per instance
    /// the response holds, in the order asked, each with its own notes and probes.
    private static func parts(of r: StoredResponse, in instrument: Instrument) -> [Part] {
        let language = instrument.languages.first
        func items(_ section: Section, answers: [String: JSON], other: [String: String], skipped: Set<String>, probesAsked: [String: [Int]]) -> [Item] {
            section.questions.compactMap { q in
                guard q.type != .note && !q.type.isNeverAsked else { return nil }
                let content: Content
                if let value = answers[q.id] {
                    content = q.type == .open ? .notes(NoteTurn.parse(value.string ?? "")) : .answer(words(value, q, other[q.id], language))
                } else {
                    content = skipped.contains(q.id) ? .skipped : .notAsked
                }
                let probes = (probesAsked[q.id] ?? []).compactMap { n in q.probes.flatMap { $0.indices.contains(n - 1) ? $0[n - 1].text(in: language) : nil } }
                return Item(question: q, content: content, probesAsked: probes)
            }
        }
        return instrument.sections.flatMap { section -> [Part] in
            guard let rule = section.repeat else {
                return [Part(section: section, items: items(section, answers: r.answers, other: r.other, skipped: r.skipped, probesAsked: r.probesAsked))]
            }
            return (r.repeats[section.id] ?? []).map { instance in
                Part(section: section, items: items(section, answers: instance.answers, other: instance.other, skipped: instance.skipped,
                                                     probesAsked: instance.probesAsked),
                     instance: Instance(key: instance.key, label: instanceLabel(rule, key: instance.key, r, instrument), forEach: rule.forEach))
            }
        }
    }

    /// A `for_each` instance's label: its choice's, or for "Other" the text typed, as the
    /// interviewer saw it; nil for a counted instance.
    private static func instanceLabel(_ rule: Repeat, key: Int, _ r: StoredResponse, _ instrument: Instrument) -> String? {
        guard let id = rule.forEach, let q = instrument.question(id) else { return nil }
        guard let choice = q.allChoices.first(where: { $0.value == key }) else { return String(key) }
        if choice.value == q.other?.value, let typed = r.other[id], !typed.isEmpty { return typed }
        return choice.label.text(in: instrument.languages.first)
    }

    /// The columns of a matrix or of the cases' attributes: a question asked once is one, named
    /// by its id; a repeated question is one per instance it can have, named as the wide export
    /// names them (`topic_notes_3`), so that a column holds the same topic in every row.
    static func columns(_ questions: [Question], in instrument: Instrument) -> [(question: Question, key: Int?, name: String)] {
        questions.flatMap { q -> [(question: Question, key: Int?, name: String)] in
            guard let section = instrument.repeatingSection(of: q.id) else { return [(q, nil, q.id)] }
            return instrument.possibleInstances(of: section).map { (q, $0.key, q.columnName(code: $0.key)) }
        }
    }

    /// What the interview holds for a column.
    func content(_ question: String, key: Int?) -> Content? {
        sections.first { $0.instance?.key == key && $0.items.contains { $0.question.id == question } }?
            .items.first { $0.question.id == question }?.content
    }

    /// An answer as a reader wants it: labels for codes, rows by their text.
    static func words(_ value: JSON, _ q: Question, _ other: String?, _ language: String?) -> String {
        func label(_ code: Int) -> String {
            guard let c = q.allChoices.first(where: { $0.value == code }) else { return String(code) }
            if c.value == q.other?.value, let other { return c.label.text(in: language) + ": " + other }
            return c.label.text(in: language)
        }
        switch value {
        case .number(let n):
            if q.type.hasChoices, let code = value.int { return label(code) }
            return NumberText.canonical(n)
        case .string(let s): return s
        case .array(let items): return items.compactMap(\.int).map(label).joined(separator: "; ")
        case .object(let rows):
            return (q.rows ?? []).compactMap { row in rows[row.id]?.int.map { row.text.text(in: language) + ": " + label($0) } }.joined(separator: "; ")
        case .bool(let b): return b ? "yes" : "no"
        case .null: return ""
        }
    }
}
