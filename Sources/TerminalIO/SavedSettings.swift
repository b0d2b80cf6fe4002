#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A terminal's settings as found before raw mode, and how to put them back.
///
/// A value apart from `Terminal` so that `ProcessSignals` can keep a copy and restore the terminal
/// from a signal handler or at exit, where only async-signal-safe calls (write, tcsetattr) may run.
public struct SavedSettings: @unchecked Sendable {
    /// Alternate screen on, cursor hidden, bracketed paste on (so that a paste arrives whole,
    /// never as keys that move on or submit), screen cleared.
    public static let enter = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[?2004h\u{1B}[H\u{1B}[2J"

    /// The undoing of `enter`: colours reset, bracketed paste off, cursor shown, alternate screen
    /// left. Public for transports with no settings of their own to restore (an SSH channel).
    public static let leave = "\u{1B}[0m\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l"

    public let input: Int32
    public let output: Int32
    let settings: termios

    /// Resets colours, shows the cursor, leaves the alternate screen, and restores the settings exactly.
    /// Async-signal-safe: only write and tcsetattr.
    public func restore() {
        let reset: StaticString = "\u{1B}[0m\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l"
        _ = Glibc.write(output, reset.utf8Start, reset.utf8CodeUnitCount)
        var settings = settings
        _ = tcsetattr(input, TCSAFLUSH, &settings)
    }
}
