import Foundation

/// A participant's withdrawal: every response and interrupted session under their pseudonym is removed.
public enum Withdrawal {
    public struct Removed: Sendable, Equatable {
        public var complete = 0
        public var partial = 0
        public var declined = 0
        public var total: Int { complete + partial + declined }
    }

    /// Removes what belongs to `pseudonym` in one instrument's folder, and records the withdrawal
    /// in `withdrawals.log` with the date and the counts only: no code, no pseudonym.
    public static func withdraw(pseudonym: String, folder: String, date: String) throws(StoreError) -> Removed {
        let lock = try StoreIO.lock(folder + "/.lock")
        defer { StoreIO.unlock(lock) }
        var removed = Removed()
        for name in StoreIO.list(folder) where name.hasSuffix(".json") {
            let path = folder + "/" + name
            guard let data = try? StoreIO.read(path),
                  let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                  object["format"] as? String == "fieldwork-response",
                  object["pseudonym"] as? String == pseudonym else { continue }
            try StoreIO.remove(path)
            switch object["status"] as? String {
            case "complete": removed.complete += 1
            case "declined": removed.declined += 1
            default: removed.partial += 1
            }
        }
        let sessions = folder + "/sessions"
        for name in StoreIO.list(sessions) where name.hasSuffix(".journal") {
            let path = sessions + "/" + name
            guard let data = try? StoreIO.read(path), let journal = JournalContents.read(data),
                  journal.header.pseudonym == pseudonym else { continue }
            try StoreIO.remove(path)
            removed.partial += 1
        }
        try StoreIO.syncDirectory(folder)
        if StoreIO.exists(sessions) { try StoreIO.syncDirectory(sessions) }
        let log = folder + "/withdrawals.log"
        let file = StoreIO.exists(log) ? try AppendOnlyFile(appendingTo: log) : try AppendOnlyFile(creating: log)
        try file.append(Data("\(date) withdrawal: \(removed.total) removed (\(removed.complete) complete, \(removed.partial) partial, \(removed.declined) declined)".utf8))
        return removed
    }
}
