import Foundation
import Expressions
import InstrumentModel
import SessionEngine

/// The first line of a session's journal: what is needed to rebuild the session from its events.
public struct JournalHeader: Decodable, Sendable, Equatable {
    public var format = 1
    public var instrumentID: String
    public var version: String
    public var hash: String
    public var sessionID: String
    public var responseID: String
    public var seed: UInt64
    public var language: String?
    /// The start date at the instrument's precision, or nil with `timestamps: none`.
    public var started: String?
    public var pseudonym: String?
    /// A group discussion's number of participants (P1 to Pn), so that a resumed one keeps it.
    public var group: Int?
    /// The day the session started (days since 1970-01-01), for `today()` and date limits when
    /// it is rebuilt: a replay on another day would judge a date answer differently. Journals
    /// written before it was kept fall back to their `started` date.
    public var today: Int?
    /// The values of hidden questions given at launch (`--set`), as `LaunchValues` writes them, so
    /// that a resumed session and its export keep them.
    public var set: [String: String]?

    public init(instrumentID: String, version: String, hash: String, sessionID: String, responseID: String,
                seed: UInt64, language: String?, started: String?, pseudonym: String?, group: Int? = nil, today: Int? = nil,
                set: [String: String]? = nil) {
        self.instrumentID = instrumentID
        self.version = version
        self.hash = hash
        self.sessionID = sessionID
        self.responseID = responseID
        self.seed = seed
        self.language = language
        self.started = started
        self.pseudonym = pseudonym
        self.group = group
        self.today = today
        self.set = set
    }

    /// The header as the journal's first line, by the one JSON writer, in the shape `Decodable` reads.
    func write(to w: inout JSONWriter) {
        w.object { w in
            w.member("format", format)
            w.member("group", group)
            w.member("hash", hash)
            w.member("instrument_id", instrumentID)
            w.member("language", language)
            w.member("pseudonym", pseudonym)
            w.member("response_id", responseID)
            w.member("seed", seed)
            w.member("session_id", sessionID)
            if let set, !set.isEmpty {
                w.key("set")
                w.object { w in for (id, value) in set.sorted(by: { $0.key < $1.key }) { w.member(id, value) } }
            }
            w.member("started", started)
            w.member("today", today)
            w.member("version", version)
        }
    }

    /// Whether every field is one the store could have written: ids of 32 hexadecimal digits (a
    /// response id names a file, so anything else could point outside the folder), a content
    /// hash, a seed below 2^53, a plausible day and group. A journal whose header is not is
    /// damaged or hostile, and is not read.
    var isValid: Bool {
        func hex(_ s: String, _ count: Int) -> Bool { s.utf8.count == count && s.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) } }
        guard format == 1, hex(sessionID, 32), hex(responseID, 32), hash.hasPrefix("sha256:"), hex(String(hash.dropFirst(7)), 64),
              !instrumentID.isEmpty, !instrumentID.contains("/"), instrumentID != ".", instrumentID != "..",
              seed < 1 << 53 else { return false }
        if let today, !(0...2_932_896).contains(today) { return false }   // up to 9999-12-31
        if let group, !(1...99).contains(group) { return false }
        return true
    }

    /// The time a response's file shows (seconds since 1970): its start at the instrument's
    /// `timestamps` precision, never the finer moment it was written.
    var fileTime: Int {
        guard let started, let day = DateValue.parse(String(started.prefix(10))) else { return 0 }
        let parts = started.dropFirst(11).prefix(5).split(separator: ":").compactMap { Int($0) }
        let minutes = parts.count == 2 ? parts[0] * 60 + parts[1] : 0
        return day * 86_400 + minutes * 60
    }

    /// The day to rebuild the session with: the one kept, else the day of `started`.
    public var day: Int? {
        today ?? started.flatMap { DateValue.parse(String($0.prefix(10))) }
    }

    enum CodingKeys: String, CodingKey {
        case format, instrumentID = "instrument_id", version, hash, sessionID = "session_id"
        case responseID = "response_id", seed, language, started, pseudonym, group, today, set
    }
}


/// The journal's last line when a session is being completed: written before the response, so
/// that a completion cut short by a crash can be finished the same way on the next open (the
/// identifying record under the same name, never twice).
public struct JournalCompletion: Sendable, Equatable, Decodable {
    public var duration: Double
    /// The name of the identifying record, when the session has identifying answers.
    public var identifying: String?

    func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("completing")
            w.object { w in
                w.key("duration")
                w.number(duration)
                w.member("identifying", identifying)
            }
        }
    }

    private struct Line: Decodable { var completing: JournalCompletion }

    static func read(_ line: Data) -> JournalCompletion? {
        (try? JSONDecoder().decode(Line.self, from: line))?.completing
    }
}

/// Reads a journal back: its header and every whole event line. A last line cut short by a
/// crash is ignored; that is the one answer that may be lost.
public struct JournalContents: Sendable {
    public var header: JournalHeader
    public var events: [SessionEvent]
    /// Set when the session was being completed.
    public var completion: JournalCompletion?
    /// Lines that are neither an event nor the completion (damaged), by their place (1-based,
    /// the header being line 1); they are passed over, and the lines after them still read.
    public var damagedLines: [Int] = []

    /// `open` turns each line of a sealed journal into its plaintext (nil for a damaged one).
    public static func read(_ data: Data) -> JournalContents? { read(data, open: nil) }

    static func read(_ data: Data, open: ((Data) -> Data?)?) -> JournalContents? {
        let decoder = JSONDecoder()
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        if let open {
            // A line that does not open is kept as one that does not decode: damaged.
            lines = lines.enumerated().map { i, line in i == lines.count - 1 || line.isEmpty ? line : open(Data(line)).map { $0[...] } ?? Data("!".utf8)[...] }
        }
        guard let first = lines.first, let header = try? decoder.decode(JournalHeader.self, from: first), header.isValid else { return nil }
        var contents = JournalContents(header: header, events: [])
        // A last line without its line break was cut short: it never counted as written.
        for (i, line) in lines.dropLast().enumerated().dropFirst() where !line.isEmpty {
            if let event = try? decoder.decode(SessionEvent.self, from: line) {
                contents.events.append(event)
            } else if let completion = JournalCompletion.read(Data(line)) {
                contents.completion = completion
            } else {
                contents.damagedLines.append(i + 1)
            }
        }
        return contents
    }
}

extension JournalContents {
    /// The response record an interrupted session would be stored as, made by the same encoder
    /// as a finished one, so that a partial response keeps everything a finished one keeps.
    public func partialRecord(with instrument: Instrument, fallbackDay: Int) -> (record: Data, unapplied: [Session.Unapplied]) {
        let rebuilt = rebuilt(with: instrument, fallbackDay: fallbackDay)
        let duration = events.last?.at ?? 0
        // Answered to the end but never sent (left at the review): still partial.
        return (ResponseRecord.encode(header: header, session: rebuilt.session, duration: duration, unsent: true), rebuilt.unapplied)
    }

    /// The session as its events left it, on the day it was run (`fallbackDay` only for a journal
    /// that kept no day: written before days were kept, with `timestamps: none`).
    public func rebuilt(with instrument: Instrument, fallbackDay: Int) -> Session.Rebuilt {
        Session.rebuilt(instrument: instrument, seed: header.seed, language: header.language,
                        today: header.day ?? fallbackDay, preset: LaunchValues.answers(header.set ?? [:], for: instrument),
                        events: events)
    }
}
