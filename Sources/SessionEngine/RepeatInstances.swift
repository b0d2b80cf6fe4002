import Expressions
import InstrumentModel

/// The instances of repeated sections, as the session sees them.
///
/// Each instance's questions are asked under a *slot* id, the question's id and the instance's
/// key joined by `#` (`visits#2`: `visits` for the choice coded 2). A `#` is never in an id, so
/// a slot cannot be mistaken for a question; and since the whole engine (answers, history,
/// timing, drafts, the journal's events) is keyed by the id of what is asked, a slot there makes
/// going back across instances, replay and resume work as they do for any question.
public enum Slot {
    static let separator: Character = "#"
    /// The yes-or-no question after an `until_done` instance: `service#2:another`.
    static let anotherSuffix = ":another"

    public static func id(_ question: String, key: Int) -> String { "\(question)\(separator)\(key)" }

    /// The question a slot asks (the id itself for a question asked once).
    public static func question(of slot: String) -> String {
        guard let i = slot.lastIndex(of: separator) else { return slot }
        return String(slot[..<i])
    }

    /// The instance key of a slot, or nil for a question asked once.
    public static func key(of slot: String) -> Int? {
        guard let i = slot.lastIndex(of: separator) else { return nil }
        var rest = slot[slot.index(after: i)...]
        if rest.hasSuffix(anotherSuffix) { rest = rest.dropLast(anotherSuffix.count) }
        return Int(rest)
    }

    static func another(section: String, key: Int) -> String { "\(section)\(separator)\(key)\(anotherSuffix)" }

    static func isAnother(_ slot: String) -> Bool { slot.hasSuffix(anotherSuffix) && slot.contains(separator) }

    /// For the question whether there is another instance after instance `key` of an
    /// `until_done` section: the section's id and the key; nil for any other id.
    public static func anotherOf(_ slot: String) -> (section: String, key: Int)? {
        guard isAnother(slot), let key = key(of: slot) else { return nil }
        return (question(of: slot), key)
    }
}

/// What the participant sees above a repeated question: which instance, of how many.
public struct InstanceCaption: Sendable, Equatable {
    /// The choice's label (`for_each`), or nil for a counted instance.
    public var label: String?
    public var number: Int
    /// How many instances there are now; nil for `until_done`, where more may follow.
    public var total: Int?
}

/// An instance that a changed answer would remove, and whether it holds answers (then the
/// driver asks before the change is made).
public struct InstanceRemoval: Sendable, Equatable {
    public var section: String
    public var key: Int
    public var label: String?
    public var answered: Int

    public init(section: String, key: Int, label: String?, answered: Int) {
        self.section = section
        self.key = key
        self.label = label
        self.answered = answered
    }
}

extension Session {
    /// The keys of a repeated section's instances now, in the order they are asked.
    func instanceKeys(of section: Section) -> [Int] {
        guard let r = section.repeat else { return [] }
        let bound = min(max(0, r.max), Repeat.maxInstances)
        switch r.source {
        case .forEach(let id):
            guard case .choices(let codes)? = answers[id]?.value, let q = questions[id] else { return [] }
            let chosen = Set(codes)
            return Array(q.allChoices.filter { chosen.contains($0.value) && !$0.exclusive && !$0.missing }.map(\.value).prefix(bound))
        case .count(let id):
            // A compiled file edited by hand may hold any max: never fewer than none, never past the bound.
            guard case .number(let n)? = answers[id]?.value, n >= 1, bound >= 1 else { return [] }
            return Array(1...min(bound, Int(min(n, Double(Repeat.maxInstances)))))
        case .untilDone:
            var keys = [1]
            while keys.count < bound, case .choice(1)? = answers[Slot.another(section: section.id, key: keys.count)]?.value {
                keys.append(keys.count + 1)
            }
            return keys
        }
    }

    /// The keys of the instances of the repeated section with this id now, in order.
    public func instanceKeys(ofSection id: String) -> [Int] {
        instrument.sections.first { $0.id == id }.map(instanceKeys(of:)) ?? []
    }

    /// The questions of one instance, under their slots: copies of the section's questions whose
    /// id is the slot, and for `until_done` (but the last possible instance) the question whether
    /// there is another.
    func instanceQuestions(of section: Section, key: Int) -> [Question] {
        var out = section.questions.map { q -> Question in
            var copy = q
            copy.id = Slot.id(q.id, key: key)
            return copy
        }
        if let r = section.repeat, r.untilDone == true, key < min(r.max, Repeat.maxInstances) {
            var another = Question(id: Slot.another(section: section.id, key: key), type: .single)
            another.text = r.another ?? LocalizedText(words.repeatAnother)
            another.choices = [Choice(value: 1, label: LocalizedText(words.repeatYes)), Choice(value: 2, label: LocalizedText(words.repeatNo))]
            another.required = true
            out.append(another)
        }
        return out
    }

    /// The repeated section and instance key a slot belongs to, or nil for a question asked once.
    func instance(of slot: String) -> InstanceKey? {
        guard let key = Slot.key(of: slot) else { return nil }
        let base = Slot.question(of: slot)
        // The question whether there is another is named for its section.
        if Slot.isAnother(slot) { return InstanceKey(section: base, key: key) }
        return repeatedSectionOf[base].map { InstanceKey(section: $0, key: key) }
    }

    /// Which instance the current question is in, for the line above it.
    public var instanceCaption: InstanceCaption? {
        guard case .question(let slot) = phase else { return nil }
        return instanceCaption(of: slot)
    }

    /// Which instance the question asked under `slot` is in: for the interviewer's outline,
    /// which names every instance, not only the current one.
    public func instanceCaption(of slot: String) -> InstanceCaption? {
        guard let at = instance(of: slot),
              let section = instrument.sections.first(where: { $0.id == at.section }), let r = section.repeat else { return nil }
        let keys = instanceKeys(of: section)
        guard let number = keys.firstIndex(of: at.key).map({ $0 + 1 }) else { return nil }
        return InstanceCaption(label: instanceLabel(section, key: at.key), number: number, total: r.untilDone == true ? nil : keys.count)
    }

    /// The caption in words: "Walking group — 2 of 3", "2 of 4", or "Number 2" while more may follow.
    public var instanceCaptionText: String? { instanceCaptionText(under: nil) }

    /// The caption under a line that says `title` (the section's title as shown): without the
    /// instance's label when the title is that label already ("Choir", then "2 of 2").
    public func instanceCaptionText(under title: String?) -> String? {
        guard case .question(let slot) = phase else { return nil }
        return instanceCaptionText(of: slot, under: title)
    }

    /// The caption of the instance the question asked under `slot` is in, as above.
    public func instanceCaptionText(of slot: String, under title: String?) -> String? {
        guard let c = instanceCaption(of: slot) else { return nil }
        let count = words.instancePlace(c.number, of: c.total)
        // A block is shown under its section's title, so its own title goes on this line.
        var blockTitle: String?
        if let at = instance(of: slot),
           let block = instrument.sections.first(where: { $0.id == at.section }), block.isBlock, let own = block.title {
            blockTitle = render(own, asked: slot).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let said = [title?.trimmingCharacters(in: .whitespacesAndNewlines), blockTitle]
        let line = c.label.map { said.contains($0) ? count : "\($0) — \(count)" } ?? count
        guard let blockTitle, !blockTitle.isEmpty, blockTitle != title else { return line }
        return "\(blockTitle) — \(line)"
    }

    /// The label of a `for_each` instance's choice ("Other": the text typed, when there is one).
    func instanceLabel(_ section: Section, key: Int) -> String? {
        guard let id = section.repeat?.forEach, let q = questions[id], let choice = q.allChoices.first(where: { $0.value == key }) else { return nil }
        if choice.value == q.other?.value, let typed = answers[id]?.other, !typed.isEmpty { return typed }
        return choice.label.text(in: language)
    }

    /// The confirmation a driver shows before `answer` removes instances that hold answers, or
    /// nil when it removes none that do: the choices by label ("This removes your answers about
    /// Art club and Choir."), counted instances by number, with what removes them ("Lowering this
    /// to 2 removes your answers for numbers 3 and 4.", "Answering no removes ...").
    public func removalWarning(ifAnswered answer: Answer) -> String? {
        let held = removals(ifAnswered: answer).filter { $0.answered > 0 }
        guard !held.isEmpty else { return nil }
        let names = Self.removedNames(held)
        let list = words.listAnd(names)
        guard held.allSatisfy({ $0.label == nil }) else { return words.repeatRemove(list) }
        if case .number(let n) = answer.value { return words.repeatRemoveCount(list, count: names.count, to: NumberText.canonical(n)) }
        return words.repeatRemoveDone(list, count: names.count)
    }

    /// The same confirmation put to an interviewer, whose instances hold notes as well as answers.
    public func interviewRemovalWarning(ifAnswered answer: Answer) -> String? {
        let held = removals(ifAnswered: answer).filter { $0.answered > 0 }
        guard !held.isEmpty else { return nil }
        return words.interviewRepeatRemove(words.listAnd(Self.removedNames(held)))
    }

    /// The instances removed, by label or number, each once (two "Other" instances may share one).
    static func removedNames(_ held: [InstanceRemoval]) -> [String] {
        var names: [String] = []
        for r in held where !names.contains(r.label ?? String(r.key)) { names.append(r.label ?? String(r.key)) }
        return names
    }

    /// The section a question or an instance's slot belongs to, and the ids it is asked under
    /// there (slots in an instance), in the section's order: for titles, intros and captions.
    public func sectionAsked(_ id: String) -> (section: Section, ids: [String])? {
        let asked: (section: Section, ids: [String])
        if let at = instance(of: id), let section = instrument.sections.first(where: { $0.id == at.section }) {
            asked = (section, instanceQuestions(of: section, key: at.key).map(\.id))
        } else if let section = instrument.section(containing: id) {
            asked = (section, section.questions.map(\.id))
        } else {
            return nil
        }
        return partShown(asked)
    }

    /// A block, or the questions after one, is part of its section: shown under the section's
    /// title, with no heading or intro of its own (no first question), unless the section has no
    /// question before it, when the block's first instance opens the section.
    private func partShown(_ asked: (section: Section, ids: [String])) -> (section: Section, ids: [String]) {
        guard let parentID = asked.section.within, let parent = instrument.sections.first(where: { $0.id == parentID }) else { return asked }
        let opens = parent.questions.isEmpty && instrument.sections.firstIndex(where: { $0.id == parentID }).map { i in
            i + 1 < instrument.sections.count && instrument.sections[i + 1].id == asked.section.id
        } == true && asked.ids.first.flatMap(Slot.key(of:)) == instanceKeys(of: asked.section).first
        var shown = parent
        if !opens { shown.intro = nil }
        return (shown, opens ? asked.ids : [])
    }

    /// The instances that giving `answer` to the current question would remove, with how many
    /// answers each holds: a driver confirms before removing any that hold answers.
    public func removals(ifAnswered answer: Answer) -> [InstanceRemoval] {
        // The answer that drives a repeat, or a no to "Add another?" after an instance with more after it.
        guard case .question(let id) = phase, repeatDrivers[id] != nil || Slot.anotherOf(id) != nil else { return [] }
        var after = self
        after.answers[id] = answer
        after.refresh()
        var out: [InstanceRemoval] = []
        for section in instrument.repeatedSections where section.repeat?.drivingQuestion == id || Slot.anotherOf(id)?.section == section.id {
            let kept = Set(after.instanceKeys(of: section))
            for key in instanceKeys(of: section) where !kept.contains(key) {
                let slots = instanceQuestions(of: section, key: key).map(\.id)
                out.append(InstanceRemoval(section: section.id, key: key, label: instanceLabel(section, key: key),
                                           answered: slots.filter { answers[$0] != nil }.count))
            }
        }
        return out
    }
}
