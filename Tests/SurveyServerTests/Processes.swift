import Foundation
import Glibc
import TestSupport
import Testing

/// The real `fieldwork` binary.
enum Binary {
    static var fieldwork: String {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("fieldwork")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder = folder.deletingLastPathComponent()
        }
        return Run.packageRoot.appendingPathComponent(".build/debug/fieldwork").path
    }

    static let ssh = Tool.path("ssh") ?? "/usr/bin/ssh"
    static let sftp = Tool.path("sftp") ?? "/usr/bin/sftp"
}

/// A `fieldwork serve` on loopback, on a port the system chooses, stopped with SIGTERM at the end.
final class ServeProcess {
    let folder: TemporaryFolder
    let pid: pid_t
    private(set) var port = 0
    var responses: String { folder.path + "/responses" }
    var logPath: String { folder.path + "/serve.err" }
    var outPath: String { folder.path + "/serve.out" }

    init(instrument: String = "instruments/crisis-cafe-feedback.yaml", _ extra: [String] = [], folder: TemporaryFolder? = nil) throws {
        let folder = try folder ?? TemporaryFolder()
        self.folder = folder
        let path = instrument.hasPrefix("/") ? instrument : Run.packageRoot.appendingPathComponent(instrument).path
        pid = try Child.start(Binary.fieldwork, ["serve", path, "--port", "0", "--listen", "127.0.0.1", "--responses", folder.path + "/responses",
                                                 "--host-key", folder.path + "/host_key"] + extra,
                              output: folder.path + "/serve.out", errors: folder.path + "/serve.err")
        for _ in 0..<1200 {
            let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
            if let range = out.range(of: "on port "), let n = Int(out[range.upperBound...].prefix { $0.isNumber }) {
                port = n
                return
            }
            if Child.wait(pid, seconds: 0) != nil { break }
            usleep(50_000)
        }
        throw Child.Failure(description: "the server did not start: \(log)")
    }

    var output: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// SIGTERM, then the exit status (nil if it did not stop within `seconds`).
    @discardableResult
    func stop(seconds: Double = 20) -> Int32? {
        kill(pid, SIGTERM)
        let status = Child.wait(pid, seconds: seconds)
        if status == nil { kill(pid, SIGKILL); _ = Child.wait(pid, seconds: 5) }
        return status
    }

    deinit {
        if Child.wait(pid, seconds: 0) == nil { _ = stop() }
    }

    /// ssh's options for a test: no known_hosts, no agent or keys of the user, no config file.
    /// What makes ssh type `code` at the password prompt by itself (OpenSSH's SSH_ASKPASS), for
    /// scripted clients with an invitation code; the helper script lives in the test's folder.
    func askpass(_ code: String) throws -> [String: String] {
        let script = folder.path + "/askpass-\(UUID().uuidString.prefix(8))"
        try "#!/bin/sh\nprintf '%s\\n' '\(code)'\n".write(toFile: script, atomically: false, encoding: .utf8)
        chmod(script, 0o700)
        return ["SSH_ASKPASS": script, "SSH_ASKPASS_REQUIRE": "force", "DISPLAY": ":0"]
    }

    func sshArguments(user: String = "survey", _ extra: [String] = []) -> [String] {
        ["-F", "/dev/null", "-p", "\(port)", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
         "-o", "LogLevel=ERROR", "-o", "IdentitiesOnly=yes", "-o", "IdentityFile=/dev/null", "-o", "IdentityAgent=none",
         "-o", "ConnectTimeout=20"] + extra + ["\(user)@127.0.0.1"]
    }

    /// The JSON of every finished response.
    func responseRecords(_ instrumentID: String = "crisis-cafe-feedback") throws -> [[String: Any]] {
        let dir = responses + "/" + instrumentID
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }.sorted().map {
            let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
    }

    func journals(_ instrumentID: String = "crisis-cafe-feedback") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: responses + "/" + instrumentID + "/sessions")) ?? []).filter { $0.hasSuffix(".journal") }
    }

    /// The server's threads and open descriptors, from /proc.
    func resources() throws -> Resources {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let threads = status.split(separator: "\n").first { $0.hasPrefix("Threads:") }
            .flatMap { Int($0.dropFirst(8).trimmingCharacters(in: .whitespaces)) } ?? -1
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count
        return Resources(threads: threads, descriptors: descriptors)
    }

    /// The server's resident memory in KiB, from /proc.
    func residentKiB() throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        return status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") } ?? -1
    }

    struct Resources: Equatable, CustomStringConvertible {
        var threads: Int
        var descriptors: Int
        var description: String { "\(threads) threads, \(descriptors) descriptors" }
    }

    /// Waits until the log says `text` (up to 30 s).
    func waitForLog(_ text: String) -> Bool {
        for _ in 0..<600 {
            if log.contains(text) { return true }
            usleep(50_000)
        }
        return false
    }
}

/// The crisis café survey's full screens, as the server tests go through them.
extension Tmux {
    /// English from the language choice, then past the welcome, to the first question.
    func startInEnglish(sourceLocation: SourceLocation = #_sourceLocation) throws {
        waitFor("Dewiswch eich iaith", sourceLocation: sourceLocation)
        try send("1", "Enter")
        waitFor("Four short questions about your visit today.", sourceLocation: sourceLocation)
        try send("Enter")
        waitFor("Is this your first visit to the café?", sourceLocation: sourceLocation)
    }

    /// From the third question to the end: its choice, the comment typed, sent from the review,
    /// and the closing screen left.
    func finish(languageOffer: String, comment: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        waitFor("Were you offered support in the language of your choice?", sourceLocation: sourceLocation)
        try send(languageOffer, "Enter")
        waitFor("Is there anything we could do better?", sourceLocation: sourceLocation)
        if let comment { try type(comment) }
        try send("Tab")
        waitFor("Send my answers", sourceLocation: sourceLocation)
        try send("Enter")
        waitFor("Your answers have been saved. Thank you.", sourceLocation: sourceLocation)
        try send("Enter")
    }
}
