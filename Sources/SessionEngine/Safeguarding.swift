import Expressions
import InstrumentModel

/// A safeguarding rule that fired: which rule, and the question whose answer made it true.
/// Nothing else is kept (no answer, no free text, no time), so the record can go to the people
/// who follow the study's protocol without carrying what was said.
///
/// Inside a repeated section, `question` is the question's own id and `instance` the instance's
/// key (the choice's code, or its number), never the engine's slot (`distress#2`), which no
/// reader of the record would know; nor the choice's label, which for "Other" is typed text.
public struct SafeguardingFiring: Sendable, Equatable, Hashable {
    public var rule: String
    public var question: String
    public var instance: Int?

    public init(rule: String, question: String, instance: Int? = nil) {
        self.rule = rule
        self.question = question
        self.instance = instance
    }
}

extension Session {
    /// The rules whose condition holds on the answers as they stand.
    func rulesHolding() -> Set<String> {
        var holding: Set<String> = []
        for rule in instrument.safeguarding {
            guard let condition = expressions.condition(.safeguarding(rule: rule.id)) else { continue }
            if Evaluator.isTrue(condition, in: context()) { holding.insert(rule.id) }
        }
        return holding
    }

    /// After every move: a rule fires when its condition has become true, and may fire again only
    /// once it has been false. What fired stays fired (going back and changing the answer does not
    /// undo that the participant was shown the message), and because this runs inside `apply`,
    /// a replay of the journal fires the same rules in the same order, so resume needs no record
    /// of its own.
    mutating func settleSafeguarding(after question: String) {
        guard !instrument.safeguarding.isEmpty, phase != .declined else { return }
        let now = rulesHolding()
        for rule in instrument.safeguarding where now.contains(rule.id) && !safeguardingHolding.contains(rule.id) {
            // A no to "Add another?" names its section (`service#1:another`: 'service', instance 1).
            safeguardingFired.append(SafeguardingFiring(rule: rule.id, question: Slot.question(of: question), instance: Slot.key(of: question)))
        }
        safeguardingHolding = now
    }

    /// Which instance of a repeat a rule fired in, for the interviewer's banner: "Work, 2 of 3",
    /// "2 of 4", or "Number 2" while more may follow; nil outside a repeat or once the instance is gone.
    /// Shown, never stored (the label of "Other" is the text typed).
    public func instanceWords(of firing: SafeguardingFiring) -> String? {
        guard let key = firing.instance else { return nil }
        // A no to "Add another?" is recorded under its section's id.
        let slot = repeatedSectionOf[firing.question] != nil ? Slot.id(firing.question, key: key) : Slot.another(section: firing.question, key: key)
        guard let c = instanceCaption(of: slot) else { return nil }
        let count = words.instancePlace(c.number, of: c.total)
        return c.label.map { "\($0), \(count)" } ?? count
    }
}
