import ResponseStore

/// Interrupted sessions found under a responses folder, by instrument id.
enum Interrupted {
    static func all(in root: String) -> [StoredJournal] {
        StoreLayout(root: root).instrumentFolders().flatMap { $0.journals() }
    }
}
