import Foundation
import PromptUI

/// A PTY whose `TERM` cannot take the full screen (`dumb`) as the plain driver's lines.
///
/// With a PTY the client's terminal is in raw mode: it neither echoes nor edits, and a line end
/// moves down without returning. So the server does what a terminal's line discipline would:
/// echoes what is typed, takes Backspace, ends the line at Enter, and writes `\r\n` for every
/// line end. Ctrl-C or Ctrl-D on an empty line end the input (the session is saved and left),
/// as the end of input does under `ssh -T`.
public struct EchoingLines: LineIO {
    let input: ChannelInput
    let clock: SessionClock
    let output: @Sendable (String) -> Void
    private var ended = false

    public init(input: ChannelInput, clock: SessionClock, output: @escaping @Sendable (String) -> Void) {
        self.input = input
        self.clock = clock
        self.output = output
    }

    public mutating func write(_ text: String) {
        output(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"))
    }

    public mutating func readLine() -> String? {
        guard !ended else { return nil }
        let (end, limit) = clock.waitEnd(now: Date(), within: nil)
        var line: [UInt8] = []
        while true {
            switch input.take(until: end) {
            case nil:
                if let limit { clock.record(limit) }
                return nil
            case .bytes(let bytes)?:
                var echo: [UInt8] = []
                for byte in bytes {
                    switch byte {
                    case 0x0D, 0x0A:
                        output(String(decoding: echo, as: UTF8.self) + "\r\n")
                        return String(decoding: line, as: UTF8.self)
                    case 0x7F, 0x08:
                        // One character back: the bytes of a UTF-8 character go together.
                        while let last = line.popLast(), last & 0xC0 == 0x80 {}
                        echo += Array("\u{8} \u{8}".utf8)
                    case 0x03:
                        ended = true
                        output(String(decoding: echo, as: UTF8.self) + "\r\n")
                        return nil
                    case 0x04 where line.isEmpty:
                        ended = true
                        output(String(decoding: echo, as: UTF8.self) + "\r\n")
                        return nil
                    case 0x00..<0x20:
                        continue
                    default:
                        guard line.count < ChannelLines.longestLine else { continue }
                        line.append(byte)
                        echo.append(byte)
                    }
                }
                output(String(decoding: echo, as: UTF8.self))
            case .resized?: continue
            case .closed?:
                ended = true
                return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
            case .hangUp?:
                clock.record(.serverStopping)
                return nil
            }
        }
    }
}
