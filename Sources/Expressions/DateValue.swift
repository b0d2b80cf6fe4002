import InstrumentModel

/// Calendar dates as days since 1970-01-01, with no clock and no time zone: the one date type,
/// parser and formatter, for answers, limits, `today()`, journals and timestamps alike.
///
/// Dates were once parsed and padded in several places, each with its own idea of what a date
/// looks like; one type keeps `2024-05` meaning the same in the engine, the exports and the CLI.
public enum DateValue {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` (the first of the month) or `YYYY` (the first of January).
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let year = Int(parts[0]) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : 1
        let day = parts.count > 2 ? Int(parts[2]) : 1
        guard let month, let day, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return days(year: year, month: month, day: day)
    }

    /// Parses a date written exactly at `precision` (`2024-05` is a month, not a day), so that an
    /// answer cannot be more or less precise than its question asks.
    public static func parse(_ text: String, precision: DatePrecision) -> Int? {
        text.count == length(precision) ? parse(text) : nil
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of a day count.
    public static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`.
    public static func format(_ days: Int) -> String {
        let (y, m, d) = civil(days)
        return "\(y)-\(twoDigits(m))-\(twoDigits(d))"
    }

    /// The date cut to `precision`: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    public static func format(_ days: Int, precision: DatePrecision) -> String {
        String(format(days).prefix(length(precision)))
    }

    /// The first day of the period (month or year) that `days` falls in; a day is its own period.
    /// An answer at month or year precision stands for its whole period and is compared by its start.
    public static func start(of days: Int, precision: DatePrecision) -> Int {
        let (y, m, _) = civil(days)
        switch precision {
        case .day: return days
        case .month: return Self.days(year: y, month: m, day: 1)
        case .year: return Self.days(year: y, month: 1, day: 1)
        }
    }

    /// A UTC time to the minute, `YYYY-MM-DDTHH:MMZ`: how `timestamps: minute` stores when a
    /// session started. `minute` counts from midnight.
    public static func minuteStamp(day: Int, minute: Int) -> String {
        format(day) + "T" + twoDigits(minute / 60) + ":" + twoDigits(minute % 60) + "Z"
    }

    /// The UTC minute stamp of a moment given as seconds since 1970-01-01T00:00Z.
    public static func minuteStamp(secondsSince1970 seconds: Int) -> String {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return minuteStamp(day: day, minute: (seconds - day * 86_400) / 60)
    }

    /// `7` as `07`: months, days, hours and minutes are always written with two digits.
    public static func twoDigits(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }

    private static func length(_ precision: DatePrecision) -> Int {
        switch precision {
        case .day: 10
        case .month: 7
        case .year: 4
        }
    }
}
