import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The local TTY as a `TerminalPort`: raw mode, the alternate screen, its size and its keys.
///
/// Everything it changes belongs to the instance (the saved settings, whether raw mode is on, the
/// descriptors), so two terminals in one process (tests on pseudo-terminals, say) never share
/// state. Signals are process-wide and stay outside: the caller may hand in the read end of
/// `ProcessSignals`' pipe, and the terminal turns what arrives there into events.
public final class Terminal: TerminalPort {
    public private(set) var columns = 80
    public private(set) var rows = 24
    /// The settings found at the start, restored exactly on `close`.
    public let saved: SavedSettings
    private let input: Int32
    private let output: Int32
    private let signals: Int32?
    private var isRaw = false
    private var queue = InputQueue()

    /// Enters raw mode and the alternate screen; nil when either descriptor is not a terminal.
    /// - Parameter signals: a descriptor that carries one byte per signal (a signal number), or nil.
    public init?(input: Int32, output: Int32, signals: Int32?) {
        var settings = termios()
        guard isatty(input) == 1, isatty(output) == 1, tcgetattr(input, &settings) == 0 else { return nil }
        self.input = input
        self.output = output
        self.signals = signals
        saved = SavedSettings(input: input, output: output, settings: settings)
        var raw = settings
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_oflag &= ~tcflag_t(OPOST)
        raw.c_cflag |= tcflag_t(CS8)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        guard tcsetattr(input, TCSAFLUSH, &raw) == 0 else { return nil }
        isRaw = true
        write(SavedSettings.enter)
        measure()
    }

    deinit { close() }

    /// Leaves the alternate screen, shows the cursor and restores the saved settings exactly.
    public func close() {
        guard isRaw else { return }
        saved.restore()
        isRaw = false
    }

    public func write(_ text: String) { Self.writeAll(Array(text.utf8), to: output) }

    /// Writes every byte to a descriptor, going on after a signal interrupts, giving up only when
    /// the other side is gone: the one loop for writing to a terminal or a pipe.
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    public func next() -> TerminalEvent {
        // Without a limit the wait only ends with an event.
        wait(milliseconds: nil) ?? .endOfInput
    }

    public func next(within milliseconds: Int) -> TerminalEvent? {
        wait(milliseconds: max(0, milliseconds))
    }

    private static func now() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return t.tv_sec * 1000 + t.tv_nsec / 1_000_000
    }

    private func measure() {
        var size = winsize()
        if ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            columns = Int(size.ws_col)
            rows = Int(size.ws_row)
        }
    }

    private func wait(milliseconds: Int?) -> TerminalEvent? {
        let deadline = milliseconds.map { Self.now() + $0 }
        while true {
            let now = Self.now()
            if let event = queue.next(at: now) { return event }
            let left = deadline.map { max(0, $0 - now) }
            if left == 0 { return nil }
            let limit = [left, queue.wait(at: now)].compactMap { $0 }.min() ?? -1
            var fds = [pollfd(fd: input, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: signals ?? -1, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, nfds_t(fds.count), Int32(limit))
            if ready < 0 {
                if errno == EINTR { continue }
                queue.finish()
                continue
            }
            if fds[1].revents & Int16(POLLIN) != 0 { readSignals() }
            if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { readInput() }
        }
    }

    private func readInput() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(input, &buffer, buffer.count)
        if n < 0 && (errno == EINTR || errno == EAGAIN) { return }
        if n <= 0 {
            queue.finish()
            return
        }
        queue.feed(Array(buffer.prefix(n)), at: Self.now())
    }

    private func readSignals() {
        guard let signals else { return }
        // One read only: poll said it will not block, and the descriptor may be a blocking one.
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(signals, &buffer, buffer.count)
        for byte in buffer.prefix(max(0, n)) {
            if Int32(byte) == SIGWINCH {
                measure()
                queue.post(.resized(columns: columns, rows: rows))
            } else {
                queue.post(.hangUp)
            }
        }
    }
}
