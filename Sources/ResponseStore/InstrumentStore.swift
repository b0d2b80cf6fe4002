import Foundation
import InstrumentModel
import Sealing
import SessionEngine

/// The folder of one instrument's responses, opened for writing (its layout: `StoreLayout`).
public final class InstrumentStore {
    public let layout: InstrumentFolder
    public var folder: String { layout.path }
    public let instrument: Instrument
    public let hash: String

    /// Opens (creating, owner-only) the instrument's folder, refusing a changed instrument whose
    /// version was not raised once it has been used, and keeps a copy of this compiled version.
    /// With `sealTo`, finished responses and identifying records are sealed to that recipient
    /// (and the folder is marked sealed); a folder already sealed is only ever written sealed,
    /// to the same recipient.
    /// Journals of a sealed folder are sealed too: this store keeps the keys of the sessions it
    /// begins in memory, so that it (and only it, or a holder of `identity`) can resume them.
    public init(root: String, instrument: Instrument, compiled: Data, hash: String, sealTo: AgeRecipient? = nil,
                identity: AgeIdentity? = nil) throws(StoreError) {
        var layout = StoreLayout(root: root).folder(of: instrument.id)
        layout.seal = StoreSeal(recipient: sealTo, identity: identity, keyring: sealTo == nil ? nil : JournalKeyring())
        self.layout = layout
        self.instrument = instrument
        self.hash = hash
        for folder in [layout.path, layout.instruments, layout.sessions, layout.identifying] {
            try StoreIO.makeDirectory(folder)
        }
        // Two runners may open the same folder at once: the check, the copy and the recovery of
        // completions cut short are done under a lock.
        let lock = try StoreIO.lock(layout.lock)
        defer { StoreIO.unlock(lock) }
        try Self.checkSeal(layout, sealTo)
        Recovery.finishCompletions(in: layout)
        let copy = layout.copy(hash: hash)
        if !StoreIO.exists(copy) {
            for stored in try layout.instrumentCopies() {
                if stored.instrument.version == instrument.version {
                    throw StoreError("""
                        the instrument '\(instrument.id)' has changed, but its version is still \(instrument.version), \
                        and responses to version \(instrument.version) exist in '\(folder)'. Raise 'version' in the \
                        instrument (for example to \(Self.nextVersion(instrument.version))) so that answers to the \
                        old and new wording are never mixed, then run it again.
                        """)
                }
            }
            try StoreIO.writeAtomically(compiled, to: copy)
        }
    }

    /// A sealed folder takes only sealed files, for its own recipient; a folder sealed now is
    /// marked so before anything sealed is written to it.
    private static func checkSeal(_ layout: InstrumentFolder, _ sealTo: AgeRecipient?) throws(StoreError) {
        let marked = try layout.sealedTo()
        switch (marked, sealTo) {
        case (nil, nil): return
        case (let marked?, nil):
            throw StoreError("""
                '\(layout.path)' is sealed to \(marked), so its responses are written only sealed: give that recipient \
                with --seal-to, or name it in the instrument (privacy: seal_to: \(marked))
                """)
        case (let marked?, let sealTo?) where marked != sealTo:
            throw StoreError("""
                '\(layout.path)' is sealed to \(marked), not to \(sealTo): one study's responses are sealed to one \
                recipient, so that one identity opens them all
                """)
        case (_?, _?): return
        case (nil, let sealTo?):
            try StoreIO.writeAtomically(Data((sealTo.description + "\n").utf8), to: layout.sealedToFile)
            StoreIO.clearTimes(layout.sealedToFile)
        }
    }

    static func nextVersion(_ version: String) -> String {
        var parts = version.split(separator: ".").map(String.init)
        if let last = parts.last, let n = Int(last) {
            parts[parts.count - 1] = String(n + 1)
            return parts.joined(separator: ".")
        }
        return version + ".1"
    }

    static func newID() -> String { StoreIO.randomHex(bytes: 16) }

    /// Starts a session: its journal exists, with its header, before the first question is shown.
    /// `today` (days since 1970-01-01) is the day the session's dates are judged by, kept so that
    /// every rebuild of it judges them the same.
    public func begin(seed: UInt64, language: String?, started: String?, pseudonym: String?, group: Int? = nil, today: Int,
                      set: [String: String] = [:]) throws(StoreError) -> SessionWriter {
        let header = JournalHeader(instrumentID: instrument.id, version: instrument.version, hash: hash,
                                   sessionID: Self.newID(), responseID: Self.newID(), seed: seed,
                                   language: language, started: started, pseudonym: pseudonym, group: group, today: today,
                                   set: set.isEmpty ? nil : set)
        // Everything a completion writes must be writable now, not after the last answer.
        for folder in [layout.path, layout.identifying, layout.sessions] where access(folder, W_OK) != 0 {
            throw StoreError.posix("write in", folder)
        }
        let cipher = try layout.newJournalCipher(sessionID: header.sessionID)
        let file = try AppendOnlyFile(creating: layout.journal(sessionID: header.sessionID))
        _ = file.tryLock()
        try StoreIO.syncDirectory(layout.sessions)
        let writer = SessionWriter(store: self, header: header, journal: file, cipher: cipher)
        try writer.write(header.write)
        return writer
    }

    /// Writes a response that `fieldwork simulate` made up, marked `"simulated": true` (as is its
    /// identifying file). There is no journal: the session is already over.
    @discardableResult
    public func writeSimulated(_ session: Session, responseID: String, identifyingID: String, started: String?, pseudonym: String?,
                               duration: Double) throws(StoreError) -> String {
        let header = JournalHeader(instrumentID: instrument.id, version: instrument.version, hash: hash,
                                   sessionID: "", responseID: responseID, seed: session.seed,
                                   language: session.language, started: started, pseudonym: pseudonym)
        let path = layout.response(responseID: responseID)
        try StoreIO.writeAtomically(layout.sealed(ResponseRecord.encode(header: header, session: session, duration: duration, simulated: true)), to: path)
        StoreIO.setTimes(path, seconds: session.status == .declined ? 0 : header.fileTime)
        if session.status != .declined,
           let identifying = ResponseRecord.encodeIdentifying(instrumentID: instrument.id, session: session, simulated: true) {
            // The record's id and its shuffle come from the seed, so that the same seed writes the same files.
            var random = SeededRandom.derived(seed: session.seed, for: "identifying:" + identifyingID)
            try IdentifyingRecords.add(identifying, id: identifyingID, instrumentID: instrument.id, in: layout, using: &random)
        }
        return path
    }

    /// Interrupted sessions of this instrument, oldest first.
    public func interrupted() -> [JournalContents] {
        layout.journals().map(\.contents)
    }

    /// Whether the response of a session is written (its journal, if any, is a leftover).
    public func isFinished(responseID: String) -> Bool {
        StoreIO.exists(layout.response(responseID: responseID))
    }

    /// Reopens an interrupted session to continue it.
    public func resume(_ sessionID: String) throws(StoreError) -> (JournalContents, SessionWriter) {
        let path = layout.journal(sessionID: sessionID)
        guard StoreIO.exists(path) else { throw StoreError("there is no interrupted session '\(sessionID)' for '\(instrument.id)'") }
        let read = layout.readJournal(path, data: try StoreIO.read(path))
        if case .failure(let reason) = read {
            throw StoreError("""
                session '\(sessionID)' is sealed, and \(reason == .sealed ? "its key was in the memory of the process that began it" : "\(reason)"): \
                it can be continued only with the study's identity (--identity FILE); otherwise the analyst reads it as a partial response
                """)
        }
        guard case .success(let found?) = read else {
            throw StoreError("there is no interrupted session '\(sessionID)' for '\(instrument.id)'")
        }
        let contents = found
        let cipher = try? layout.journalCipher(sessionID: sessionID).get()
        // Opened with the identity: this process now holds the key, as the one that began it did.
        if let cipher { layout.seal.keyring?.add(cipher.key, for: sessionID) }
        guard contents.header.hash == hash else {
            throw StoreError("session '\(sessionID)' was started with version \(contents.header.version) of '\(instrument.id)', which is not the version given now")
        }
        let file = try AppendOnlyFile(appendingTo: path)
        guard file.tryLock() else {
            throw StoreError("session '\(sessionID)' is open in another window; finish or close it there first")
        }
        return (contents, SessionWriter(store: self, header: contents.header, journal: file, cipher: cipher ?? nil))
    }
}

/// Writes one session: every event to the journal before the next screen, then the response.
public final class SessionWriter {
    let store: InstrumentStore
    public let header: JournalHeader
    private let journal: AppendOnlyFile
    /// Seals each line in a sealed folder.
    private let cipher: JournalCipher?

    init(store: InstrumentStore, header: JournalHeader, journal: AppendOnlyFile, cipher: JournalCipher? = nil) {
        self.store = store
        self.header = header
        self.journal = journal
        self.cipher = cipher
    }

    public var journalPath: String { journal.path }

    /// Writes one line of the journal; it is on disk when this returns.
    func write(_ body: (inout JSONWriter) -> Void) throws(StoreError) {
        var w = JSONWriter(compact: true)
        body(&w)
        try journal.append(cipher.map { $0.seal(Data(w.bytes)) } ?? Data(w.bytes))
    }

    /// Journals an event; it is on disk when this returns.
    public func record(_ event: SessionEvent) throws(StoreError) {
        try write(event.write)
    }

    /// Completes the session: journals that it is completing, then writes the response
    /// (atomically, with the status the session has reached), any identifying answers apart from
    /// it, and removes the journal. A crash at any point leaves a state that the next opening of
    /// the folder finishes the same way (`Recovery`), and that readers never count twice.
    @discardableResult
    public func finish(_ session: Session, duration: Double) throws(StoreError) -> String {
        let lock = try StoreIO.lock(store.layout.lock)
        defer { StoreIO.unlock(lock) }
        let identifying = session.status != .declined && ResponseRecord.encodeIdentifying(instrumentID: header.instrumentID, session: session) != nil
        let completion = JournalCompletion(duration: duration, identifying: identifying ? InstrumentStore.newID() : nil)
        try write(completion.write)
        return try Recovery.complete(session, header: header, completion: completion, journal: journal.path, in: store.layout)
    }
}
