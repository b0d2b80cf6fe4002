import Expressions
import Foundation
import InstrumentModel

/// The route: where a move leaves the session, what is visible, what is calculated, and how
/// time on each question is counted.
extension Session {
    /// Leaving a question forwards: its time is counted and it becomes a place to come back to.
    mutating func leave(_ id: String, time: Double) {
        spend(on: id, until: time)
        history.removeAll { $0 == id }
        history.append(id)
    }

    mutating func spend(on id: String, until time: Double) {
        timing[id, default: QuestionTiming()].seconds += max(0, time - shownAt)
    }

    mutating func arrive(at id: String, time: Double) {
        shownAt = time
        timing[id, default: QuestionTiming()].visits += 1
    }

    func first() -> String? { order.first { visible.contains($0) } }

    mutating func advance(from id: String, time: Double) {
        let start = (order.firstIndex(of: id) ?? -1) + 1
        guard let next = order[start...].first(where: { visible.contains($0) && !(reviewing && settled($0)) }) else {
            phase = .finished
            return
        }
        phase = .question(next)
        arrive(at: next, time: time)
    }

    /// Re-evaluates calculations and every condition after a change, in the instrument's order;
    /// answers to questions that are now hidden are not kept. The instances of repeated sections
    /// are decided here too (they follow the answers that drive them), and the answers of an
    /// instance that no longer exists are not kept either.
    mutating func refresh() {
        let passes = expressions.hasValues ? 2 : 1
        for _ in 0..<passes {
            visible = []
            var order: [String] = []
            var live: Set<String> = []
            instanceSlots = [:]
            for section in instrument.sections {
                let sectionShown = expressions.condition(.sectionShowIf(section: section.id)).map { Evaluator.isTrue($0, in: context()) } ?? true
                guard section.repeat != nil else {
                    order += sectionOrder[section.id] ?? []
                    for q in section.questions { settle(q, sectionShown: sectionShown, instance: nil) }
                    continue
                }
                for key in sectionShown ? instanceKeys(of: section) : [] {
                    let here = InstanceKey(section: section.id, key: key)
                    let slots = instanceQuestions(of: section, key: key)
                    for q in slots {
                        questions[q.id] = q
                        live.insert(q.id)
                        if !Slot.isAnother(q.id) { instanceSlots[Slot.question(of: q.id), default: []].append(q.id) }
                    }
                    order += (sectionOrder[section.id] ?? []).map { Slot.id($0, key: key) } + slots.map(\.id).filter(Slot.isAnother)
                    for q in slots { settle(q, sectionShown: true, instance: here) }
                }
            }
            self.order = order
            forgetInstances(keeping: live)
        }
    }

    /// Decides whether one question (or one instance's) is shown, and keeps or drops its answer.
    private mutating func settle(_ q: Question, sectionShown: Bool, instance: InstanceKey?) {
        // A value set at launch describes the session, not the route: it is kept whatever is shown.
        if q.type == .hidden { return }
        let base = Slot.question(of: q.id)
        let shown = sectionShown && (expressions.condition(.showIf(question: base)).map { Evaluator.isTrue($0, in: context(instance: instance)) } ?? true)
        if q.type == .calculate {
            calculated[q.id] = shown ? expressions[.value(question: base)].map { Self.kept(Evaluator.evaluate($0, in: context(instance: instance))) } : nil
            return
        }
        if shown {
            visible.insert(q.id)
            dropHiddenChoices(q)
        } else {
            answers[q.id] = nil
            skipped.remove(q.id)
            drafts[q.id] = nil
            otherDrafts[q.id] = nil
        }
    }

    /// Drops what belongs to instances that no longer exist (a choice unticked, a smaller count).
    private mutating func forgetInstances(keeping live: Set<String>) {
        guard !repeatedSectionOf.isEmpty else { return }
        let dead = Set(questions.keys.filter { Slot.key(of: $0) != nil && !live.contains($0) })
        guard !dead.isEmpty else { return }
        for slot in dead {
            questions[slot] = nil
            answers[slot] = nil
            skipped.remove(slot)
            drafts[slot] = nil
            otherDrafts[slot] = nil
            calculated[slot] = nil
            // Probes ticked in a removed instance go with its notes: the instance added if its
            // topic is ticked again is a new one.
            probesAsked[slot] = nil
        }
    }

    /// A choice whose condition no longer holds is taken out of the answer.
    mutating func dropHiddenChoices(_ q: Question) {
        let conditionsByCode = expressions.choiceConditions(of: Slot.question(of: q.id))
        guard !conditionsByCode.isEmpty, let answer = answers[q.id] else { return }
        let offered = Set(presentedChoices(q).map(\.value))
        switch answer.value {
        case .choice(let c) where !offered.contains(c) && conditionsByCode[c] != nil:
            answers[q.id] = nil
        case .choices(let codes):
            let kept = codes.filter { offered.contains($0) || conditionsByCode[$0] == nil }
            if kept != codes { answers[q.id] = kept.isEmpty ? nil : Answer(.choices(kept), other: answer.other) }
        default:
            break
        }
    }

    /// A calculated value as it is kept: a number beyond what every reader keeps exactly (an
    /// overflow to infinity, say) is empty, as a calculation whose inputs are missing is.
    static func kept(_ value: Value) -> Value {
        if case .number(let n) = value, !NumberLimits.keepsExactly(n) { return .empty }
        return value
    }
}
