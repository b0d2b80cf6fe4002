import Foundation
import Glibc
import TestSupport
import Testing

let sshAndAge = Tool.available("ssh") && Tool.available("age")

/// `fieldwork serve --seal-to` (or `privacy.seal_to`): the server seals each response as it
/// stores it, so that its disk holds nothing readable; the standard `age` tool opens them.
@Suite(.serialized) struct ServeSealedTests {
    /// A folder with the study's identity (`keys new cafe`) and its recipient.
    func study() throws -> (TemporaryFolder, recipient: String) {
        let folder = try TemporaryFolder()
        let keys = try Child.run(Binary.fieldwork, ["keys", "new", "cafe", "--out", folder.path])
        #expect(keys.status == 0, "\(keys.stderr)")
        return (folder, try folder.text("cafe.recipient.txt").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The files under `path` written in the age format.
    func sealedFiles(under path: String) -> [String] {
        var found: [String] = []
        let walker = FileManager.default.enumerator(atPath: path)
        while let name = walker?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: path + "/" + name), data.starts(with: Data("age-encryption.org/v1\n".utf8)) {
                found.append(name)
            }
        }
        return found.sorted()
    }

    @Test(.enabled(if: sshAndAge, "needs ssh and age (apt-get install openssh-client age)"))
    func sealsEveryResponseItStoresAndAgeOpensThem() throws {
        let (folder, recipient) = try study()
        let server = try ServeProcess(["--seal-to", recipient, "--language", "en"], folder: folder)
        let done = try Child.run(Binary.ssh, server.sshArguments(["-T"]), input: plainAnswers(comment: "Quince lanterns"))
        #expect(done.stdout.contains("Your answers have been saved. Thank you."), "\(done.stdout)\n\(done.stderr)\n\(server.log)")
        let left = try Child.run(Binary.ssh, server.sshArguments(["-T"]), input: "2\n1\nq\n")
        #expect(left.status == 3)
        #expect(server.waitForLog("session interrupted"))

        // Nothing the participants typed is on the server's disk in the clear.
        let everything = try allBytes(under: server.responses)
        // (The instrument's copy is in the clear: its question ids are no one's answers.)
        for answer in ["Quince lanterns", "Quince", "lanterns"] {
            #expect(!everything.contains(answer), "\(answer) is readable under the responses")
        }
        let root = server.responses + "/crisis-cafe-feedback"
        #expect(try String(contentsOfFile: root + "/sealed-to.txt", encoding: .utf8) == recipient + "\n")
        let sealed = sealedFiles(under: root)
        // The finished response, and the key of the interrupted session's journal (the finished
        // one's went with its journal).
        #expect(sealed.filter { $0.hasSuffix(".key.age") }.count == 1, "\(sealed)")
        #expect(sealed.count == 2, "\(sealed)")
        let responses = sealed.filter { !$0.hasPrefix("sessions/") }
        try #require(responses.count == 1, "\(sealed)")
        let age = try #require(Tool.path("age"))
        for name in sealed {
            let opened = try Child.run(age, ["-d", "-i", folder.path + "/cafe.identity.txt", root + "/" + name])
            #expect(opened.status == 0, "\(name): \(opened.stderr)")
        }
        let response = try Child.run(age, ["-d", "-i", folder.path + "/cafe.identity.txt", root + "/" + responses[0]])
        #expect(response.stdout.contains("\"comment\": \"Quince lanterns\""), "\(response.stdout)")
        #expect(server.stop() == 0, "the server's log: \(server.log)")

        // The analyst exports with the identity; without it the server's folder says what it needs.
        let export = try Child.run(Binary.fieldwork, ["export", "crisis-cafe-feedback", "--responses", server.responses, "--format", "csv",
                                                      "--out", folder.path + "/out", "--identity", folder.path + "/cafe.identity.txt"])
        #expect(export.status == 0, "\(export.stderr)")
        let csv = (try? String(contentsOfFile: folder.path + "/out/responses.csv", encoding: .utf8)) ?? ""
        #expect(csv.contains("Quince lanterns"), "\(csv)")
    }

    /// The instrument's `privacy.seal_to` seals as `--seal-to` does; a different `--seal-to` is refused.
    @Test(.enabled(if: sshAndAge, "needs ssh and age (apt-get install openssh-client age)"))
    func honoursTheInstrumentsSealTo() throws {
        let (folder, recipient) = try study()
        let text = try String(contentsOfFile: Run.packageRoot.appendingPathComponent("instruments/crisis-cafe-feedback.yaml").path, encoding: .utf8)
        let instrument = try folder.write("cafe.yaml", text.replacingOccurrences(of: "privacy:\n", with: "privacy:\n  seal_to: \(recipient)\n"))
        let other = try Child.run(Binary.fieldwork, ["keys", "new", "other", "--out", folder.path])
        #expect(other.status == 0)
        let otherRecipient = try folder.text("other.recipient.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        let refused = try Child.run(Binary.fieldwork, ["serve", instrument, "--seal-to", otherRecipient, "--port", "0",
                                                       "--responses", folder.path + "/responses", "--host-key", folder.path + "/host_key"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--seal-to \(otherRecipient) differs from the instrument's privacy.seal_to \(recipient); give one recipient per study"),
                "\(refused.stderr)")

        let server = try ServeProcess(instrument: instrument, ["--language", "en"], folder: folder)
        let done = try Child.run(Binary.ssh, server.sshArguments(["-T"]), input: plainAnswers(comment: "Quince lanterns"))
        #expect(done.stdout.contains("Your answers have been saved. Thank you."), "\(done.stdout)\n\(server.log)")
        #expect(!(try allBytes(under: server.responses)).contains("Quince"))
        #expect(sealedFiles(under: server.responses + "/crisis-cafe-feedback").count == 1, "the response")
        #expect(server.stop() == 0, "the server's log: \(server.log)")
    }

    /// A sealed server cannot read its finished responses back, yet an invitation whose response
    /// is finished must stay used after a restart.
    @Test(.enabled(if: sshAndAge, "needs ssh and age (apt-get install openssh-client age)"))
    func aUsedInvitationStaysUsedAfterARestartOfASealedServer() throws {
        let (folder, recipient) = try study()
        try folder.write("codes.txt", "KITE-4821\nMOSS-1177\n")
        let arguments = ["--seal-to", recipient, "--language", "en", "--invitations", folder.path + "/codes.txt", "--key-file", folder.path + "/study.key"]
        let first = try ServeProcess(arguments, folder: folder)
        let done = try Child.run(Binary.ssh, first.sshArguments(["-T", "-o", "NumberOfPasswordPrompts=1"]), input: plainAnswers(comment: "Quince"),
                                 environment: try first.askpass("KITE-4821"))
        #expect(done.stdout.contains("Your answers have been saved. Thank you."), "\(done.stdout)\n\(first.log)")
        #expect(first.stop() == 0, "the server's log: \(first.log)")

        let second = try ServeProcess(arguments, folder: folder)
        let used = try Child.run(Binary.ssh, second.sshArguments(["-T", "-o", "NumberOfPasswordPrompts=1"]), input: "\n",
                                 environment: try second.askpass("KITE-4821"))
        #expect(used.status == 255)
        #expect(used.stderr.contains("Permission denied"), "\(used.stderr)")
        let other = try Child.run(Binary.ssh, second.sshArguments(["-T", "-o", "NumberOfPasswordPrompts=1"]), input: "q\n",
                                  environment: try second.askpass("MOSS-1177"))
        #expect(other.status == 3, "\(other.stdout)\n\(other.stderr)")
        let everything = try allBytes(under: second.responses)
        for secret in ["KITE", "4821", "MOSS", "Quince"] {
            #expect(!everything.contains(secret), "\(secret) is readable under the responses")
        }
        #expect(second.stop() == 0, "the server's log: \(second.log)")
    }
}
