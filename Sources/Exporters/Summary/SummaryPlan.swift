import InstrumentModel
import ResponseStore

/// What the summary counts, worked out once from the codebook: one entry per item shown, in the
/// codebook's order, each with where its answer lies in a response file. A class, shared by the
/// readers of every block: as a struct (a codebook and a dozen arrays) it made each reader, and
/// every copy the compiler makes of one, a hundred bytes larger.
final class SummaryPlan {
    enum Kind {
        /// Counts per code; a multiple choice counts each option chosen.
        case frequencies, multiple, numbers, texts
    }

    struct Entry {
        var variable: Variable
        var kind: Kind
        var rule: CellRule
        /// The question's slot in `slots`.
        var slot: Int
        /// Codes that are missing reasons, left out of a number's statistics.
        var missing: Set<Int>
    }

    let codebook: Codebook
    let entries: [Entry]
    let slots: RawResponse.Slots
    /// The entries' parts the reading loop needs, apart: copying an `Entry` (a `Variable`, with
    /// its names and labels) per answer was most of the summary's time in retains and releases.
    let kinds: [Kind]
    let rules: [CellRule]
    let slotOf: [Int]
    let missing: [Set<Int>]

    init(_ instruments: [Instrument]) {
        let codebook = Codebook(instruments)
        let language = instruments.last?.languages.first
        var entries: [Entry] = []
        var placed: Set<String> = []
        var ids: [String] = []
        func slot(_ q: String) -> Int {
            if let i = ids.firstIndex(of: q) { return i }
            ids.append(q)
            return ids.count - 1
        }
        for v in codebook.variables {
            let rule = CellRule(v)
            switch v.source {
            case .other: continue
            case .flag(let q, _):
                // Multiple choice is summarised as one question, where its first option column stood.
                guard !placed.contains(q), let question = instruments.last?.question(q) else { continue }
                placed.insert(q)
                var whole = v
                whole.name = q
                whole.label = (question.label ?? question.text).map { Codebook.short($0.text(in: language)) } ?? q
                whole.codes = question.allChoices.map { ($0.value, $0.label.text(in: language)) }
                whole.missing = []
                entries.append(Entry(variable: whole, kind: .multiple, rule: rule, slot: slot(q), missing: []))
                continue
            default: break
            }
            let kind: Kind
            switch v.measure {
            case .nominal, .ordinal:
                if case .rank = v.source { kind = .numbers } else { kind = .frequencies }
            case .scale: kind = .numbers
            case .text, .date: kind = .texts
            }
            entries.append(Entry(variable: v, kind: kind, rule: rule, slot: slot(v.question), missing: Set(v.missing.map(\.code))))
        }
        self.codebook = codebook
        self.entries = entries
        slots = RawResponse.Slots(ids)
        kinds = entries.map(\.kind)
        rules = entries.map(\.rule)
        slotOf = entries.map(\.slot)
        missing = entries.map(\.missing)
    }
}
