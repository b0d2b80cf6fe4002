import Foundation
import ResponseStore
import Sealing
import TestSupport
import Testing

/// The reliability suite, in the spirit of SQLite's crash and I/O-error tests: the store's Nth
/// disk-changing system call is made to kill the process, fail as a full disk, or write half its
/// bytes, for every N across a whole session and its completion. After each, the folder must hold
/// every answer that was acknowledged (its next question was shown), count the session once, and
/// once the session is finished hold exactly one response and one identifying record, with no
/// journal and no temporary file left behind.
@Suite(.serialized) struct StoreFaultTests {
    static let survey = """
        format: 1
        id: faults
        version: 1.0.0
        title: Faults
        privacy: {timestamps: date}
        sections:
          - id: s
            questions:
              - {id: q1, type: number, text: One?}
              - {id: q2, type: number, text: Two?}
              - {id: q3, type: number, text: Three?}
              - {id: q4, type: number, text: Four?}
              - {id: contact, type: text, text: Email for the draw?, identifying: true}
        """
    /// Every question answered "7", so that a resumed session's input lines up wherever it resumes.
    static let answers = String(repeating: "7\n", count: 5) + "\n"

    struct Folder {
        let folder: TemporaryFolder
        /// Sealed to a recipient (privacy.seal_to), and read with `identity.txt`.
        var sealed = false
        var store: String { folder.path + "/responses/faults" }
        var identity: [String] { sealed ? ["--identity", folder.path + "/identity.txt"] : [] }

        func files(_ sub: String = "") -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: store + (sub.isEmpty ? "" : "/" + sub))) ?? []).sorted()
        }

        /// Every temporary file anywhere in the store.
        var temporary: [String] {
            ["", "sessions", "identifying", "instruments"].flatMap { sub in files(sub).filter { $0.hasPrefix(".tmp-") } }
        }
    }

    func fresh(sealed: Bool = false) throws -> Folder {
        let folder = try TemporaryFolder()
        guard sealed else {
            try folder.write("faults.yaml", Self.survey)
            return Folder(folder: folder)
        }
        let identity = AgeIdentity()
        try folder.write("identity.txt", identity.fileText)
        try folder.write("faults.yaml", Self.survey.replacingOccurrences(of: "privacy: {timestamps: date}", with: "privacy: {timestamps: date, seal_to: \(identity.recipient)}"))
        return Folder(folder: folder, sealed: true)
    }

    func run(_ folder: Folder, fault: String?) throws -> Run {
        try Run.fieldwork(["run", "faults.yaml", "--plain", "--seed", "3"], input: Self.answers,
                          environment: fault.map { ["FIELDWORK_STORE_FAULT": $0] } ?? [:], in: folder.folder.url)
    }

    /// Questions whose answer was acknowledged: the question after them was shown.
    func acknowledged(_ output: String) -> Set<Int> {
        Set((2...5).filter { output.contains("[\($0)/5]") }.map { $0 - 1 })
    }

    /// Finishes whatever the fault left, as a participant would: resume the session if there is
    /// one, else start again; then checks the folder's invariants.
    func finishAndCheck(_ folder: Folder, after first: Run, fault: String) throws {
        let status = try Run.fieldwork(["status"] + folder.identity, in: folder.folder.url)
        let counted = status.stdout.split(separator: "\n").filter { $0.contains("1.0.0") }
        #expect(counted.count <= 1, "\(fault): \(status.stdout)")
        #expect(!status.stdout.contains("2 "), "\(fault): a session counted twice: \(status.stdout)")

        // The sessions a participant could continue, as `fieldwork resume` lists them.
        let listing = try Run.fieldwork(["resume"] + folder.identity, in: folder.folder.url).stdout
        let listed = listing.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { String($0.dropFirst(2).prefix(8)) }
        let responses = folder.files().filter { $0.hasSuffix(".json") }
        if responses.isEmpty {
            if let id = listed.first {
                let resumed = try Run.fieldwork(["resume", id, "--plain"] + folder.identity, input: Self.answers, in: folder.folder.url)
                #expect(resumed.status == 0, "\(fault): resume: \(resumed.stdout)\(resumed.stderr)")
                for k in acknowledged(first.stdout) {
                    #expect(!resumed.stdout.contains("[\(k)/5]"), "\(fault): answer \(k) was acknowledged but asked again")
                }
            } else {
                let again = try run(folder, fault: nil)
                #expect(again.status == 0, "\(fault): \(again.stderr)")
            }
        } else {
            // The response is written: opening the folder again finishes what the fault cut short.
            // In a sealed folder only the identity opens the journal, and the analyst's listing
            // with it finishes the completion.
            _ = try Run.fieldwork(folder.sealed ? ["resume"] + folder.identity : ["run", "faults.yaml", "--plain"], input: "", in: folder.folder.url)
        }
        let finished = folder.files().filter { $0.hasSuffix(".json") }
        #expect(finished.count == 1, "\(fault): \(finished)")
        if folder.sealed {
            #expect(folder.files("identifying").count == 1 && folder.files("identifying")[0].hasSuffix(".age"),
                    "\(fault): one sealed identifying record, never two: \(folder.files("identifying"))")
            #expect(everyFile(under: folder.store).allSatisfy { name, data in
                !data.starts(with: Data("{".utf8)) || name.hasPrefix("instruments/") || name.hasPrefix("sessions/") && data.isEmpty
            }, "\(fault): a file in the clear")
        } else {
            #expect(folder.files("identifying") == ["identifying.json"], "\(fault): \(folder.files("identifying"))")
            let records = FileManager.default.contents(atPath: folder.store + "/identifying/identifying.json")
                .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }?["records"] as? [Any]
            #expect(records?.count == 1, "\(fault): one identifying record, never two")
        }
        #expect(folder.temporary.isEmpty, "\(fault): left behind \(folder.temporary)")
        let left = folder.files("sessions").filter { $0.hasSuffix(".journal") }
        // A session started again after a fault at its very start leaves the empty first journal
        // only if it never got a header; the store removes those too.
        #expect(left.count <= 1, "\(fault): \(left)")
        let reader = try ResponseReader(path: folder.store, identity: folder.sealed ? try AgeIdentity.parseFile(folder.folder.text("identity.txt")).first : nil)
        var complete = 0
        reader.eachFinished { r in
            if r.status == .complete { complete += 1 }
            for q in ["q1", "q2", "q3", "q4"] { #expect(r.answers[q]?.number == 7, "\(fault): \(q) \(String(describing: r.answers[q]))") }
        }
        #expect(complete == 1, "\(fault)")
    }

    @Test(arguments: ["crash", "fail", "short"], [false, true])
    func survivesAFaultAtEveryStoreCall(_ kind: String, sealed: Bool) throws {
        var n = 1
        var completedInARow = 0
        while n < 100 {
            let folder = try fresh(sealed: sealed)
            let fault = "\(n):\(kind)"
            let first = try run(folder, fault: fault)
            if first.status == 0 && first.stdout.contains("Your answers have been saved") {
                // A failed call whose failure is harmless (setting a file's times) lets the session
                // complete; only several completions in a row mean the walk is past the last call.
                completedInARow += 1
                if completedInARow == 5 {
                    #expect(n > 20, "the session should make more than 15 store calls")
                    return
                }
            } else {
                completedInARow = 0
            }
            #expect(first.status != 1 || first.stderr.contains("error: "), "\(fault): \(first.stderr)")
            try finishAndCheck(folder, after: first, fault: fault)
            n += 1
        }
        Issue.record("the walk did not reach the end of the session")
    }
}

@Suite(.serialized) struct WithdrawAfterFaultTests {
    static let survey = """
        format: 1
        id: leave
        version: 1.0.0
        title: Leave
        privacy: {participant: code}
        sections:
          - id: s
            questions:
              - {id: q1, type: number, text: One?}
              - {id: contact, type: text, text: Email for the draw?, identifying: true}
        """

    /// A kill after the response is written but before its journal is removed leaves both: a
    /// withdrawal then removes the participant's session once, counts it once, and leaves no
    /// temporary copy, journal or response behind.
    @Test func withdrawalCountsACutShortCompletionOnce() throws {
        for n in 1..<60 {
            let folder = try TemporaryFolder()
            try folder.write("leave.yaml", Self.survey)
            let key = ["--key-file", folder.path + "/leave.key"]
            let run = try Run.fieldwork(["run", "leave.yaml", "--plain"] + key, input: "AB12\nAB12\n4\nme@example.org\n\n",
                                        environment: ["FIELDWORK_STORE_FAULT": "\(n):crash"], in: folder.url)
            guard run.status != 0 else { Issue.record("no call left both a response and its journal"); return }
            let store = "responses/leave"
            let responses = folder.files(store).filter { $0.hasSuffix(".json") }
            let journals = folder.files(store + "/sessions")
            guard !responses.isEmpty, !journals.isEmpty else { continue }
            let withdraw = try Run.fieldwork(["withdraw", "leave", "--participant", "AB12"] + key, in: folder.url)
            #expect(withdraw.status == 0, "\(withdraw.stderr)")
            #expect(withdraw.stdout.hasPrefix("Removed 1 response of 'leave' for this participant (1 complete, 0 partial, 0 declined)."), "\(withdraw.stdout)")
            #expect(folder.files(store).filter { $0.hasSuffix(".json") || $0.hasPrefix(".tmp-") }.isEmpty, "\(folder.files(store))")
            #expect(folder.files(store + "/sessions").isEmpty)
            return
        }
        Issue.record("no crash point left a response beside its journal")
    }

    /// In a sealed folder, a withdrawal (with the identity) that finishes a completion a crash
    /// cut short writes what it finishes sealed, at whatever call the crash came: no answer and
    /// no identifying record is ever left in the clear.
    @Test func aWithdrawalFinishesSealedCompletionsSealed() throws {
        for n in 1..<60 {
            let folder = try TemporaryFolder()
            let identity = AgeIdentity()
            let identityFile = try folder.write("identity.txt", identity.fileText)
            try folder.write("leave.yaml", Self.survey.replacingOccurrences(of: "privacy: {participant: code}", with: "privacy: {participant: code, seal_to: \(identity.recipient)}"))
            let key = ["--key-file", folder.path + "/leave.key"]
            let run = try Run.fieldwork(["run", "leave.yaml", "--plain"] + key, input: "AB12\nAB12\n4\nme@example.org\n\n",
                                        environment: ["FIELDWORK_STORE_FAULT": "\(n):crash"], in: folder.url)
            if run.status == 0 { return }
            // Crashes before the folder or the study key exist leave nothing to withdraw from.
            guard FileManager.default.fileExists(atPath: folder.path + "/leave.key"),
                  FileManager.default.fileExists(atPath: folder.path + "/responses/leave/instruments") else { continue }
            let withdraw = try Run.fieldwork(["withdraw", "leave", "--participant", "CD34", "--identity", identityFile] + key, in: folder.url)
            #expect(withdraw.status == 0, "\(n): \(withdraw.stderr)")
            let clear = everyFile(under: folder.path + "/responses/leave").filter { name, data in
                !name.hasPrefix("instruments/") && (data.range(of: Data("me@example.org".utf8)) != nil || data.starts(with: Data("{".utf8)))
            }.map(\.0)
            #expect(clear == [], "\(n): in the clear: \(clear)")
        }
        Issue.record("the walk did not reach the end of the session")
    }
}
