import Foundation
import TestSupport
import Testing

/// A sealed study end to end: `keys new`, `run --seal-to` (or `privacy.seal_to`), and the
/// commands that read responses, with and without `--identity`.
@Suite struct SealedStudyTests {
    static let survey = """
        format: 1
        id: sealed
        version: 1.0.0
        title: Sealed
        sections:
          - id: s
            questions:
              - {id: q1, type: number, text: One?}
              - {id: story, type: text, text: Tell us}
              - {id: contact, type: text, text: Email?, identifying: true}
        """
    static let story = "Marmalade zeppelin"
    static let email = "quill.wren@example.org"
    static let finished = "7\n\(story)\n\(email)\n\n"

    /// A folder with an identity, and the recipient it printed.
    func study() throws -> (TemporaryFolder, recipient: String) {
        let folder = try TemporaryFolder()
        try folder.write("sealed.yaml", Self.survey)
        let keys = try Run.fieldwork(["keys", "new", "demo"], in: folder.url)
        #expect(keys.status == 0, "\(keys.stderr)")
        let recipient = try folder.text("demo.recipient.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        return (folder, recipient)
    }

    func plaintextAnswers(under path: String) -> [String] {
        everyFile(under: path).filter { _, data in
            [Self.story, Self.email, "Marmalade", "quill.wren"].contains { data.range(of: Data($0.utf8)) != nil }
        }.map(\.0)
    }

    @Test func keysNewWritesAnOwnerOnlyIdentityThatAgeReads() throws {
        let (folder, recipient) = try study()
        #expect(recipient.hasPrefix("age1") && recipient.count == 62)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path + "/demo.identity.txt")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        if Tool.available("age-keygen") {
            let derived = try Run.command(try #require(Tool.path("age-keygen")), ["-y", folder.path + "/demo.identity.txt"])
            #expect(derived.stdout == recipient + "\n", "\(derived.stderr)")
        }
        let again = try Run.fieldwork(["keys", "new", "demo"], in: folder.url)
        #expect(again.status == 2)
        #expect(again.stderr.contains("'./demo.identity.txt' exists already; a study has one identity (move it away first to make a new one)"))
    }

    @Test func aSealedRunLeavesNoAnswerInTheClearAndAgeOpensEverySealedFile() throws {
        let (folder, recipient) = try study()
        let done = try Run.fieldwork(["run", "sealed.yaml", "--plain", "--seal-to", recipient], input: Self.finished, in: folder.url)
        #expect(done.status == 0, "\(done.stderr)")
        let left = try Run.fieldwork(["run", "sealed.yaml", "--plain", "--seal-to", recipient], input: "7\n\(Self.story)\n", in: folder.url)
        #expect(left.status == 3, "\(left.stderr)")
        #expect(plaintextAnswers(under: folder.path + "/responses") == [])
        let sealed = everyFile(under: folder.path + "/responses").filter { $0.1.starts(with: Data("age-encryption.org/v1\n".utf8)) }.map(\.0)
        #expect(sealed.count == 3, "a response, an identifying record, a journal's key: \(sealed)")
        guard Tool.available("age") else { print("age is not installed (apt-get install age): skipped"); return }
        for name in sealed {
            let opened = try Run.command(try #require(Tool.path("age")), ["-d", "-i", folder.path + "/demo.identity.txt", folder.path + "/responses/" + name])
            #expect(opened.status == 0, "\(name): \(opened.stderr)")
        }
    }

    @Test func readingCommandsSayTheyNeedTheIdentityAndRefuseAnotherOne() throws {
        let (folder, recipient) = try study()
        try folder.write("sealed.yaml", Self.survey.replacingOccurrences(of: "sections:", with: "privacy: {seal_to: \(recipient)}\nsections:"))
        let done = try Run.fieldwork(["run", "sealed.yaml", "--plain"], input: Self.finished, in: folder.url)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(plaintextAnswers(under: folder.path + "/responses") == [], "privacy.seal_to seals as --seal-to does")
        let needs = """
            error: 'responses/sealed' is sealed to \(recipient): its responses can be read only with that recipient's identity. \
            Give it with --identity FILE (the file 'fieldwork keys new' wrote)

            """
        for command in [["export", "sealed", "--format", "csv", "--out", "out"], ["summary", "sealed"], ["status"],
                        ["withdraw", "sealed", "--participant", "AB1"]] {
            let run = try Run.fieldwork(command, in: folder.url)
            #expect(run.status == 2, "\(command)")
            if command[0] != "withdraw" { #expect(run.stderr == needs, "\(command)") }
        }
        let other = try Run.fieldwork(["keys", "new", "other"], in: folder.url)
        #expect(other.status == 0)
        let wrong = try Run.fieldwork(["export", "sealed", "--format", "csv", "--out", "out", "--identity", "other.identity.txt"], in: folder.url)
        #expect(wrong.status == 2)
        let otherRecipient = try folder.text("other.recipient.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(wrong.stderr == """
            error: the identity given does not open 'responses/sealed': the folder is sealed to \(recipient), and the identity's \
            recipient is \(otherRecipient). Give the identity 'fieldwork keys new' wrote for this study

            """)
        let garbled = try folder.write("garbled.txt", "not a key\n")
        let bad = try Run.fieldwork(["status", "--identity", garbled], in: folder.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("is not an age identity file: line 1 is not an age identity (AGE-SECRET-KEY-1…)"), "\(bad.stderr)")
        let status = try Run.fieldwork(["status", "--identity", "demo.identity.txt"], in: folder.url)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stderr == "", "an owner-only identity is read without a word")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder.path + "/demo.identity.txt")
        let shared = try Run.fieldwork(["status", "--identity", "demo.identity.txt"], in: folder.url)
        #expect(shared.status == 0)
        #expect(shared.stderr == "warning: the identity 'demo.identity.txt' can be read by other users (mode 644); make it yours only: chmod 600 'demo.identity.txt'\n")
        let marker = try FileManager.default.attributesOfItem(atPath: folder.path + "/responses/sealed/sealed-to.txt")
        #expect((marker[.modificationDate] as? Date) == Date(timeIntervalSince1970: 0), "no file tells when the study began")
        #expect(status.stdout.contains("sealed      1.0.0           1         0         0"), "\(status.stdout)")
        let summary = try Run.fieldwork(["summary", "sealed", "--identity", "demo.identity.txt", "--min-cell", "1"], in: folder.url)
        #expect(summary.status == 0, "\(summary.stderr)")
    }

    @Test func exportsWithTheIdentityEqualExportsOfTheSameDataUnsealed() throws {
        guard Tool.available("age") else { print("age is not installed (apt-get install age): skipped"); return }
        let (folder, recipient) = try study()
        for input in [Self.finished, "3\nSecond story\n\n\n"] {
            let run = try Run.fieldwork(["run", "sealed.yaml", "--plain", "--seal-to", recipient], input: input, in: folder.url)
            #expect(run.status == 0, "\(run.stderr)")
        }
        // The same data in the clear: every sealed file opened by the age tool, the mark removed.
        let sealedFolder = folder.path + "/responses/sealed"
        let clearFolder = folder.path + "/clear/sealed"
        try FileManager.default.createDirectory(atPath: folder.path + "/clear", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sealedFolder, toPath: clearFolder)
        try FileManager.default.removeItem(atPath: clearFolder + "/sealed-to.txt")
        for (name, data) in everyFile(under: clearFolder) where data.starts(with: Data("age-encryption.org/v1\n".utf8)) {
            let opened = try Run.command(try #require(Tool.path("age")), ["-d", "-i", folder.path + "/demo.identity.txt", "-o", clearFolder + "/" + name + ".open", clearFolder + "/" + name])
            #expect(opened.status == 0, "\(opened.stderr)")
            try FileManager.default.removeItem(atPath: clearFolder + "/" + name)
            try FileManager.default.moveItem(atPath: clearFolder + "/" + name + ".open", toPath: clearFolder + "/" + name)
        }
        for format in ["csv", "long", "jsonl", "spss"] {
            let sealed = try Run.fieldwork(["export", sealedFolder, "--format", format, "--out", "out-sealed-\(format)", "--identity", "demo.identity.txt"], in: folder.url)
            #expect(sealed.status == 0, "\(sealed.stderr)")
            let clear = try Run.fieldwork(["export", clearFolder, "--format", format, "--out", "out-clear-\(format)"], in: folder.url)
            #expect(clear.status == 0, "\(clear.stderr)")
            #expect(sealed.stdout.replacingOccurrences(of: "out-sealed-", with: "out-clear-") == clear.stdout)
            let files = folder.files("out-clear-\(format)")
            #expect(!files.isEmpty && files == folder.files("out-sealed-\(format)"))
            for file in files {
                // The scripts name the folder they were written to; nothing else may differ.
                let sealed = try folder.text("out-sealed-\(format)/" + file).replacingOccurrences(of: "out-sealed-", with: "out-clear-")
                let clear = try folder.text("out-clear-\(format)/" + file)
                #expect(sealed == clear, "\(format) \(file): \(sealed.split(separator: "\n").filter { !clear.contains($0) })")
            }
        }
        #expect(try folder.text("out-sealed-csv/responses.csv").contains(Self.story))
        let sealedSummary = try Run.fieldwork(["summary", sealedFolder, "--min-cell", "1", "--identity", "demo.identity.txt"], in: folder.url)
        let clearSummary = try Run.fieldwork(["summary", clearFolder, "--min-cell", "1"], in: folder.url)
        #expect(sealedSummary.status == 0 && sealedSummary.stdout.contains("2"), "\(sealedSummary.stderr)")
        #expect(sealedSummary.stdout == clearSummary.stdout.replacingOccurrences(of: clearFolder, with: sealedFolder))
    }

    @Test func aSealedSessionIsResumedOnlyWithTheIdentity() throws {
        let (folder, recipient) = try study()
        let left = try Run.fieldwork(["run", "sealed.yaml", "--plain", "--seal-to", recipient], input: "7\n", in: folder.url)
        #expect(left.status == 3, "\(left.stderr)")
        let list = try Run.fieldwork(["resume"], in: folder.url)
        #expect(list.stdout == "No interrupted sessions in 'responses'.\n")
        #expect(list.stderr.hasPrefix("1 interrupted session is sealed: the key to its journal was held by the process that began it."), "\(list.stderr)")
        let listed = try Run.fieldwork(["resume", "--identity", "demo.identity.txt"], in: folder.url)
        let id = try #require(listed.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first)
        let resumed = try Run.fieldwork(["resume", String(id), "--plain", "--identity", "demo.identity.txt"], input: "\(Self.story)\n\(Self.email)\n\n", in: folder.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(plaintextAnswers(under: folder.path + "/responses") == [])
        let status = try Run.fieldwork(["status", "--identity", "demo.identity.txt"], in: folder.url)
        #expect(status.stdout.contains("sealed      1.0.0           1         0         0"), "\(status.stdout)")
    }

    @Test func aRecipientIsChecked() throws {
        let folder = try TemporaryFolder()
        try folder.write("sealed.yaml", Self.survey.replacingOccurrences(of: "sections:", with: "privacy: {seal_to: age1notarecipient}\nsections:"))
        let check = try Run.fieldwork(["check", "sealed.yaml"], in: folder.url)
        #expect(check.status == 1)
        #expect(check.stdout.contains("'seal_to' is 'age1notarecipient', which is not an age recipient") || check.stderr.contains("'seal_to' is 'age1notarecipient', which is not an age recipient"), "\(check.stdout)\(check.stderr)")
        try folder.write("plain.yaml", Self.survey)
        let run = try Run.fieldwork(["run", "plain.yaml", "--plain", "--seal-to", "AGE-SECRET-KEY-1XYZ"], input: Self.finished, in: folder.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--seal-to takes an age recipient (age1…, from 'fieldwork keys new'); 'AGE-SECRET-KEY-1XYZ' is not one"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/responses"))
    }
}
