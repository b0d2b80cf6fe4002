import Dispatch
import Foundation
import InstrumentModel
import ResponseStore

/// Counts and statistics of an instrument's responses, gathered in one pass that keeps nothing
/// per response: counts per code, and per number question its distinct values (`ValueCounts`).
public struct Summary {
    public struct Frequencies {
        public var variable: Variable
        public var counts: [Int: Int] = [:]
        public var skipped = 0
        public var asked = 0
        /// Several answers a person (multiple choice): the counts do not add up to those asked.
        public var multiple = false

        /// The codes to show, in the codebook's order, then any code counted that it does not
        /// list, so that the rows always add up to those asked.
        public var rows: [(code: Int, label: String)] {
            let listed = variable.codes + variable.missing
            let known = Set(listed.map(\.code))
            return listed + counts.keys.filter { !known.contains($0) }.sorted().map { ($0, String($0)) }
        }
    }

    /// The people behind a repeated number question's answers: how many answered, and each
    /// one's lowest and highest answer over the instances.
    public struct People {
        public var count: Int
        public var lows: ValueCounts
        public var highs: ValueCounts
    }

    public struct Numbers {
        public var variable: Variable
        /// A repeated question's: its answers come from fewer people, who are what `--min-cell` counts.
        public var people: People?
        public var values = ValueCounts()
        public var skipped = 0
        /// Rankings: the options a person left unranked (0), which are not a rank.
        public var notRanked = 0
        public var isRanking = false
        var sum = 0.0
        var sumOfSquares = 0.0

        public var n: Int { values.n }
        public var mean: Double { sum / Double(max(1, n)) }
        public var sd: Double {
            guard n > 1 else { return 0 }
            return (max(0, sumOfSquares - sum * sum / Double(n)) / Double(n - 1)).squareRoot()
        }
        public var range: (Double, Double)? { n > 0 ? (values.minimum, values.maximum) : nil }
        public var median: Double? { values.median }

    }

    public struct Texts {
        public var variable: Variable
        public var written = 0
        public var skipped = 0
        /// A repeated question's: `written` counts the people who wrote in any instance.
        public var people = false
    }

    public enum Item {
        case frequencies(Frequencies)
        case numbers(Numbers)
        /// A clock time's answers, in minutes since midnight.
        case times(Numbers)
        case texts(Texts)
    }

    public var title: String
    public var id: String
    /// Per version: complete, partial, declined.
    public var statuses: [(version: String, counts: StatusCounts)] = []
    public var items: [Item] = []
    /// Files that could not be read, and why.
    public var skipped: [SkippedFile] = []
    /// Journaled steps that a replay kept as given or left out, to be said with the summary.
    public var replayed: [ReplayNote] = []

    public init(_ folder: ResponseReader) {
        self.init(folder, scanning: true)
    }

    /// `scanning: false` reads finished files through the JSON tree too, as the tests that hold
    /// the two paths to the same result do.
    init(_ folder: ResponseReader, scanning: Bool) {
        let instruments = folder.instruments.map(\.instrument)
        let language = instruments.last?.languages.first
        title = instruments.last?.title.text(in: language) ?? ""
        id = instruments.last?.id ?? ""
        let plan = SummaryPlan(instruments)
        var tally = SummaryTally(plan)
        var skippedFiles: [SkippedFile] = []
        var replayedSteps: [ReplayNote] = []
        if scanning {
            tally = Self.scan(folder, plan: plan, skipped: &skippedFiles)
            folder.eachPartial(skipped: { skippedFiles.append($0) }, replayed: { replayedSteps.append($0) }) { tally.add(plan, $0) }
        } else {
            folder.each(skipped: { skippedFiles.append($0) }, replayed: { replayedSteps.append($0) }) { tally.add(plan, $0) }
        }
        replayed = replayedSteps
        skipped = skippedFiles
        items = tally.items(plan)
        statuses = tally.statuses.sorted { VersionOrder.less($0.key, $1.key) }.map { (version: $0.key, counts: $0.value) }
    }

    /// Finished files, read from their bytes in blocks shared among the cores, as the wide CSV
    /// is (`WideCSV.swift`); each block has a tally of its own, added up in block order.
    private static func scan(_ folder: ResponseReader, plan: SummaryPlan, skipped: inout [SkippedFile]) -> SummaryTally {
        var total = SummaryTally(plan)
        let path = folder.path
        ResponseBlocks.read(folder.folder, make: { SummaryScan(plan: plan, path: path) }) { block in
            total.merge(block.tally)
            skipped += block.skipped
        }
        return total
    }
}
