import Foundation
import TestSupport

/// `fieldwork summary` at its default `--min-cell 5`, held against the true counts (README,
/// "Disclosure control holds against subtraction"): a count from 1 to 4 is shown "<5", a zero
/// and a count of 5 or more never so; "x" only over a count of 5 or more, in a table whose cells
/// add up to its total; there no count shown "<5" or "x" (nor a total shown "<5") is pinned down
/// by the rest; a number's or a time's statistics only where 5 answers (5 people, for a repeated
/// question) are behind them, each end of the range exact only where 5 answers (people's own
/// lowest or highest) hold it, else the 5th from that end after "≤" or "≥".
extension FidelityRun {
    static let minCell = 5

    mutating func compareSummaryDisclosure(_ root: String, specs: [InstrumentSpec], oracle: Oracle, rows: [String: SimulatedSession],
                                           simulated: [UInt64: SimulatedSession]) throws {
        let run = try Run.command(fieldworkBinary(), ["summary", root, "--format", "markdown"])
        guard run.status == 0 else {
            failures.append("seed \(config.seed) \(specs[0].id): fieldwork summary exited \(run.status): \(run.stderr.prefix(500))")
            return
        }
        compareSummaryDisclosure(SummaryReport(markdown: run.stdout), specs: specs, oracle: oracle, rows: rows, simulated: simulated)
    }

    mutating func compareSummaryDisclosure(_ report: SummaryReport, specs: [InstrumentSpec], oracle: Oracle, rows: [String: SimulatedSession],
                                           simulated: [UInt64: SimulatedSession]) {
        guard let spec = specs.last else { return }
        let reader = "summary --min-cell 5 (Markdown)"
        readers.insert(reader)
        var found: [(String, String, String?)] = []
        func check(_ column: String, _ intended: String, _ read: String?) {
            cells += 1
            cellsByReader[reader, default: 0] += 1
            if intended != read { found.append((column, intended, read)) }
        }
        let n = Self.minCell
        for (version, counts) in Self.statusCounts(simulated) {
            check("version \(version) complete, partial, declined", counts.map { Self.small($0) }.joined(separator: ", "),
                  report.statuses[version]?.joined(separator: ", "))
        }
        for e in Self.summaryCounts(oracle, spec: spec, rows: rows) {
            guard let item = report.items[e.name] else { continue }  // the run at --min-cell 1 says which items are missing
            switch e.kind {
            case .frequencies(let labels):
                let truth = Dictionary(labels.map { ($0.value, e.counts[$0.key] ?? 0) } + e.counts.filter { labels[$0.key] == nil }.map { (String($0.key), $0.value) }
                                       + [("Skipped", e.skipped)], uniquingKeysWith: { a, b in a + b })
                // Only a table whose cells add up to its total hides further counts ("x").
                let additive = !e.multiple && !e.repeated
                let total = item.asked ?? ""
                check("\(e.name) asked", total == "x" && additive ? "x" : Self.small(e.asked), total)
                var shown: [(Int, String)] = []
                for row in item.rows {
                    let t = truth[row.label] ?? 0
                    shown.append((t, row.n))
                    check("\(e.name) \(row.label)", row.n == "x" && additive && t >= n ? "x" : Self.small(t), row.n)
                }
                if additive, let pinned = Self.pinned(shown.map(\.1), total: total) {
                    check("\(e.name) \(pinned) (worked out from the others)", "not determined", "determined")
                }
            case .texts:
                let line = item.note ?? ""
                check("\(e.name) count", Self.small(e.written), line.hasPrefix("written by ") || line.hasPrefix("given by ")
                      ? Self.word(after: " by ", in: line) : String(line.prefix { $0 != " " }))
                if e.launch && e.skipped == 0 {
                    check("\(e.name) skipped", "not said", line.contains("skipped") ? line : "not said")
                } else {
                    check("\(e.name) skipped", Self.small(e.skipped), Self.word(after: "skipped ", in: line))
                }
            case .numbers, .times:
                let line = item.note ?? ""
                let times = e.kind == .times
                let people = e.repeated ? e.people : e.values.count
                let launched = e.launch && e.skipped == 0 && !times
                if people == 0 { check(e.name, launched ? "none set at launch" : "no answers", line); continue }
                if people < n {
                    check(e.name, e.repeated ? "answers from fewer than \(n) people: not shown"
                          : launched ? "fewer than \(n) values set at launch: not shown" : "fewer than \(n) answers: not shown", line)
                    continue
                }
                check("\(e.name) n", String(e.values.count), Self.word(after: "n ", in: line))
                // Values set at launch were never asked, so none was skipped, and the line says nothing of skips.
                check("\(e.name) skipped", launched ? "not said" : Self.small(e.skipped), launched && !line.contains("skipped") ? "not said" : Self.word(after: "skipped ", in: line))
                if case .numbers(ranking: true) = e.kind { check("\(e.name) not ranked", Self.small(e.notRanked), Self.word(after: "not ranked ", in: line)) }
                let (lows, highs) = e.repeated ? (e.lows.sorted(), e.highs.sorted()) : (e.values.sorted(), e.values.sorted())
                let lo = lows[0], hi = highs[highs.count - 1]
                let innerLo = lows[n - 1], innerHi = highs[highs.count - n]
                let range: [String?] = (Self.word(after: "range ", in: line) ?? "").components(separatedBy: "–")
                let ends = times ? [Self.word(after: "earliest ", in: line), Self.word(after: "latest ", in: line)] : range
                let intended = [innerLo == lo ? Self.end(lo, times) : "≤" + Self.end(innerLo, times),
                                innerHi == hi ? Self.end(hi, times) : "≥" + Self.end(innerHi, times)]
                for (k, want) in intended.enumerated() {
                    let got: String? = k < ends.count ? ends[k] : nil
                    check("\(e.name) \(k == 0 ? "lowest" : "highest")", Self.sameEnd(got, want) ? got ?? "" : want, got)
                }
            }
        }
        for (column, intended, read) in found {
            differences.append(Difference(reader: reader, seed: config.seed, instrument: spec.id, version: "-", session: 0, behaviour: .complete,
                                          column: column, type: .text, intended: .value(intended), read: read.map { ReadCell(value: $0, missing: false) }))
        }
    }

    /// A count as the small-cell rule shows it.
    static func small(_ count: Int) -> String { count > 0 && count < minCell ? "<\(minCell)" : String(count) }

    /// The word after `prefix` in a line, up to a comma, a semicolon or a space.
    static func word(after prefix: String, in line: String) -> String? {
        guard let r = line.range(of: prefix) else { return nil }
        return String(line[r.upperBound...].prefix { $0 != "," && $0 != ";" && $0 != " " })
    }

    static func end(_ x: Double, _ times: Bool) -> String {
        times ? String(format: "%02d:%02d", Int(x) / 60, Int(x) % 60) : "\(x)"
    }

    /// An end as shown ("≤30", "64", "06:00") against the intended one, numbers within the two decimals shown.
    static func sameEnd(_ shown: String?, _ intended: String) -> Bool {
        guard let shown else { return false }
        let mark = { (s: String) in s.first == "≤" || s.first == "≥" ? String(s.prefix(1)) : "" }
        guard mark(shown) == mark(intended) else { return false }
        let a = shown.dropFirst(mark(shown).count), b = intended.dropFirst(mark(intended).count)
        if let x = Double(a), let y = Double(b) { return abs(x - y) <= 0.005 + 1e-9 * abs(y) }
        return a == b
    }

    /// Which hidden count of a table (by its place, or "the total") the shown ones pin down, if
    /// any: a count shown "<N" is 1 to N-1, one shown "x" N or more, and the cells add up to the
    /// total (exact, "<N", or unknown when "x"). Each is worked out by the range the rest leave it.
    static func pinned(_ cells: [String], total: String) -> String? {
        let n = minCell
        let shown = cells.compactMap { Int($0) }.reduce(0, +)
        let (lowTotal, highTotal): (Int, Int)
        if let t = Int(total) { (lowTotal, highTotal) = (t, t) } else if total == "<\(n)" { (lowTotal, highTotal) = (1, n - 1) } else { return nil }
        // A cell shown "x" is at most what the total leaves.
        let hidden = cells.enumerated().filter { Int($0.element) == nil }
            .map { ($0.offset, $0.element == "x" ? (n, max(n, highTotal - shown)) : (1, n - 1)) }
        let lows = hidden.reduce(0) { $0 + $1.1.0 }, highs = hidden.reduce(0) { $0 + $1.1.1 }
        if total == "<\(n)", max(lowTotal, shown + lows) >= min(highTotal, shown + highs) { return "the total" }
        for (k, (a, b)) in hidden {
            let low = max(a, lowTotal - shown - (highs - b)), high = min(b, highTotal - shown - (lows - a))
            if low >= high { return "row \(k + 1)" }
        }
        return nil
    }
}
