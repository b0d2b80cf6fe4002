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
    /// answers to questions that are now hidden are not kept.
    mutating func refresh() {
        let passes = expressions.hasValues ? 2 : 1
        for _ in 0..<passes {
            visible = []
            for section in instrument.sections {
                let sectionShown = expressions.condition(.sectionShowIf(section: section.id)).map { Evaluator.isTrue($0, in: context()) } ?? true
                for q in section.questions {
                    let shown = sectionShown && (expressions.condition(.showIf(question: q.id)).map { Evaluator.isTrue($0, in: context()) } ?? true)
                    // A value set at launch describes the session, not the route: it is kept whatever is shown.
                    if q.type == .hidden { continue }
                    if q.type == .calculate {
                        calculated[q.id] = shown ? expressions[.value(question: q.id)].map { Self.kept(Evaluator.evaluate($0, in: context())) } : nil
                        continue
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
            }
        }
    }

    /// A choice whose condition no longer holds is taken out of the answer.
    mutating func dropHiddenChoices(_ q: Question) {
        let conditionsByCode = expressions.choiceConditions(of: q.id)
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
