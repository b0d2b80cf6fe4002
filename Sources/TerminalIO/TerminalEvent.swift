/// What a terminal reports to the program: a key, a change of size, or a reason to leave.
///
/// Every transport (the local TTY, a remote channel, a test script) speaks in these, so the
/// drivers never learn which one they are talking to.
public enum TerminalEvent: Sendable, Equatable {
    case key(Key)
    case resized(columns: Int, rows: Int)
    /// The input is closed (the terminal went away, or a script ran out): leave, every answer is saved.
    case endOfInput
    /// A signal asked the program to stop (SIGTERM, SIGHUP, SIGINT from outside): leave, saved.
    case hangUp
}
