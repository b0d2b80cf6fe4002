import Foundation
import InstrumentModel

/// Counts and statistics of an instrument's responses, gathered in one pass.
public struct Summary {
    public struct Frequencies {
        public var variable: Variable
        public var counts: [Int: Int] = [:]
        public var skipped = 0
        public var asked = 0
    }

    public struct Numbers {
        public var variable: Variable
        /// Distinct values and their counts: memory grows with distinct answers, not with responses.
        public var values: [Double: Int] = [:]
        public var skipped = 0
        public var n = 0
        var sum = 0.0
        var sumOfSquares = 0.0

        public var mean: Double { sum / Double(max(1, n)) }
        public var sd: Double {
            guard n > 1 else { return 0 }
            return ((sumOfSquares - sum * sum / Double(n)) / Double(n - 1)).squareRoot()
        }
        public var range: (Double, Double)? { values.keys.min().flatMap { lo in values.keys.max().map { (lo, $0) } } }
        public var median: Double? {
            guard n > 0 else { return nil }
            let sorted = values.sorted { $0.key < $1.key }
            func at(_ k: Int) -> Double {
                var seen = 0
                for (v, c) in sorted {
                    seen += c
                    if seen > k { return v }
                }
                return sorted.last?.key ?? 0
            }
            return n % 2 == 1 ? at(n / 2) : (at(n / 2 - 1) + at(n / 2)) / 2
        }
    }

    public struct Texts {
        public var variable: Variable
        public var written = 0
        public var skipped = 0
    }

    public enum Item {
        case frequencies(Frequencies)
        case numbers(Numbers)
        case texts(Texts)
    }

    public var title: String
    public var id: String
    /// Per version: complete, partial, declined.
    public var statuses: [(version: String, complete: Int, partial: Int, declined: Int)] = []
    public var items: [Item] = []

    public init(_ folder: ResponseFolder) {
        let instruments = folder.instruments.map(\.instrument)
        let codebook = Codebook(instruments)
        let language = instruments.last?.languages.first
        title = instruments.last?.title.text(in: language) ?? ""
        id = instruments.last?.id ?? ""
        var byVersion: [String: (Int, Int, Int)] = [:]
        var items: [Item] = codebook.variables.compactMap { v in
            switch v.source {
            case .flag, .other: return nil
            default: break
            }
            switch v.measure {
            case .nominal, .ordinal:
                if case .rank = v.source { return .numbers(Numbers(variable: v)) }
                return .frequencies(Frequencies(variable: v))
            case .scale: return .numbers(Numbers(variable: v))
            case .text, .date: return .texts(Texts(variable: v))
            }
        }
        // Multiple choice is summarised as one question: how many chose each option.
        var multiples: [String: Frequencies] = [:]
        for v in codebook.variables {
            guard case .flag(let q, _) = v.source, multiples[q] == nil,
                  let question = instruments.last?.question(q) else { continue }
            var whole = v
            whole.name = q
            whole.label = (question.label ?? question.text).map { Codebook.short($0.text(in: language)) } ?? q
            whole.codes = question.allChoices.map { ($0.value, $0.label.text(in: language)) }
            whole.missing = []
            multiples[q] = Frequencies(variable: whole)
        }
        folder.each { r in
            var c = byVersion[r.version] ?? (0, 0, 0)
            switch r.status {
            case "complete": c.0 += 1
            case "declined": c.2 += 1
            default: c.1 += 1
            }
            byVersion[r.version] = c
            guard r.status != "declined" else { return }
            for i in items.indices {
                switch items[i] {
                case .frequencies(var f):
                    switch codebook.cell(f.variable, r) {
                    case .value(let s): if let code = Int(s) { f.counts[code, default: 0] += 1; f.asked += 1 }
                    case .skipped: f.skipped += 1; f.asked += 1
                    default: break
                    }
                    items[i] = .frequencies(f)
                case .numbers(var n):
                    let missing = Set(n.variable.missing.map(\.code))
                    switch codebook.cell(n.variable, r) {
                    case .value(let s):
                        guard let x = Double(s), !missing.contains(Int(x)) else { break }
                        n.values[x, default: 0] += 1
                        n.n += 1
                        n.sum += x
                        n.sumOfSquares += x * x
                    case .skipped: n.skipped += 1
                    default: break
                    }
                    items[i] = .numbers(n)
                case .texts(var t):
                    switch codebook.cell(t.variable, r) {
                    case .text(let s), .value(let s): if !s.isEmpty { t.written += 1 }
                    case .skipped: t.skipped += 1
                    case .notAsked: break
                    }
                    items[i] = .texts(t)
                }
            }
            for (q, var f) in multiples {
                guard f.variable.versions.contains(r.version) else { continue }
                if let picked = r.answers[q]?.array {
                    f.asked += 1
                    for c in picked.compactMap(\.int) { f.counts[c, default: 0] += 1 }
                } else if r.skipped.contains(q) {
                    f.asked += 1
                    f.skipped += 1
                }
                multiples[q] = f
            }
        }
        // Put each multiple choice where its first option column stood.
        var ordered: [Item] = []
        var placed: Set<String> = []
        for v in codebook.variables {
            if case .flag(let q, _) = v.source, !placed.contains(q), let f = multiples[q] {
                ordered.append(.frequencies(f))
                placed.insert(q)
            } else if let item = items.first(where: { Self.name(of: $0) == v.name }) {
                ordered.append(item)
            }
        }
        items = ordered
        self.items = items
        statuses = byVersion.keys.sorted { VersionOrder.less($0, $1) }.map { v in
            let c = byVersion[v]!
            return (v, c.0, c.1, c.2)
        }
    }

    static func name(of item: Item) -> String {
        switch item {
        case .frequencies(let f): f.variable.name
        case .numbers(let n): n.variable.name
        case .texts(let t): t.variable.name
        }
    }
}

/// How a summary is shown: in the terminal with bars, or as a Markdown report. Counts under
/// `minCell` (but above zero) are shown as "<N", since small numbers can identify people.
public struct SummaryRenderer {
    public var minCell: Int
    public var ascii: Bool

    public init(minCell: Int, ascii: Bool) {
        self.minCell = minCell
        self.ascii = ascii
    }

    func count(_ n: Int) -> String { n > 0 && n < minCell ? "<\(minCell)" : String(n) }

    func percent(_ n: Int, of total: Int) -> String {
        guard total > 0, n == 0 || n >= minCell else { return "" }
        return NumberText.display(Double(n) * 100 / Double(total), decimals: 0) + "%"
    }

    func bar(_ n: Int, of total: Int, width: Int = 20) -> String {
        guard total > 0, n == 0 || n >= minCell else { return String(repeating: ascii ? " " : " ", count: width) }
        let eighths = Int((Double(n) / Double(total) * Double(width * 8)).rounded())
        if ascii { return String(repeating: "#", count: eighths / 8) + String(repeating: " ", count: width - eighths / 8) }
        let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let full = eighths / 8
        let part = blocks[eighths % 8]
        return String(repeating: "█", count: full) + part + String(repeating: " ", count: max(0, width - full - (part.isEmpty ? 0 : 1)))
    }

    /// A mean or spread for the reader: rounded to two decimals, unlike the stored values.
    static func number(_ x: Double) -> String { NumberText.display(x, decimals: 2) }

    func lines(_ s: Summary) -> [(String, [(String, String, String, String)], String?)] {
        s.items.map { item in
            switch item {
            case .frequencies(let f):
                let rows = (f.variable.codes + f.variable.missing).map { code, label in
                    (label, count(f.counts[code] ?? 0), percent(f.counts[code] ?? 0, of: f.asked), bar(f.counts[code] ?? 0, of: f.asked))
                } + [("Skipped", count(f.skipped), percent(f.skipped, of: f.asked), bar(f.skipped, of: f.asked))]
                return ("\(f.variable.label) (\(f.variable.name), \(count(f.asked)) asked)", rows, nil)
            case .numbers(let n):
                guard n.n >= minCell else {
                    return ("\(n.variable.label) (\(n.variable.name))", [], n.n == 0 ? "no answers" : "fewer than \(minCell) answers: not shown")
                }
                let range = n.range.map { "\(Self.number($0.0))–\(Self.number($0.1))" } ?? ""
                let stats = "n \(n.n), mean \(Self.number(n.mean)), median \(n.median.map(Self.number) ?? ""), sd \(Self.number(n.sd)), range \(range); skipped \(count(n.skipped))"
                return ("\(n.variable.label) (\(n.variable.name))", [], stats)
            case .texts(let t):
                return ("\(t.variable.label) (\(t.variable.name))", [], "\(count(t.written)) written answer\(t.written == 1 ? "" : "s"); skipped \(count(t.skipped))")
            }
        }
    }

    public func text(_ s: Summary) -> String {
        var out = "\(s.title) (\(s.id))\n"
        for v in s.statuses {
            out += "  version \(v.version): \(count(v.complete)) complete, \(count(v.partial)) partial, \(count(v.declined)) declined\n"
        }
        for (title, rows, note) in lines(s) {
            out += "\n" + title + "\n"
            let width = min(40, rows.map { $0.0.count }.max() ?? 0)
            for (label, n, pct, bar) in rows {
                let cut = label.count > width ? String(label.prefix(width - 1)) + "…" : label
                var line = "  " + cut.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + bar + " "
                    + n.leftPadded(4) + "  " + pct.leftPadded(4)
                while line.hasSuffix(" ") { line.removeLast() }
                out += line + "\n"
            }
            if let note { out += "  " + note + "\n" }
        }
        return out
    }

    public func markdown(_ s: Summary) -> String {
        var out = "# Summary: \(s.title)\n\nInstrument `\(s.id)`. Counts from 1 to \(minCell - 1) are shown as <\(minCell).\n\n"
        out += "| version | complete | partial | declined |\n|---|---:|---:|---:|\n"
        for v in s.statuses { out += "| \(v.version) | \(count(v.complete)) | \(count(v.partial)) | \(count(v.declined)) |\n" }
        for (title, rows, note) in lines(s) {
            out += "\n## \(title)\n\n"
            if !rows.isEmpty {
                out += "| answer | n | % |\n|---|---:|---:|\n"
                for (label, n, pct, _) in rows { out += "| \(label.replacingOccurrences(of: "|", with: "\\|")) | \(n) | \(pct) |\n" }
            }
            if let note { out += note + "\n" }
        }
        return out
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
