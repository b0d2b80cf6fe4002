import InstrumentModel

/// The range of the numbers an instrument may hold, so that every writer and reader keeps them exactly.
///
/// A choice code travels through the compiled JSON, the responses, and the SPSS, Stata and R
/// scripts, and each of them has to give back the same whole number. A code of
/// 9223372036854775807 passed `check` and then came back from a `Double` as 9.223372036854776e+18,
/// and codes above 2^53 collided. Stata's `long` is the narrowest integer type among the
/// targets (−2,147,483,647 to 2,147,483,620; the codes above are its missing values), and it is
/// also within R's integers (±2,147,483,647) and SPSS's doubles, so codes are bounded by it.
/// Other numbers (a number question's `min` and `max`, `minutes`, the numbers written in
/// conditions) are doubles everywhere, and exact up to 2^53 ≈ 9.007 × 10^15, so they are bounded
/// by 10^15, which keeps every whole number and leaves room for a decimal or two below that.
public enum InstrumentNumbers {
    /// The lowest choice code (and scale point): the lowest value of Stata's `long`.
    public static let minCode = -2_147_483_647
    /// The highest choice code (and scale point): the highest value of Stata's `long`.
    public static let maxCode = 2_147_483_620
    /// The largest magnitude of any other number in an instrument.
    public static let maxMagnitude = NumberLimits.largest

    /// The code range as `check` words it.
    public static let codeRangeText = "-2,147,483,647 to 2,147,483,620"
    /// `maxMagnitude` as `check` words it.
    public static let limitText = "1,000,000,000,000,000"

    /// Whether a choice code is within the range every export format keeps exactly.
    public static func isCode(_ n: Int) -> Bool { (minCode...maxCode).contains(n) }

    /// Whether a number is finite and within ±`maxMagnitude`.
    public static func isInRange(_ n: Double) -> Bool { NumberLimits.keepsExactly(n) }
}
