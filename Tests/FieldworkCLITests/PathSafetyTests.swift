import Foundation
import TestSupport
import Testing

/// The store writes only where it seems to: never through a symbolic link put in place of one of
/// its folders or files, never at the top of the file system, never a study key in the working
/// folder by accident.
@Suite struct PathSafetyTests {
    static let survey = """
        format: 1
        id: paths
        version: 1.0.0
        title: Paths
        privacy: {participant: code}
        sections:
          - id: s
            questions:
              - {id: q1, type: number, text: One?}
        """

    func prepared() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("paths.yaml", Self.survey)
        try FileManager.default.createDirectory(atPath: folder.path + "/elsewhere", withIntermediateDirectories: true)
        return folder
    }

    func run(_ folder: TemporaryFolder, _ extra: [String] = [], environment: [String: String]? = nil) throws -> Run {
        try Run.fieldwork(["run", "paths.yaml", "--plain", "--key-file", folder.path + "/keys/paths.key"] + extra, input: "AB12\nAB12\n5\n\n",
                          environment: environment ?? [:], in: folder.url)
    }

    @Test(arguments: ["responses/paths", "responses/paths/sessions", "responses/paths/identifying"])
    func refusesAFolderThatIsALink(_ link: String) throws {
        let folder = try prepared()
        try FileManager.default.createDirectory(atPath: folder.path + "/responses/paths", withIntermediateDirectories: true)
        if link != "responses/paths" { try FileManager.default.createDirectory(atPath: folder.path + "/responses/paths/instruments", withIntermediateDirectories: true) }
        try? FileManager.default.removeItem(atPath: folder.path + "/" + link)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/" + link, withDestinationPath: folder.path + "/elsewhere")
        let run = try run(folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("is a symbolic link; Fieldwork writes responses only into real folders"), "\(run.stderr)")
        #expect(folder.files("elsewhere").isEmpty, "nothing written through the link")
    }

    @Test(arguments: [".lock", "withdrawals.log"])
    func refusesAFileThatIsALink(_ name: String) throws {
        let folder = try prepared()
        #expect(try run(folder).status == 0)
        let target = folder.path + "/elsewhere/target"
        #expect(FileManager.default.createFile(atPath: target, contents: Data("kept\n".utf8)))
        let link = folder.path + "/responses/paths/" + name
        try? FileManager.default.removeItem(atPath: link)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let attempt = name == ".lock" ? try run(folder)
            : try Run.fieldwork(["withdraw", "paths", "--participant", "AB12", "--key-file", folder.path + "/keys/paths.key"], in: folder.url)
        #expect(attempt.status == 1, "\(attempt.stdout)\(attempt.stderr)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "kept\n", "the linked file is untouched")
    }

    @Test func refusesAnEmptyResponsesFolderAndAHugeSeed() throws {
        let folder = try prepared()
        let empty = try run(folder, ["--responses", ""])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("--responses needs a folder's name"))
        let seed = try run(folder, ["--seed", "9007199254740993"])
        #expect(seed.status == 2)
        #expect(seed.stderr.contains("--seed takes a number below 9007199254740992"))
    }

    @Test func needsAHomeForTheDefaultKey() throws {
        let folder = try prepared()
        let run = try Run.fieldwork(["run", "paths.yaml", "--plain"], input: "AB12\nAB12\n5\n\n",
                                    environment: ["HOME": "", "XDG_CONFIG_HOME": ""], in: folder.url)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("there is no home folder to keep the study key in"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/.config"))
    }

    @Test func warnsWhenTheKeyIsKeptWithTheResponses() throws {
        let folder = try prepared()
        let run = try Run.fieldwork(["run", "paths.yaml", "--plain", "--key-file", "responses/paths.key"], input: "AB12\nAB12\n5\n\n", in: folder.url)
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: the study key 'responses/paths.key' is inside the responses folder"))
    }
}

@Suite struct ConcurrentRunnerTests {
    /// Twelve participants start at once on a new study with the same code: one key is made, every
    /// response has the one pseudonym, and every response is counted once.
    @Test func runnersStartingAtOnceOnANewStudy() throws {
        let folder = try TemporaryFolder()
        try folder.write("paths.yaml", PathSafetyTests.survey)
        let statuses = Statuses()
        let (path, url) = (folder.path, folder.url)
        DispatchQueue.concurrentPerform(iterations: 12) { _ in
            let run = try? Run.fieldwork(["run", "paths.yaml", "--plain", "--key-file", path + "/keys/paths.key"],
                                         input: "AB12\nAB12\n5\n\n", in: url)
            statuses.add(run?.status ?? -1)
        }
        #expect(statuses.all == Array(repeating: 0, count: 12))
        let store = folder.path + "/responses/paths"
        let names = folder.files("responses/paths").filter { $0.hasSuffix(".json") }
        #expect(names.count == 12)
        let pseudonyms = try Set(names.map { name in
            let data = try #require(FileManager.default.contents(atPath: store + "/" + name))
            return try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["pseudonym"] as? String)
        })
        #expect(pseudonyms.count == 1, "one code, one pseudonym: \(pseudonyms)")
        #expect(folder.files("keys") == ["paths.key"])
        let status = try Run.fieldwork(["status"], in: folder.url)
        #expect(status.stdout.contains("      12         0         0"), "\(status.stdout)")
    }

    final class Statuses: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Int32] = []
        func add(_ s: Int32) { lock.withLock { items.append(s) } }
        var all: [Int32] { lock.withLock { items } }
    }
}

@Suite struct InstrumentFileTests {
    /// A FIFO given as an instrument is refused at once with the reason, not read for ever.
    @Test func refusesAFIFOInsteadOfWaiting() throws {
        let folder = try TemporaryFolder()
        #expect(mkfifo(folder.path + "/fifo.yaml", 0o600) == 0)
        let run = try Run.fieldwork(["check", "fifo.yaml"], in: folder.url)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: cannot read 'fifo.yaml': it is not a regular file (a folder, a FIFO or a device)"))
    }
}
