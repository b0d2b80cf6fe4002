import Foundation
import PromptUI

/// An SSH channel without a PTY (`ssh -T`) as the plain driver's lines.
///
/// The client's terminal stays in its normal mode, echoing and editing the line itself, so a
/// line arrives whole when Enter is pressed; output goes out as it is. The session's limits end
/// a wait as the end of input does (the session is saved and left).
public struct ChannelLines: LineIO {
    let input: ChannelInput
    let clock: SessionClock
    let output: @Sendable (String) -> Void
    /// Longest line kept; the rest of a longer one is dropped (no answer is that long, and an
    /// endless line must not grow memory).
    static let longestLine = 64 * 1024
    private var pending: [UInt8] = []
    private var ended = false

    public init(input: ChannelInput, clock: SessionClock, output: @escaping @Sendable (String) -> Void) {
        self.input = input
        self.clock = clock
        self.output = output
    }

    public mutating func write(_ text: String) { output(text) }

    public mutating func readLine() -> String? {
        let (end, limit) = clock.waitEnd(now: Date(), within: nil)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if ended {
                guard !pending.isEmpty else { return nil }
                defer { pending.removeAll() }
                return String(decoding: pending, as: UTF8.self)
            }
            switch input.take(until: end) {
            case nil:
                if let limit { clock.record(limit) }
                return nil
            case .bytes(let bytes)?:
                pending += bytes
                if pending.count > Self.longestLine, !pending.contains(UInt8(ascii: "\n")) {
                    pending.removeLast(pending.count - Self.longestLine)
                }
            case .resized?: continue
            case .closed?: ended = true
            case .hangUp?:
                clock.record(.serverStopping)
                return nil
            }
        }
    }
}
