import InstrumentModel
import SessionEngine
import YAMLTree

/// A scenario's answers to a repeated question, one per instance: a map from the instance to the
/// answer, the instance named by its choice's label or code (`for_each`) or by its number, 1, 2,
/// 3 ... (`count`, `until_done`): `visits: {A peer support group: 3, Online forum: 1}`.
extension ScenarioRunner {
    func instanceAnswers(_ item: Keyed, for q: Question, in section: Section,
                         into failures: inout [ScenarioProblem]) -> [(slot: String, answer: Answer, instance: Scalar)] {
        guard case .mapping(let m) = item.value else {
            failures.append(ScenarioProblem(at: item.at, "'\(q.id)' is asked once per instance of \(section.named): "
                + "give one answer per instance, such as {1: ..., 2: ...}" + (section.repeat?.forEach.map { " or by the labels of '\($0)'" } ?? "")))
            return []
        }
        var out: [(slot: String, answer: Answer, instance: Scalar)] = []
        for entry in m.entries {
            guard case .scalar(let name) = entry.key else { continue }
            guard let key = instanceKey(name.text, section) else {
                failures.append(ScenarioProblem(at: name.start, "'\(name.text)' names no instance of \(section.named)"
                    + (section.repeat?.forEach != nil ? ": use a choice's label or code" : ": use its number, from 1")))
                continue
            }
            switch ScenarioAnswers.answer(entry.value, for: q) {
            case .success(let a): out.append((Slot.id(q.id, key: key), a, name))
            case .failure(let p): failures.append(p)
            }
        }
        return out
    }

    /// An answer given for an instance the session never asked, said as other answers never used
    /// are; nil when the instance was asked, or when its question never was (said apart).
    func unaskedInstance(_ slot: String, named name: Scalar, asked: Set<String>, shown: [String], session: Session) -> ScenarioProblem? {
        let id = Slot.question(of: slot)
        guard !asked.contains(slot), shown.contains(id), let section = instrument.repeatingSection(of: id), let key = Slot.key(of: slot) else { return nil }
        var why = ""
        if !session.instanceKeys(ofSection: section.id).contains(key) {
            switch section.repeat?.source {
            case .forEach(let driver)?: why = ": '\(name.text)' was not chosen in '\(driver)'"
            case .count(let driver)?: why = ": '\(driver)' gave fewer"
            default: why = ": an 'until_done' repeat goes on only while the scenario answers its next instance"
            }
        } else if case .question(let at) = session.phase {
            why = ": the session stopped at '\(at)', which needs an answer"
        }
        return ScenarioProblem(at: name.start, "an answer is given for '\(id)' in instance '\(name.text)' of section '\(section.id)', but that instance was never asked" + why)
    }

    private func instanceKey(_ text: String, _ section: Section) -> Int? {
        if let id = section.repeat?.forEach, let q = questions[id] {
            return q.allChoices.first { $0.label.allTexts.contains(text) || String($0.value) == text }?.value
        }
        guard let n = Int(text), n >= 1, n <= section.repeat?.max ?? 0 else { return nil }
        return n
    }
}
