import Foundation

/// Why a session's input ended that was not the participant's doing.
public enum SessionStop: Sendable, Equatable {
    /// No key for the idle limit on one screen.
    case idle(seconds: Int)
    /// The session's total time ran out.
    case sessionTime(seconds: Int)
    /// More input per second than a person types.
    case inputRate
    /// The server is stopping.
    case serverStopping
}

/// The time limits of one session: how long one screen may wait for a key, and the whole
/// session's deadline. Shared (a class) by the terminal or lines that wait and the session that
/// reports why it ended.
public final class SessionClock: @unchecked Sendable {
    public let idleSeconds: Int
    public let deadline: Date
    private let sessionSeconds: Int
    private let lock = NSLock()
    private var stopped: SessionStop?

    public init(idleSeconds: Int, sessionSeconds: Int, now: Date = Date()) {
        self.idleSeconds = idleSeconds
        self.sessionSeconds = sessionSeconds
        deadline = now.addingTimeInterval(TimeInterval(sessionSeconds))
    }

    /// Why the session was stopped, if a limit (or the server) stopped it.
    public var stop: SessionStop? {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    public func record(_ stop: SessionStop) {
        lock.lock()
        defer { lock.unlock() }
        if stopped == nil { stopped = stop }
    }

    /// When a wait that began now must end: the idle limit or the session's deadline, whichever
    /// comes first, or sooner when the caller asked for less (`within`).
    func waitEnd(now: Date, within milliseconds: Int?) -> (end: Date, limit: SessionStop?) {
        let idleEnd = now.addingTimeInterval(TimeInterval(idleSeconds))
        var end = idleEnd
        var limit: SessionStop? = .idle(seconds: idleSeconds)
        if deadline < end {
            end = deadline
            limit = .sessionTime(seconds: sessionSeconds)
        }
        if let milliseconds {
            let asked = now.addingTimeInterval(Double(milliseconds) / 1000)
            if asked <= end {
                end = asked
                limit = nil
            }
        }
        return (end, limit)
    }
}
