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

    /// Reads every wanted response, oldest first; cases are named by pseudonym, or numbered.
    static func collect(_ context: ExportContext) -> [Interview] {
        let byVersion = Dictionary(context.folder.instruments.map { ($0.instrument.version, $0.instrument) }, uniquingKeysWith: { a, _ in a })
        var found: [StoredResponse] = []
        context.folder.each(skipped: context.skipped.add) { r in if context.wanted(r) { found.append(r) } }
        found.sort { ($0.started ?? "", $0.responseID) < ($1.started ?? "", $1.responseID) }
        let width = String(found.count).count
        return found.enumerated().compactMap { index, r in
            guard let instrument = byVersion[r.version] else { return nil }
            let number = String(index + 1)
            let name = r.pseudonym ?? "interview-" + String(repeating: "0", count: max(0, max(2, width) - number.count)) + number
            return Interview(caseName: name, responseID: r.responseID, pseudonym: r.pseudonym, date: r.started.map { String($0.prefix(10)) },
                             version: r.version, status: r.status.rawValue, instrument: instrument,
                             sections: parts(of: r, in: instrument))
        }
    }

    private static func parts(of r: StoredResponse, in instrument: Instrument) -> [Part] {
        let language = instrument.languages.first
        return instrument.sections.map { section in
            Part(section: section, items: section.questions.compactMap { q in
                guard q.type != .note && q.type != .calculate else { return nil }
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
