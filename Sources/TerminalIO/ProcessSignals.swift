#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// The process's signal handling: signals as bytes on a pipe, and the terminal restored on a crash
/// or at exit.
///
/// Why one place: signal dispositions, the pipe a handler may write to and the settings a handler
/// restores are state of the whole process, which a handler (a C function that captures nothing)
/// can only reach through globals. Keeping them here, used only by the local entry point, leaves
/// `Terminal` and the drivers free of process-wide state, so other transports and tests never
/// touch it.
public enum ProcessSignals {
    /// The read end of the self-pipe, carrying one byte (the signal number) per signal; nil until
    /// `listen` has been called.
    public static var descriptor: Int32? { signalPipe.read >= 0 ? signalPipe.read : nil }

    /// From now on each of `signals` writes its number to the pipe instead of its default action;
    /// returns the pipe's read end for an event loop to poll. Bytes left from before are dropped.
    public static func listen(to signals: [Int32]) -> Int32? {
        if signalPipe.read < 0 {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { return nil }
            for fd in fds {
                _ = fcntl(fd, F_SETFL, O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            signalPipe = (fds[0], fds[1])
        }
        var byte: UInt8 = 0
        while read(signalPipe.read, &byte, 1) == 1 {}
        unblock(signals)
        for s in signals {
            signal(s) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = Glibc.write(signalPipe.write, &byte, 1)
            }
        }
        return signalPipe.read
    }

    /// Gives `signals` their default action back (the pipe stays, for a later `listen`).
    public static func stopListening(to signals: [Int32]) {
        for s in signals { signal(s, SIG_DFL) }
    }

    /// A process may start with signals blocked (inherited from whatever launched it); the ones
    /// we rely on are unblocked, or a resize or a hang-up would never be seen.
    public static func unblock(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for s in signals { sigaddset(&set, s) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Until `release`, a crash or an exit that skips the normal path restores these settings,
    /// so the participant's terminal is never left unusable.
    public static func restoreOnExit(_ settings: SavedSettings) {
        guarded = settings
        guard !crashHandlersInstalled else { return }
        crashHandlersInstalled = true
        for s in [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE] {
            signal(s) { number in
                restoreGuardedTerminal()
                signal(number, SIG_DFL)
                raise(number)
            }
        }
        atexit { restoreGuardedTerminal() }
    }

    /// The terminal was closed the normal way: nothing is left to restore.
    public static func release() {
        guarded = nil
    }
}

nonisolated(unsafe) private var signalPipe: (read: Int32, write: Int32) = (-1, -1)
nonisolated(unsafe) private var guarded: SavedSettings?
nonisolated(unsafe) private var crashHandlersInstalled = false

/// Async-signal-safe: restores at most once, with write and tcsetattr only. A free function, as a
/// signal handler may call nothing that captures context.
private func restoreGuardedTerminal() {
    guard let settings = guarded else { return }
    guarded = nil
    settings.restore()
}
