import Foundation
import TerminalIO

/// An SSH channel with a PTY as a `TerminalPort`: keys from the client, sizes from its PTY and
/// window-change requests, output back down the channel.
///
/// The client's own terminal is in raw mode (ssh puts it there when a PTY is requested), so the
/// bytes arrive as from a local TTY in raw mode and the drivers' output needs no translation.
/// Waiting is bounded by the session's limits: past the idle limit for one screen or the
/// session's deadline the terminal reports a hang-up, and the driver leaves, saved.
public final class ChannelTerminal: TerminalPort {
    public private(set) var columns: Int
    public private(set) var rows: Int
    private let input: ChannelInput
    private let output: @Sendable (String) -> Void
    private let clock: SessionClock
    private var queue = InputQueue()
    private let start = ProcessInfo.processInfo.systemUptime

    public init(columns: Int, rows: Int, input: ChannelInput, clock: SessionClock, output: @escaping @Sendable (String) -> Void) {
        self.columns = Self.sane(columns, fallback: 80)
        self.rows = Self.sane(rows, fallback: 24)
        self.input = input
        self.clock = clock
        self.output = output
    }

    /// A PTY may report 0 (unknown) or absurd sizes; the layout needs something usable.
    static func sane(_ value: Int, fallback: Int) -> Int {
        value <= 0 ? fallback : min(value, ServerLimits.largestTerminal)
    }

    public func write(_ text: String) { output(text) }

    public func next() -> TerminalEvent { wait(within: nil) ?? .hangUp }

    public func next(within milliseconds: Int) -> TerminalEvent? { wait(within: max(0, milliseconds)) }

    /// Milliseconds on a clock that only moves forward, for the lone-ESC wait.
    private func millis() -> Int { Int((ProcessInfo.processInfo.systemUptime - start) * 1000) }

    private func wait(within milliseconds: Int?) -> TerminalEvent? {
        let (end, limit) = clock.waitEnd(now: Date(), within: milliseconds)
        while true {
            let now = Date()
            if let event = queue.next(at: millis()) { return event }
            if now >= end {
                guard let limit else { return nil }
                clock.record(limit)
                return .hangUp
            }
            var until = end
            if let held = queue.wait(at: millis()) { until = min(until, now.addingTimeInterval(Double(held) / 1000)) }
            switch input.take(until: until) {
            case nil: continue
            case .bytes(let bytes)?: queue.feed(bytes, at: millis())
            case .resized(let c, let r)?:
                columns = Self.sane(c, fallback: columns)
                rows = Self.sane(r, fallback: rows)
                queue.post(.resized(columns: columns, rows: rows))
            case .closed?: queue.finish()
            case .hangUp?:
                clock.record(.serverStopping)
                return .hangUp
            }
        }
    }
}
