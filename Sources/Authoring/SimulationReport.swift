import InstrumentModel

extension Simulation.Report {
    /// The report as text: how often each question was shown, then the warnings.
    public func text(_ instrument: Instrument, seed: UInt64) -> String {
        var out = "Simulated \(runs) participant\(runs == 1 ? "" : "s") of \(instrument.id) \(instrument.version) (seed \(seed)): "
            + "\(complete) complete, \(partial) partial, \(declined) declined.\n\n"
        let questions = instrument.questions.filter { !$0.type.isNeverAsked }
        let width = max(8, questions.map(\.id.count).max() ?? 0)
        out += "Question".padding(toLength: width, withPad: " ", startingAt: 0) + "   Shown\n"
        let agreed = max(runs - declined, 1)
        for q in questions {
            let n = shown[q.id] ?? 0
            let percent = Int((Double(n) * 100 / Double(agreed)).rounded())
            let figure = "\(percent)%"
            out += q.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: max(0, 5 - figure.count)) + figure + "  (\(n))\n"
        }
        out += safeguardingText(instrument, agreed: agreed)
        let warnings = self.warnings(instrument)
        out += warnings.isEmpty ? "\nEvery question was shown, and every valid_if rule was met.\n" : "\n" + warnings.joined(separator: "\n") + "\n"
        return out
    }

    /// Questions never reached, and `valid_if` rules never met.
    public func warnings(_ instrument: Instrument) -> [String] {
        var warnings: [String] = []
        if runs > declined {
            warnings += instrument.questions.filter { !$0.type.isNeverAsked && (shown[$0.id] ?? 0) == 0 }
                .map { "warning: '\($0.id)' was never shown in \(runs - declined) sessions; check its conditions and those of its section" }
        }
        return warnings + validNeverSatisfied.map { "warning: no answer to '\($0)' met its valid_if rule; check that the rule can be met" }
    }
}
