/// A safeguarding rule: when its condition becomes true after an answer, the participant is shown
/// its message at once (and, in an interview, the interviewer its protocol), and the response
/// records that it fired.
///
/// Studies with people who use mental-health services must say what happens when someone
/// discloses risk; a `note` with a `show_if` can be paged past and tells nobody. A rule is a
/// first-class part of the instrument so that `check`, `preview`, the engine and the store all
/// know of it.
public struct SafeguardingRule: Sendable, Equatable, Codable {
    /// What the participant may do at the message besides carrying on.
    public enum Offer: String, Sendable, Equatable, Codable, CaseIterable {
        /// Save everything and leave, with how to come back (or not come back at all).
        case pause
    }

    public var id: String
    /// The condition in canonical form (see `Expressions.Printer`).
    public var when: String
    /// What the participant reads, at once, after the answer that makes `when` true.
    public var message: LocalizedText
    public var offer: Offer?
    /// What the interviewer is to do (the study's distress protocol); shown to the interviewer only.
    public var protocolText: LocalizedText?

    public init(id: String, when: String, message: LocalizedText, offer: Offer? = nil, protocolText: LocalizedText? = nil) {
        self.id = id
        self.when = when
        self.message = message
        self.offer = offer
        self.protocolText = protocolText
    }

    enum CodingKeys: String, CodingKey {
        case id, when, message, offer, protocolText = "protocol"
    }

    /// The compiled form, keys in sorted order.
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.member("id", id)
            w.member("message", message)
            w.member("offer", offer?.rawValue)
            w.member("protocol", protocolText)
            w.member("when", when)
        }
    }
}

extension Instrument {
    /// The instrument's safeguarding rules, in the order written (none for most instruments).
    public var safeguarding: [SafeguardingRule] {
        get { safeguardingRules ?? [] }
        set { safeguardingRules = newValue.isEmpty ? nil : newValue }
    }

    /// The rule with this id, or nil.
    public func safeguardingRule(_ id: String) -> SafeguardingRule? { safeguarding.first { $0.id == id } }
}
