import Foundation
import InstrumentCompiler
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

extension TemporaryFolder {
    func json(_ file: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: path + "/" + file))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

struct Compiled {
    var instrument: Instrument
    var data: Data
    var hash: String

    init(_ yaml: String) throws {
        let result = try compiling(yaml)
        instrument = try #require(result.instrument)
        data = try #require(result.canonical)
        hash = try #require(result.contentHash)
    }
}

let survey = """
    format: 1
    id: wave
    version: 1.0.0
    title: Wave
    privacy: {participant: code, redact: [email, phone, url, postcode]}
    sections:
      - id: s
        questions:
          - {id: mood, type: scale, text: Mood?, from: 0, to: 4}
          - {id: story, type: long_text, text: Tell us more}
          - {id: email, type: text, text: Email for the prize draw?, identifying: true, redact: false}

    """

@Suite struct StoreTests {
    func run(_ store: InstrumentStore, pseudonym: String? = "p_0123456789abcdef") throws -> (SessionWriter, Session) {
        let writer = try store.begin(seed: 9, language: nil, started: "2026-11-23", pseudonym: pseudonym, today: 20_000)
        var s = Session(instrument: store.instrument, seed: 9, today: 20_000)
        try s.answer(Answer(.choice(3)), at: 2)
        try writer.record(.answer(question: "mood", answer: Answer(.choice(3)), at: 2))
        let story = try s.answer(Answer(.text("Ring 07700 900123 or mail sam@example.org, SW1A 1AA")), at: 5.25)
        try writer.record(.answer(question: "story", answer: story, at: 5.25))
        try s.answer(Answer(.text("sam@example.org")), at: 7)
        return (writer, s)
    }

    @Test func writesACompleteResponseWithIdentifyingAnswersApart() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(survey)
        let store = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash)
        let (writer, session) = try run(store)
        let path = try writer.finish(session, duration: 7.4)
        #expect(folder.files("wave/sessions") == [], "the journal is removed once the response is written")
        let name = (path as NSString).lastPathComponent
        let record = try folder.json("wave/" + name)
        #expect(record["status"] as? String == "complete")
        #expect(record["format"] as? String == "fieldwork-response")
        #expect(record["format_version"] as? Int == 1)
        #expect(record["pseudonym"] as? String == "p_0123456789abcdef")
        #expect(record["started"] as? String == "2026-11-23")
        #expect(record["duration_seconds"] as? Int == 7)
        #expect(record["seed"] as? Int == 9)
        #expect((record["instrument"] as? [String: String]) == ["id": "wave", "version": "1.0.0", "hash": c.hash])
        let answers = try #require(record["answers"] as? [String: Any])
        #expect(answers["mood"] as? Int == 3)
        #expect(answers["story"] as? String == "Ring [phone] or mail [email], [postcode]")
        #expect(answers["email"] == nil, "identifying answers never sit with the response")
        let paradata = try #require(record["paradata"] as? [String: Any])
        #expect(((paradata["questions"] as? [String: Any])?["story"] as? [String: Any])?["seconds"] as? Double == 3.3)

        #expect(folder.files("wave/identifying") == ["identifying.json"])
        let identifying = try folder.json("wave/identifying/identifying.json")
        #expect(Set(identifying.keys) == ["format", "format_version", "instrument_id", "records"])
        let records = try #require(identifying["records"] as? [[String: Any]])
        #expect(records.count == 1)
        #expect(Set(records[0].keys) == ["answers", "id"], "no response id, time or order")
        #expect((records[0]["answers"] as? [String: String]) == ["email": "sam@example.org"])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path + "/wave/identifying/identifying.json")
        #expect((attributes[.modificationDate] as? Date) == Date(timeIntervalSince1970: 0))
        let responseTimes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((responseTimes[.modificationDate] as? Date) == Date(timeIntervalSince1970: 1_795_392_000), "the start day, 2026-11-23, not the moment")
        #expect(folder.files("wave/instruments") == [c.hash.replacingOccurrences(of: ":", with: "-") + ".json"])
    }

    @Test func keepsEveryAnsweredStepInTheJournalUntilTheEnd() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(survey)
        let store = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash)
        let (writer, _) = try run(store)
        let contents = try #require(store.interrupted().first)
        #expect(contents.header.sessionID == writer.header.sessionID)
        #expect(contents.events.count == 2)
        #expect(contents.header.today == 20_000)
        let replay = contents.rebuilt(with: c.instrument, fallbackDay: 0)
        #expect(replay.unapplied.isEmpty)
        let rebuilt = replay.session
        #expect(rebuilt.current?.id == "email")
        #expect(rebuilt.answers["mood"] == Answer(.choice(3)))
    }

    @Test func ignoresALastLineCutShortByACrash() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(survey)
        let store = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash)
        let (writer, _) = try run(store)
        let handle = try #require(FileHandle(forWritingAtPath: writer.journalPath))
        handle.seekToEndOfFile()
        handle.write(Data("{\"answer\":{\"question\":\"em".utf8))
        try handle.close()
        #expect(store.interrupted().first?.events.count == 2)
    }

    @Test func refusesAChangedInstrumentWhoseVersionWasNotRaised() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(survey)
        _ = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash)
        let changed = try Compiled(survey.replacingOccurrences(of: "Mood?", with: "How is your mood?"))
        #expect(throws: StoreError("""
            the instrument 'wave' has changed, but its version is still 1.0.0, and responses to version 1.0.0 exist in \
            '\(folder.path)/wave'. Raise 'version' in the instrument (for example to 1.0.1) so that answers to the old \
            and new wording are never mixed, then run it again.
            """)) {
            try InstrumentStore(root: folder.path, instrument: changed.instrument, compiled: changed.data, hash: changed.hash)
        }
        let raised = try Compiled(survey.replacingOccurrences(of: "Mood?", with: "How is your mood?").replacingOccurrences(of: "1.0.0", with: "1.1.0"))
        _ = try InstrumentStore(root: folder.path, instrument: raised.instrument, compiled: raised.data, hash: raised.hash)
        #expect(folder.files("wave/instruments").count == 2, "each version used is kept once")
    }

    @Test func createsFoldersAndFilesForTheOwnerOnly() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(survey)
        let store = try InstrumentStore(root: folder.path + "/nested/responses", instrument: c.instrument, compiled: c.data, hash: c.hash)
        let (writer, session) = try run(store)
        let path = try writer.finish(session, duration: 1)
        for p in [folder.path + "/nested/responses/wave", folder.path + "/nested/responses/wave/sessions"] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as? Int)
            #expect(mode == 0o700, "\(p)")
        }
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
    }

    @Test func countsResponsesByVersionAndStatus() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(survey.replacingOccurrences(of: "title: Wave\n", with: "title: Wave\nconsent: {text: Take part?, agree: I agree}\n"))
        let store = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash)
        func session(_ moves: [SessionMove], finish: Bool) throws {
            let writer = try store.begin(seed: 1, language: nil, started: nil, pseudonym: nil, today: 0)
            var s = Session(instrument: c.instrument, seed: 1, today: 0)
            for move in moves { try writer.record(try s.apply(s.event(move, at: 1))) }
            if finish { try writer.finish(s, duration: 1) }
        }
        try session([.consent(agreed: true), .answer(Answer(.choice(3))), .skip, .skip], finish: true)
        try session([.consent(agreed: true), .answer(Answer(.choice(3)))], finish: false)
        try session([.consent(agreed: false)], finish: true)
        #expect(StoreStatus.scan(root: folder.path) == [VersionCount(instrumentID: "wave", version: "1.0.0", complete: 1, partial: 1, declined: 1)])
    }

    @Test func makesTheSamePseudonymForTheSameCodeOnly() throws {
        let folder = try TemporaryFolder()
        let (key, created) = try StudyKey.loadOrCreate(at: folder.path + "/keys/wave.key")
        #expect(created)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: key.path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let again = try StudyKey.loadOrCreate(at: folder.path + "/keys/wave.key")
        #expect(!again.created)
        #expect(key.pseudonym(for: " AB12 ") == again.key.pseudonym(for: "ab12"))
        #expect(key.pseudonym(for: "ab12") != key.pseudonym(for: "ab13"))
        #expect(key.pseudonym(for: "ab12").count == 18)
        let other = try StudyKey.loadOrCreate(at: folder.path + "/keys/other.key").key
        #expect(other.pseudonym(for: "ab12") != key.pseudonym(for: "ab12"), "without the key, the code cannot be recovered")
        try Data("not a key".utf8).write(to: URL(fileURLWithPath: folder.path + "/keys/bad.key"))
        #expect(throws: StoreError.self) { try StudyKey.load(at: folder.path + "/keys/bad.key") }
    }
}

@Suite struct StudyKeyRaceTests {
    /// Twelve runners starting at once on a new study: every one gets the same key.
    @Test func runnersStartingAtOnceShareOneKey() throws {
        for _ in 0..<5 {
            let folder = try TemporaryFolder()
            let path = folder.path + "/keys/race.key"
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 12) { _ in
                let loaded = try? StudyKey.loadOrCreate(at: path)
                results.add(loaded.map { ($0.key.pseudonym(for: "AB12"), $0.created) })
            }
            let all = results.all
            #expect(all.count == 12 && all.allSatisfy { $0 != nil })
            #expect(Set(all.compactMap { $0?.0 }).count == 1, "one code, one pseudonym")
            #expect(all.compactMap { $0 }.filter(\.1).count == 1, "one key is created, the others load it")
            #expect(folder.files("keys") == ["race.key"], "no temporary file left")
        }
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [(String, Bool)?] = []
        func add(_ item: (String, Bool)?) { lock.withLock { items.append(item) } }
        var all: [(String, Bool)?] { lock.withLock { items } }
    }
}

@Suite struct DeclinedRecordTests {
    /// A declined consent is recorded with its status and nothing else: no pseudonym, no
    /// calculation, no date or time, and a file time of 1970.
    @Test func keepsOnlyTheStatus() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(survey.replacingOccurrences(of: "title: Wave\n", with: "title: Wave\nconsent: {text: Take part?, agree: I agree}\n")
            .replacingOccurrences(of: "    questions:\n", with: "    questions:\n      - {id: score, type: calculate, value: \"1 + 1\"}\n"))
        let store = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash)
        let writer = try store.begin(seed: 1, language: nil, started: "2026-11-23", pseudonym: "p_0123456789abcdef", today: 20_780)
        var s = Session(instrument: c.instrument, seed: 1, today: 20_780)
        try s.apply(s.event(.consent(agreed: false), at: 1))
        let path = try writer.finish(s, duration: 3)
        let record = try folder.json("wave/" + (path as NSString).lastPathComponent)
        #expect(Set(record.keys) == ["format", "format_version", "instrument", "response_id", "status"])
        #expect(record["status"] as? String == "declined")
        let times = try FileManager.default.attributesOfItem(atPath: path)
        #expect((times[.modificationDate] as? Date) == Date(timeIntervalSince1970: 0))
    }
}

@Suite struct DamagedIdentifyingRecordsTests {
    /// Damaged identifying records are never overwritten: the completion says so and keeps its
    /// journal; the next participant can still start; once the file is restored, the next opening
    /// of the folder finishes the completion.
    @Test func stopsTheCompletionWithoutBlockingTheNextParticipant() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(survey)
        let store = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash)
        let records = folder.path + "/wave/identifying/identifying.json"
        #expect(FileManager.default.createFile(atPath: records, contents: Data("not json".utf8)))
        // The writer (and its lock on the journal) ends with the session, as the process would.
        do {
            let writer = try store.begin(seed: 9, language: nil, started: nil, pseudonym: nil, today: 0)
            var s = Session(instrument: c.instrument, seed: 9, today: 0)
            for move in [SessionMove.answer(Answer(.choice(3))), .skip, .answer(Answer(.text("sam@example.org")))] {
                try writer.record(try s.apply(s.event(move, at: 1)))
            }
            #expect(throws: StoreError("the identifying records '\(records)' are damaged; restore them from your backup before more sessions finish")) {
                try writer.finish(s, duration: 3)
            }
        }
        #expect(folder.files("wave/sessions").count == 1, "the journal, and the e-mail in it, are kept")
        _ = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash)
        #expect(try String(contentsOfFile: records, encoding: .utf8) == "not json", "never overwritten")
        try FileManager.default.removeItem(atPath: records)
        _ = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash)
        #expect(folder.files("wave/sessions").isEmpty)
        #expect(try String(contentsOfFile: records, encoding: .utf8).contains("sam@example.org"))
    }
}
