import Foundation

/// Who may connect now: no more than `connections` at once, and no more than
/// `perAddressPerMinute` new ones from one address. Addresses are kept only as long as the
/// minute they count for, and only in memory.
public final class Admission: @unchecked Sendable {
    public enum Refusal: Sendable, Equatable {
        case tooManyConnections
        case tooManyFromAddress
    }

    private let limits: ServerLimits
    private let lock = NSLock()
    private var open = 0
    private var recent: [String: [Double]] = [:]

    public init(limits: ServerLimits) { self.limits = limits }

    public var openConnections: Int {
        lock.lock()
        defer { lock.unlock() }
        return open
    }

    /// Counts a new connection from `address` at `now` (seconds), or says why it is refused.
    /// An admitted connection must be `release`d when it closes.
    public func admit(_ address: String, at now: Double) -> Refusal? {
        lock.lock()
        defer { lock.unlock() }
        // Forget what is older than a minute, for every address, so the table cannot grow.
        recent = recent.compactMapValues { times in
            let kept = times.filter { now - $0 < 60 }
            return kept.isEmpty ? nil : kept
        }
        var times = recent[address] ?? []
        guard times.count < limits.perAddressPerMinute else { return .tooManyFromAddress }
        times.append(now)
        recent[address] = times
        guard open < limits.connections else { return .tooManyConnections }
        open += 1
        return nil
    }

    public func release() {
        lock.lock()
        defer { lock.unlock() }
        open = max(0, open - 1)
    }
}
