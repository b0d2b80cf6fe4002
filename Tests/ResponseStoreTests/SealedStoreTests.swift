import Foundation
import InstrumentModel
import ResponseStore
import Sealing
import SessionEngine
import TestSupport
import Testing

/// A sealed folder: finished responses, identifying records and journals are sealed to the
/// study's recipient, and read back only with its identity.
@Suite struct SealedStoreTests {
    static let story = "Marmalade zeppelin over Tuesday"
    static let email = "quill.wren@example.org"

    func begin(_ store: InstrumentStore) throws -> (SessionWriter, Session) {
        let writer = try store.begin(seed: 9, language: nil, started: "2026-11-23", pseudonym: "p_0123456789abcdef", today: 20_000)
        var s = Session(instrument: store.instrument, seed: 9, today: 20_000)
        try s.answer(Answer(.choice(3)), at: 2)
        try writer.record(.answer(question: "mood", answer: Answer(.choice(3)), at: 2))
        let story = try s.answer(Answer(.text(Self.story)), at: 5)
        try writer.record(.answer(question: "story", answer: story, at: 5))
        return (writer, s)
    }

    func finish(_ store: InstrumentStore) throws -> String {
        let (writer, started) = try begin(store)
        var s = started
        let email = try s.answer(Answer(.text(Self.email)), at: 7)
        try writer.record(.answer(question: "email", answer: email, at: 7))
        return try writer.finish(s, duration: 7)
    }

    /// Every byte of every file under `root`.
    func everyFile(_ root: String) -> [(String, Data)] {
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return files.compactMap { name in FileManager.default.contents(atPath: root + "/" + name).map { (name, $0) } }
    }

    func plaintextAnswers(under root: String) -> [String] {
        everyFile(root).filter { _, data in
            [Self.story, Self.email, "Marmalade", "quill.wren"].contains { data.range(of: Data($0.utf8)) != nil }
        }.map(\.0)
    }

    @Test func noAnswerIsOnDiskInTheClearDuringOrAfterASealedSession() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(survey)
        let identity = AgeIdentity()
        let store = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash, sealTo: identity.recipient)
        let (_, _) = try begin(store)
        #expect(plaintextAnswers(under: folder.path) == [], "a live journal holds no answer in the clear")
        _ = try finish(store)
        #expect(plaintextAnswers(under: folder.path) == [])
        #expect(try folder.text("wave/sealed-to.txt") == identity.recipient.description + "\n")
        // The finished response and its identifying record are age files, opened by the identity.
        let response = try #require(folder.files("wave").first { $0.hasSuffix(".json") })
        let sealed = try #require(FileManager.default.contents(atPath: folder.path + "/wave/" + response))
        #expect(String(decoding: try Age.open(sealed, with: identity), as: UTF8.self).contains(Self.story))
        let records = folder.files("wave/identifying")
        #expect(records.count == 1 && records[0].hasSuffix(".age"))
        let record = try #require(FileManager.default.contents(atPath: folder.path + "/wave/identifying/" + records[0]))
        #expect(String(decoding: try Age.open(record, with: identity), as: UTF8.self).contains(Self.email))
    }

    @Test func readsASealedFolderOnlyWithItsIdentity() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(survey)
        let identity = AgeIdentity()
        let store = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash, sealTo: identity.recipient)
        _ = try finish(store)
        _ = try begin(store)
        let path = folder.path + "/wave"
        #expect(throws: StoreError("""
            '\(path)' is sealed to \(identity.recipient): its responses can be read only with that recipient's identity. \
            Give it with --identity FILE (the file 'fieldwork keys new' wrote)
            """)) { try ResponseReader(path: path) }
        let other = AgeIdentity()
        #expect(throws: StoreError("""
            the identity given does not open '\(path)': the folder is sealed to \(identity.recipient), and the identity's \
            recipient is \(other.recipient). Give the identity 'fieldwork keys new' wrote for this study
            """)) { try ResponseReader(path: path, identity: other) }
        var read: [StoredResponse] = []
        var skipped: [SkippedFile] = []
        try ResponseReader(path: path, identity: identity).each(skipped: { skipped.append($0) }) { read.append($0) }
        #expect(skipped == [])
        #expect(read.map(\.status) == [.complete, .partial], "the finished response and the live journal, opened")
        #expect(read.allSatisfy { $0.answers["story"] == .string(Self.story) })
    }

    @Test func aSealedJournalResumesInTheProcessThatBeganItOrWithTheIdentity() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(survey)
        let identity = AgeIdentity()
        let store = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash, sealTo: identity.recipient)
        var sessionID = ""
        do {
            let (writer, _) = try begin(store)
            sessionID = writer.header.sessionID
        }
        let (contents, _) = try store.resume(sessionID)
        #expect(contents.events.count == 2)
        // Another process (a restarted server, a new terminal) has no key in memory.
        let restarted = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash, sealTo: identity.recipient)
        #expect(throws: StoreError("""
            session '\(sessionID)' is sealed, and its key was in the memory of the process that began it: it can be continued \
            only with the study's identity (--identity FILE); otherwise the analyst reads it as a partial response
            """)) { try restarted.resume(sessionID) }
        let analyst = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash,
                                          sealTo: identity.recipient, identity: identity)
        let (again, writer) = try analyst.resume(sessionID)
        #expect(again.events.count == 2)
        var session = again.rebuilt(with: c.instrument, fallbackDay: 0).session
        let email = try session.answer(Answer(.text(Self.email)), at: 9)
        try writer.record(.answer(question: "email", answer: email, at: 9))
        try writer.finish(session, duration: 9)
        #expect(folder.files("wave/sessions") == [], "the journal and its sealed key are removed once the response is written")
        #expect(plaintextAnswers(under: folder.path) == [])
    }

    @Test func aSealedFolderTakesOnlyItsOwnRecipient() throws {
        let folder = try TemporaryFolder()
        let c = try Compiled(survey)
        let identity = AgeIdentity()
        _ = try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash, sealTo: identity.recipient)
        let path = folder.path + "/wave"
        #expect(throws: StoreError("""
            '\(path)' is sealed to \(identity.recipient), so its responses are written only sealed: give that recipient \
            with --seal-to, or name it in the instrument (privacy: seal_to: \(identity.recipient))
            """)) { try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash) }
        let other = AgeIdentity().recipient
        #expect(throws: StoreError("""
            '\(path)' is sealed to \(identity.recipient), not to \(other): one study's responses are sealed to one \
            recipient, so that one identity opens them all
            """)) { try InstrumentStore(root: folder.path, instrument: c.instrument, compiled: c.data, hash: c.hash, sealTo: other) }
    }

    @Test func theAgeToolOpensEverySealedFile() throws {
        guard Tool.available("age") else { print("age is not installed (apt-get install age): skipped"); return }
        let folder = try TemporaryFolder()
        let c = try Compiled(survey)
        let identity = AgeIdentity()
        let key = try folder.write("identity.txt", identity.fileText)
        let store = try InstrumentStore(root: folder.path + "/responses", instrument: c.instrument, compiled: c.data, hash: c.hash,
                                        sealTo: identity.recipient)
        _ = try finish(store)
        _ = try finish(store)
        _ = try begin(store)
        let sealed = everyFile(folder.path + "/responses").filter { Age.isSealed($0.1) }.map(\.0).sorted()
        #expect(sealed.count == 5, "two responses, two identifying records, one journal key, \(sealed)")
        for name in sealed {
            let opened = try Run.command(try #require(Tool.path("age")), ["-d", "-i", key, folder.path + "/responses/" + name])
            #expect(opened.status == 0, "\(name): \(opened.stderr)")
            #expect(!opened.stdout.isEmpty || name.hasSuffix(".key.age"))
        }
    }
}
