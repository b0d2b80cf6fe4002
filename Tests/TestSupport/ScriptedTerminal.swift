import TerminalIO

/// A terminal that plays back a script of input and keeps what was written.
///
/// The script's bytes go through the same `InputQueue` as the real terminal's, on a clock of the
/// script's own, so the tests see keys exactly as a transport would hand them over (split
/// sequences, the lone-ESC wait) without sleeping.
public final class ScriptedTerminal: TerminalPort {
    /// Something that arrives from the other side of the terminal.
    public enum Input: Equatable {
        /// Bytes read together.
        case bytes([UInt8])
        case resize(columns: Int, rows: Int)
        case hangUp
        case end
    }

    /// Time between two keystrokes: longer than the ESC wait, as a person types.
    public static let keystroke = 100

    public var columns: Int
    public var rows: Int
    /// What is still to come, each `after` milliseconds after the one before.
    public var script: [(after: Int, input: Input)]
    public var written = ""
    /// The script's clock, in milliseconds.
    public private(set) var now = 0
    private var lastArrival = 0
    private var queue = InputQueue()

    public init(columns: Int = 80, rows: Int = 24, _ events: [TerminalEvent]) {
        self.columns = columns
        self.rows = rows
        script = Self.typing(events)
    }

    public init(columns: Int = 80, rows: Int = 24, script: [(after: Int, input: Input)]) {
        self.columns = columns
        self.rows = rows
        self.script = script
    }

    /// Each event as one keystroke (or resize, or signal), a keystroke's time after the one before.
    public static func typing(_ events: [TerminalEvent]) -> [(after: Int, input: Input)] {
        events.map { event -> (after: Int, input: Input) in
            switch event {
            case .key(let key): (keystroke, .bytes(key.bytes))
            case .resized(let columns, let rows): (keystroke, .resize(columns: columns, rows: rows))
            case .hangUp: (keystroke, .hangUp)
            case .endOfInput: (keystroke, .end)
            }
        }
    }

    public func next() -> TerminalEvent {
        wait(until: nil) ?? .endOfInput
    }

    public func next(within milliseconds: Int) -> TerminalEvent? {
        wait(until: now + max(0, milliseconds))
    }

    public func write(_ text: String) { written += text }

    /// Moves the clock to whatever comes first (the next input, or held bytes being released);
    /// nil when that is past the deadline. The end of the script is the end of input.
    private func wait(until deadline: Int?) -> TerminalEvent? {
        while true {
            if let event = queue.next(at: now) { return event }
            let arrival = script.first.map { lastArrival + $0.after }
            let release = queue.wait(at: now).map { now + $0 }
            guard let soonest = [arrival, release].compactMap({ $0 }).min() else {
                queue.finish()
                continue
            }
            if let deadline, soonest > deadline {
                now = deadline
                return nil
            }
            now = max(now, soonest)
            if let release, release <= soonest { continue }
            lastArrival = now
            switch script.removeFirst().input {
            case .bytes(let bytes): queue.feed(bytes, at: now)
            case .resize(let c, let r):
                (columns, rows) = (c, r)
                queue.post(.resized(columns: c, rows: r))
            case .hangUp: queue.post(.hangUp)
            case .end: queue.finish()
            }
        }
    }
}

extension Key {
    /// The bytes a terminal sends for the key (as measured in tmux, raw mode).
    public var bytes: [UInt8] {
        let esc: UInt8 = 0x1B
        func csi(_ tail: String) -> [UInt8] { [esc, UInt8(ascii: "[")] + Array(tail.utf8) }
        switch self {
        case .character(let c): return Array(String(c).utf8)
        case .enter: return [0x0D]
        case .tab: return [0x09]
        case .shiftTab: return csi("Z")
        case .backspace: return [0x7F]
        case .delete: return csi("3~")
        case .escape: return [esc]
        case .up: return csi("A")
        case .down: return csi("B")
        case .right: return csi("C")
        case .left: return csi("D")
        case .home: return csi("H")
        case .end: return csi("F")
        case .pageUp: return csi("5~")
        case .pageDown: return csi("6~")
        case .f1: return [esc, UInt8(ascii: "O"), UInt8(ascii: "P")]
        case .ctrl(let c): return [(c.asciiValue ?? 0x60) - 0x60]
        // As a terminal in bracketed-paste mode sends it, line breaks as CR.
        case .paste(let text): return csi("200~") + Array(text.replacingOccurrences(of: "\n", with: "\r").utf8) + csi("201~")
        case .unknown: return csi("99~")
        }
    }
}
