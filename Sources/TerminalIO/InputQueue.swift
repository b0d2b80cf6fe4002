/// Turns bytes from any transport into events, in order, with the lone-ESC rule applied.
///
/// Why a queue of its own: the bytes of one key can arrive in several reads (a UTF-8 character, an
/// arrow's `ESC [ A`), and a lone ESC is Escape only when nothing follows it within a short wait.
/// Keeping that here, with time passed in by the caller, lets the local TTY, a remote channel and
/// a test script share one rule and test it without a clock. Times are milliseconds on any clock
/// that only moves forward.
public struct InputQueue: Sendable {
    /// How long held bytes (a lone ESC, the start of a sequence) wait for the rest.
    public static let escapeWait = 50

    private var decoder = KeyDecoder()
    private var ready: [TerminalEvent] = []
    /// When the bytes the decoder holds last grew; nil when it holds none.
    private var heldSince: Int?
    private var ended = false

    public init() {}

    /// Bytes as they were read; keys that are complete become ready at once.
    public mutating func feed(_ bytes: [UInt8], at now: Int) {
        ready += decoder.feed(bytes).map(TerminalEvent.key)
        heldSince = decoder.isWaiting ? now : nil
    }

    /// An event that is not made of bytes (a resize, a signal), queued after what is ready.
    public mutating func post(_ event: TerminalEvent) {
        ready.append(event)
    }

    /// The input closed: what is held is taken as it stands, then every call yields `endOfInput`.
    public mutating func finish() {
        release()
        ended = true
    }

    /// The next event at `now`; held bytes are released once they have waited `escapeWait`.
    public mutating func next(at now: Int) -> TerminalEvent? {
        if let heldSince, now - heldSince >= Self.escapeWait { release() }
        if !ready.isEmpty { return ready.removeFirst() }
        return ended ? .endOfInput : nil
    }

    /// How long a transport may wait for input before `next(at:)` could yield something anyway;
    /// nil when only new input (or a posted event) can.
    public func wait(at now: Int) -> Int? {
        if !ready.isEmpty || ended { return 0 }
        return heldSince.map { max(0, $0 + Self.escapeWait - now) }
    }

    private mutating func release() {
        ready += decoder.flush().map(TerminalEvent.key)
        heldSince = nil
    }
}
