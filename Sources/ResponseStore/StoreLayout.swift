/// The responses folder's names, spelled here and nowhere else:
///
///     <root>/<instrument-id>/
///       instruments/sha256-<hex>.json   each compiled version used, kept once
///       <response-id>.json              finished responses (complete or declined)
///       sessions/<session-id>.journal   sessions under way or interrupted
///       identifying/identifying.json    identifying answers of every finished session, in random order
///       identifying/<id>.age            in a sealed folder: each record sealed alone (StoreSeal)
///       sealed-to.txt                   in a sealed folder: the age recipient it is sealed to
///       .lock, withdrawals.log
public struct StoreLayout: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The folder of one instrument's responses.
    public func folder(of instrumentID: String) -> InstrumentFolder {
        InstrumentFolder(path: (root.hasSuffix("/") ? root : root + "/") + instrumentID)
    }

    /// Every instrument folder under the root, by id.
    public func instrumentFolders() -> [InstrumentFolder] {
        StoreIO.list(root).filter { !$0.hasPrefix(".") }.map(folder(of:))
    }
}

/// One instrument's folder and the names inside it.
public struct InstrumentFolder: Sendable, Equatable {
    public let path: String
    /// The keys the folder is opened with when it is sealed (`StoreSeal.swift`); never part of
    /// what makes two folders the same.
    public var seal = StoreSeal()

    public init(path: String, seal: StoreSeal = StoreSeal()) {
        self.path = path
        self.seal = seal
    }

    public static func == (a: InstrumentFolder, b: InstrumentFolder) -> Bool { a.path == b.path }

    public var instruments: String { path + "/instruments" }
    public var sessions: String { path + "/sessions" }
    public var identifying: String { path + "/identifying" }
    public var lock: String { path + "/.lock" }
    public var withdrawals: String { path + "/withdrawals.log" }
    /// Left by `fieldwork simulate` in a folder of made-up responses, so that every export and
    /// summary of them says so.
    public var simulatedMarker: String { path + "/SIMULATED.txt" }

    static let responseSuffix = ".json"
    static let journalSuffix = ".journal"
    static let copyPrefix = "sha256-"

    /// The compiled copy of the version whose content hash is `hash` (`sha256:<hex>`).
    public func copy(hash: String) -> String {
        instruments + "/" + hash.replacingOccurrences(of: ":", with: "-") + Self.responseSuffix
    }

    /// The content hash a copy's file name stands for; nil for any other name.
    static func hash(ofCopy name: String) -> String? {
        guard name.hasPrefix(copyPrefix), name.hasSuffix(responseSuffix) else { return nil }
        return "sha256:" + name.dropFirst(copyPrefix.count).dropLast(responseSuffix.count)
    }

    public func journal(sessionID: String) -> String { sessions + "/" + sessionID + Self.journalSuffix }
    public func response(responseID: String) -> String { path + "/" + responseID + Self.responseSuffix }
    /// The one file of identifying records.
    public var identifyingRecords: String { identifying + "/identifying.json" }
    /// In a sealed folder, each identifying record in a sealed file of its own.
    public func sealedRecord(id: String) -> String { identifying + "/" + id + Self.sealedSuffix }
    static let sealedSuffix = ".age"
}
