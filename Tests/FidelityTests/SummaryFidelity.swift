import Foundation
import TestSupport

/// `fieldwork summary` read back from its Markdown (its one form a program can read: a table per
/// question, a line of statistics otherwise) and compared with counts worked out here from the
/// oracle's cells of the sessions the suite made: responses per version and status; per choice
/// code how many chose it, how many were asked and skipped; per number n, mean, median, sd and
/// range; per time its earliest, median and latest; per text, date or moment how many gave one.
/// A repeated question is one item over its instances, counted in people (each response once),
/// as the README says. Run with `--min-cell 1`, so that no count is hidden.
struct SummaryReport {
    struct Item {
        var name: String
        var title: String
        var asked: String?
        /// A hidden question's table says "set at launch" where others say "asked".
        var setAtLaunch = false
        var rows: [(label: String, n: String, percent: String)] = []
        var note: String?
    }

    /// Per version: complete, partial, declined, as shown.
    var statuses: [String: [String]] = [:]
    var items: [String: Item] = [:]
    var order: [String] = []
    var problems: [String] = []

    /// `# Summary: …`, the status table, then `## <label> (<name>[, <n> asked])` per item with a
    /// table `| answer | n | % |` or a line of its own.
    init(markdown: String) {
        var current: Item?
        var inStatuses = false
        func close() {
            guard let item = current else { return }
            if items[item.name] != nil { problems.append("two items named \(item.name)") }
            items[item.name] = item
            order.append(item.name)
            current = nil
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("## ") {
                close()
                inStatuses = false
                let title = String(line.dropFirst(3))
                // The name, and for a table the count asked, in the last parentheses (a label may hold some too).
                guard title.hasSuffix(")"), let open = title.range(of: " (", options: .backwards) else {
                    problems.append("a heading without a name: \(line)")
                    continue
                }
                let inside = title[open.upperBound..<title.index(before: title.endIndex)]
                let parts = inside.components(separatedBy: ", ")
                var item = Item(name: parts[0], title: title)
                if parts.count == 2, parts[1].hasSuffix(" asked") { item.asked = String(parts[1].dropLast(" asked".count)) }
                if parts.count == 2, parts[1].hasSuffix(" set at launch") {
                    item.asked = String(parts[1].dropLast(" set at launch".count))
                    item.setAtLaunch = true
                }
                current = item
            } else if line == "| version | complete | partial | declined |" {
                inStatuses = true
            } else if line.hasPrefix("|---") || line == "| answer | n | % |" || line.isEmpty {
                continue
            } else if line.hasPrefix("| "), line.hasSuffix("|") {
                let fields = Self.fields(line)
                if inStatuses, current == nil {
                    if fields.count == 4 { statuses[fields[0]] = Array(fields.dropFirst()) } else { problems.append("a status row: \(line)") }
                } else if fields.count >= 3 {
                    current?.rows.append((fields.dropLast(2).joined(separator: " | ").replacingOccurrences(of: "\\|", with: "|"),
                                          fields[fields.count - 2], fields[fields.count - 1]))
                } else {
                    problems.append("a table row: \(line)")
                }
            } else if current != nil {
                if current?.note != nil { problems.append("two lines under \(current?.name ?? ""): \(line)") }
                current?.note = line
            }
        }
        close()
    }

    /// A Markdown table row's cells, trimmed ("| a | 3 | 25% |").
    static func fields(_ line: String) -> [String] {
        String(line.dropFirst(2).dropLast()).components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// What the summary should say of one item, worked out from the oracle's cells.
struct SummaryExpectation {
    enum Kind: Equatable {
        case frequencies(labels: [Int: String])
        case numbers(ranking: Bool)
        case times
        /// What is counted: "written answer", "date given", "date and time given" (for one).
        case texts(String)
    }

    var name: String
    var kind: Kind
    var repeated: Bool
    var multiple: Bool
    /// A `hidden` question's: its values are set at launch, never asked, so the summary says
    /// neither "asked" nor "skipped" of it (unless a skip is found, which sessions never make).
    var launch = false
    /// Per instance key (0 outside a repeat), the oracle's columns read.
    var columns: [Int: [Column]] = [:]

    // What the sessions gave: counts in people, values in answers.
    var asked = 0, skipped = 0, written = 0, notRanked = 0, people = 0
    var counts: [Int: Int] = [:]
    var values: [Double] = []
    /// Each person's lowest and highest answer (a repeated question's range is of people).
    var lows: [Double] = [], highs: [Double] = []

    /// One response's cells of this item, instance by instance: each person counted once per code,
    /// skip, text and "not ranked"; every number answered counts in the statistics.
    mutating func add(_ cells: [[(Column, Intended)]]) {
        var codes: Set<Int> = [], wasAsked = false, wasSkipped = false, wrote = false, unranked = false
        var given: [Double] = []
        for instance in cells {
            if instance.contains(where: { if case .skipped = $0.1 { true } else { false } }) {
                wasSkipped = true
                if case .frequencies = kind { wasAsked = true }
                continue
            }
            for (c, i) in instance {
                switch (kind, i) {
                case (.frequencies, .value(let v)):
                    if multiple {
                        // A flag: "1" is the option chosen (its code from the column's name), "0" one not chosen.
                        wasAsked = true
                        if v == "1", let code = Self.flagCode(c) { codes.insert(code) }
                    } else if let code = Int(v) {
                        codes.insert(code)
                        wasAsked = true
                    }
                case (.frequencies, .missingChoice(let k, _)):
                    wasAsked = true
                    if !multiple { codes.insert(k) }
                case (.numbers(let ranking), .value(let v)):
                    if ranking && v == "0" { unranked = true } else if let x = Double(v) { given.append(x) }
                case (.times, .value(let v)):
                    let parts = v.split(separator: ":").compactMap { Int($0) }
                    if parts.count == 2 { given.append(Double(parts[0] * 60 + parts[1])) }
                case (.texts, .value(let v)):
                    if !v.isEmpty { wrote = true }
                default: break
                }
            }
        }
        for c in codes { counts[c, default: 0] += 1 }
        if wasAsked { asked += 1 }
        if wasSkipped { skipped += 1 }
        if wrote { written += 1 }
        if unranked { notRanked += 1 }
        if let low = given.min(), let high = given.max() {
            people += 1
            lows.append(low)
            highs.append(high)
        }
        values += given
    }

    /// A multiple choice flag's code, from its column's name (`used_m5`, `used_2_m5` in an instance).
    static func flagCode(_ c: Column) -> Int? {
        let last = c.name.split(separator: "_").last.map(String.init) ?? ""
        return last.hasPrefix("m") ? Int(last.dropFirst()).map { -$0 } : Int(last)
    }
}

extension FidelityRun {
    /// The summary's items, from the oracle's columns: one per column but that a multiple choice
    /// is one item (its flags), a repeated question one item over its instances, and neither an
    /// "Other" text nor a statistical `_skipped` flag is one.
    static func summaryExpectations(_ oracle: Oracle, spec: InstrumentSpec) -> [SummaryExpectation] {
        var out: [SummaryExpectation] = []
        var index: [String: Int] = [:]
        for c in oracle.columns where !c.statisticalOnly && !(c.type == .text && c.name.hasSuffix("_other")) {
            let multiple = c.type == .flag
            var name = c.name
            let key = c.instance ?? 0
            if multiple {
                name = c.question
            } else if let k = c.instance {
                let prefix = c.question + "_" + keyText(k)
                name = c.question + c.name.dropFirst(prefix.count)
            }
            if let i = index[name] { out[i].columns[key, default: []].append(c); continue }
            let kind: SummaryExpectation.Kind
            switch c.type {
            case .code(let labels): kind = .frequencies(labels: labels)
            case .flag:
                let q = spec.question(c.question)
                kind = .frequencies(labels: Dictionary((q?.allChoices ?? []).map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a }))
            case .bool: kind = .frequencies(labels: [0: "False", 1: "True"])
            case .rank: kind = .numbers(ranking: true)
            case .number, .skippedFlag: kind = .numbers(ranking: false)
            case .time: kind = .times
            case .text: kind = .texts("written answer")
            case .date: kind = .texts("date given")
            case .datetime: kind = .texts("date and time given")
            }
            index[name] = out.count
            out.append(SummaryExpectation(name: name, kind: kind, repeated: c.instance != nil, multiple: multiple,
                                          launch: spec.question(c.question)?.isHidden ?? false, columns: [key: [c]]))
        }
        return out
    }

    /// The summary's items with what the sessions that are rows gave them.
    static func summaryCounts(_ oracle: Oracle, spec: InstrumentSpec, rows: [String: SimulatedSession]) -> [SummaryExpectation] {
        var expectations = summaryExpectations(oracle, spec: spec)
        for i in expectations.indices {
            for (_, s) in rows {
                let cells = expectations[i].columns.sorted { $0.key < $1.key }.map { _, columns in
                    columns.map { ($0, oracle.cell($0, s.session, version: s.version)) }
                }
                expectations[i].add(cells)
            }
        }
        return expectations
    }

    /// Each version's complete, partial and declined sessions, as the suite made them.
    static func statusCounts(_ simulated: [UInt64: SimulatedSession]) -> [String: [Int]] {
        var statuses: [String: [Int]] = [:]
        for s in simulated.values { statuses[s.version, default: [0, 0, 0]][s.finished ? 0 : s.declined ? 2 : 1] += 1 }
        return statuses
    }

    /// Runs `fieldwork summary --min-cell 1 --format markdown` on the responses folder and
    /// compares what it says with the sessions.
    mutating func compareSummary(_ root: String, specs: [InstrumentSpec], oracle: Oracle, rows: [String: SimulatedSession],
                                 simulated: [UInt64: SimulatedSession]) throws {
        let run = try Run.command(fieldworkBinary(), ["summary", root, "--min-cell", "1", "--format", "markdown"])
        guard run.status == 0 else {
            failures.append("seed \(config.seed) \(specs[0].id): fieldwork summary exited \(run.status): \(run.stderr.prefix(500))")
            return
        }
        compareSummary(SummaryReport(markdown: run.stdout), specs: specs, oracle: oracle, rows: rows, simulated: simulated)
    }

    mutating func compareSummary(_ report: SummaryReport, specs: [InstrumentSpec], oracle: Oracle, rows: [String: SimulatedSession],
                                 simulated: [UInt64: SimulatedSession]) {
        guard let spec = specs.last else { return }
        let reader = "summary (Markdown)"
        readers.insert(reader)
        func differ(_ column: String, _ intended: String, _ read: String?) {
            differences.append(Difference(reader: reader, seed: config.seed, instrument: spec.id, version: "-", session: 0, behaviour: .complete,
                                          column: column, type: .text, intended: .value(intended), read: read.map { ReadCell(value: $0, missing: false) }))
        }
        func check(_ column: String, _ intended: String, _ read: String?) {
            cells += 1
            cellsByReader[reader, default: 0] += 1
            if intended != read { differ(column, intended, read) }
        }
        failures += report.problems.map { "seed \(config.seed) \(spec.id): summary: \($0)" }
        // Responses per version and status: every session the suite made, declined ones too.
        let statuses = Self.statusCounts(simulated)
        for version in Set(statuses.keys).union(report.statuses.keys).sorted() {
            check("version \(version) complete, partial, declined", (statuses[version] ?? []).map(String.init).joined(separator: ", "),
                  report.statuses[version]?.joined(separator: ", "))
        }
        let expectations = Self.summaryCounts(oracle, spec: spec, rows: rows)
        let named = Set(expectations.map(\.name))
        for extra in report.order where !named.contains(extra) { differ("\(extra) (an item)", "no such item", report.items[extra]?.title) }
        for e in expectations {
            guard let item = report.items[e.name] else {
                differ("\(e.name) (an item)", "an item", nil)
                continue
            }
            Self.compareSummaryItem(e, item, check: check)
        }
    }

    /// One item: a table's rows (as a multiset of label and count, with percentages of those
    /// asked to the nearest whole number), or its line of statistics.
    static func compareSummaryItem(_ e: SummaryExpectation, _ item: SummaryReport.Item, check: (String, String, String?) -> Void) {
        let name = e.name
        switch e.kind {
        case .frequencies(let labels):
            check("\(name) asked", String(e.asked), item.asked)
            let launched = e.launch && e.skipped == 0
            check("\(name) asked or set at launch", launched ? "set at launch" : "asked", item.setAtLaunch ? "set at launch" : "asked")
            let listed = labels.keys.sorted().map { (labels[$0] ?? "", e.counts[$0] ?? 0) }
            let extra = e.counts.keys.filter { labels[$0] == nil }.sorted().map { (String($0), e.counts[$0] ?? 0) }
            let skippedRow = launched ? [] : [("Skipped", e.skipped)]
            let intended = (listed + extra + skippedRow).map { "\($0.0)=\($0.1)" }.sorted()
            let read = item.rows.map { "\($0.label)=\($0.n)" }.sorted()
            check("\(name) rows", intended.joined(separator: "; "), read.joined(separator: "; "))
            for row in item.rows {
                guard let n = Int(row.n) else { continue }
                let exact = e.asked > 0 ? Double(n) * 100 / Double(e.asked) : nil
                let shown = Double(row.percent.dropLast())
                let fine = exact.map { x in shown.map { abs($0 - x) <= 0.5 + 1e-9 } ?? false } ?? row.percent.isEmpty
                check("\(name) \(row.label) %", fine ? row.percent : exact.map { String(format: "%.1f%%", $0) } ?? "", row.percent)
            }
        case .texts(let one):
            let counted = e.written == 1 ? one : one.replacingOccurrences(of: "written answer", with: "written answers")
                .replacingOccurrences(of: "date given", with: "dates given").replacingOccurrences(of: "date and time given", with: "dates and times given")
            let line = e.launch && e.skipped == 0
                ? "\(e.written) \(e.written == 1 ? "value" : "values") set at launch"
                : e.repeated
                ? "\(one == "written answer" ? "written" : "given") by \(e.written) \(e.written == 1 ? "person" : "people"); skipped \(e.skipped)"
                : "\(e.written) \(counted); skipped \(e.skipped)"
            check(name, line, item.note)
        case .numbers, .times:
            let times = e.kind == .times
            if e.values.isEmpty {
                check(name, "no answers", item.note)
                return
            }
            check(name, Self.statistics(e, shown: item.note ?? "", times: times), item.note)
        }
    }

    /// The line of statistics as the summary should show it, where it agrees with the values:
    /// each number shown (rounded to two decimals, a time to the minute) within rounding of the
    /// exact one worked out here; the shown line itself when all agree, else the exact figures.
    static func statistics(_ e: SummaryExpectation, shown: String, times: Bool) -> String {
        let v = e.values.sorted()
        let n = v.count
        let mean = v.reduce(0, +) / Double(n)
        let sd = n > 1 ? (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)).squareRoot() : 0
        let median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2
        let people = e.repeated ? " answer\(n == 1 ? "" : "s") from \(e.people) \(e.people == 1 ? "person" : "people")" : ""
        func clock(_ m: Double) -> String { String(format: "%02d:%02d", Int(m) / 60, Int(m) % 60) }
        var exact: String
        if times {
            // An even count's median may fall on half a minute, shown either way.
            let mid = median.rounded(.down) == median ? clock(median) : clock(median.rounded(.down)) + "|" + clock(median.rounded(.up))
            exact = "n \(n)\(people), earliest \(clock(v[0])), median \(mid), latest \(clock(v[n - 1])); skipped \(e.skipped)"
        } else if e.launch && e.skipped == 0 {
            exact = "n \(n) set at launch, mean \(mean), median \(median), sd \(sd), range \(v[0])–\(v[n - 1])"
        } else {
            exact = "n \(n)\(people), mean \(mean), median \(median), sd \(sd), range \(v[0])–\(v[n - 1]); skipped \(e.skipped)"
            if case .numbers(ranking: true) = e.kind { exact += "; not ranked \(e.notRanked)" }
        }
        return agrees(shown, exact) ? shown : exact
    }

    /// Whether a shown line reads as the exact one: the same words, each number within 0.005 (the
    /// shown ones are rounded to two decimals), each alternative `a|b` either.
    static func agrees(_ shown: String, _ exact: String) -> Bool {
        func tokens(_ s: String) -> [String] {
            s.replacingOccurrences(of: "–", with: " – ").replacingOccurrences(of: ",", with: " ,").replacingOccurrences(of: ";", with: " ;")
                .split(separator: " ").map(String.init)
        }
        let a = tokens(shown), b = tokens(exact)
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { s, x in
            if x.contains("|") { return x.split(separator: "|").contains { $0 == s } }
            if let p = Double(s), let q = Double(x) { return abs(p - q) <= 0.005 + 1e-9 * abs(q) }
            return s == x
        }
    }
}
