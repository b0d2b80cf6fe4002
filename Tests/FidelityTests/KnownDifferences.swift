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
        KnownDifference(id: "F1", title: "the spreadsheet apostrophe reaches the statistical formats (issue 11 item 12)") { d in
            guard ["stata csv (Python csv)", "spss (PSPP)", "datapackage (frictionless)"].contains(d.reader), d.type == .text,
                  case .value(let v) = d.intended, let first = v.first, Comparison.formulaStarts.contains(first) else { return false }
            let shown = d.reader.hasPrefix("spss") ? v.replacingOccurrences(of: "\n", with: " ¶ ") : v
            return d.read?.value == "'" + shown
        },
        KnownDifference(id: "F2", title: "a choice added in a later version splits the variable although the codes keep their meaning (issue 11 item 15)") { d in
            d.column == "widened" && d.version != "1.0.0" && (d.read?.value ?? "").isEmpty
        },
        KnownDifference(id: "F3", title: "a third version equal to the second is split again, from the second's renamed column") { d in
            d.column == "recoded" + Oracle.versionSuffix("2.0.0") && d.version.hasPrefix("3.") && (d.read?.value ?? "").isEmpty
        },
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
