import Foundation
import InstrumentModel
import ResponseStore

/// What every connection of one server shares: the instrument and its store, the access rule,
/// the limits, the log and the live sessions (to stop them on SIGTERM).
public final class ServerContext: @unchecked Sendable {
    public let instrument: Instrument
    /// Opened once; each session begins or resumes its own journal in it (as concurrent
    /// `fieldwork run`s do in one folder).
    let store: InstrumentStore
    public let access: Access
    public let limits: ServerLimits
    public let log: ServerLog
    public let admission: Admission
    /// How participants reach the server, for the words that say how to come back.
    public let port: Int
    public let publicName: String?
    /// The language of every session; nil: the instrument's first.
    public let language: String?
    /// The values of hidden questions every session begins with (`serve --set`), as `LaunchValues` reads them.
    public let launchValues: [String: String]

    private let lock = NSLock()
    private var live: [Int: ChannelInput] = [:]
    /// Open surveys' sessions being continued now: a session code lets in one connection at a time.
    private var resuming: Set<String> = []
    private var nextConnection = 0
    private var stopping = false
    private let idle = NSCondition()

    public init(instrument: Instrument, store: InstrumentStore, access: Access, limits: ServerLimits, log: ServerLog,
                port: Int, publicName: String?, language: String? = nil, launchValues: [String: String] = [:]) {
        self.instrument = instrument
        self.store = store
        self.access = access
        self.limits = limits
        self.log = log
        admission = Admission(limits: limits)
        self.port = port
        self.publicName = publicName
        self.language = language
        self.launchValues = launchValues
    }

    /// Claims an interrupted session for one connection; false when another has it.
    func claimResume(_ sessionID: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return resuming.insert(sessionID).inserted
    }

    /// Lets go of what a connection was let in for (a session code, an invitation), when its
    /// session ends or the connection closes before one began.
    func release(_ grant: Grant, complete: Bool) {
        switch grant {
        case .new: break
        case .resume(let sessionID):
            lock.lock()
            resuming.remove(sessionID)
            lock.unlock()
        case .invited(let pseudonym):
            if case .invitations(let book) = access { book.release(pseudonym, complete: complete) }
        }
    }

    func newConnectionNumber() -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextConnection += 1
        return nextConnection
    }

    public var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    /// Registers a running session; false when the server is stopping (it must not start).
    func started(_ connection: Int, input: ChannelInput) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !stopping else { return false }
        live[connection] = input
        return true
    }

    func ended(_ connection: Int) {
        lock.lock()
        live[connection] = nil
        let none = live.isEmpty
        lock.unlock()
        if none {
            idle.lock()
            idle.broadcast()
            idle.unlock()
        }
    }

    public var liveSessions: Int {
        lock.lock()
        defer { lock.unlock() }
        return live.count
    }

    /// Asks every live session to leave, saved, and waits (at most `seconds`) until they have.
    public func stopSessions(waiting seconds: Double) {
        lock.lock()
        stopping = true
        let inputs = Array(live.values)
        lock.unlock()
        for input in inputs { input.hangUp() }
        let deadline = Date().addingTimeInterval(seconds)
        // Short waits, so a wake-up that came between the count and the wait is never waited out.
        while liveSessions > 0, Date() < deadline {
            idle.lock()
            _ = idle.wait(until: min(deadline, Date().addingTimeInterval(0.1)))
            idle.unlock()
        }
    }

    /// The server's address and port as one client reached them (with `--port 0` only the
    /// socket knows the port).
    struct SocketAddressWords: Sendable {
        var host: String?
        var port: Int?
    }

    /// How to come back to an interrupted session, said on the leave screen. `reached` is the
    /// address the client connected to, named when no `--public-name` was given.
    func resumeHint(_ sessionID: String, grant: Grant, reached: SocketAddressWords) -> String {
        let host = publicName ?? reached.host ?? "this server"
        let port = reached.port ?? self.port
        switch grant {
        case .invited:
            return "ssh -p \(port) survey@\(host), and your invitation code again"
        case .new, .resume:
            return "ssh -p \(port) resume@\(host), and this session code when asked for a password: \(Self.sessionCode(sessionID))"
        }
    }

    /// The part of a session's id that names it to resume on an open survey: 48 random bits,
    /// in three groups of four to be copied by hand.
    static func sessionCode(_ sessionID: String) -> String {
        let hex = Array(sessionID.prefix(12))
        return stride(from: 0, to: hex.count, by: 4).map { String(hex[$0..<min($0 + 4, hex.count)]) }.joined(separator: "-")
    }

    /// A typed session code back to the start of a session id; nil unless it is 12 hex digits.
    static func sessionPrefix(_ code: String) -> String? {
        let hex = code.lowercased().filter { $0.isHexDigit }
        let kept = code.filter { !$0.isWhitespace && $0 != "-" }
        guard hex.count == 12, kept.count == 12 else { return nil }
        return hex
    }
}
