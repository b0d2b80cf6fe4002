/// A token bucket for the bytes a client sends: a person types a few bytes a second and pastes
/// a paragraph now and then; a flood of input is refused before it reaches a session.
public struct InputRate: Sendable {
    public let bytesPerSecond: Double
    public let burst: Double
    private var tokens: Double
    private var last: Double?

    public init(bytesPerSecond: Int) {
        self.bytesPerSecond = Double(bytesPerSecond)
        burst = Double(bytesPerSecond) * 4
        tokens = burst
    }

    /// Whether `bytes` more may come at `now` (seconds on a clock that only moves forward).
    public mutating func allow(_ bytes: Int, at now: Double) -> Bool {
        if let last { tokens = min(burst, tokens + (now - last) * bytesPerSecond) }
        last = now
        tokens -= Double(bytes)
        return tokens >= 0
    }
}
