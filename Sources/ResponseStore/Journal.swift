import Foundation
import SessionEngine

/// The first line of a session's journal: what is needed to rebuild the session from its events.
public struct JournalHeader: Codable, Sendable, Equatable {
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

    public init(instrumentID: String, version: String, hash: String, sessionID: String, responseID: String,
                seed: UInt64, language: String?, started: String?, pseudonym: String?) {
        self.instrumentID = instrumentID
        self.version = version
        self.hash = hash
        self.sessionID = sessionID
        self.responseID = responseID
        self.seed = seed
        self.language = language
        self.started = started
        self.pseudonym = pseudonym
    }

    enum CodingKeys: String, CodingKey {
        case format, instrumentID = "instrument_id", version, hash, sessionID = "session_id"
        case responseID = "response_id", seed, language, started, pseudonym
    }
}

/// One thing the participant did, with the seconds since the session started.
public enum JournalEvent: Codable, Sendable, Equatable {
    case consent(agreed: Bool, at: Double)
    case answer(question: String, answer: Answer, at: Double)
    case skip(question: String, at: Double)
    case back(at: Double)

    /// Applies the event to a session; an event that no longer fits (the instrument is the same,
    /// so this means a damaged line) is passed over.
    public func replay(on session: inout Session) {
        switch self {
        case .consent(let agreed, let t): agreed ? session.agree(at: t) : session.decline()
        case .answer(let id, let answer, let t):
            guard session.current?.id == id else { return }
            try? session.answer(answer, at: t)
        case .skip(let id, let t):
            guard session.current?.id == id else { return }
            try? session.skip(at: t)
        case .back(let t): try? session.back(at: t)
        }
    }
}

enum JournalLine: Codable {
    case header(JournalHeader)
    case event(JournalEvent)
}

/// Reads a journal back: its header and every whole event line. A last line cut short by a
/// crash is ignored; that is the one answer that may be lost.
public struct JournalContents: Sendable {
    public var header: JournalHeader
    public var events: [JournalEvent]

    public static func read(_ data: Data) -> JournalContents? {
        let decoder = JSONDecoder()
        var lines = data.split(separator: 0x0A)
        guard let first = lines.first, let header = try? decoder.decode(JournalHeader.self, from: first) else { return nil }
        lines.removeFirst()
        let events = lines.compactMap { try? decoder.decode(JournalEvent.self, from: $0) }
        return JournalContents(header: header, events: events)
    }
}
