import InstrumentModel

extension InstrumentDiff {
    /// Safeguarding rules added, removed or changed. None changes what the answers mean, but a
    /// rule that fires on other answers changes who was shown a message and whose session the
    /// research team followed up, which whoever pools the versions should know.
    static func safeguardingChanges(_ old: Instrument, _ new: Instrument) -> [Change] {
        var out: [Change] = []
        for rule in new.safeguarding {
            guard let before = old.safeguardingRule(rule.id) else {
                out.append(Change(variable: nil, verdict: .check, what: "safeguarding rule '\(rule.id)' added: sessions before this version never fired it"))
                continue
            }
            if before.when != rule.when {
                out.append(Change(variable: nil, verdict: .check,
                                  what: "safeguarding rule '\(rule.id)' now fires when '\(rule.when)' (was '\(before.when)'): other answers call for its message and follow-up"))
            } else if before != rule {
                out.append(Change(variable: nil, verdict: .comparable, what: "safeguarding rule '\(rule.id)': its message, offer or protocol changed"))
            }
        }
        for rule in old.safeguarding where new.safeguardingRule(rule.id) == nil {
            out.append(Change(variable: nil, verdict: .check, what: "safeguarding rule '\(rule.id)' removed: sessions from this version on never fire it"))
        }
        return out
    }
}
