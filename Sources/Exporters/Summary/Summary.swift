import Foundation
import InstrumentModel
import ResponseStore

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
    public var statuses: [(version: String, counts: StatusCounts)] = []
    public var items: [Item] = []
    /// Files that could not be read, and why.
    public var skipped: [SkippedFile] = []

    public init(_ folder: ResponseReader) {
        let instruments = folder.instruments.map(\.instrument)
        let codebook = Codebook(instruments)
        let language = instruments.last?.languages.first
        title = instruments.last?.title.text(in: language) ?? ""
        id = instruments.last?.id ?? ""
        var byVersion: [String: StatusCounts] = [:]
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
        folder.each(skipped: { skipped.append($0) }) { r in
            byVersion[r.version, default: StatusCounts()].add(r.status)
            guard r.status != .declined else { return }
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
                        guard let x = Double(s), !(Int(exactly: x).map(missing.contains) ?? false) else { break }
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
        statuses = byVersion.sorted { VersionOrder.less($0.key, $1.key) }.map { (version: $0.key, counts: $0.value) }
    }

    static func name(of item: Item) -> String {
        switch item {
        case .frequencies(let f): f.variable.name
        case .numbers(let n): n.variable.name
        case .texts(let t): t.variable.name
        }
    }
}
