import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import InstrumentModel
import ResponseStore
import SessionEngine

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
    /// The language of every session; nil: the instrument's first, and each participant of a
    /// study in several languages chooses their own.
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

    /// The server's words before a session has a language of its own (a connection turned away,
    /// a command refused): the language given, else the instrument's first.
    var words: ParticipantWords { ParticipantWords.forLanguage(language ?? instrument.languages.first, overrides: instrument.messages) }

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
            if case .invitations(let book) = access, !book.release(pseudonym, complete: complete) {
                log.event(nil, "cannot note a finished invitation in \(Invitations.ledgerFile(of: store.layout)): its code works again after a restart")
            }
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
            // Each session's thread allocated in an arena of glibc's own, which keeps what was
            // freed for the next thread; once no session is left, it is handed back to the system,
            // so a server that took a rush of participants returns to its resting size.
            _ = Self.mallocTrim?(0)
        }
    }

    /// glibc's `malloc_trim`, which Swift's Glibc module does not show (it is in malloc.h).
    private typealias MallocTrim = @convention(c) (Int) -> Int32
    private static let mallocTrim: MallocTrim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim").map {
        unsafeBitCast($0, to: MallocTrim.self)
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
    func resumeHint(_ sessionID: String, grant: Grant, reached: SocketAddressWords, words: ParticipantWords) -> String {
        let host = publicName ?? reached.host ?? "this server"
        let port = reached.port ?? self.port
        switch grant {
        case .invited:
            return words.serveResumeInvited("ssh -p \(port) survey@\(host)")
        case .new, .resume:
            return words.serveResumeSessionCode("ssh -p \(port) resume@\(host)", code: Self.sessionCode(sessionID))
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
