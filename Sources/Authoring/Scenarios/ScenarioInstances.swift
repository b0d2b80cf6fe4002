import InstrumentModel
import SessionEngine
import YAMLTree

/// A scenario's answers to a repeated question, one per instance: a map from the instance to the
/// answer, the instance named by its choice's label or code (`for_each`) or by its number, 1, 2,
/// 3 ... (`count`, `until_done`): `visits: {A peer support group: 3, Online forum: 1}`.
extension ScenarioRunner {
    func instanceAnswers(_ item: Keyed, for q: Question, in section: Section,
                         into failures: inout [ScenarioProblem]) -> [(slot: String, answer: Answer)] {
        guard case .mapping(let m) = item.value else {
            failures.append(ScenarioProblem(at: item.at, "'\(q.id)' is asked once per instance of \(section.named): "
                + "give one answer per instance, such as {1: ..., 2: ...}" + (section.repeat?.forEach.map { " or by the labels of '\($0)'" } ?? "")))
            return []
        }
        var out: [(slot: String, answer: Answer)] = []
        for entry in m.entries {
            guard case .scalar(let name) = entry.key else { continue }
            guard let key = instanceKey(name.text, section) else {
                failures.append(ScenarioProblem(at: name.start, "'\(name.text)' names no instance of \(section.named)"
                    + (section.repeat?.forEach != nil ? ": use a choice's label or code" : ": use its number, from 1")))
                continue
            }
            switch ScenarioAnswers.answer(entry.value, for: q) {
            case .success(let a): out.append((Slot.id(q.id, key: key), a))
            case .failure(let p): failures.append(p)
            }
        }
        return out
    }

    private func instanceKey(_ text: String, _ section: Section) -> Int? {
        if let id = section.repeat?.forEach, let q = questions[id] {
            return q.allChoices.first { $0.label.allTexts.contains(text) || String($0.value) == text }?.value
        }
        guard let n = Int(text), n >= 1, n <= section.repeat?.max ?? 0 else { return nil }
        return n
    }
}
