import YAMLTree

extension ScenarioRunner {
    /// The rules a scenario expects to fire against those that did: each expected one must have
    /// fired, and none other may have (`[]` expects that none fires).
    static func compareFired(_ expected: [Keyed], at: Mark?, _ fired: [String]) -> [ScenarioProblem] {
        var failures: [ScenarioProblem] = []
        for item in expected where !fired.contains(item.key) {
            failures.append(ScenarioProblem(at: item.at, "expected safeguarding rule '\(item.key)' to fire, but it did not"))
        }
        var seen: Set<String> = []
        for rule in fired where !expected.contains(where: { $0.key == rule }) && seen.insert(rule).inserted {
            failures.append(ScenarioProblem(at: at ?? Mark(line: 1, column: 1), "safeguarding rule '\(rule)' fired, but the scenario does not expect it"))
        }
        return failures
    }
}
