import Expressions
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

    /// What one response gave over the instances of a repeated question, counted once when it
    /// is done (`commit`): the small-cell rule is about people, and one person can give the same
    /// answer in every instance.
    struct Person {
        var codes: [Int] = []
        var asked = false
        var skipped = false
        var written = false
        var notRanked = false
        var values: [Double] = []

        /// One instance's observation, read as `SummaryTally.add(_:_:_:missing:)` reads it.
        mutating func add(_ kind: SummaryPlan.Kind, _ seen: Observed, missing: Set<Int>, ranking: Bool) {
            switch kind {
            case .frequencies, .multiple:
                switch seen {
                case .integer(let code): codes.append(code); asked = true
                case .value(let s): if let code = Int(s) { codes.append(code); asked = true }
                case .skipped: skipped = true; asked = true
                case .notAsked, .text: break
                }
            case .numbers:
                if case .skipped = seen { skipped = true; return }
                guard let x = SummaryTally.number(seen, missing: missing) else { return }
                if ranking, x == 0 { notRanked = true; return }
                values.append(x)
            case .times:
                switch seen {
                case .value(let s): if let minutes = ClockTime.parse(s) { values.append(Double(minutes)) }
                case .skipped: skipped = true
                case .notAsked, .integer, .text: break
                }
            case .texts:
                switch seen {
                case .text(let nonEmpty): if nonEmpty { written = true }
                case .value(let s): if !s.isEmpty { written = true }
                case .integer: written = true
                case .skipped: skipped = true
                case .notAsked: break
                }
            }
        }

        /// One instance's multiple-choice answer.
        mutating func choose(_ picked: some Sequence<Int>) {
            asked = true
            codes.append(contentsOf: picked)
        }
    }

    /// Per entry, flat: the counters the reading loop adds to. (Kept in the items' structs, each
    /// holding its `Variable`, an added count copied the struct in and out.)
    private var asked: [Int]
    private var skipped: [Int]
    private var written: [Int]
    private var notRanked: [Int]
    private var sums: [Double]
    private var squares: [Double]
    private var values: [ValueCounts]
    /// Repeated number questions: the people who answered, and each one's lowest and highest
    /// answer, so that a range's ends are shown only where enough people hold them.
    private var people: [Int]
    private var lows: [ValueCounts]
    private var highs: [ValueCounts]
    private let repeated: [Bool]
    /// Codes counted that fall outside an entry's dense range.
    private var extra: [[Int: Int]]
    var statuses: [String: StatusCounts] = [:]
    /// Counts of the codes a frequency entry lists, in one flat array (entry `i`'s code `c` at
    /// `offset[i] + c - base[i]`), so that counting a code is an index rather than a hash.
    private var dense: [Int]
    private let base: [Int]
    private let span: [Int]
    private let offset: [Int]
    private let ranking: [Bool]
    /// Per version: whether each entry was asked in it.
    private var versions: [String: [Bool]] = [:]

    init(_ plan: SummaryPlan) {
        let count = plan.entries.count
        asked = [Int](repeating: 0, count: count)
        skipped = asked
        written = asked
        notRanked = asked
        sums = [Double](repeating: 0, count: count)
        squares = sums
        values = [ValueCounts](repeating: ValueCounts(), count: count)
        people = asked
        lows = values
        highs = values
        repeated = plan.repeated
        extra = [[Int: Int]](repeating: [:], count: count)
        ranking = plan.rules.map { if case .rank = $0 { true } else { false } }
        var base: [Int] = [], span: [Int] = [], offset: [Int] = []
        var size = 0
        for e in plan.entries {
            let codes = (e.variable.codes + e.variable.missing).map(\.code)
            let lo = codes.min() ?? 0, hi = codes.max() ?? -1
            let width = [.numbers, .texts, .times].contains(e.kind) || hi < lo || hi - lo > 256 ? 0 : hi - lo + 1
            base.append(lo)
            span.append(width)
            offset.append(size)
            size += width
        }
        self.base = base
        self.span = span
        self.offset = offset
        dense = [Int](repeating: 0, count: size)
    }

    private mutating func count(_ i: Int, _ code: Int) {
        let k = code &- base[i]
        if k >= 0 && k < span[i] { dense[offset[i] + k] += 1 } else { extra[i][code, default: 0] += 1 }
    }

    mutating func asked(_ plan: SummaryPlan, _ version: String) -> [Bool] {
        if let known = versions[version] { return known }
        let computed = plan.entries.map { $0.variable.versions.contains(version) }
        versions[version] = computed
        return computed
    }

    /// A number's observation as a value: nil for a skip, a missing code, or nothing asked. One
    /// reading for the answers counted directly and for a person's answers over instances.
    @inline(__always)
    static func number(_ seen: Observed, missing: Set<Int>) -> Double? {
        switch seen {
        case .integer(let c):
            return missing.isEmpty || !missing.contains(c) ? Double(c) : nil
        case .value(let s):
            guard let d = Double(s), !(Int(exactly: d).map(missing.contains) ?? false) else { return nil }
            return d
        case .skipped, .notAsked, .text:
            return nil
        }
    }

    /// Counts one entry's observation.
    mutating func add(_ i: Int, _ kind: SummaryPlan.Kind, _ seen: Observed, missing: Set<Int>) {
        switch kind {
        case .frequencies, .multiple:
            switch seen {
            case .integer(let code): count(i, code); asked[i] += 1
            case .value(let s): if let code = Int(s) { count(i, code); asked[i] += 1 }
            case .skipped: skipped[i] += 1; asked[i] += 1
            case .notAsked, .text: break
            }
        case .numbers:
            if case .skipped = seen { skipped[i] += 1; return }
            guard let x = Self.number(seen, missing: missing) else { return }
            if ranking[i], x == 0 { notRanked[i] += 1; return }
            values[i].add(x)
            sums[i] += x
            squares[i] += x * x
        case .times:
            switch seen {
            case .value(let s): if let minutes = ClockTime.parse(s) { values[i].add(Double(minutes)) }
            case .skipped: skipped[i] += 1
            case .notAsked, .integer, .text: break
            }
        case .texts:
            switch seen {
            case .text(let nonEmpty): if nonEmpty { written[i] += 1 }
            case .value(let s): if !s.isEmpty { written[i] += 1 }
            case .integer: written[i] += 1
            case .skipped: skipped[i] += 1
            case .notAsked: break
            }
        }
    }

    /// A person's answers over a repeated question's instances: each code, skip, text and
    /// "not ranked" once; a number's every answer in the statistics, its people apart.
    mutating func commit(_ i: Int, _ kind: SummaryPlan.Kind, _ p: Person) {
        switch kind {
        case .frequencies, .multiple:
            var seen: Set<Int> = []
            for c in p.codes where seen.insert(c).inserted { count(i, c) }
            if p.asked { asked[i] += 1 }
            if p.skipped { skipped[i] += 1 }
        case .numbers, .times:
            for x in p.values {
                values[i].add(x)
                sums[i] += x
                squares[i] += x * x
            }
            if let lo = p.values.min(), let hi = p.values.max() {
                people[i] += 1
                lows[i].add(lo)
                highs[i].add(hi)
            }
            if p.skipped { skipped[i] += 1 }
            if p.notRanked { notRanked[i] += 1 }
        case .texts:
            if p.written { written[i] += 1 }
            if p.skipped { skipped[i] += 1 }
        }
    }

    /// A multiple choice answer: one count per option chosen.
    mutating func addChosen(_ i: Int, _ codes: some Sequence<Int>) {
        asked[i] += 1
        for c in codes { count(i, c) }
    }

    /// A response read through the JSON tree (interrupted sessions, and the tests' second path).
    mutating func add(_ plan: SummaryPlan, _ r: StoredResponse) {
        statuses[r.version, default: StatusCounts()].add(r.status)
        guard r.status != .declined else { return }
        let flags = asked(plan, r.version)
        for (i, e) in plan.entries.enumerated() where flags[i] {
            // A repeated question's entry reads each instance's column in turn, for one person.
            var person: Person? = repeated[i] ? Person() : nil
            for v in e.cells {
                if case .multiple = e.kind {
                    let q = v.question
                    guard let r = v.instance.map({ r.instance($0) }) ?? r else { continue }
                    if let picked = r.answers[q]?.array {
                        if person != nil { person?.choose(picked.compactMap(\.int)) } else { addChosen(i, picked.compactMap(\.int)) }
                    } else if r.skipped.contains(q) {
                        if person != nil { person?.add(e.kind, .skipped, missing: [], ranking: false) } else { add(i, e.kind, .skipped, missing: []) }
                    }
                    continue
                }
                let seen: Observed
                switch plan.codebook.cell(v, r, labels: false, asked: true) {
                case .notAsked, .absent: seen = .notAsked
                case .skipped: seen = .skipped
                case .value(let s): seen = Int(s).map(Observed.integer) ?? .value(s)
                case .text(let s): seen = .text(nonEmpty: !s.isEmpty)
                }
                if person != nil { person?.add(e.kind, seen, missing: e.missing, ranking: ranking[i]) } else { add(i, e.kind, seen, missing: e.missing) }
            }
            if let person { commit(i, e.kind, person) }
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
        for k in dense.indices { dense[k] += other.dense[k] }
        for i in asked.indices {
            asked[i] += other.asked[i]
            skipped[i] += other.skipped[i]
            written[i] += other.written[i]
            notRanked[i] += other.notRanked[i]
            sums[i] += other.sums[i]
            squares[i] += other.squares[i]
            values[i].merge(other.values[i])
            people[i] += other.people[i]
            lows[i].merge(other.lows[i])
            highs[i].merge(other.highs[i])
            for (c, n) in other.extra[i] { extra[i][c, default: 0] += n }
        }
    }

    /// The items to show, in the plan's order.
    func items(_ plan: SummaryPlan) -> [Summary.Item] {
        plan.entries.enumerated().map { i, e in
            switch e.kind {
            case .frequencies, .multiple:
                // A repeated question's counts are of people, one of whom may be in several rows.
                var f = Summary.Frequencies(variable: e.variable, counts: extra[i], skipped: skipped[i], asked: asked[i],
                                            multiple: e.kind == .multiple || repeated[i])
                for k in 0..<span[i] where dense[offset[i] + k] > 0 { f.counts[base[i] + k, default: 0] += dense[offset[i] + k] }
                return .frequencies(f)
            case .numbers:
                var n = Summary.Numbers(variable: e.variable, values: values[i], skipped: skipped[i], notRanked: notRanked[i], isRanking: ranking[i])
                n.sum = sums[i]
                n.sumOfSquares = squares[i]
                if repeated[i] { n.people = Summary.People(count: people[i], lows: lows[i], highs: highs[i]) }
                return .numbers(n)
            case .times:
                var n = Summary.Numbers(variable: e.variable, values: values[i], skipped: skipped[i])
                if repeated[i] { n.people = Summary.People(count: people[i], lows: lows[i], highs: highs[i]) }
                return .times(n)
            case .texts:
                return .texts(Summary.Texts(variable: e.variable, written: written[i], skipped: skipped[i], people: repeated[i]))
            }
        }
    }
}
