/// The answers of a number question as counts of distinct values, bounded in size: memory grows
/// with the distinct answers (an age, a score on a scale: a few hundred at most), never with the
/// responses. Past `limit` distinct values (numbers with many decimals, say) the values are
/// rounded to fewer significant digits, and the quantiles are marked approximate; the minimum
/// and maximum are kept exactly all the same.
public struct ValueCounts: Sendable {
    /// Most distinct values kept before rounding.
    static let limit = 4096

    /// Each distinct value (rounded once rounding began) and how many gave it.
    public var counts: [Double: Int] {
        var all = others
        for (k, c) in small.enumerated() where c > 0 { all[Double(k), default: 0] += c }
        return all
    }
    /// Whole values from 0 to `smallLimit - 1` (ages, scores, counts: most number answers) are
    /// counted by index, without hashing; every other value, and every value once rounding began,
    /// in `others`.
    private var small: [Int] = []
    private var others: [Double: Int] = [:]
    private var distinct = 0
    static let smallLimit = 1024
    /// Significant digits kept once rounding began (nil: every value as given).
    public private(set) var digits: Int?
    public private(set) var n = 0
    public private(set) var minimum = Double.infinity
    public private(set) var maximum = -Double.infinity

    public init() {}

    /// Whether values were rounded, so that quantiles are approximate.
    public var approximate: Bool { digits != nil }

    mutating func add(_ x: Double, count: Int = 1) {
        n += count
        minimum = Swift.min(minimum, x)
        maximum = Swift.max(maximum, x)
        if digits == nil, x >= 0, x < Double(Self.smallLimit), let k = Int(exactly: x) {
            if small.isEmpty { small = [Int](repeating: 0, count: Self.smallLimit) }
            if small[k] == 0 { distinct += 1 }
            small[k] += count
        } else {
            let key = digits.map { Self.rounded(x, $0) } ?? x
            let before = others[key]
            others[key, default: 0] += count
            if before == nil { distinct += 1 }
        }
        if distinct > Self.limit { coarsen() }
    }

    mutating func merge(_ other: ValueCounts) {
        guard other.n > 0 else { return }
        if let d = other.digits, digits.map({ $0 > d }) ?? true { digits = d; rebucket() }
        let before = (minimum, maximum)
        for (x, c) in other.counts { add(x, count: c) }
        minimum = Swift.min(before.0, other.minimum)
        maximum = Swift.max(before.1, other.maximum)
    }

    private mutating func coarsen() {
        while distinct > Self.limit / 2 {
            digits = (digits ?? 16) - 1
            rebucket()
        }
    }

    private mutating func rebucket() {
        guard let digits else { return }
        var rounded: [Double: Int] = [:]
        for (x, c) in counts { rounded[Self.rounded(x, digits), default: 0] += c }
        small = []
        others = rounded
        distinct = rounded.count
    }

    static func rounded(_ x: Double, _ digits: Int) -> Double {
        guard x != 0, x.isFinite else { return x }
        let scale = pow10(digits - 1 - Int((abs(x)).log10Floor))
        return (x * scale).rounded() / scale
    }

    private static func pow10(_ e: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(e) { r *= 10 }
        return e < 0 ? 1 / r : r
    }

    /// The value at 0-based rank `k` of the sorted answers.
    public func value(at k: Int, in sorted: [(key: Double, value: Int)]) -> Double {
        var seen = 0
        for (v, c) in sorted {
            seen += c
            if seen > k { return v }
        }
        return sorted.last?.key ?? 0
    }

    public var sorted: [(key: Double, value: Int)] { counts.sorted { $0.key < $1.key } }

    public var median: Double? {
        guard n > 0 else { return nil }
        let s = sorted
        return n % 2 == 1 ? value(at: n / 2, in: s) : (value(at: n / 2 - 1, in: s) + value(at: n / 2, in: s)) / 2
    }

    /// The `k`th smallest and `k`th largest answers (1-based), for a range that no single
    /// answer defines.
    public func inner(_ k: Int) -> (Double, Double)? {
        guard n > 0 else { return nil }
        let s = sorted
        let i = Swift.min(n - 1, Swift.max(0, k - 1))
        return (value(at: i, in: s), value(at: n - 1 - i, in: s))
    }
}

private extension Double {
    /// floor(log10(self)) for a positive finite value, without Foundation.
    var log10Floor: Double {
        var e = 0.0
        var x = self
        while x >= 10 { x /= 10; e += 1 }
        while x < 1 { x *= 10; e -= 1 }
        return e
    }
}
