/// What the drivers need of a terminal: its size, its events and a way to write to it.
///
/// A protocol so that the local TTY, a remote channel and the scripted terminal of the tests are
/// interchangeable conformers. It has no default implementations: a conformer that silently
/// dropped the time limit of `next(within:)` would stop the interviewer's clock, so each one
/// says what it does.
public protocol TerminalPort: AnyObject {
    var columns: Int { get }
    var rows: Int { get }
    /// Waits for the next event, however long it takes.
    func next() -> TerminalEvent
    /// Waits at most `milliseconds` for the next event; nil when none came (for a clock on screen).
    func next(within milliseconds: Int) -> TerminalEvent?
    func write(_ text: String)
}
