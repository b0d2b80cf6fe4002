import Expressions
import InstrumentModel

/// The limits of a `time` or `datetime` question as numbers to compare: minutes since midnight
/// for a time, minutes since 1970 for a datetime, where `today` means from the first minute of
/// today (`min`) or up to its last (`max`), so `max: today` accepts any time today.
public struct ClockLimits: Sendable, Equatable {
    public var min: Int?
    public var max: Int?

    public init(_ q: Question, today: Int) {
        min = Self.bound(q.dateMin, of: q.type, today: today, isMax: false)
        max = Self.bound(q.dateMax, of: q.type, today: today, isMax: true)
    }

    /// A stored answer or an ISO limit as a number, by the question's type.
    public static func value(_ text: String, of type: QuestionType) -> Int? {
        type == .time ? ClockTime.parse(text) : DateTimeValue.parse(text)
    }

    static func bound(_ text: String?, of type: QuestionType, today: Int, isMax: Bool) -> Int? {
        guard let text else { return nil }
        if text == "today", type == .datetime { return isMax ? DateTimeValue.endOf(day: today) : DateTimeValue.startOf(day: today) }
        return value(text, of: type)
    }
}
