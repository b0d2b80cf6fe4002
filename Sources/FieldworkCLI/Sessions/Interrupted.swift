import ResponseStore
import Sealing

/// Interrupted sessions found under a responses folder, by instrument id.
enum Interrupted {
    /// The sessions that can be read, and how many sealed ones cannot be without the identity.
    static func all(in root: String, identity: AgeIdentity? = nil) -> (found: [StoredJournal], sealed: Int) {
        var sealed = 0
        let found = StoreLayout(root: root).instrumentFolders().flatMap { folder in
            var folder = folder
            folder.seal.identity = identity
            // With the identity, completions a crash cut short in a sealed folder can be finished
            // now (without it, nobody can open their journals); a failure leaves them for next time.
            if identity != nil { try? folder.finishCompletions() }
            return folder.journals { if $0.reason == SkippedFile.Reason.sealed.description { sealed += 1 } }
        }
        return (found, sealed)
    }
}
