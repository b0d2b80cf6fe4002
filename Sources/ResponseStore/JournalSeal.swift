import Crypto
import Foundation
import Sealing

/// Journals of a sealed folder. A live session's journal must be readable by the process that
/// runs it (to resume after a dropped connection) but by nobody else without the analyst's
/// identity. So each session gets a random key: its journal lines are sealed under that key
/// (ChaCha20-Poly1305), the key itself is kept in the running process's memory (`JournalKeyring`)
/// and, sealed to the study's recipient, beside the journal (`<session>.key.age`). A stolen disk
/// holds neither the key nor anything that opens it; the analyst's identity opens the key, and
/// so the journal, as a partial response.
public final class JournalKeyring: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: [String: SymmetricKey] = [:]

    public init() {}

    func key(_ sessionID: String) -> SymmetricKey? { lock.withLock { keys[sessionID] } }
    func add(_ key: SymmetricKey, for sessionID: String) { lock.withLock { keys[sessionID] = key } }
    func remove(_ sessionID: String) { _ = lock.withLock { keys.removeValue(forKey: sessionID) } }
}

/// One sealed journal's lines: each is base64 of nonce, ciphertext and tag, bound to its
/// session, so that a line cannot be moved into another session's journal.
struct JournalCipher {
    let key: SymmetricKey
    let sessionID: String

    func seal(_ line: Data) -> Data {
        // Sealing with a 256-bit key and a fresh random nonce cannot fail.
        guard let box = try? ChaChaPoly.seal(line, using: key, authenticating: Data(sessionID.utf8)), let combined = Optional(box.combined) else { return Data() }
        return Data(combined.base64EncodedString().utf8)
    }

    func open(_ line: Data) -> Data? {
        guard let combined = Data(base64Encoded: line), let box = try? ChaChaPoly.SealedBox(combined: combined) else { return nil }
        return try? ChaChaPoly.open(box, using: key, authenticating: Data(sessionID.utf8))
    }
}

extension InstrumentFolder {
    /// The journal's key, sealed to the study's recipient.
    func journalKeyFile(sessionID: String) -> String { sessions + "/" + sessionID + ".key.age" }

    /// A new session's journal key, kept in memory and written sealed beside where its journal
    /// will be, before the journal exists; nil in a folder that is not sealed.
    func newJournalCipher(sessionID: String) throws(StoreError) -> JournalCipher? {
        guard let recipient = seal.recipient else { return nil }
        let key = SymmetricKey(size: .bits256)
        let raw = key.withUnsafeBytes { Data($0) }
        try StoreIO.writeAtomically(Age.seal(raw, to: recipient), to: journalKeyFile(sessionID: sessionID))
        StoreIO.clearTimes(journalKeyFile(sessionID: sessionID))
        seal.keyring?.add(key, for: sessionID)
        return JournalCipher(key: key, sessionID: sessionID)
    }

    /// The cipher of a session's journal: nil for a journal written in the clear (no key beside
    /// it); from this process's memory, else from the sealed key opened with the identity given.
    func journalCipher(sessionID: String) -> Result<JournalCipher?, SkippedFile.Reason> {
        let keyFile = journalKeyFile(sessionID: sessionID)
        guard StoreIO.exists(keyFile) else { return .success(nil) }
        if let key = seal.keyring?.key(sessionID) { return .success(JournalCipher(key: key, sessionID: sessionID)) }
        guard let identity = seal.identity else { return .failure(.sealed) }
        do throws(AgeError) {
            let raw = try Age.open([UInt8]((try? StoreIO.read(keyFile)) ?? Data()), with: [identity])
            guard raw.count == 32 else { return .failure(.unopenable("its key is not a journal key")) }
            return .success(JournalCipher(key: SymmetricKey(data: raw), sessionID: sessionID))
        } catch {
            return .failure(.unopenable(error.description))
        }
    }

    /// Reads a journal file, opening its lines when it is sealed.
    func readJournal(_ path: String, data: Data) -> Result<JournalContents?, SkippedFile.Reason> {
        let name = (path as NSString).lastPathComponent
        let sessionID = String(name.dropLast(Self.journalSuffix.count))
        return journalCipher(sessionID: sessionID).map { cipher in
            JournalContents.read(data, open: cipher.map { c in { c.open($0) } })
        }
    }

    /// Removes a session's sealed journal key (after its journal), from disk and memory.
    func removeJournalKey(sessionID: String) throws(StoreError) {
        try StoreIO.remove(journalKeyFile(sessionID: sessionID))
        seal.keyring?.remove(sessionID)
    }
}
