import Foundation
import ResponseStore

/// The invitation codes of a study, held only as pseudonyms: the codes are read from the
/// operator's file at start and never kept, in memory or on disk, past that.
///
/// A code works once for a new session and again to resume it: it is refused once its response
/// is complete, and while its session is live on another connection.
public final class Invitations: @unchecked Sendable {
    private let key: StudyKey
    private let valid: Set<String>
    private let lock = NSLock()
    private var completed: Set<String>
    private var live: Set<String> = []

    public var count: Int { valid.count }

    /// - Parameters:
    ///   - text: the file's text: one code a line; blank lines and lines starting with `#` are skipped.
    ///   - completed: the pseudonyms whose responses are already complete.
    public init(text: String, key: StudyKey, completed: Set<String>) {
        self.key = key
        valid = Set(text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { key.pseudonym(for: $0) })
        self.completed = completed
    }

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
    public func release(_ pseudonym: String, complete: Bool) {
        lock.lock()
        defer { lock.unlock() }
        live.remove(pseudonym)
        if complete { completed.insert(pseudonym) }
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
