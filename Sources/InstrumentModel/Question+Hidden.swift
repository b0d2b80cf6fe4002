/// What a `type: hidden` question holds, read from the keys it was declared with: choices make it
/// coded like a single choice, a range or `decimals` make it a number, and otherwise it is text.
/// One reading, so that the compiler's types, the launch check and every export agree.
public enum HiddenValueKind: Sendable, Equatable {
    case choice
    case number
    case text
}

extension Question {
    /// The kind of value a hidden question holds; nil for any other type.
    public var hiddenKind: HiddenValueKind? {
        guard type == .hidden else { return nil }
        if choices?.isEmpty == false { return .choice }
        if min != nil || max != nil || decimals != nil { return .number }
        return .text
    }
}
