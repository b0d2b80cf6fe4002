import Foundation
import Sealing
import SessionEngine

/// How many responses have each status: the one counter that status, withdrawal, simulation
/// and summaries keep.
public struct StatusCounts: Sendable, Equatable {
    public var complete = 0
    public var partial = 0
    public var declined = 0

    public init(complete: Int = 0, partial: Int = 0, declined: Int = 0) {
        self.complete = complete
        self.partial = partial
        self.declined = declined
    }

    public var total: Int { complete + partial + declined }

    public mutating func add(_ status: ResponseStatus) {
        switch status {
        case .complete: complete += 1
        case .partial: partial += 1
        case .declined: declined += 1
        }
    }
}

/// Counts of responses per instrument and version, for `fieldwork status`.
public struct VersionCount: Sendable, Equatable {
    public var instrumentID: String
    public var version: String
    public var counts: StatusCounts

    public init(instrumentID: String, version: String, complete: Int = 0, partial: Int = 0, declined: Int = 0) {
        self.instrumentID = instrumentID
        self.version = version
        counts = StatusCounts(complete: complete, partial: partial, declined: declined)
    }

    public var complete: Int { counts.complete }
    public var partial: Int { counts.partial }
    public var declined: Int { counts.declined }
}

public enum StoreStatus {
    /// Reads every instrument folder under `root` with the reader the exports use, so that status
    /// counts what an export writes: finished responses by their status, interrupted sessions by
    /// the status their rebuilt session has. A folder whose compiled copies are missing or
    /// damaged is counted from its files alone (interrupted sessions as partial).
    /// Sealed folders are read with `identity` (`InstrumentFolder.checkIdentity` says beforehand
    /// whether it opens them).
    public static func scan(root: String, identity: AgeIdentity? = nil, skipped: (SkippedFile) -> Void = { _ in }) -> [VersionCount] {
        var counts: [String: VersionCount] = [:]
        func count(_ id: String, _ version: String, _ status: ResponseStatus) {
            let key = id + "\u{0}" + version
            counts[key, default: VersionCount(instrumentID: id, version: version)].counts.add(status)
        }
        for var folder in StoreLayout(root: root).instrumentFolders() {
            folder.seal.identity = identity
            let id = (folder.path as NSString).lastPathComponent
            if let reader = try? ResponseReader(path: folder.path, identity: identity) {
                reader.each(skipped: skipped) { count(id, $0.version, $0.status) }
                continue
            }
            folder.eachResponseFile(skipped: skipped) { name, bytes in
                if let r = StoredResponse.read(bytes) { count(id, r.version, r.status) } else {
                    skipped(SkippedFile(folder.path + "/" + String(cString: name), .notAResponse))
                }
            }
            for journal in folder.journals(skipped: skipped) { count(id, journal.contents.header.version, .partial) }
        }
        return counts.values.sorted { ($0.instrumentID, $0.version) < ($1.instrumentID, $1.version) }
    }
}
