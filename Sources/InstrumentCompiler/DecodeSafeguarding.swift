import InstrumentModel
import YAMLTree

extension InstrumentDecoder {
    static let safeguardingKeys: Set<String> = ["id", "when", "message", "offer", "protocol"]
    /// Top-level keys of this file's concern, beside `topKeys`.
    static let careKeys: Set<String> = ["safeguarding"]

    /// The instrument's safeguarding rules: those that come with the library scales its sections
    /// use, then its own (`safeguarding:`); a rule of its own replaces the library's rule of the
    /// same id (to give its own message and support numbers, say).
    mutating func attachSafeguarding(_ root: Node, to instrument: inout Instrument) {
        guard case .mapping(let m) = root else { return }
        let node = m.entries.first { if case .scalar(let k) = $0.key { k.text == "safeguarding" } else { false } }?.value
        let own = node.flatMap { n -> [SafeguardingRule]? in
            if case .scalar(let s) = n, s.isNull { return nil }
            return decodeSafeguarding(n)
        } ?? []
        instrument.safeguarding = libraryRules.filter { rule in !own.contains { $0.id == rule.id } } + own
    }

    /// The top-level `safeguarding:` list. Each rule's `when` is noted as an expression site and
    /// checked with the others once every question is known (see `InstrumentChecks.checkRule`).
    mutating func decodeSafeguarding(_ node: Node) -> [SafeguardingRule] {
        guard let items = list(node, what: "safeguarding") else { return [] }
        var marks: [String: Mark] = [:]
        var rules: [SafeguardingRule] = []
        for item in items {
            guard var map = MapReader(item, owner: "a safeguarding rule", expected: "a map with 'id', 'when' and 'message'",
                                      diagnostics: &diagnostics) else { continue }
            let idNode = map.require("id", diagnostics: &diagnostics, hint: "give the rule a short id such as 'id: distress'")
            let id = idNode.flatMap { variableID($0, what: "safeguarding rule") } ?? "rule\(rules.count + 1)"
            if let idNode {
                if let first = marks[id] {
                    diagnostics.error(.duplicateID, "the safeguarding rule id '\(id)' is already used at line \(first.line)",
                                      hint: "give each rule its own id", on: idNode)
                } else {
                    marks[id] = idNode.start
                }
            }
            map.owner = "safeguarding rule '\(id)'"
            map.rejectUnknown(allowed: Self.safeguardingKeys, diagnostics: &diagnostics)
            let when = map.require("when", diagnostics: &diagnostics, hint: "write the answers that call for it, such as 'when: phq9_9 >= 1'")
                .flatMap { expression($0, role: .safeguarding, question: nil, position: Int.max, section: "") }
            if when != nil, let last = expressions.popLast() { expressions.append(last.of(rule: id)) }
            let message = map.require("message", diagnostics: &diagnostics,
                                      hint: "write what the participant reads at once: where support is, and that they may pause")
                .flatMap { text($0, position: Int.max, owner: map.owner) }
            let offer = map["offer"].flatMap { n -> SafeguardingRule.Offer? in enumeration(n, what: "offer") }
            let protocolText = map["protocol"].flatMap { text($0, position: Int.max, owner: map.owner) }
            guard let when, let message else { continue }
            rules.append(SafeguardingRule(id: id, when: when, message: message, offer: offer, protocolText: protocolText))
        }
        return rules
    }
}
