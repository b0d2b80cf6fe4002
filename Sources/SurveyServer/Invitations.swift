import Foundation
import ResponseStore

/// The invitation codes of a study, held only as pseudonyms: the codes are read from the
/// operator's file at start and never kept, in memory or on disk, past that.
///
/// A code works once for a new session and again to resume it: it is refused once its response
/// is complete, and while its session is live on another connection.
///
/// A sealed server cannot read its finished responses back to learn which codes are used up, so
/// each finished invitation is also noted in a ledger beside them: one tag a line, a keyed hash of
/// the pseudonym (never the code or the pseudonym itself), read again when the server restarts.
public final class Invitations: @unchecked Sendable {
    private let key: StudyKey
    private let valid: Set<String>
    private let lock = NSLock()
    private var completed: Set<String>
    private var live: Set<String> = []
    private let ledger: String?

    public var count: Int { valid.count }

    /// - Parameters:
    ///   - text: the file's text: one code a line; blank lines and lines starting with `#` are skipped.
    ///   - completed: the pseudonyms whose responses are already complete.
    ///   - ledger: the file that notes finished invitations (`ledgerFile(of:)`); nil keeps none.
    public init(text: String, key: StudyKey, completed: Set<String>, ledger: String? = nil) {
        self.key = key
        let valid = Set(text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { key.pseudonym(for: $0) })
        self.valid = valid
        self.ledger = ledger
        let noted = Set((ledger.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? "").split(separator: "\n").map(String.init))
        self.completed = completed.union(valid.filter { noted.contains(Self.tag($0, key: key)) })
    }

    /// Where a folder's ledger of finished invitations is kept.
    public static func ledgerFile(of folder: InstrumentFolder) -> String { folder.path + "/invitations-used.txt" }

    /// A finished invitation as the ledger holds it: keyed by the study key, so that the ledger
    /// alone names no pseudonym that a response (read with the identity) could be matched to.
    private static func tag(_ pseudonym: String, key: StudyKey) -> String { key.pseudonym(for: "used " + pseudonym) }

    /// The pseudonym a code stands for, claimed for one live session; nil when the code is not
    /// one of the study's, its response is complete, or its session is live elsewhere (which
    /// the caller must not tell apart).
    public func claim(_ code: String) -> String? {
        let pseudonym = key.pseudonym(for: code)
        lock.lock()
        defer { lock.unlock() }
        guard valid.contains(pseudonym), !completed.contains(pseudonym), !live.contains(pseudonym) else { return nil }
        live.insert(pseudonym)
        return pseudonym
    }

    /// The session of `pseudonym` ended; `complete` when its response was written (or declined).
    /// False when the ledger could not be written (the code is used up until the server restarts).
    @discardableResult
    public func release(_ pseudonym: String, complete: Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        live.remove(pseudonym)
        guard complete, completed.insert(pseudonym).inserted, let ledger else { return true }
        return Self.append(Self.tag(pseudonym, key: key) + "\n", to: ledger)
    }

    /// Adds a line to the ledger (owner-only, created when missing), flushed to disk.
    private static func append(_ line: String, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let written = line.withCString { write(fd, $0, strlen($0)) }
        return written == line.utf8.count && fsync(fd) == 0
    }

    /// The pseudonyms of the finished responses in an instrument's folder.
    public static func completed(in folder: InstrumentFolder) -> Set<String> {
        var found: Set<String> = []
        folder.eachResponseFile { _, bytes in
            if let pseudonym = StoredResponse.read(bytes)?.pseudonym { found.insert(pseudonym) }
        }
        return found
    }
}

/// Who may take the survey: anyone (an open survey), or holders of an invitation code.
public enum Access: Sendable {
    case open
    case invitations(Invitations)
}

/// What a connection was let in for.
public enum Grant: Sendable, Equatable {
    /// A new session (open survey).
    case new
    /// An invited participant: resume their session if one is interrupted, else begin one.
    case invited(pseudonym: String)
    /// An open survey's interrupted session, named by the code its leave screen showed.
    case resume(sessionID: String)
}
