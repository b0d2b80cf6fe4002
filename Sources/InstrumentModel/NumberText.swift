import Foundation

/// The one way a stored number becomes text: in compiled instruments, response records, CSV
/// cells, codebooks, piped answers and messages.
///
/// A number spelled two ways is a drift the data carry: `3` in the JSON and `3.0` in a CSV, or
/// `1e-05` in one export and `0.00001` in another, read as different values by people and by
/// tools that compare text. So every stored number goes through `canonical`; rounding for a
/// reader's eyes (a summary's means and percentages) is `display`, kept apart and named so.
public enum NumberText {
    /// Whole numbers as integers (no `.0`); others in the shortest digits that read back as the
    /// same `Double`, written out in full, never with an exponent.
    ///
    /// Numbers that are not finite have no canonical text (JSON has none either); the engine
    /// never stores one, so they are spelled as Swift does, to be seen rather than hidden.
    public static func canonical(_ n: Double) -> String {
        guard n.isFinite else { return n.description }
        // Every double of 2^53 or more is whole, so this range covers the large ones exactly.
        if n == n.rounded(), abs(n) < 9e18 { return String(Int64(n)) }
        return expanded(n.description)
    }

    /// How many digits a number has after its decimal point, as `canonical` writes it.
    public static func decimalPlaces(_ n: Double) -> Int {
        let text = canonical(n)
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: point, to: text.endIndex) - 1
    }

    /// A number rounded for a reader (a summary's means, spreads and shares): whole numbers as
    /// integers, others with exactly `decimals` decimals. Never for a stored value.
    public static func display(_ n: Double, decimals: Int) -> String {
        guard n.isFinite else { return n.description }
        if n == n.rounded(), abs(n) < 1e12 { return String(Int64(n)) }
        return String(format: "%.\(decimals)f", n)
    }

    /// `1e-05` as `0.00001` and `2.5e+20` as `250000000000000000000`: Swift's shortest digits
    /// with the decimal point moved by the exponent.
    private static func expanded(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return text
        }
        var mantissa = Substring(text[..<e])
        let sign = mantissa.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { mantissa = mantissa.dropFirst() }
        let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        let digits = mantissa.filter { $0 != "." }
        let at = point + exponent
        if at <= 0 { return sign + "0." + String(repeating: "0", count: -at) + digits }
        if at >= digits.count { return sign + digits + String(repeating: "0", count: at - digits.count) }
        return sign + digits.prefix(at) + "." + digits.dropFirst(at)
    }
}

/// The numbers every store and reader keeps exactly: JSON readers that use doubles, SPSS, Stata
/// and R all keep whole numbers up to 2^53 and 15 significant digits. An answer or a calculation
/// beyond ±10^15 is refused or left empty rather than stored changed.
public enum NumberLimits {
    public static let largest = 1e15

    public static func keepsExactly(_ n: Double) -> Bool { n.isFinite && abs(n) <= largest }
}
