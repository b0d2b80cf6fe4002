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
        /// Clock times: earliest, median and latest (a mean of clock times means little: 23:00 and
        /// 01:00 would average to noon).
        case times
    }

    struct Entry {
        var variable: Variable
        var kind: Kind
        var rule: CellRule
        /// The question's slot in `slots`; a repeated question's entry counts every instance, one slot each.
        var slots: [Int]
        /// The column read at each slot, for the tree reader (a repeated question's instances differ).
        var cells: [Variable]
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
    /// The slots of entry `i` (one, or one per instance of a repeat) are
    /// `slotList[slotStart[i]..<slotStart[i + 1]]`: flat, since an array per entry was retained
    /// and released for each answer read, a tenth of the summary's time.
    let slotStart: [Int]
    let slotList: [Int]
    let missing: [Set<Int>]
    /// Per entry: a repeated question's, whose counts are of people (a response counted once,
    /// however many of its instances gave the answer), so that `--min-cell` is about people.
    let repeated: [Bool]

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
        // A repeated question is one entry that counts its answers in every instance (the per-instance
        // columns are in the wide file): the first instance's column places it, the others add slots.
        var shared: [String: Int] = [:]
        for v in codebook.variables {
            let rule = CellRule(v)
            if let instance = v.instance {
                if case .other = v.source { continue }
                let key: String
                if case .flag(let q, _) = v.source { key = q } else { key = instance.column }
                if let i = shared[key] {
                    if !entries[i].cells.contains(where: { $0.slot == v.slot }) {
                        entries[i].slots.append(slot(v.slot))
                        entries[i].cells.append(v)
                    }
                    entries[i].missing.formUnion(v.missing.map(\.code))
                    continue
                }
                shared[key] = entries.count
            }
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
                if let instance = v.instance {
                    whole.name = q
                    whole.label += Self.everyInstance(instance)
                }
                entries.append(Entry(variable: whole, kind: .multiple, rule: rule, slots: [slot(v.slot)], cells: [v], missing: []))
                continue
            default: break
            }
            let kind: Kind
            switch v.measure {
            case .nominal, .ordinal:
                if case .rank = v.source { kind = .numbers } else { kind = .frequencies }
            case .scale: kind = .numbers
            case .time: kind = .times
            // A date or a moment is only counted: its earliest and latest are the kind of detail that picks a person out.
            case .text, .date, .datetime: kind = .texts
            }
            var shown = v
            if let instance = v.instance {
                // Named and labelled as the question, not its first instance.
                shown.name = instance.column
                shown.label = instance.columnLabel + Self.everyInstance(instance)
                shown.missing = v.missing.filter { $0.code != v.absent }
            }
            entries.append(Entry(variable: shown, kind: kind, rule: rule, slots: [slot(v.slot)], cells: [v], missing: Set(v.missing.map(\.code))))
        }
        self.codebook = codebook
        self.entries = entries
        slots = RawResponse.Slots(ids)
        kinds = entries.map(\.kind)
        rules = entries.map(\.rule)
        slotList = entries.flatMap(\.slots)
        slotStart = entries.reduce(into: [0]) { starts, e in starts.append(starts.last! + e.slots.count) }
        missing = entries.map(\.missing)
        repeated = entries.map { $0.cells.first?.instance != nil }
    }

    /// What a repeated question's label adds in the summary: its answers come from every
    /// instance, and its counts are of people, each counted once.
    static func everyInstance(_ instance: Variable.Instance) -> String {
        " (every instance of '\(instance.section)'; each person counted once)"
    }
}
