import Expressions
import InstrumentModel
import YAMLTree

/// The limits of `time` and `datetime` questions, read as the limits of a date are.
extension InstrumentDecoder {
    /// `min`/`max` of a time (`"06:00"`) or a datetime (`"2024-05-01T09:00"` or `today`). A plain
    /// `9:00` is refused with the fix, quotes and two digits: besides not being HH:MM, YAML 1.1
    /// readers take it for the base-60 number 540. A plain `22:30` is a time as Fieldwork and
    /// editors (YAML 1.2) read it, so it is accepted as a quoted one is.
    mutating func decodeClock(_ q: inout Question, _ map: MapReader) {
        let isTime = q.type == .time
        var bounds: [String: Int] = [:]
        for key in ["min", "max"] {
            guard let n = map[key], let s = string(n, what: key) else { continue }
            if case .scalar(let scalar) = n, scalar.style == .plain, isTime, Self.isSexagesimal(s), ClockTime.parse(s) == nil,
               let padded = Self.padded(s) {
                diagnostics.error(.invalidValue, "'\(key)' is \(s) without quotes, which YAML 1.1 reads as a number in base 60",
                                  hint: "write the time in quotes, as HH:MM: \(key): \"\(padded)\"", on: n)
                continue
            }
            if !isTime, s == "today" {
                key == "min" ? (q.dateMin = s) : (q.dateMax = s)
                continue
            }
            let value = isTime ? ClockTime.parse(s) : DateTimeValue.parse(s)
            guard let value else {
                let wanted = isTime ? "a time written HH:MM on a 24-hour clock, such as '06:00'"
                    : "a date and time written YYYY-MM-DDTHH:MM, such as '2024-05-01T09:00', or 'today'"
                diagnostics.error(.invalidValue, "'\(key)' should be \(wanted), but it is '\(s)'", hint: Self.clockHint(s, isTime: isTime), on: n)
                continue
            }
            bounds[key] = value
            key == "min" ? (q.dateMin = s) : (q.dateMax = s)
        }
        if let lo = bounds["min"], let hi = bounds["max"], lo > hi, let n = map["min"] {
            diagnostics.error(.minAboveMax, "'min' (\(q.dateMin ?? "")) is after 'max' (\(q.dateMax ?? ""))",
                              hint: isTime ? "swap them, or correct one of them; a time cannot span midnight" : "swap them, or correct one of them", on: n)
        }
    }

    /// YAML 1.1's base-60 integer: `9:00`, `10:30`, `1:02:03` (a leading zero makes it a string).
    static func isSexagesimal(_ s: String) -> Bool {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, let first = parts.first?.first, first != "0", first.isNumber else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
            && parts.dropFirst().allSatisfy { $0.count <= 2 && (Int($0) ?? 60) < 60 }
    }

    /// `9:00` as `09:00`: the padded form the author most likely meant; nil when padding would
    /// not make a time of it (`25:00` is said to be out of range instead).
    private static func padded(_ s: String) -> String? {
        let parts = s.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 else { return nil }
        return ClockTime.format(h * 60 + m)
    }

    /// The likely slip in a limit that is not a time: an hour past 23, a missing zero, a space.
    private static func clockHint(_ s: String, isTime: Bool) -> String? {
        let clock = isTime ? s : String(s.split(whereSeparator: { $0 == "T" || $0 == " " }).last ?? "")
        if clock == "24:00" { return "a day's last minute is 23:59; 24:00 is no time" }
        let parts = clock.split(separator: ":")
        if parts.count == 2, let h = Int(parts[0]), h > 23 { return "hours run from 00 to 23" }
        if parts.count == 2, let m = Int(parts[1]), m > 59 { return "minutes run from 00 to 59" }
        if !isTime, s.contains(" ") { return "join the date and the time with 'T': \(s.replacingOccurrences(of: " ", with: "T"))" }
        if parts.count == 2, parts[0].count == 1 { return "write the hour with two digits: 0\(clock)" }
        return nil
    }
}
