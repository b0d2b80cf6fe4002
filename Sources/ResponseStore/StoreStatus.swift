import Foundation

/// Counts of responses per instrument and version, for `fieldwork status`.
public struct VersionCount: Sendable, Equatable {
    public var instrumentID: String
    public var version: String
    public var complete = 0
    public var partial = 0
    public var declined = 0

    public init(instrumentID: String, version: String, complete: Int = 0, partial: Int = 0, declined: Int = 0) {
        self.instrumentID = instrumentID
        self.version = version
        self.complete = complete
        self.partial = partial
        self.declined = declined
    }
}

public enum StoreStatus {
    /// Reads every instrument folder under `root`: finished responses by their status, and
    /// interrupted sessions (journals) as partial.
    public static func scan(root: String) -> [VersionCount] {
        var counts: [String: VersionCount] = [:]
        func bump(_ id: String, _ version: String, _ status: String) {
            let key = id + "\u{0}" + version
            var c = counts[key] ?? VersionCount(instrumentID: id, version: version)
            switch status {
            case "complete": c.complete += 1
            case "declined": c.declined += 1
            default: c.partial += 1
            }
            counts[key] = c
        }
        for id in StoreIO.list(root) where !id.hasPrefix(".") {
            let folder = root + "/" + id
            for name in StoreIO.list(folder) where name.hasSuffix(".json") {
                guard let data = try? StoreIO.read(folder + "/" + name),
                      let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                      object["format"] as? String == ResponseRecord.formatName,
                      let instrument = object["instrument"] as? [String: Any],
                      let version = instrument["version"] as? String,
                      let status = object["status"] as? String else { continue }
                bump(id, version, status)
            }
            for name in StoreIO.list(folder + "/sessions") where name.hasSuffix(".journal") {
                guard let data = try? StoreIO.read(folder + "/sessions/" + name),
                      let journal = JournalContents.read(data) else { continue }
                bump(id, journal.header.version, "partial")
            }
        }
        return counts.values.sorted { ($0.instrumentID, $0.version) < ($1.instrumentID, $1.version) }
    }
}
