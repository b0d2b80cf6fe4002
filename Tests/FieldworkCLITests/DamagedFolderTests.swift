import Foundation
import TestSupport
import Testing

/// A corpus of damaged and hostile response folders: every command that reads responses
/// (`status`, `export`, `summary`, `resume`) must neither crash nor hang, must read only regular
/// files of a bounded size, must write nowhere outside the folder, and must say which files it
/// passed over and why, with exit status 1.
@Suite(.serialized) struct DamagedFolderTests {
    static let survey = """
        format: 1
        id: damaged
        version: 1.0.0
        title: Damaged
        privacy: {timestamps: date}
        sections:
          - id: s
            questions:
              - {id: q1, type: number, text: One?}
              - {id: q2, type: number, text: Two?}
        """

    /// A folder with one good complete response and one interrupted session.
    func folder() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        try folder.write("damaged.yaml", Self.survey)
        let done = try Run.fieldwork(["run", "damaged.yaml", "--plain"], input: "1\n2\n\n", in: folder.url)
        #expect(done.status == 0, "\(done.stderr)")
        let left = try Run.fieldwork(["run", "damaged.yaml", "--plain"], input: "3\n", in: folder.url)
        #expect(left.status == 3, "\(left.stderr)")
        return (folder, folder.path + "/responses/damaged")
    }

    func journal(in store: String) throws -> String {
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: store + "/sessions").first { $0.hasSuffix(".journal") })
        return store + "/sessions/" + name
    }

    /// Runs every reading command; none may crash, and each must name `expected` among the files passed over.
    func readAll(_ folder: TemporaryFolder, naming expected: String?, _ what: String) throws {
        for arguments in [["status"], ["export", "responses/damaged", "--format", "csv", "--out", "out-csv"],
                          ["export", "responses/damaged", "--format", "jsonl", "--out", "out-jsonl"],
                          ["export", "responses/damaged", "--format", "long", "--out", "out-long"],
                          ["summary", "responses/damaged"], ["resume"]] {
            let run = try Run.fieldwork(arguments, in: folder.url)
            #expect(run.status == 0 || run.status == 1, "\(what): \(arguments) ended with \(run.status): \(run.stderr)")
            #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"), "\(what): \(arguments): \(run.stderr)")
            if let expected, arguments[0] != "resume" {
                #expect(run.stderr.contains(expected) && run.status == 1, "\(what): \(arguments) did not name \(expected): \(run.stderr)")
            }
        }
    }

    @Test func passesOverNestedTruncatedAndInvalidFilesSayingWhich() throws {
        let (folder, store) = try folder()
        try String(repeating: "[", count: 100_000).write(toFile: store + "/deep.json", atomically: false, encoding: .utf8)
        try readAll(folder, naming: "deep.json' was not read: it is not a Fieldwork response", "deep nesting")
        try FileManager.default.removeItem(atPath: store + "/deep.json")
        let good = try #require(try FileManager.default.contentsOfDirectory(atPath: store).first { $0.hasSuffix(".json") })
        let bytes = try #require(FileManager.default.contents(atPath: store + "/" + good))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: store + "/" + String(repeating: "e", count: 32) + ".json"))
        try readAll(folder, naming: String(repeating: "e", count: 32) + ".json' was not read", "a truncated copy")
    }

    @Test func readsOnlyRegularFilesOfABoundedSize() throws {
        let (folder, store) = try folder()
        try FileManager.default.createSymbolicLink(atPath: store + "/zero.json", withDestinationPath: "/dev/zero")
        try readAll(folder, naming: "zero.json' was not read: it is not a regular file", "a link to /dev/zero")
        try FileManager.default.removeItem(atPath: store + "/zero.json")
        #expect(mkfifo(store + "/fifo.json", 0o600) == 0)
        try readAll(folder, naming: "fifo.json' was not read: it is not a regular file", "a FIFO")
        try FileManager.default.removeItem(atPath: store + "/fifo.json")
        #expect(FileManager.default.createFile(atPath: store + "/big.json", contents: nil))
        #expect(truncate(store + "/big.json", 17 << 20) == 0)
        try readAll(folder, naming: "big.json' was not read: it is larger than 16 MiB", "a 17 MiB file")
    }

    @Test func refusesJournalsWhoseHeaderCouldPointOutsideTheFolder() throws {
        let (folder, store) = try folder()
        let path = try journal(in: store)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let id = try #require(text.range(of: "\"response_id\":\"")).upperBound
        let end = try #require(text[id...].firstIndex(of: "\""))
        text.replaceSubrange(id..<end, with: "../../../elsewhere/pwned")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try readAll(folder, naming: "was not read: it is not a journal Fieldwork can read", "a response id with ../")
        let session = String((path as NSString).lastPathComponent.prefix(8))
        let resume = try Run.fieldwork(["resume", session, "--plain"], input: "4\n", in: folder.url)
        #expect(resume.status != 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/elsewhere"))
    }

    @Test func passesOverEventsThatCannotHappen() throws {
        let (folder, store) = try folder()
        let path = try journal(in: store)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // A time of 1e300 seconds, and interview moves in a survey's journal.
        try (text + "{\"skip\":{\"at\":1e300,\"question\":\"q2\"}}\n{\"jump\":{\"at\":9,\"question\":\"q2\"}}\n{\"end\":{\"at\":10}}\n")
            .write(toFile: path, atomically: false, encoding: .utf8)
        try readAll(folder, naming: nil, "impossible events")
        let status = try Run.fieldwork(["status"], in: folder.url)
        #expect(status.stdout.contains("       1         1         0"), "the survey journal stays partial: \(status.stdout)")
    }
}
