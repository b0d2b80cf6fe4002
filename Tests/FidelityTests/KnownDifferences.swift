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
        KnownDifference(id: "F4", title: "in the statistical CSV a skipped choice's \"Other\" text is -99, the same cell as Other typed as -99 (read as that text; frictionless reads the typed one as missing)") { d in
            guard d.column.hasSuffix("_other"), d.type == .text, !d.reader.hasPrefix("csv") else { return false }
            switch d.intended {
            case .skipped: return d.read?.value == "-99" && d.read?.missing == false
            case .value("-99"): return d.reader.hasPrefix("datapackage") && d.read?.value == nil
            default: return false
            }
        },
        KnownDifference(id: "F5", title: "the codebook does not list the _skipped column, so its shortened SPSS name cannot be found") { d in
            d.reader.hasPrefix("spss") && d.type == .skippedFlag && d.read == nil && d.column.utf8.count > 64
        },
        KnownDifference(id: "F6", title: "an unchanged -2..2 scale is split in a later version: the points -1 and 1 are taken for a recode (diff and export)") { d in
            guard case .code(let labels) = d.type, labels[-2] == "Lowest", labels[2] == "Highest", labels.count == 5 else { return false }
            return d.version != "1.0.0" && (d.read?.value ?? "").isEmpty
        },
        KnownDifference(id: "F7", title: "a question added in a later version goes after the question that follows it, not in instrument order") { d in
            d.reader.hasSuffix("column order") && d.column.hasPrefix("added_q")
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
