@testable import Exporters
import Foundation
import InstrumentCompiler
import ResponseStore
import TestSupport
import Testing

/// A responses folder of an instrument, with response files written as the store writes them,
/// so that a test chooses exactly how many people gave each answer.
private struct SummaryStudy {
    let root: TemporaryFolder
    let folder: String
    let hash: String
    let id: String
    let source: String
    private var next = 1

    init(_ yaml: String) throws {
        source = yaml
        let result = try compiling(yaml)
        let instrument = try #require(result.instrument)
        root = try TemporaryFolder()
        hash = try #require(result.contentHash)
        id = instrument.id
        _ = try InstrumentStore(root: root.path, instrument: instrument, compiled: try #require(result.canonical), hash: hash)
        folder = root.path + "/" + instrument.id
    }

    /// Writes `count` responses with these answers (JSON values) and skipped questions.
    mutating func add(_ count: Int = 1, _ answers: [String: Any], skipped: [String] = [], calculated: [String: Any] = [:], status: String = "complete") throws {
        for _ in 0..<count {
            let responseID = String(format: "%032x", next)
            next += 1
            let record: [String: Any] = [
                "answers": answers, "calculated": calculated, "duration_seconds": 60, "format": "fieldwork-response", "format_version": 1,
                "instrument": ["hash": hash, "id": id, "version": "1.0.0"], "other": [:] as [String: Any],
                "paradata": ["questions": [:] as [String: Any], "returns": 0] as [String: Any], "response_id": responseID, "seed": 1,
                "skipped": skipped, "started": "2026-11-23", "status": status,
            ]
            let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            try data.write(to: URL(fileURLWithPath: folder + "/" + responseID + ".json"))
        }
    }

    func summary(scanning: Bool = true) throws -> Summary { Summary(try ResponseReader(path: folder), scanning: scanning) }
}

private let opinion = """
    format: 1
    id: opinion
    version: 1.0.0
    title: Opinion
    sections:
      - id: s
        questions:
          - {id: agree, type: single, text: Agree?, choices: ["Yes", "No", "Maybe", "Unsure"]}
          - {id: age, type: number, text: Age?, max: 120}
          - {id: order, type: ranking, text: Order these, choices: [Quiet, Company, Food], rank: 2}
    """

/// What a reader can tell of each hidden count of a table, by trying every assignment: the
/// values of each hidden cell (and of a total shown "<N") that fit the shown numbers. A cell shown
/// "<N" is 1 to N-1, one shown "x" is N or more; when the total is hidden nothing is tied.
private func feasible(_ table: Disclosure.Table, minCell n: Int) -> [Set<Int>] {
    let limit = 60
    let hidden = table.cells.indices.filter { if case .exact = table.cells[$0] { false } else { true } }
    let shown = table.cells.reduce(0) { if case .exact(let c) = $1 { return $0 + c }; return $0 }
    let totals: [Int]
    switch table.total {
    case .exact(let t): totals = [t]
    case .below: totals = Array(1..<n)
    case .hidden: return hidden.map { _ in Set(0...limit) }
    }
    var seen = [Set<Int>](repeating: [], count: hidden.count + 1)
    var values = [Int](repeating: 0, count: hidden.count)
    func walk(_ k: Int, _ sum: Int) {
        if k == hidden.count {
            let total = shown + sum
            guard totals.contains(total) else { return }
            for (i, v) in values.enumerated() { seen[i].insert(v) }
            seen[hidden.count].insert(total)
            return
        }
        let range = table.cells[hidden[k]] == .below ? 1...(n - 1) : n...limit
        for v in range where shown + sum + v <= (totals.max() ?? 0) {
            values[k] = v
            walk(k + 1, sum + v)
        }
    }
    walk(0, 0)
    return table.total == .below ? seen : Array(seen.prefix(hidden.count))
}

@Suite struct SummaryDisclosureTests {
    /// "12 asked: Yes 5, No 5, two cells <5" gave both hidden counts (1 and 1) by subtraction.
    @Test func aSmallCountCannotBeWorkedOutBySubtraction() throws {
        var study = try SummaryStudy(opinion)
        try study.add(5, ["agree": 1])
        try study.add(5, ["agree": 2])
        try study.add(1, ["agree": 3])
        try study.add(1, ["agree": 4])
        let markdown = SummaryRenderer(minCell: 5, ascii: true).markdown(try study.summary())
        let section = try #require(markdown.components(separatedBy: "## Agree?").dropFirst().first)
        let table = try #require(section.components(separatedBy: "\n\n").dropFirst().first)
        var cells: [Disclosure.Shown] = []
        for line in table.split(separator: "\n").dropFirst(2) {
            let n = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }[1]
            cells.append(n == "x" ? .hidden : n.hasPrefix("<") ? .below : .exact(Int(n) ?? -1))
        }
        let total = try #require(section.firstMatch(of: #/agree, (\S+) asked/#)?.1)
        let shown = Disclosure.Table(cells: cells, total: total == "x" ? .hidden : total.hasPrefix("<") ? .below : .exact(Int(total) ?? -1))
        #expect(cells.count == 5, "\(table)")
        for (i, values) in feasible(shown, minCell: 5).enumerated() {
            #expect(values.count > 1, "hidden count \(i) of \(shown) can only be \(values)\n\(markdown)")
        }
        #expect(markdown.contains("x: hidden as well, so that a count under 5 cannot be worked out from the others."))
    }

    /// Every table of small random counts, at every threshold from 3 to 6: no count hidden (and no
    /// total shown "<N") is determined by what is shown, tried by brute force.
    @Test func noHiddenCountIsDeterminedInAnyTable() {
        var rng = SystemRandomNumberGenerator()
        var protected = 0
        for _ in 0..<3000 {
            let n = Int.random(in: 3...6, using: &rng)
            let cells = (0..<Int.random(in: 2...5, using: &rng)).map { _ in
                Bool.random(using: &rng) ? Int.random(in: 0...(n - 1), using: &rng) : Int.random(in: 0...14, using: &rng)
            }
            let total = cells.reduce(0, +)
            let table = Disclosure.protect(cells: cells, total: total, additive: true, minCell: n)
            for (i, c) in cells.enumerated() {
                switch table.cells[i] {
                case .exact(let shown): #expect(shown == c && (c == 0 || c >= n), "\(cells)")
                case .below: #expect(c > 0 && c < n, "\(cells)")
                case .hidden: #expect(c >= n, "only counts of N or more are hidden as x: \(cells)")
                }
            }
            if case .exact(let t) = table.total { #expect(t == total) }
            for values in feasible(table, minCell: n) {
                #expect(values.count > 1, "\(cells), N \(n): \(table) leaves a hidden count at \(values)")
            }
            if table.cells.contains(.hidden) || table.total == .hidden { protected += 1 }
        }
        #expect(protected > 100, "the random tables include ones that need more than the threshold")
    }

    /// Without a total the cells of a multiple choice do not add up: nothing more is hidden.
    @Test func aMultipleChoiceHidesOnlyItsSmallCounts() {
        let table = Disclosure.protect(cells: [5, 1, 6, 0], total: 9, additive: false, minCell: 5)
        #expect(table == Disclosure.Table(cells: [.exact(5), .below, .exact(6), .exact(0)], total: .exact(9)))
    }

    @Test func theRangeShowsOnlyValuesThatAtLeastNAnswersReach() throws {
        var study = try SummaryStudy(opinion)
        try study.add(1, ["age": 17])
        try study.add(6, ["age": 30])
        try study.add(2, ["age": 40])
        try study.add(1, ["age": 93])
        let text = SummaryRenderer(minCell: 5, ascii: true).text(try study.summary())
        #expect(text.contains("range ≤30–≥30;"), "\(text)")
        #expect(!text.contains("17") && !text.contains("93"), "one person's age is never shown")
        try study.add(4, ["age": 17])
        try study.add(3, ["age": 93])
        let more = SummaryRenderer(minCell: 5, ascii: true).text(try study.summary())
        #expect(more.contains("range 17–≥40;"), "\(more)")
        #expect(SummaryRenderer(minCell: 1, ascii: true).text(try study.summary()).contains("range 17–93;"))
    }

    /// An option left unranked is stored as rank 0, which is not a rank: the mean leaves it out.
    @Test func rankingMeansLeaveOutTheUnranked() throws {
        var study = try SummaryStudy(opinion)
        try study.add(5, ["order": [1, 2]])
        try study.add(5, ["order": [3, 1]])
        let text = SummaryRenderer(minCell: 5, ascii: true).text(try study.summary())
        // Quiet: rank 1 five times, rank 2 five times; Company: rank 2 five times, unranked five times.
        #expect(text.contains("(order_1)\n  n 10, mean 1.50, median 1.50, sd 0.53, range 1–2; skipped 0; not ranked 0\n"), "\(text)")
        #expect(text.contains("(order_2)\n  n 5, mean 2, median 2, sd 0, range 2–2; skipped 0; not ranked 5\n"), "\(text)")
    }
}

private let everyKind = """
    format: 1
    id: every-kind
    version: 1.0.0
    title: Every kind of value
    sections:
      - id: s
        questions:
          - {id: visit, type: single, text: First visit?, choices: ["Yes", "No"], other: true}
          - {id: used, type: multiple, text: Used?, choices: [Tea, Talk, {value: 9, label: None, exclusive: true}]}
          - id: feel
            type: matrix
            text: How do you feel?
            choices: [{value: 1, label: "No"}, {value: 2, label: "Yes"}, {value: -9, label: Rather not say, missing: true}]
            rows: [{id: safe, text: Safe}, {id: heard, text: Heard}]
          - {id: order, type: ranking, text: Order these, choices: [Quiet, Company, Food], rank: 2}
          - {id: hours, type: number, text: Hours?, decimals: 1}
          - {id: score, type: single, text: Score?, choices: [{value: 1, label: Low}, {value: 2, label: High}, {value: -9, label: Rather not say, missing: true}]}
          - {id: age, type: number, text: Age?}
          - {id: since, type: date, text: Since when?, precision: month}
          - {id: place, type: text, text: Where?}
          - {id: adult, type: calculate, value: "age >= 18"}
          - {id: doubled, type: calculate, value: "hours * 2"}
          - {id: town, type: calculate, value: "place"}
    """

@Suite struct SummaryReadingTests {
    /// The byte scanner and the JSON tree count the same, for every kind of value and for values
    /// stored oddly (a whole number written 40.0, a number beyond 10^15, a null, escapes).
    @Test func bothReadingPathsGiveTheSameSummary() throws {
        var study = try SummaryStudy(everyKind)
        try study.add(3, ["visit": 1, "used": [1, 2], "feel": ["safe": 2, "heard": -9], "order": [3, 1], "hours": 2.5, "score": 2,
                          "age": 40, "since": "2024-05", "place": "Leeds, \"north\""], calculated: ["adult": true, "doubled": 5, "town": "Leeds"])
        try study.add(2, ["visit": 2, "used": [9], "feel": ["safe": 1], "order": [2, 3], "hours": 0.1, "score": -9, "age": 40.0, "place": ""],
                      skipped: ["since"], calculated: ["adult": false, "doubled": 0.2, "town": ""])
        try study.add(1, ["age": 123_456_789_012_345_678_901_234_567_890.0, "hours": NSNull(), "place": "tab\there \\ \u{e9}"],
                      skipped: ["visit", "used", "feel", "order", "score"])
        try study.add(1, ["visit": "1", "age": "41"])
        try study.add(1, ["visit": 1, "age": 50], status: "declined")
        let fast = try study.summary(scanning: true)
        let tree = try study.summary(scanning: false)
        for n in [1, 3] {
            let renderer = SummaryRenderer(minCell: n, ascii: true)
            #expect(renderer.text(fast) == renderer.text(tree))
        }
        let text = SummaryRenderer(minCell: 1, ascii: true).text(fast)
        #expect(text.contains("version 1.0.0: 7 complete, 0 partial, 1 declined"), "\(text)")
        #expect(text.contains("Score? (score, 6 asked)"), "\(text)")
        #expect(text.contains("(age)\n  n 7, mean "), "\(text)")
        #expect(text.contains("(place)\n  4 written answers; skipped 0"), "\(text)")
    }

    /// A count the codebook does not list (a code from a hand-edited file, say) gets a row of its
    /// own, so that the rows still add up to those asked.
    @Test func everyCodeCountedHasARow() throws {
        var study = try SummaryStudy(opinion)
        try study.add(2, ["agree": 1])
        try study.add(1, ["agree": 7])
        let text = SummaryRenderer(minCell: 1, ascii: true).text(try study.summary())
        #expect(text.contains("  7      "), "\(text)")
    }
}

/// Issue 14, item 4: a time is summarised as times are read (earliest, median, latest), each end
/// exact only where at least N answers hold it, as a number's range is; a datetime is only counted,
/// as a date is, since a moment is the kind of detail that can pick a person out.
@Suite struct SummaryTimeTests {
    static let clock = """
        format: 1
        id: clock
        version: 1.0.0
        title: Clock
        sections:
          - id: s
            questions:
              - {id: woke, type: time, text: Woke?}
              - {id: onset, type: datetime, text: Onset?}
              - {id: born, type: date, text: Born?, precision: month}
        """

    @Test func timesHaveEarliestMedianAndLatestAndDatetimesOnlyCounts() throws {
        var study = try SummaryStudy(Self.clock)
        try study.add(1, ["woke": "05:10", "onset": "2024-02-29T23:59", "born": "1990-01"])
        try study.add(5, ["woke": "06:00", "onset": "2024-03-01T00:00"], skipped: ["born"])
        try study.add(3, ["woke": "07:30"], skipped: ["onset", "born"])
        try study.add(5, ["woke": "23:59"], skipped: ["born"])
        try study.add(1, [:], skipped: ["woke", "onset", "born"])
        for scanning in [true, false] {
            let text = SummaryRenderer(minCell: 5, ascii: true).text(try study.summary(scanning: scanning))
            // 14 answers: the 5th smallest (06:00) stands for the earliest, which fewer than 5 gave.
            #expect(text.contains("\nWoke? (woke)\n  n 14, earliest ≤06:00, median 07:30, latest 23:59; skipped <5\n"), "\(text)")
            // Dates and datetimes are given, not written: each is counted under its own noun.
            #expect(text.contains("\nOnset? (onset)\n  6 dates and times given; skipped <5\n"), "\(text)")
            #expect(text.contains("\nBorn? (born)\n  <5 dates given; skipped 14\n"), "\(text)")
            #expect(!text.contains("05:10") && !text.contains("2024") && !text.contains("1990"), "\(text)")
        }
        var few = try SummaryStudy(Self.clock)
        try few.add(4, ["woke": "06:00"])
        let text = SummaryRenderer(minCell: 5, ascii: true).text(try few.summary())
        #expect(text.contains("\nWoke? (woke)\n  fewer than 5 answers: not shown\n"), "\(text)")
    }

    /// A `hidden` question's text was set at launch (`--set batch=B7`), not written by anyone, and
    /// cannot be skipped: it is counted as values set at launch, with no skip count.
    @Test func aHiddenTextIsCountedAsValuesSetAtLaunch() throws {
        var study = try SummaryStudy("""
            format: 1
            id: launch
            version: 1.0.0
            title: Launch
            sections:
              - id: s
                questions:
                  - {id: batch, type: hidden}
                  - {id: why, type: text, text: Why?}
            """)
        try study.add(6, ["batch": "B7", "why": "cold"])
        try study.add(1, ["batch": "B8"], skipped: ["why"])
        try study.add(1, [:], skipped: ["why"])
        let text = SummaryRenderer(minCell: 5, ascii: true).text(try study.summary())
        #expect(text.contains("\nbatch (batch)\n  7 values set at launch\n\nWhy? (why)\n  6 written answers; skipped <5\n"), "\(text)")
        var one = try SummaryStudy(study.source)
        try one.add(1, ["batch": "B7"])
        #expect(SummaryRenderer(minCell: 1, ascii: true).text(try one.summary()).contains("\nbatch (batch)\n  1 value set at launch\n"))
        #expect(SummaryRenderer(minCell: 5, ascii: true).text(try one.summary()).contains("\nbatch (batch)\n  <5 values set at launch\n"))
        #expect(SummaryRenderer(minCell: 5, ascii: true).markdown(try study.summary()).contains("\n## batch (batch)\n\n7 values set at launch\n"))
    }

    /// The Markdown's line on small counts reads right at the lowest thresholds: nothing hidden at
    /// 1 (it said "Counts from 1 to 0 are shown as <1."), a single count at 2.
    @Test func theMarkdownSaysWhichCountsAreHiddenAtEveryThreshold() throws {
        var study = try SummaryStudy(opinion)
        try study.add(1, ["agree": 1])
        func intro(_ n: Int) throws -> String {
            let markdown = SummaryRenderer(minCell: n, ascii: true).markdown(try study.summary())
            return String(markdown.split(separator: "\n", omittingEmptySubsequences: false)[2])
        }
        #expect(try intro(1) == "Instrument `opinion`. Every count is shown as it is: none is hidden.")
        #expect(try intro(2) == "Instrument `opinion`. Counts of 1 are shown as <2.")
        #expect(try intro(5) == "Instrument `opinion`. Counts from 1 to 4 are shown as <5.")
    }

    /// A hidden number or choice too was set at launch, not asked: no skip count and no "Skipped"
    /// row, and its count is of values set at launch, not of those asked.
    @Test func aHiddenNumberOrChoiceIsSetAtLaunchNotAsked() throws {
        var study = try SummaryStudy("""
            format: 1
            id: launch
            version: 1.0.0
            title: Launch
            sections:
              - id: s
                questions:
                  - {id: wave, type: hidden, min: 1, max: 4}
                  - {id: site, type: hidden, choices: [North, South]}
            """)
        try study.add(3, ["wave": 2, "site": 1])
        try study.add(1, [:])
        let text = SummaryRenderer(minCell: 1, ascii: true).text(try study.summary())
        #expect(text.contains("\nwave (wave)\n  n 3 set at launch, mean 2, median 2, sd 0, range 2–2\n\nsite (site, 3 set at launch)\n  North "), "\(text)")
        #expect(text.hasSuffix("\n  North  ####################    3  100%\n  South                          0    0%\n"), "\(text)")
        let few = SummaryRenderer(minCell: 5, ascii: true).text(try study.summary())
        #expect(few.contains("\nwave (wave)\n  fewer than 5 values set at launch: not shown\n"), "\(few)")
        var none = try SummaryStudy(study.source)
        try none.add(1, [:])
        #expect(SummaryRenderer(minCell: 5, ascii: true).text(try none.summary()).contains("\nwave (wave)\n  none set at launch\n"))
    }

    /// A count of one hidden as "<5" is said in the plural, as any other hidden count: "<5 written
    /// answer" would give away that it is exactly one.
    @Test func aHiddenCountOfOneIsPlural() throws {
        var study = try SummaryStudy("""
            format: 1
            id: one
            version: 1.0.0
            title: One
            sections:
              - id: s
                questions:
                  - {id: why, type: text, text: Why?}
                  - {id: onset, type: datetime, text: Onset?}
            """)
        try study.add(1, ["why": "cold", "onset": "2024-03-01T00:00"])
        try study.add(5, [:], skipped: ["why", "onset"])
        let text = SummaryRenderer(minCell: 5, ascii: true).text(try study.summary())
        #expect(text.contains("\nWhy? (why)\n  <5 written answers; skipped 5\n"), "\(text)")
        #expect(text.contains("\nOnset? (onset)\n  <5 dates and times given; skipped 5\n"), "\(text)")
        let exact = SummaryRenderer(minCell: 1, ascii: true).text(try study.summary())
        #expect(exact.contains("\nWhy? (why)\n  1 written answer; skipped 5\n"), "\(exact)")
        #expect(exact.contains("\nOnset? (onset)\n  1 date and time given; skipped 5\n"), "\(exact)")
    }
}
