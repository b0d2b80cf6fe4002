import Foundation
import Sealing
import SessionEngine

/// A participant's withdrawal: every response and interrupted session under their pseudonym is removed.
public enum Withdrawal {
    /// Removes what belongs to `pseudonym` in one instrument's folder, and records the withdrawal
    /// in `withdrawals.log` with the date and the counts only: no code, no pseudonym.
    /// A sealed folder is read with `identity`, which must open it.
    public static func withdraw(pseudonym: String, folder path: String, date: String, identity: AgeIdentity? = nil) throws(StoreError) -> StatusCounts {
        let folder = InstrumentFolder(path: path, seal: StoreSeal(identity: identity))
        try folder.checkIdentity(identity)
        let lock = try StoreIO.lock(folder.lock)
        defer { StoreIO.unlock(lock) }
        // Completions a crash cut short are finished first (and their temporary copies removed),
        // so that nothing of the participant is left behind and no session is counted twice.
        Recovery.finishCompletions(in: folder)
        var removed = StatusCounts()
        var theirs: [(file: String, status: ResponseStatus)] = []
        folder.eachResponseFile { name, bytes in
            guard let r = StoredResponse.read(bytes), r.pseudonym == pseudonym else { return }
            theirs.append((folder.path + "/" + String(cString: name), r.status))
        }
        for (file, status) in theirs {
            try StoreIO.remove(file)
            removed.add(status)
        }
        for journal in folder.journals() where journal.contents.header.pseudonym == pseudonym {
            try StoreIO.remove(journal.path)
            try folder.removeJournalKey(sessionID: journal.contents.header.sessionID)
            removed.add(.partial)
        }
        try StoreIO.syncDirectory(folder.path)
        if StoreIO.exists(folder.sessions) { try StoreIO.syncDirectory(folder.sessions) }
        let log = folder.withdrawals
        let file = StoreIO.exists(log) ? try AppendOnlyFile(appendingTo: log) : try AppendOnlyFile(creating: log)
        try file.append(Data("\(date) withdrawal: \(removed.total) removed (\(removed.complete) complete, \(removed.partial) partial, \(removed.declined) declined)".utf8))
        return removed
    }
}
