import InstrumentModel
import ResponseStore

/// A response's answers as JSON lines give them: the questions asked once at the top, as stored;
/// each repeated section's instances apart, in order, one object each with its key, its label
/// and its answers under the questions' own ids, so a reader never has to take `visits#2` apart.
struct InstanceObjects {
    /// Per repeated question, its section; per section, its instances' keys and labels in order.
    private let sectionOf: [String: String]
    private let order: [String: [(key: Int, label: String)]]

    init(_ codebook: Codebook) {
        var sectionOf: [String: String] = [:]
        var order: [String: [(key: Int, label: String)]] = [:]
        for v in codebook.variables {
            guard let instance = v.instance else { continue }
            sectionOf[v.question] = instance.section
            if !(order[instance.section] ?? []).contains(where: { $0.key == instance.key }) {
                order[instance.section, default: []].append((instance.key, instance.label))
            }
        }
        self.sectionOf = sectionOf
        self.order = order
    }

    var isEmpty: Bool { order.isEmpty }

    /// The slot's section, question (nil for the "another?" answer) and key; nil for a question asked once.
    private func place(_ slot: String) -> (section: String, question: String?, key: Int)? {
        guard let hash = slot.lastIndex(of: "#") else { return nil }
        let base = String(slot[..<hash])
        var rest = slot[slot.index(after: hash)...]
        // `service#1:another` (`Slot` in the engine): whether the participant added another.
        if rest.hasSuffix(":another") {
            rest = rest.dropLast(":another".count)
            return Int(rest).map { (base, nil, $0) }
        }
        guard let section = sectionOf[base], let key = Int(rest) else { return nil }
        return (section, base, key)
    }

    /// The top-level maps with the instances' answers taken out, and the `repeats` member.
    func split(_ r: StoredResponse) -> (answers: [String: JSON], other: [String: String], skipped: [String], calculated: [String: JSON], repeats: JSON?) {
        var answers: [String: JSON] = [:], other: [String: String] = [:], calculated: [String: JSON] = [:]
        var skipped: [String] = []
        struct Found { var answers: [String: JSON] = [:], other: [String: String] = [:], skipped: [String] = [], calculated: [String: JSON] = [:], another: Bool? }
        var found: [String: [Int: Found]] = [:]
        for (slot, value) in r.answers {
            guard let at = place(slot) else { answers[slot] = value; continue }
            if let q = at.question { found[at.section, default: [:]][at.key, default: Found()].answers[q] = value }
            else { found[at.section, default: [:]][at.key, default: Found()].another = value.int == 1 }
        }
        for (slot, text) in r.other {
            guard let at = place(slot), let q = at.question else { other[slot] = text; continue }
            found[at.section, default: [:]][at.key, default: Found()].other[q] = text
        }
        for (slot, value) in r.calculated {
            guard let at = place(slot), let q = at.question else { calculated[slot] = value; continue }
            found[at.section, default: [:]][at.key, default: Found()].calculated[q] = value
        }
        for slot in r.skipped.sorted() {
            guard let at = place(slot) else { skipped.append(slot); continue }
            found[at.section, default: [:]][at.key, default: Found()].skipped.append(at.question ?? "another")
        }
        guard !found.isEmpty else { return (answers, other, skipped, calculated, nil) }
        var repeats: [String: JSON] = [:]
        for (section, instances) in found {
            let known = order[section] ?? []
            let keys = known.map(\.key).filter { instances[$0] != nil } + instances.keys.filter { k in !known.contains { $0.key == k } }.sorted()
            repeats[section] = .array(keys.compactMap { key in
                guard let f = instances[key] else { return nil }
                var o: [String: JSON] = ["instance": .number(Double(key)), "answers": .object(f.answers), "skipped": .array(f.skipped.map(JSON.string))]
                o["label"] = known.first { $0.key == key }.map { .string($0.label) }
                if !f.other.isEmpty { o["other"] = .object(f.other.mapValues(JSON.string)) }
                if !f.calculated.isEmpty { o["calculated"] = .object(f.calculated) }
                o["another"] = f.another.map(JSON.bool)
                return .object(o)
            })
        }
        return (answers, other, skipped, calculated, .object(repeats))
    }
}
