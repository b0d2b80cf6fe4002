/// Differences the suite has found and recorded in FIDELITY-FINDINGS.md, named so that the
/// report prints each with its count: the suite stays green while each finding stays visible.
/// Remove an entry when its exporter is fixed (the report then shows 0 cells for it, or the
/// suite fails if the fix is only partial).
struct KnownDifference: Sendable {
    var id: String
    var title: String
    var matches: @Sendable (Difference) -> Bool
}

enum KnownDifferences {
    static let all: [KnownDifference] = [
    ]

    static func split(_ ds: [Difference]) -> (known: [(KnownDifference, Difference)], unknown: [Difference]) {
        var known: [(KnownDifference, Difference)] = []
        var unknown: [Difference] = []
        for d in ds {
            if let k = all.first(where: { $0.matches(d) }) { known.append((k, d)) } else { unknown.append(d) }
        }
        return (known, unknown)
    }
}
