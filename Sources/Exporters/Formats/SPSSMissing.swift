/// How a numeric variable's missing codes are declared in SPSS, which takes at most three discrete
/// values, or one range and one value: never a valid code declared missing, nor a missing code left valid.
struct SPSSMissing: Equatable {
    /// What goes between the parentheses of `MISSING VALUES name (...)`.
    var declaration: String
    /// Missing codes that had to be moved so that one range could hold them: (code in the CSV, code in SPSS).
    var recoded: [(from: Int, to: Int)] = []

    static func == (a: SPSSMissing, b: SPSSMissing) -> Bool {
        a.declaration == b.declaration && a.recoded.map { [$0.from, $0.to] } == b.recoded.map { [$0.from, $0.to] }
    }

    /// The declaration for `missing` codes beside the variable's `valid` codes (nil when the valid
    /// values are a range of numbers: then there is one missing code, the skip, outside it).
    static func of(missing: [Int], valid: Set<Int>?) -> SPSSMissing? {
        guard !missing.isEmpty else { return nil }
        if missing.count <= 3 { return SPSSMissing(declaration: missing.map(String.init).joined(separator: ", ")) }
        let valid = valid ?? []
        // One value apart, the others in one range with no valid code inside: try each as the one apart.
        let sorted = missing.sorted()
        for single in [sorted.first!, sorted.last!] + sorted.dropFirst().dropLast() {
            var rest = sorted
            rest.remove(at: rest.firstIndex(of: single)!)
            guard let lo = rest.first, let hi = rest.last, !valid.contains(where: { $0 >= lo && $0 <= hi }) else { continue }
            return SPSSMissing(declaration: "\(lo) THRU \(hi), \(single)")
        }
        // None fits: move every missing code to a run just below the smallest code, in their order.
        let floor = min(valid.min() ?? 0, sorted.first!) - 1
        let recoded = missing.enumerated().map { (from: $0.element, to: floor - $0.offset) }
        return SPSSMissing(declaration: "\(floor - missing.count + 1) THRU \(floor)", recoded: recoded)
    }
}
