import Foundation
import InstrumentModel
import SessionEngine

/// Completing a session as a sequence that a crash can stop anywhere and the next opening of
/// the folder can finish: the journal says the session is completing (with the name its
/// identifying record will have), then the response is written, then the identifying record,
/// then the journal is removed. Each step is skipped when already done, so finishing twice
/// writes nothing twice.
enum Recovery {
    /// The last steps of a completion, from wherever they stopped.
    static func complete(_ session: Session, header: JournalHeader, completion: JournalCompletion, journal: String,
                         in folder: InstrumentFolder) throws(StoreError) -> String {
        // Whoever finishes a completion (a runner, a withdrawal, the analyst) writes a sealed
        // folder's files sealed, whether or not it was told the recipient.
        var folder = folder
        if folder.seal.recipient == nil { folder.seal.recipient = try folder.sealedTo() }
        let path = folder.response(responseID: header.responseID)
        if !StoreIO.exists(path) {
            try StoreIO.writeAtomically(folder.sealed(ResponseRecord.encode(header: header, session: session, duration: completion.duration)), to: path)
            StoreIO.setTimes(path, seconds: session.status == .declined ? 0 : header.fileTime)
        }
        if let id = completion.identifying, session.status != .declined,
           let identifying = ResponseRecord.encodeIdentifying(instrumentID: header.instrumentID, session: session) {
            var random = SystemRandomNumberGenerator()
            try IdentifyingRecords.add(identifying, id: id, instrumentID: header.instrumentID, in: folder, using: &random)
        }
        try StoreIO.remove(journal)
        try folder.removeJournalKey(sessionID: header.sessionID)
        try StoreIO.syncDirectory(folder.sessions)
        return path
    }

    /// Finishes every completion that a crash cut short, and removes what such a crash leaves:
    /// temporary files, and journals that never got a whole first line (a full disk at the start
    /// of a session). Called with the folder's lock held; journals open in another process
    /// (locked by it) are left alone. A completion that cannot be finished now (its identifying
    /// records damaged, say) keeps its journal, so nothing is lost, and is tried again next time:
    /// it must not stop the next participant from starting.
    static func finishCompletions(in folder: InstrumentFolder) {
        for sub in [folder.path, folder.identifying, folder.instruments, folder.sessions] {
            for name in StoreIO.list(sub) where name.hasPrefix(".tmp-") { try? StoreIO.remove(sub + "/" + name) }
        }
        var copies: [String: Instrument]?
        for name in StoreIO.list(folder.sessions) where name.hasSuffix(InstrumentFolder.journalSuffix) {
            let path = folder.sessions + "/" + name
            guard let file = try? AppendOnlyFile(appendingTo: path), file.tryLock() else { continue }
            guard let data = try? StoreIO.read(path) else { continue }
            // Only a journal without a whole first line holds nothing (sealed or not); a damaged
            // one is kept for a person to look at (readers name it).
            if !data.contains(0x0A) {
                try? StoreIO.remove(path)
                try? folder.removeJournalKey(sessionID: String(name.dropLast(InstrumentFolder.journalSuffix.count)))
                continue
            }
            // A sealed journal whose key this process does not hold is left for the analyst.
            guard case .success(let read) = folder.readJournal(path, data: data), let contents = read else { continue }
            let responded = StoreIO.exists(folder.response(responseID: contents.header.responseID))
            guard contents.completion != nil || responded else { continue }
            if copies == nil {
                copies = Dictionary((try? folder.instrumentCopies())?.map { ($0.hash, $0.instrument) } ?? [], uniquingKeysWith: { a, _ in a })
            }
            guard let instrument = copies?[contents.header.hash] else { continue }
            let session = contents.rebuilt(with: instrument, fallbackDay: StoreClock.today()).session
            let completion = contents.completion ?? JournalCompletion(duration: contents.events.last?.at ?? 0, identifying: nil)
            _ = try? complete(session, header: contents.header, completion: completion, journal: path, in: folder)
        }
    }
}
