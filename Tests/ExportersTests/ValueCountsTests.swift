@testable import Exporters
import Testing

/// `ValueCounts` counts small whole numbers by index and everything else by hash; the two
/// halves must add up to exactly what a plain list of the answers gives.
@Suite struct ValueCountsTests {
    /// A fixed pseudo-random sequence, so that a failure can be replayed.
    private struct LCG { var s: UInt64; mutating func next() -> UInt64 { s = s &* 6364136223846793005 &+ 1442695040888963407; return s >> 33 } }

    @Test func countsMedianAndRangeAgreeWithTheSortedAnswers() {
        var g = LCG(s: 7)
        var counts = ValueCounts()
        var all: [Double] = []
        for _ in 0..<5000 {
            let x: Double
            switch g.next() % 4 {
            case 0: x = Double(g.next() % 1024)            // a small whole number
            case 1: x = -Double(g.next() % 50)             // a negative one
            case 2: x = Double(g.next() % 3000) / 4        // quarters, some whole, some past 1023
            default: x = Double(1024 + g.next() % 100)     // just past the indexed range
            }
            counts.add(x)
            all.append(x)
        }
        all.sort()
        var expected: [Double: Int] = [:]
        for x in all { expected[x, default: 0] += 1 }
        #expect(counts.counts == expected)
        #expect(counts.n == all.count && counts.minimum == all.first && counts.maximum == all.last)
        #expect(counts.median == (all[all.count / 2 - 1] + all[all.count / 2]) / 2)
        #expect(!counts.approximate)
    }

    @Test func manyDistinctValuesAreRoundedAndStillAddUp() {
        var counts = ValueCounts()
        for k in 0..<(ValueCounts.limit + 10) { counts.add(Double(k) + 0.5) }
        for k in 0..<300 { counts.add(Double(k)) }
        #expect(counts.approximate)
        #expect(counts.counts.values.reduce(0, +) == ValueCounts.limit + 310)
        #expect(counts.counts.count <= ValueCounts.limit)
        #expect(counts.minimum == 0 && counts.maximum == Double(ValueCounts.limit + 9) + 0.5)
    }
}
