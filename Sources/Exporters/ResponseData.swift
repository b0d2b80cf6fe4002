import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine

/// One response as the exporters read it, whether from a finished file or an interrupted journal.
public struct ResponseData {
    public var responseID: String
    public var pseudonym: String?
    public var version: String
    public var hash: String
    public var status: String
    public var language: String?
    public var started: String?
    public var duration: Int?
    /// Answers as stored: codes, lists of codes, numbers, texts, or row maps.
    public var answers: [String: Any]
    public var other: [String: String]
    public var skipped: Set<String>
    public var calculated: [String: Any]
    public var simulated: Bool

    /// Reads a response file; nil for anything that is not one.
    static func read(_ data: Data) -> ResponseData? {
        guard let o = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              o["format"] as? String == "fieldwork-response",
              let instrument = o["instrument"] as? [String: Any],
              let version = instrument["version"] as? String,
              let hash = instrument["hash"] as? String,
              let id = o["response_id"] as? String,
              let status = o["status"] as? String else { return nil }
        return ResponseData(
            responseID: id, pseudonym: o["pseudonym"] as? String, version: version, hash: hash, status: status,
            language: o["language"] as? String, started: o["started"] as? String,
            duration: (o["duration_seconds"] as? NSNumber)?.intValue,
            answers: o["answers"] as? [String: Any] ?? [:], other: o["other"] as? [String: String] ?? [:],
            skipped: Set(o["skipped"] as? [String] ?? []), calculated: o["calculated"] as? [String: Any] ?? [:],
            simulated: o["simulated"] as? Bool ?? false)
    }

    /// An interrupted session, rebuilt from its journal, as a partial response.
    static func partial(_ journal: JournalContents, instrument: Instrument) -> ResponseData {
        var session = Session(instrument: instrument, seed: journal.header.seed, language: journal.header.language, today: 0)
        for event in journal.events { event.replay(on: &session) }
        var answers: [String: Any] = [:]
        var other: [String: String] = [:]
        for (id, answer) in session.answers where session.question(id)?.identifying != true {
            answers[id] = Self.json(answer.value)
            if let o = answer.other { other[id] = o }
        }
        var calculated: [String: Any] = [:]
        for (id, value) in session.calculated {
            if case .number(let n) = value { calculated[id] = n }
            if case .text(let t) = value { calculated[id] = t }
        }
        return ResponseData(
            responseID: journal.header.responseID, pseudonym: journal.header.pseudonym, version: journal.header.version,
            hash: journal.header.hash, status: "partial", language: journal.header.language, started: journal.header.started,
            duration: journal.events.last.map { Int(Self.time(of: $0).rounded()) }, answers: answers, other: other,
            skipped: session.skipped, calculated: calculated, simulated: false)
    }

    static func json(_ value: AnswerValue) -> Any {
        switch value {
        case .choice(let c): return c
        case .choices(let c), .ranking(let c): return c
        case .number(let n): return n
        case .text(let t), .date(let t): return t
        case .rows(let r): return r
        }
    }

    static func time(of event: JournalEvent) -> Double {
        switch event {
        case .consent(_, let t), .answer(_, _, let t), .skip(_, let t), .back(let t): return t
        }
    }
}

/// The responses of one instrument, read one at a time so that memory does not grow with their number.
public struct ResponseFolder {
    public let path: String
    /// Every compiled version kept beside the responses, oldest version first.
    public let instruments: [(instrument: Instrument, hash: String)]

    public init(path: String) throws(ExportError) {
        self.path = path
        let folder = path + "/instruments"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }
        var found: [(Instrument, String)] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                  let instrument = try? JSONDecoder().decode(Instrument.self, from: data) else {
                throw ExportError("the compiled instrument '\(folder)/\(name)' is damaged")
            }
            found.append((instrument, "sha256:" + name.dropFirst("sha256-".count).dropLast(".json".count)))
        }
        guard !found.isEmpty else {
            throw ExportError("'\(path)' holds no responses folder of an instrument (no instruments/ inside); give the folder responses/<instrument-id>")
        }
        instruments = found.sorted { VersionOrder.less($0.0.version, $1.0.version) }
    }

    /// Calls `body` with each response, finished files first (in name order), then interrupted sessions.
    public func each(_ body: (ResponseData) throws -> Void) rethrows {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        for name in names {
            guard let data = FileManager.default.contents(atPath: path + "/" + name), let r = ResponseData.read(data) else { continue }
            try body(r)
        }
        let sessions = path + "/sessions"
        let journals = ((try? FileManager.default.contentsOfDirectory(atPath: sessions)) ?? []).filter { $0.hasSuffix(".journal") }.sorted()
        for name in journals {
            guard let data = FileManager.default.contents(atPath: sessions + "/" + name),
                  let journal = JournalContents.read(data),
                  let instrument = instruments.first(where: { $0.hash == journal.header.hash })?.instrument else { continue }
            try body(ResponseData.partial(journal, instrument: instrument))
        }
    }
}

public struct ExportError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Orders versions as people number them: 1.9 before 1.10.
enum VersionOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        let x = a.split(whereSeparator: { !$0.isNumber && !$0.isLetter })
        let y = b.split(whereSeparator: { !$0.isNumber && !$0.isLetter })
        for (p, q) in zip(x, y) where p != q {
            if let m = Int(p), let n = Int(q) { return m < n }
            return p < q
        }
        return x.count < y.count
    }
}
