import InstrumentModel

extension Simulation.Report {
    /// How often each safeguarding rule fired, as a share of the sessions that went past consent:
    /// a study can see before fieldwork how many messages (and protocol follow-ups) to expect
    /// from answers like these, though random answers say little about real rates.
    func safeguardingText(_ instrument: Instrument, agreed: Int) -> String {
        let rules = instrument.safeguarding
        guard !rules.isEmpty else { return "" }
        let width = max(17, rules.map(\.id.count).max() ?? 0)
        var out = "\n" + "Safeguarding rule".padding(toLength: width, withPad: " ", startingAt: 0) + "   Fired\n"
        for rule in rules {
            let n = fired[rule.id] ?? 0
            let figure = "\(Int((Double(n) * 100 / Double(agreed)).rounded()))%"
            out += rule.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: max(0, 5 - figure.count)) + figure + "  (\(n))\n"
        }
        return out
    }
}
