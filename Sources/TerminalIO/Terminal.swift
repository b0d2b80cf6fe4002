import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// What a terminal reports to the program: a key, or a change of size.
public enum TerminalEvent: Sendable, Equatable {
    case key(Key)
    case resized(columns: Int, rows: Int)
    /// SIGTERM or SIGHUP: leave now (every answer is already saved).
    case hangUp
}

/// The saved settings, kept where a signal handler can reach them to restore the terminal.
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var terminalIsRaw = false
/// Written by signal handlers, read by the event loop: the self-pipe trick.
nonisolated(unsafe) private var signalPipe: (read: Int32, write: Int32) = (-1, -1)

/// The only place that touches the terminal: raw mode, the alternate screen, size and signals.
/// It restores the exact saved settings on every way out: `close`, an error, or a signal.
public final class Terminal {
    public private(set) var columns = 80
    public private(set) var rows = 24
    private var decoder = KeyDecoder()
    private var queued: [TerminalEvent] = []

    /// Enters raw mode and the alternate screen; fails when standard input or output is not a terminal.
    public init?() {
        guard isatty(0) == 1, isatty(1) == 1, tcgetattr(0, &savedTermios) == 0 else { return nil }
        var raw = savedTermios
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_oflag &= ~tcflag_t(OPOST)
        raw.c_cflag |= tcflag_t(CS8)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        guard tcsetattr(0, TCSAFLUSH, &raw) == 0 else { return nil }
        terminalIsRaw = true
        var fds: [Int32] = [0, 0]
        if pipe(&fds) == 0 {
            signalPipe = (fds[0], fds[1])
            _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
            _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        }
        Terminal.unblock([SIGWINCH, SIGTERM, SIGHUP])
        for s in [SIGWINCH, SIGTERM, SIGHUP] {
            signal(s) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = Glibc.write(signalPipe.write, &byte, 1)
            }
        }
        // A crash must not leave the participant's terminal unusable.
        for s in [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE] {
            signal(s) { number in
                Terminal.restoreFromSignal()
                signal(number, SIG_DFL)
                raise(number)
            }
        }
        atexit { Terminal.restoreFromSignal() }
        write("\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J")
        measure()
    }

    deinit { close() }

    /// A process may start with signals blocked (inherited from whatever launched it); the ones
    /// we rely on are unblocked, or a resize or a hang-up would never be seen.
    public static func unblock(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for s in signals { sigaddset(&set, s) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Leaves the alternate screen, shows the cursor and restores the saved settings exactly.
    public func close() {
        guard terminalIsRaw else { return }
        write("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l")
        Terminal.restoreFromSignal()
        for s in [SIGWINCH, SIGTERM, SIGHUP] { signal(s, SIG_DFL) }
    }

    /// Async-signal-safe: only tcsetattr and write.
    static func restoreFromSignal() {
        guard terminalIsRaw else { return }
        let reset = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"
        _ = reset.withCString { Glibc.write(1, $0, strlen($0)) }
        _ = tcsetattr(0, TCSAFLUSH, &savedTermios)
        terminalIsRaw = false
    }

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(1, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    private static func now() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return t.tv_sec * 1000 + t.tv_nsec / 1_000_000
    }

    private func measure() {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            columns = Int(size.ws_col)
            rows = Int(size.ws_row)
        }
    }

    /// Waits for the next key, resize or hang-up.
    public func next() -> TerminalEvent {
        // Without a limit the wait only ends with an event.
        wait(milliseconds: -1) ?? .hangUp
    }

    /// Waits at most `milliseconds` for the next event (for a clock on screen); nil when none came.
    public func next(within milliseconds: Int) -> TerminalEvent? {
        wait(milliseconds: max(0, milliseconds))
    }

    private func wait(milliseconds: Int) -> TerminalEvent? {
        let deadline = milliseconds < 0 ? nil : Self.now() + milliseconds
        while true {
            if !queued.isEmpty { return queued.removeFirst() }
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: signalPipe.read, events: Int16(POLLIN), revents: 0)]
            let left = deadline.map { max(0, $0 - Self.now()) }
            // A lone ESC becomes Escape after 50 ms with nothing following it.
            let limit = decoder.isWaiting ? min(50, left ?? 50) : (left ?? -1)
            let ready = poll(&fds, 2, Int32(limit))
            if ready < 0 {
                if errno == EINTR { continue }
                return .hangUp
            }
            if ready == 0 {
                queued += decoder.flush().map(TerminalEvent.key)
                if queued.isEmpty, let deadline, Self.now() >= deadline { return nil }
                continue
            }
            if fds[1].revents & Int16(POLLIN) != 0 {
                var byte: UInt8 = 0
                while read(signalPipe.read, &byte, 1) == 1 {
                    if Int32(byte) == SIGWINCH {
                        measure()
                        queued.append(.resized(columns: columns, rows: rows))
                    } else {
                        queued.append(.hangUp)
                    }
                }
            }
            if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = read(0, &buffer, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return .hangUp }
                queued += decoder.feed(Array(buffer.prefix(n))).map(TerminalEvent.key)
            }
        }
    }
}
