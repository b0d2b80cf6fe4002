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

    struct Part {
        var section: Section
        var items: [Item]
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

    /// Structured answers in words, by question id, for case attributes.
    var attributes: [(question: Question, value: String)] {
        sections.flatMap(\.items).compactMap { item in
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

    private static func parts(of r: StoredResponse, in instrument: Instrument) -> [Part] {
        let language = instrument.languages.first
        return instrument.sections.map { section in
            Part(section: section, items: section.questions.compactMap { q in
                guard q.type != .note && !q.type.isNeverAsked else { return nil }
                let content: Content
                if let value = r.answers[q.id] {
                    content = q.type == .open ? .notes(NoteTurn.parse(value.string ?? "")) : .answer(words(value, q, r.other[q.id], language))
                } else {
                    content = r.skipped.contains(q.id) ? .skipped : .notAsked
                }
                let probes = (r.probesAsked[q.id] ?? []).compactMap { n in q.probes.flatMap { $0.indices.contains(n - 1) ? $0[n - 1].text(in: language) : nil } }
                return Item(question: q, content: content, probesAsked: probes)
            })
        }
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
