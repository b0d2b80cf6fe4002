import Foundation
import InstrumentModel
import SessionEngine

/// One instance of a repeated section as stored: its key (the choice's code for `for_each`,
/// 1, 2, 3 ... otherwise) and its own answers, by question id, as the response's are.
public struct StoredInstance: Sendable, Equatable {
    public var key: Int
    public var answers: [String: JSON]
    public var other: [String: String]
    public var skipped: Set<String>
    public var calculated: [String: JSON]
    /// Interviews: the probes ticked as asked in this instance, by question (1-based, as stored).
    public var probesAsked: [String: [Int]]

    public init(key: Int, answers: [String: JSON] = [:], other: [String: String] = [:], skipped: Set<String> = [], calculated: [String: JSON] = [:],
                probesAsked: [String: [Int]] = [:]) {
        self.key = key
        self.answers = answers
        self.other = other
        self.skipped = skipped
        self.calculated = calculated
        self.probesAsked = probesAsked
    }

    init?(_ o: JSON) {
        guard let key = o["key"]?.int else { return nil }
        self.init(key: key, answers: o["answers"]?.object ?? [:], other: (o["other"]?.object ?? [:]).compactMapValues(\.string),
                  skipped: Set((o["skipped"]?.array ?? []).compactMap(\.string)), calculated: o["calculated"]?.object ?? [:],
                  probesAsked: (o["probes_asked"]?.object ?? [:]).mapValues { ($0.array ?? []).compactMap(\.int) })
    }
}

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
    /// Paradata: seconds and visits per question shown, and how often the participant went back.
    public var timing: [String: QuestionTiming] = [:]
    /// Per question, how many times a soft check was confirmed (paradata).
    public var softConfirmed: [String: Int] = [:]
    public var returns: Int?
    /// The session's seed, exactly (it orders the shuffles, so the presentation order can be rebuilt).
    public var seed: UInt64?
    /// The safeguarding rules that fired, in order, each with the question that set it off.
    public var safeguarding: [SafeguardingFiring] = []
    /// The instances of each repeated section, in the order asked (see `StoredInstance`).
    public var repeats: [String: [StoredInstance]] = [:]

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
        var response = StoredResponse(
            responseID: id, pseudonym: o["pseudonym"]?.string, version: version, hash: hash, status: status,
            language: o["language"]?.string, started: o["started"]?.string, duration: o["duration_seconds"]?.int,
            answers: o["answers"]?.object ?? [:], other: (o["other"]?.object ?? [:]).compactMapValues(\.string),
            skipped: Set((o["skipped"]?.array ?? []).compactMap(\.string)), calculated: o["calculated"]?.object ?? [:],
            simulated: o["simulated"]?.bool ?? false,
            probesAsked: (o["probes_asked"]?.object ?? [:]).mapValues { ($0.array ?? []).compactMap(\.int) },
            group: o["group"]?.int)
        let paradata = o["paradata"]
        for (id, t) in paradata?["questions"]?.object ?? [:] {
            response.timing[id] = QuestionTiming(seconds: t["seconds"]?.number ?? 0, visits: t["visits"]?.int ?? 0)
            if let n = t["confirmed"]?.int, n > 0 { response.softConfirmed[id] = n }
        }
        response.returns = paradata?["returns"]?.int
        for (section, instances) in o["repeats"]?.object ?? [:] {
            response.repeats[section] = (instances.array ?? []).compactMap(StoredInstance.init)
        }
        response.safeguarding = (o["safeguarding"]?.array ?? []).compactMap { f in
            guard let rule = f["rule"]?.string, let question = f["question"]?.string else { return nil }
            return SafeguardingFiring(rule: rule, question: question, instance: f["instance"]?.int)
        }
        response.seed = topLevelInteger("seed", in: bytes)
        return response
    }

    /// A top-level member's integer read from its digits: a seed is a UInt64, which a JSON number
    /// (a Double) holds exactly only up to 2^53. Nil when the member is absent or not an integer.
    static func topLevelInteger(_ name: String, in bytes: UnsafeRawBufferPointer) -> UInt64? {
        let key = Array(("\"" + name + "\"").utf8)
        var depth = 0
        var inString = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: "\""):
                if depth == 1, i + key.count <= bytes.count, key.indices.allSatisfy({ bytes[i + $0] == key[$0] }) {
                    var j = i + key.count
                    while j < bytes.count, [UInt8(ascii: " "), UInt8(ascii: ":"), 0x0A, 0x0D, 0x09].contains(bytes[j]) { j += 1 }
                    var digits = ""
                    while j < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]) { digits.append(Character(UnicodeScalar(bytes[j]))); j += 1 }
                    return UInt64(digits)
                }
                inString = true
            default: break
            }
            i += 1
        }
        return nil
    }

    /// An interrupted session, rebuilt from its journal on the day it was run, as the partial
    /// response the store would write for it (nil only if that record cannot be read back).
    /// Each journaled step it could not apply as it is goes to `replayed` (from a journal at `path`).
    public static func partial(_ journal: JournalContents, instrument: Instrument, path: String = "",
                               replayed: (ReplayNote) -> Void = { _ in }) -> StoredResponse? {
        let (record, unapplied) = journal.partialRecord(with: instrument, fallbackDay: StoreClock.today())
        for u in unapplied { replayed(ReplayNote(responseID: journal.header.responseID, path: path, u)) }
        return record.withUnsafeBytes { read($0) }
    }
}

