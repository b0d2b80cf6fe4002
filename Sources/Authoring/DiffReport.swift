/// `fieldwork diff` as text: the worst changes first, each under its verdict.
public enum DiffReport {
    public static func text(_ changes: [InstrumentDiff.Change], old: (label: String, hash: String), new: (label: String, hash: String)) -> String {
        var out = "Comparing \(old.label) (\(old.hash.prefix(19))) with \(new.label) (\(new.hash.prefix(19)))\n\n"
        if old.hash == new.hash {
            return out + "The two are the same instrument (same content hash): the data stay comparable.\n"
        }
        if changes.isEmpty {
            return out + "No change touches the data (texts other than questions and choices may differ): the data stay comparable.\n"
        }
        let width = changes.map { ($0.variable ?? "(instrument)").count }.max() ?? 0
        for verdict in [InstrumentDiff.Verdict.notComparable, .check, .comparable] {
            for c in changes where c.verdict == verdict {
                let name = (c.variable ?? "(instrument)").padding(toLength: width, withPad: " ", startingAt: 0)
                out += verdict.words.padding(toLength: 14, withPad: " ", startingAt: 0) + "  " + name + "  " + c.what + "\n"
            }
        }
        let counts = [InstrumentDiff.Verdict.notComparable, .check, .comparable].map { v in changes.filter { $0.verdict == v }.count }
        let worst = changes.map(\.verdict).max() ?? .comparable
        out += "\n\(changes.count) change\(changes.count == 1 ? "" : "s"): \(counts[0]) not comparable, \(counts[1]) to check, \(counts[2]) comparable.\n"
        out += worst == .notComparable
            ? "The data are not comparable across the two versions without recoding (exit status 1).\n"
            : "The data stay comparable" + (worst == .check ? ", if the changes to check keep the meaning.\n" : ".\n")
        return out
    }
}
