import Foundation
import InstrumentModel
import ResponseStore

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
            out += "  version \(v.version): \(count(v.counts.complete)) complete, \(count(v.counts.partial)) partial, \(count(v.counts.declined)) declined\n"
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
        for v in s.statuses { out += "| \(v.version) | \(count(v.counts.complete)) | \(count(v.counts.partial)) | \(count(v.counts.declined)) |\n" }
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
