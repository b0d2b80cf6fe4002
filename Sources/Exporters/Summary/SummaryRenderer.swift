import Foundation
import Expressions
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

    func shown(_ s: Disclosure.Shown) -> String {
        switch s {
        case .exact(let n): String(n)
        case .below: "<\(minCell)"
        case .hidden: "x"
        }
    }

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

    /// A frequency table as shown: counts under the threshold as <N, and further counts (or the
    /// total) hidden as x where subtraction would give a small one away (`Disclosure`).
    /// Percentages and bars only for counts shown, of a total shown.
    func rows(_ f: Summary.Frequencies) -> (total: String, rows: [(String, String, String, String)]) {
        let codes = f.rows
        let skips = Self.setAtLaunch(f.variable, skipped: f.skipped) ? [] : [f.skipped]
        let cells = codes.map { f.counts[$0.code] ?? 0 } + skips
        let table = Disclosure.protect(cells: cells, total: f.asked, additive: !f.multiple, minCell: minCell)
        let labels = codes.map(\.label) + skips.map { _ in "Skipped" }
        let rows = zip(labels, zip(cells, table.cells)).map { label, cell in
            let (n, s) = cell
            guard case .exact = s, table.total != .hidden else { return (label, shown(s), "", bar(0, of: 0)) }
            return (label, shown(s), percent(n, of: f.asked), bar(n, of: f.asked))
        }
        return (shown(table.total), rows)
    }

    /// Whether a variable holds a `hidden` question's value, set at launch (`--set`): never asked,
    /// so neither "asked" nor "skipped" is said of it. A skip found in a hand-edited file is still
    /// counted and shown, so that a table's rows go on adding up to its total.
    static func setAtLaunch(_ v: Variable, skipped: Int) -> Bool {
        v.type == QuestionType.hidden.rawValue && skipped == 0
    }

    /// The ends of a range that may be shown: the Nth smallest and largest answers, or for a
    /// repeated question the Nth lowest of each person's lowest and the Nth highest of their
    /// highest, so that no end stands for fewer than N people.
    func shownEnds(_ n: Summary.Numbers) -> (Double, Double)? {
        if let p = n.people {
            guard let lo = p.lows.inner(minCell), let hi = p.highs.inner(minCell) else { return nil }
            return (lo.0, hi.1)
        }
        return n.values.inner(minCell)
    }

    /// For a repeated question, whose answers outnumber the people who gave them: " answers from 2 people".
    func peopleSaid(_ n: Summary.Numbers) -> String {
        n.people.map { " answer\(n.n == 1 ? "" : "s") from \($0.count) \($0.count == 1 ? "person" : "people")" } ?? ""
    }

    /// The statistics of a number question. The range's ends are exact only where at least N
    /// answers hold them; otherwise the Nth smallest and largest answers stand for them.
    /// A repeated question's range: an end is exact only where at least N people hold it (the
    /// Nth lowest of each person's lowest answer, the Nth highest of their highest).
    func statistics(_ n: Summary.Numbers) -> String {
        var range = ""
        if let (lo, hi) = n.range, let (innerLo, innerHi) = shownEnds(n) {
            let low = innerLo == lo ? Self.number(lo) : "≤" + Self.number(innerLo)
            let high = innerHi == hi ? Self.number(hi) : "≥" + Self.number(innerHi)
            range = "\(low)–\(high)"
        }
        let median = n.median.map { (n.values.approximate ? "~" : "") + Self.number($0) } ?? ""
        if Self.setAtLaunch(n.variable, skipped: n.skipped) {
            return "n \(n.n) set at launch, mean \(Self.number(n.mean)), median \(median), sd \(Self.number(n.sd)), range \(range)"
        }
        var stats = "n \(n.n)\(peopleSaid(n)), mean \(Self.number(n.mean)), median \(median), sd \(Self.number(n.sd)), range \(range); skipped \(count(n.skipped))"
        if n.isRanking { stats += "; not ranked \(count(n.notRanked))" }
        return stats
    }

    /// The statistics of a time question: its earliest and latest exact only where at least N
    /// answers hold them (as a number's range), the median a clock time too.
    func times(_ n: Summary.Numbers) -> String {
        func clock(_ minutes: Double) -> String { ClockTime.format(Int(minutes.rounded())) }
        var earliest = "", latest = ""
        if let (lo, hi) = n.range, let (innerLo, innerHi) = shownEnds(n) {
            earliest = innerLo == lo ? clock(lo) : "≤" + clock(innerLo)
            latest = innerHi == hi ? clock(hi) : "≥" + clock(innerHi)
        }
        let median = n.median.map(clock) ?? ""
        return "n \(n.n)\(peopleSaid(n)), earliest \(earliest), median \(median), latest \(latest); skipped \(count(n.skipped))"
    }

    func lines(_ s: Summary) -> [(String, [(String, String, String, String)], String?)] {
        s.items.map { item in
            switch item {
            case .frequencies(let f):
                let (total, rows) = rows(f)
                let asked = Self.setAtLaunch(f.variable, skipped: f.skipped) ? "set at launch" : "asked"
                return ("\(f.variable.label) (\(f.variable.name), \(total) \(asked))", rows, nil)
            case .numbers(let n):
                if let p = n.people, p.count < minCell {
                    return ("\(n.variable.label) (\(n.variable.name))", [], p.count == 0 ? "no answers" : "answers from fewer than \(minCell) people: not shown")
                }
                guard n.n >= minCell else {
                    if Self.setAtLaunch(n.variable, skipped: n.skipped) {
                        return ("\(n.variable.label) (\(n.variable.name))", [], n.n == 0 ? "none set at launch" : "fewer than \(minCell) values set at launch: not shown")
                    }
                    return ("\(n.variable.label) (\(n.variable.name))", [], n.n == 0 ? "no answers" : "fewer than \(minCell) answers: not shown")
                }
                return ("\(n.variable.label) (\(n.variable.name))", [], statistics(n))
            case .texts(let t) where t.people:
                let verb = t.variable.measure == .text ? "written" : "given"
                return ("\(t.variable.label) (\(t.variable.name))", [], "\(verb) by \(count(t.written)) \(count(t.written) == "1" ? "person" : "people"); skipped \(count(t.skipped))")
            case .times(let n):
                if let p = n.people, p.count < minCell {
                    return ("\(n.variable.label) (\(n.variable.name))", [], p.count == 0 ? "no answers" : "answers from fewer than \(minCell) people: not shown")
                }
                guard n.n >= minCell else {
                    return ("\(n.variable.label) (\(n.variable.name))", [], n.n == 0 ? "no answers" : "fewer than \(minCell) answers: not shown")
                }
                return ("\(n.variable.label) (\(n.variable.name))", [], times(n))
            case .texts(let t) where Self.setAtLaunch(t.variable, skipped: t.skipped):
                // Set at launch (`--set`), not written, and never asked, so never skipped.
                return ("\(t.variable.label) (\(t.variable.name))", [], "\(count(t.written)) \(count(t.written) == "1" ? "value" : "values") set at launch")
            case .texts(let t):
                return ("\(t.variable.label) (\(t.variable.name))", [], "\(count(t.written)) \(Self.counted(t.variable.measure, one: count(t.written) == "1")); skipped \(count(t.skipped))")
            }
        }
    }

    /// What a count of answers that are only counted is a count of: texts are written, dates and
    /// datetimes given. "dates" whatever the precision: "6 months given" would read as a duration.
    /// `one`: whether the count shown is 1; a count shown as "<5" is plural, since a singular
    /// ("<5 date given") would tell that it is 1.
    static func counted(_ measure: Measure, one: Bool) -> String {
        switch measure {
        case .date: one ? "date given" : "dates given"
        case .datetime: one ? "date and time given" : "dates and times given"
        default: one ? "written answer" : "written answers"
        }
    }

    /// Which counts are shown as <N, in words that hold at every threshold ("from 1 to 0" did not).
    var smallCounts: String {
        switch minCell {
        case ...1: "Every count is shown as it is: none is hidden."
        case 2: "Counts of 1 are shown as <2."
        default: "Counts from 1 to \(minCell - 1) are shown as <\(minCell)."
        }
    }

    /// Said under the tables when any count is hidden as x.
    var hiddenNote: String { "x: hidden as well, so that a count under \(minCell) cannot be worked out from the others." }

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
        if hides(s) { out += "\n" + hiddenNote + "\n" }
        return out
    }

    /// Whether any count is hidden as x.
    func hides(_ s: Summary) -> Bool {
        lines(s).contains { title, rows, _ in title.hasSuffix(", x asked)") || rows.contains { $0.1 == "x" } }
    }

    public func markdown(_ s: Summary) -> String {
        var out = "# Summary: \(s.title)\n\nInstrument `\(s.id)`. \(smallCounts)\n\n"
        if hides(s) { out += hiddenNote + "\n\n" }
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
