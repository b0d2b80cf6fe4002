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
    /// A group discussion's number of participants (P1 to Pn), so that a resumed one keeps it.
    public var group: Int?

    public init(instrumentID: String, version: String, hash: String, sessionID: String, responseID: String,
                seed: UInt64, language: String?, started: String?, pseudonym: String?, group: Int? = nil) {
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
    }

    enum CodingKeys: String, CodingKey {
        case format, instrumentID = "instrument_id", version, hash, sessionID = "session_id"
        case responseID = "response_id", seed, language, started, pseudonym, group
    }
}

/// One thing the participant did, with the seconds since the session started.
public enum JournalEvent: Codable, Sendable, Equatable {
    case consent(agreed: Bool, at: Double)
    case answer(question: String, answer: Answer, at: Double)
    case skip(question: String, at: Double)
    case back(at: Double)
    /// The interviewer's moves: notes kept without moving on, a jump, a probe ticked, the end.
    case notes(question: String, text: String, at: Double)
    case jump(question: String, at: Double)
    case probe(question: String, index: Int, asked: Bool, at: Double)
    case end(at: Double)

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
        case .notes(let id, let text, let t):
            guard session.current?.id == id else { return }
            try? session.setNotes(text, at: t)
        case .jump(let id, let t): try? session.jump(to: id, at: t)
        case .probe(let id, let index, let asked, _):
            guard session.current?.id == id else { return }
            try? session.tickProbe(index, asked: asked)
        case .end(let t): session.end(at: t)
        }
    }
}

extension JournalEvent {
    /// When the event happened, in seconds since the session started.
    public var time: Double {
        switch self {
        case .consent(_, let t), .answer(_, _, let t), .skip(_, let t), .back(let t), .notes(_, _, let t), .jump(_, let t),
             .probe(_, _, _, let t), .end(let t): t
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
