import Foundation
import InstrumentModel
import SessionEngine

/// One response as the store holds it, decoded: from a finished file, or an interrupted journal
/// rebuilt into the record the store would write for it. Status, exports, summaries and
/// withdrawal all read responses as this.
public struct StoredResponse: Sendable {
    public var responseID: String
    public var pseudonym: String?
    public var version: String
    public var hash: String
    public var status: ResponseStatus
    public var language: String?
    public var started: String?
    public var duration: Int?
    /// Answers as stored: codes, lists of codes, numbers, texts, or row maps.
    public var answers: [String: JSON]
    public var other: [String: String]
    public var skipped: Set<String>
    public var calculated: [String: JSON]
    public var simulated: Bool
    /// Interviews: the probes ticked as asked, by question (1-based, as stored).
    public var probesAsked: [String: [Int]] = [:]
    /// The group discussion's size, for interviews run with a group.
    public var group: Int?

    public init(responseID: String, pseudonym: String? = nil, version: String, hash: String = "", status: ResponseStatus,
                language: String? = nil, started: String? = nil, duration: Int? = nil, answers: [String: JSON] = [:],
                other: [String: String] = [:], skipped: Set<String> = [], calculated: [String: JSON] = [:], simulated: Bool = false,
                probesAsked: [String: [Int]] = [:], group: Int? = nil) {
        self.responseID = responseID
        self.pseudonym = pseudonym
        self.version = version
        self.hash = hash
        self.status = status
        self.language = language
        self.started = started
        self.duration = duration
        self.answers = answers
        self.other = other
        self.skipped = skipped
        self.calculated = calculated
        self.simulated = simulated
        self.probesAsked = probesAsked
        self.group = group
    }

    /// Reads a response file; nil for anything that is not one.
    public static func read(_ bytes: UnsafeRawBufferPointer) -> StoredResponse? {
        guard let o = JSON.parse(bytes),
              o["format"]?.string == ResponseRecord.formatName,
              let version = o["instrument"]?["version"]?.string,
              let hash = o["instrument"]?["hash"]?.string,
              let id = o["response_id"]?.string,
              let status = o["status"]?.string.flatMap(ResponseStatus.init(rawValue:)) else { return nil }
        return StoredResponse(
            responseID: id, pseudonym: o["pseudonym"]?.string, version: version, hash: hash, status: status,
            language: o["language"]?.string, started: o["started"]?.string, duration: o["duration_seconds"]?.int,
            answers: o["answers"]?.object ?? [:], other: (o["other"]?.object ?? [:]).compactMapValues(\.string),
            skipped: Set((o["skipped"]?.array ?? []).compactMap(\.string)), calculated: o["calculated"]?.object ?? [:],
            simulated: o["simulated"]?.bool ?? false,
            probesAsked: (o["probes_asked"]?.object ?? [:]).mapValues { ($0.array ?? []).compactMap(\.int) },
            group: o["group"]?.int)
    }

    /// An interrupted session, rebuilt from its journal on the day it was run, as the partial
    /// response the store would write for it (nil only if that record cannot be read back).
    public static func partial(_ journal: JournalContents, instrument: Instrument) -> StoredResponse? {
        let (record, _) = journal.partialRecord(with: instrument, fallbackDay: StoreClock.today())
        return record.withUnsafeBytes { read($0) }
    }
}

