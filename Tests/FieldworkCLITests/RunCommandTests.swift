import Foundation
import TestSupport
import Testing

let shortSurvey = """
    format: 1
    id: short
    version: 1.0.0
    title: Short survey
    consent: {text: We keep your answers without your name., agree: I agree, decline: No thanks}
    end: Thank you.
    privacy: {participant: code, timestamps: date, redact: [email, phone]}
    sections:
      - id: s
        questions:
          - {id: mood, type: scale, text: How is your mood?, from: 0, to: 4, required: true}
          - id: why
            type: long_text
            text: Why is it {mood}?
          - {id: age, type: number, text: Age?, min: 16, max: 110}
          - {id: contact, type: text, text: Email for the prize draw?, identifying: true}

    """

/// Every byte the store wrote under a folder.
func everyFile(under path: String) -> [(String, Data)] {
    guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
    var files: [(String, Data)] = []
    while let name = walker.nextObject() as? String {
        if let data = FileManager.default.contents(atPath: path + "/" + name) { files.append((name, data)) }
    }
    return files
}

@Suite struct RunCommandTests {
    func prepare() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("short.yaml", shortSurvey)
        return folder
    }

    var environment: [String: String] { ["XDG_CONFIG_HOME": FileManager.default.temporaryDirectory.path + "/fieldwork-test-config"] }

    @Test func completesASurveyThroughPlainPromptsAndWritesNothingIdentifying() throws {
        let folder = try prepare()
        // The mood scale runs 0-4: its own values are typed (3 is 3, not the third point).
        let answers = "ZX-4417\nZX-4417\n1\n3\nI slept well. Mail me at sam@example.org\n\n<\n\n34\nsam@example.org\n\n"
        let run = try Run.fieldwork(["run", "short.yaml", "--plain", "--seed", "11"], input: answers, environment: environment, in: folder.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Question 1 of 4\nHow is your mood? (required)"))
        #expect(run.stdout.contains("Why is it 3?"), "piping shows the label of the earlier answer")
        #expect(run.stdout.contains("Question 2 of 4\nWhy is it 3?\nYour answer: I slept well. Mail me at [email]\nPress Enter to keep it, or type a new one.\n"))
        #expect(run.stdout.hasSuffix("Thank you.\nYour answers have been saved. Thank you.\n"))

        let responses = folder.url.appendingPathComponent("responses/short").path
        let names = try FileManager.default.contentsOfDirectory(atPath: responses).filter { $0.hasSuffix(".json") }
        #expect(names.count == 1)
        let data = try #require(FileManager.default.contents(atPath: responses + "/" + names[0]))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let answersWritten = try #require(record["answers"] as? [String: Any])
        #expect(answersWritten["mood"] as? Int == 3)
        #expect(answersWritten["why"] as? String == "I slept well. Mail me at [email]")
        #expect(answersWritten["age"] as? Int == 34)
        #expect(answersWritten["contact"] == nil)
        #expect((record["pseudonym"] as? String)?.hasPrefix("p_") == true)
        #expect(((record["paradata"] as? [String: Any])?["returns"] as? Int) == 1)

        // No host name, user name, home folder, typed code or clock time finer than a date in any byte written.
        let host = ProcessInfo.processInfo.hostName
        let user = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let forbidden = [host, "ZX-4417", "zx-4417", home, "/" + user + "/"].filter { $0.count > 2 }
        for (name, bytes) in everyFile(under: folder.url.appendingPathComponent("responses").path) {
            let text = String(decoding: bytes, as: UTF8.self)
            for word in forbidden { #expect(!text.contains(word), "\(name) contains \(word)") }
            #expect(text.range(of: #"\b\d\d:\d\d\b"#, options: .regularExpression) == nil, "\(name) holds a clock time")
        }
    }

    @Test func leavesAndResumesWithNothingLost() throws {
        let folder = try prepare()
        let first = try Run.fieldwork(["run", "short.yaml", "--plain"], input: "AB1\nAB1\n1\n1\n", environment: environment, in: folder.url)
        #expect(first.status == 3)
        #expect(first.stdout.contains("Your answers so far are saved. You can carry on later with: fieldwork resume"))
        let status = try Run.fieldwork(["status"], in: folder.url)
        #expect(status.stdout == "instrument  version  complete   partial  declined\nshort       1.0.0           0         1         0\n")
        let list = try Run.fieldwork(["resume"], in: folder.url)
        let id = try #require(list.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first)
        let second = try Run.fieldwork(["resume", String(id), "--plain"], input: "Fine\n\n40\n\n\n", in: folder.url)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(second.stdout.contains("Continuing where you stopped."))
        #expect(second.stdout.contains("Why is it 1?"))
        let after = try Run.fieldwork(["status"], in: folder.url)
        #expect(after.stdout.hasSuffix("short       1.0.0           1         0         0\n"))
    }

    @Test func storesOnlyTheFactOfADeclinedConsent() throws {
        let folder = try prepare()
        let run = try Run.fieldwork(["run", "short.yaml", "--plain"], input: "AB1\nAB1\n2\n", environment: environment, in: folder.url)
        #expect(run.status == 0)
        #expect(run.stdout.contains("You chose not to take part. Nothing you typed has been kept."))
        let responses = folder.url.appendingPathComponent("responses/short").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))) as? [String: Any])
        #expect(record["status"] as? String == "declined")
        #expect(Set(record.keys) == ["format", "format_version", "instrument", "response_id", "status"], "nothing but the fact")
    }

    @Test func refusesAChangedInstrumentWithTheSameVersion() throws {
        let folder = try prepare()
        _ = try Run.fieldwork(["run", "short.yaml", "--plain"], input: "AB1\nAB1\n2\n", environment: environment, in: folder.url)
        try folder.write("short.yaml", shortSurvey.replacingOccurrences(of: "How is your mood?", with: "How are you?"))
        let run = try Run.fieldwork(["run", "short.yaml", "--plain"], input: "", environment: environment, in: folder.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: the instrument 'short' has changed, but its version is still 1.0.0"))
    }

    @Test func losesNothingWhenKilledMidSession() throws {
        let folder = try prepare()
        let process = Process()
        process.executableURL = Run.binary
        process.arguments = ["run", "short.yaml", "--plain"]
        process.currentDirectoryURL = folder.url
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("AB1\nAB1\n1\n2\nWorking on it\n\n".utf8))
        // Wait until the answers are in the journal: consent and two answers.
        let sessions = folder.url.appendingPathComponent("responses/short/sessions").path
        var lines = 0
        for _ in 0..<200 where lines < 4 {
            usleep(25_000)
            let journal = (try? FileManager.default.contentsOfDirectory(atPath: sessions))?.first
            lines = journal.flatMap { FileManager.default.contents(atPath: sessions + "/" + $0) }
                .map { $0.split(separator: 0x0A).count } ?? 0
        }
        #expect(lines == 4, "header, consent, mood, why")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let list = try Run.fieldwork(["resume"], in: folder.url)
        let id = try #require(list.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first)
        let resumed = try Run.fieldwork(["resume", String(id), "--plain"], input: "52\n\n\n", in: folder.url)
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        let responses = folder.url.appendingPathComponent("responses/short").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))) as? [String: Any])
        let answers = try #require(record["answers"] as? [String: Any])
        #expect(answers["mood"] as? Int == 2)
        #expect(answers["why"] as? String == "Working on it")
        #expect(answers["age"] as? Int == 52)
    }

    @Test func twoRunnersOnOneFolderKeepBothResponses() throws {
        let folder = try prepare()
        var processes: [Process] = []
        for n in 0..<2 {
            let p = Process()
            p.executableURL = Run.binary
            p.arguments = ["run", "short.yaml", "--plain"]
            p.currentDirectoryURL = folder.url
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            let file = folder.url.appendingPathComponent("in\(n).txt")
            try Data("C\(n)\nC\(n)\n1\n\(n + 1)\n\n\n\n\n".utf8).write(to: file)
            p.standardInput = try FileHandle(forReadingFrom: file)
            p.standardOutput = FileHandle.nullDevice
            processes.append(p)
        }
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        let status = try Run.fieldwork(["status"], in: folder.url)
        #expect(status.stdout.hasSuffix("short       1.0.0           2         0         0\n"))
    }

    @Test func reportsInstrumentErrorsInsteadOfRunning() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.yaml", shortSurvey.replacingOccurrences(of: "type: scale", with: "type: scael"))
        let run = try Run.fieldwork(["run", "bad.yaml", "--plain"], input: "", in: folder.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.yaml:11:26: error: unknown question type 'scael' in question 'mood' [unknown-type]"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("responses").path))
    }
}
