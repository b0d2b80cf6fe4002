import SessionEngine
import TerminalIO

/// Waiting for a key on a shared device: after the instrument's `idle_minutes` without one, the
/// session is left as Ctrl-C then `y` leaves it (saved, drafts too), so that the next person at
/// the screen does not find the last one's answers on it.
extension FullScreenDriver {
    /// The next event, or nil once `settings.idle_minutes` have passed without one (which is then
    /// remembered in `leftIdle`, for the runner to clear the screen).
    mutating func nextEvent(_ session: Session) -> TerminalEvent? {
        idleMinutes = session.instrument.settings.idleMinutes
        return nextEvent()
    }

    /// The same, by the limit of the session last shown: the question "Leave now?" and the
    /// closing screen are left alone as well.
    mutating func nextEvent() -> TerminalEvent? {
        guard let minutes = idleMinutes else { return terminal.next() }
        if let event = terminal.next(within: minutes * 60_000) { return event }
        leftIdle = true
        return nil
    }
}
