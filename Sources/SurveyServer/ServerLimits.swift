/// The limits that keep one server usable for everyone, each with a default and a flag.
public struct ServerLimits: Sendable, Equatable {
    /// Connections open at once; the next one is told to come back later.
    public var connections = 50
    /// New connections from one source address within a minute.
    public var perAddressPerMinute = 20
    /// Authentication attempts (typed codes) on one connection.
    public var authAttempts = 5
    /// Seconds one screen waits for a key before the session is saved and closed.
    public var idleSeconds = 15 * 60
    /// Seconds one session may last in all.
    public var sessionSeconds = 2 * 60 * 60
    /// Bytes a second the client may send (a burst of four seconds' worth is allowed, for a paste).
    public var inputBytesPerSecond = 2048
    /// Seconds from connecting to a running survey (key exchange and authentication); a slow
    /// or silent client holds a connection no longer.
    public var loginSeconds = 30
    /// How long a refused code waits before it is refused, so that guessing is slow.
    public var refusalDelayMilliseconds = 2000

    /// The most columns, and the most rows, a client's terminal is taken to have: past any real
    /// screen, and small enough that one frame drawn at that size costs little.
    public static let largestTerminal = 1000

    public init() {}

    /// `90`, `90s`, `15m` or `2h` as seconds; nil when it is none of these.
    public static func seconds(_ text: String) -> Int? {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600]
        var digits = Substring(text)
        var unit = 1
        if let last = text.last, let u = units[last] {
            unit = u
            digits = digits.dropLast()
        }
        guard let n = Int(digits), n > 0, n <= 7 * 24 * 3600 / unit else { return nil }
        return n * unit
    }
}
