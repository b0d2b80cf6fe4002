import Foundation
import Sealing

/// A sealed folder: its finished responses, identifying records and journal keys are age files
/// sealed to the study's recipient, so that the folder alone (a stolen disk, a server) reveals
/// no answer; only the analyst's identity opens them. The folder's `sealed-to.txt` names the
/// recipient, so that every command can say what it needs, and no runner adds plain files to it.
extension InstrumentFolder {
    /// The file naming the recipient a sealed folder is sealed to.
    public var sealedToFile: String { path + "/sealed-to.txt" }

    /// The recipient this folder is sealed to, or nil for a folder that is not sealed. A marker
    /// that is not a recipient is an error: guessing "not sealed" would write answers in the clear.
    public func sealedTo() throws(StoreError) -> AgeRecipient? {
        guard StoreIO.exists(sealedToFile) else { return nil }
        let text = String(decoding: try StoreIO.read(sealedToFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let recipient = AgeRecipient(text) else {
            throw StoreError("'\(sealedToFile)' is damaged: it should hold the age recipient (age1…) the folder is sealed to")
        }
        return recipient
    }

    /// Checks that `identity` opens this folder: nil when the folder is not sealed or the
    /// identity is its recipient's; otherwise the error to show, which says what is needed.
    public func checkIdentity(_ identity: AgeIdentity?) throws(StoreError) {
        guard let recipient = try sealedTo() else { return }
        guard let identity else { throw StoreError.needsIdentity(path, recipient) }
        guard identity.recipient == recipient else {
            throw StoreError("""
                the identity given does not open '\(path)': the folder is sealed to \(recipient), and the identity's \
                recipient is \(identity.recipient). Give the identity 'fieldwork keys new' wrote for this study
                """)
        }
    }

    /// Finishes the completions a crash cut short (as opening the folder to run does). In a sealed
    /// folder only the process that began a session, or the holder of the identity, can open its
    /// journal, so a completion cut short after the first process died waits for this, called
    /// with the identity (`fieldwork resume --identity`); until then readers count the session
    /// once, by its response.
    public func finishCompletions() throws(StoreError) {
        var folder = self
        folder.seal.recipient = try sealedTo() ?? seal.recipient
        guard StoreIO.exists(folder.sessions) else { return }
        let lock = try StoreIO.lock(folder.lock)
        defer { StoreIO.unlock(lock) }
        Recovery.finishCompletions(in: folder)
    }

    /// Bytes as this folder keeps them: sealed to its recipient when it has one.
    func sealed(_ data: Data) -> Data {
        guard let recipient = seal.recipient else { return data }
        return Age.seal(data, to: recipient)
    }
}

extension StoreError {
    static func needsIdentity(_ path: String, _ recipient: AgeRecipient) -> StoreError {
        StoreError("""
            '\(path)' is sealed to \(recipient): its responses can be read only with that recipient's identity. \
            Give it with --identity FILE (the file 'fieldwork keys new' wrote)
            """)
    }
}

/// The keys a folder is opened with: a recipient to seal what is written, an identity to open
/// what is read. Neither is ever written to the folder.
public struct StoreSeal: Sendable {
    public var recipient: AgeRecipient?
    public var identity: AgeIdentity?
    /// The journal keys of the sessions this process began (`JournalSeal.swift`).
    public var keyring: JournalKeyring?

    public init(recipient: AgeRecipient? = nil, identity: AgeIdentity? = nil, keyring: JournalKeyring? = nil) {
        self.recipient = recipient
        self.identity = identity
        self.keyring = keyring
    }

    /// Bytes as read: opened when they are an age file, passed through when they are not.
    func open(_ bytes: UnsafeRawBufferPointer) -> Result<[UInt8], SkippedFile.Reason> {
        guard Age.isSealed(bytes) else { return .success(Array(bytes)) }
        guard let identity else { return .failure(.sealed) }
        do throws(AgeError) {
            return .success(try Age.open(Array(bytes), with: [identity]))
        } catch {
            return .failure(.unopenable(error.description))
        }
    }
}
