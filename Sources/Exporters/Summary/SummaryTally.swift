import InstrumentModel
import ResponseStore

/// The running counts of a summary: per entry of the plan, counts only, so that a tally's size
/// does not depend on how many responses it has seen. Tallies of blocks of files are added up.
struct SummaryTally {
    /// What one response gave for one entry, as the summary needs it (`Cell`, with whole
    /// numbers kept as numbers so that the byte scanner need not make a string of them).
    enum Observed {
        case notAsked, skipped
        case integer(Int)
        case value(String)
        case text(nonEmpty: Bool)
    }

    private(set) var frequencies: [Summary.Frequencies?]
    private(set) var numbers: [Summary.Numbers?]
    private(set) var texts: [Summary.Texts?]
    var statuses: [String: StatusCounts] = [:]
    /// Per version: whether each entry was asked in it.
    private var asked: [String: [Bool]] = [:]

    init(_ plan: SummaryPlan) {
        frequencies = plan.entries.map { e in
            switch e.kind {
            case .frequencies: Summary.Frequencies(variable: e.variable)
            case .multiple: Summary.Frequencies(variable: e.variable, multiple: true)
            default: nil
            }
        }
        numbers = plan.entries.map { e in
            guard case .numbers = e.kind else { return nil }
            var n = Summary.Numbers(variable: e.variable)
            if case .rank = e.rule { n.isRanking = true }
            return n
        }
        texts = plan.entries.map { e in
            guard case .texts = e.kind else { return nil }
            return Summary.Texts(variable: e.variable)
        }
    }

    mutating func asked(_ plan: SummaryPlan, _ version: String) -> [Bool] {
        if let known = asked[version] { return known }
        let computed = plan.entries.map { $0.variable.versions.contains(version) }
        asked[version] = computed
        return computed
    }

    /// Counts one entry's observation.
    mutating func add(_ i: Int, _ kind: SummaryPlan.Kind, _ seen: Observed, missing: Set<Int>) {
        switch kind {
        case .frequencies, .multiple:
            switch seen {
            case .integer(let code): frequencies[i]?.counts[code, default: 0] += 1; frequencies[i]?.asked += 1
            case .value(let s): if let code = Int(s) { frequencies[i]?.counts[code, default: 0] += 1; frequencies[i]?.asked += 1 }
            case .skipped: frequencies[i]?.skipped += 1; frequencies[i]?.asked += 1
            case .notAsked, .text: break
            }
        case .numbers:
            let x: Double
            switch seen {
            case .integer(let c):
                guard !missing.contains(c) else { return }
                x = Double(c)
            case .value(let s):
                guard let d = Double(s), !(Int(exactly: d).map(missing.contains) ?? false) else { return }
                x = d
            case .skipped: numbers[i]?.skipped += 1; return
            case .notAsked, .text: return
            }
            if numbers[i]?.isRanking == true, x == 0 { numbers[i]?.notRanked += 1; return }
            numbers[i]?.add(x)
        case .texts:
            switch seen {
            case .text(let nonEmpty): if nonEmpty { texts[i]?.written += 1 }
            case .value(let s): if !s.isEmpty { texts[i]?.written += 1 }
            case .integer: texts[i]?.written += 1
            case .skipped: texts[i]?.skipped += 1
            case .notAsked: break
            }
        }
    }

    /// A multiple choice answer: one count per option chosen.
    mutating func addChosen(_ i: Int, _ codes: some Sequence<Int>) {
        frequencies[i]?.asked += 1
        for c in codes { frequencies[i]?.counts[c, default: 0] += 1 }
    }

    /// A response read through the JSON tree (interrupted sessions, and the tests' second path).
    mutating func add(_ plan: SummaryPlan, _ r: StoredResponse) {
        statuses[r.version, default: StatusCounts()].add(r.status)
        guard r.status != .declined else { return }
        let flags = asked(plan, r.version)
        for (i, e) in plan.entries.enumerated() where flags[i] {
            if case .multiple = e.kind {
                let q = e.variable.question
                if let picked = r.answers[q]?.array {
                    addChosen(i, picked.compactMap(\.int))
                } else if r.skipped.contains(q) {
                    add(i, e.kind, .skipped, missing: [])
                }
                continue
            }
            let seen: Observed
            switch plan.codebook.cell(e.variable, r, labels: false, asked: true) {
            case .notAsked: seen = .notAsked
            case .skipped: seen = .skipped
            case .value(let s): seen = Int(s).map(Observed.integer) ?? .value(s)
            case .text(let s): seen = .text(nonEmpty: !s.isEmpty)
            }
            add(i, e.kind, seen, missing: e.missing)
        }
    }

    mutating func merge(_ other: SummaryTally) {
        for (v, c) in other.statuses {
            var s = statuses[v, default: StatusCounts()]
            s.complete += c.complete
            s.partial += c.partial
            s.declined += c.declined
            statuses[v] = s
        }
        for i in frequencies.indices {
            if let o = other.frequencies[i] {
                frequencies[i]?.asked += o.asked
                frequencies[i]?.skipped += o.skipped
                for (c, n) in o.counts { frequencies[i]?.counts[c, default: 0] += n }
            }
            if let o = other.numbers[i] { numbers[i]?.merge(o) }
            if let o = other.texts[i] {
                texts[i]?.written += o.written
                texts[i]?.skipped += o.skipped
            }
        }
    }

    /// The items to show, in the plan's order.
    func items(_ plan: SummaryPlan) -> [Summary.Item] {
        plan.entries.indices.compactMap { i in
            if let f = frequencies[i] { return .frequencies(f) }
            if let n = numbers[i] { return .numbers(n) }
            if let t = texts[i] { return .texts(t) }
            return nil
        }
    }
}
