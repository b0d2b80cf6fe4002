import Foundation
import Glibc
import TestSupport
import Testing

/// Programs the server tests start and stop: the server itself, ssh clients, tmux.
///
/// posix_spawn with every descriptor above 2 closed in the child (as FieldworkCLITests' `Spawn`
/// does, and for the same reason: tmux leaves a daemon that would hold a Foundation pipe open).
enum Child {
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Starts `path`; standard input from `input` (a file, or /dev/null), output and errors into files.
    static func start(_ path: String, _ arguments: [String], input: String = "/dev/null", output: String, errors: String,
                      directory: String? = nil, environment: [String: String] = [:]) throws -> pid_t {
        guard let addCloseFrom else { throw Failure(description: "this C library cannot close inherited descriptors") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        _ = addCloseFrom(&actions, 3)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let cwd = FileManager.default.currentDirectoryPath
        if let directory { _ = FileManager.default.changeCurrentDirectoryPath(directory) }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        // The test runner's threads block signals, and a blocked mask is inherited: ssh would
        // never see SIGWINCH (and send no window change). The child starts with none blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let started = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard started == 0 else { throw Failure(description: "could not start \(path): \(String(cString: strerror(started)))") }
        return pid
    }

    /// Waits for `pid` at most `seconds`; its exit status, or nil if it is still running.
    static func wait(_ pid: pid_t, seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f) }
            if r < 0 && errno != EINTR { return nil }
            if Date() > deadline { return nil }
            usleep(20_000)
        }
    }

    /// Runs to the end (at most `seconds`, then killed); status, output and errors.
    static func run(_ path: String, _ arguments: [String], input: String? = nil, seconds: Double = 60,
                    environment: [String: String] = [:]) throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fw-child-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var inputPath = "/dev/null"
        if let input {
            inputPath = folder + "/in"
            try input.write(toFile: inputPath, atomically: false, encoding: .utf8)
        }
        let pid = try start(path, arguments, input: inputPath, output: folder + "/out", errors: folder + "/err", environment: environment)
        var status = wait(pid, seconds: seconds)
        if status == nil {
            kill(pid, SIGKILL)
            status = wait(pid, seconds: 5)
        }
        let read = { (name: String) in (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? "" }
        return Run(status: status ?? -1, stdout: read("out"), stderr: read("err"))
    }
}

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
    static let tmux = Tool.path("tmux") ?? "/usr/bin/tmux"
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

/// A real terminal: a tmux session on a socket of the tests' own.
final class Tmux {
    let name = "fw-serve-\(UUID().uuidString.prefix(8))"
    static let socket = "fieldwork-serve-tests-\(getpid())"

    init(command: String, columns: Int = 80, rows: Int = 24) throws {
        try tmux(["new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", command])
    }

    deinit { _ = try? tmux(["kill-session", "-t", name]) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let pid = try Child.start(Binary.tmux, ["-L", Self.socket] + arguments, output: out, errors: "/dev/null")
        _ = Child.wait(pid, seconds: 20)
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }

    func screen() -> String { (try? tmux(["capture-pane", "-p", "-t", name])) ?? "" }
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }
    func resize(columns: Int, rows: Int) throws { try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"]) }

    func waitUntil(_ test: (String) -> Bool) -> Bool {
        for _ in 0..<600 {
            if test(screen()) { return true }
            usleep(50_000)
        }
        return false
    }

    @discardableResult
    func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        for _ in 0..<600 {
            let s = screen()
            if s.contains(text) { return s }
            usleep(50_000)
        }
        let last = screen()
        Issue.record("the screen never showed \(text.debugDescription):\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// A shell command line quoting each argument.
    static func line(_ words: [String]) -> String {
        words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }
}
