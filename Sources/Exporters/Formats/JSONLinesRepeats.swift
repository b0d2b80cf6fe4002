import InstrumentModel
import ResponseStore

/// The `repeats` member of a JSON line: each repeated section's instances in the order asked,
/// an object each, as the response file keeps them (`key`, and the instance's `answers`,
/// `skipped`, `other`, `calculated` by question id), with the instance's label added (the
/// choice's, for `for_each`), so that a reader need not look the key up.
struct InstanceObjects {
    /// Per section, the label of each instance key.
    private let labels: [String: [Int: String]]

    init(_ codebook: Codebook) {
        var labels: [String: [Int: String]] = [:]
        for v in codebook.variables {
            guard let instance = v.instance, case .forEach = instance.presence else { continue }
            labels[instance.section, default: [:]][instance.key] = instance.label
        }
        self.labels = labels
    }

    /// The member, or nil for a response without repeats.
    func json(_ r: StoredResponse) -> JSON? {
        guard !r.repeats.isEmpty else { return nil }
        var out: [String: JSON] = [:]
        for (section, instances) in r.repeats {
            out[section] = .array(instances.map { i in
                var o: [String: JSON] = [
                    "key": .number(Double(i.key)), "answers": .object(i.answers), "skipped": .array(i.skipped.sorted().map(JSON.string)),
                    "other": .object(i.other.mapValues(JSON.string)), "calculated": .object(i.calculated),
                ]
                o["label"] = labels[section]?[i.key].map(JSON.string)
                return .object(o)
            })
        }
        return .object(out)
    }
}
