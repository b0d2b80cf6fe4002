/// Clock times as minutes since midnight, `HH:MM` on a 24-hour clock: the one time type, parser
/// and formatter, for answers, limits and comparisons alike, as `DateValue` is for dates.
///
/// A time has no date and no zone: it is the participant's own clock ("when do you usually
/// wake up?"), so `23:59` and `00:00` are the two ends of one day and `24:00` is no time at all.
public enum ClockTime {
    /// The minutes in a day; a time is below it.
    public static let minutesPerDay = 24 * 60

    /// Parses exactly `HH:MM` (two digits each, 00:00 to 23:59), as the store writes a time.
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    /// `HH:MM`.
    public static func format(_ minutes: Int) -> String {
        DateValue.twoDigits(minutes / 60) + ":" + DateValue.twoDigits(minutes % 60)
    }
}

/// A date and a clock time with no zone and no seconds, `YYYY-MM-DDTHH:MM`, as minutes since
/// 1970-01-01T00:00: the participant's local civil time ("when did the symptoms start?").
///
/// It is kept without a zone on purpose: the answer is what the participant read on their own
/// clock, and adding the interviewer's or the server's zone would invent a precision nobody gave.
public enum DateTimeValue {
    /// Parses exactly `YYYY-MM-DDTHH:MM`, as the store writes it.
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 10, let day = DateValue.parse(String(parts[0])),
              let minute = ClockTime.parse(String(parts[1])) else { return nil }
        return day * ClockTime.minutesPerDay + minute
    }

    /// `YYYY-MM-DDTHH:MM`.
    public static func format(_ minutes: Int) -> String {
        let day = floorDay(minutes)
        return DateValue.format(day) + "T" + ClockTime.format(minutes - day * ClockTime.minutesPerDay)
    }

    /// A stored datetime as a participant reads and types it, with a space for the `T`:
    /// `2024-05-01 09:00`. Any other text is returned as it is.
    public static func readable(_ text: String) -> String {
        parse(text) == nil ? text : text.replacingOccurrences(of: "T", with: " ")
    }

    /// The first minute of a day (`min: today` on a datetime).
    public static func startOf(day: Int) -> Int { day * ClockTime.minutesPerDay }

    /// The last minute of a day (`max: today` on a datetime: any time today).
    public static func endOf(day: Int) -> Int { (day + 1) * ClockTime.minutesPerDay - 1 }

    /// The day a minute falls in, counting back for moments before 1970.
    public static func floorDay(_ minutes: Int) -> Int {
        minutes >= 0 ? minutes / ClockTime.minutesPerDay : (minutes - ClockTime.minutesPerDay + 1) / ClockTime.minutesPerDay
    }
}
