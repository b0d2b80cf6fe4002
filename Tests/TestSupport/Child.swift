import Foundation
import Glibc

/// Programs the end-to-end tests start and stop (the server, ssh clients, tmux), started as a
/// shell would start them: nothing of the test runner's inherited but the three standard streams,
/// no signal blocked, every signal at its default.
///
/// Why not Foundation's `Process`: it notices that a child has ended when a socket it hands the
/// child is closed, and a program that leaves a daemon behind (the tmux client starts the tmux
/// server) passes that socket on, so `waitUntilExit` would wait for the daemon. Here every
/// descriptor above 2 is closed in the child and the program is reaped with `waitpid`.
/// Why the signals: the test runner's threads block signals and ignore some (SIGPIPE), and both
/// a blocked mask and an ignored signal are inherited across exec: ssh would never see SIGWINCH
/// (and send no window change), and a tmux server started here would pass the same on.
public enum Child {
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc 2.34 has `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module does not show.
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Starts `path`; standard input from `input` (a file, or /dev/null), output and errors into
    /// files (or /dev/null), with `environment` over the test's own.
    public static func start(_ path: String, _ arguments: [String], input: String = "/dev/null", output: String, errors: String,
                             environment: [String: String] = [:]) throws -> pid_t {
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
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let started = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard started == 0 else { throw Failure(description: "could not start \(path): \(String(cString: strerror(started)))") }
        return pid
    }

    /// Waits for `pid` at most `seconds`; its exit status (128 + the signal when one ended it),
    /// or nil if it is still running.
    public static func wait(_ pid: pid_t, seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            // WIFEXITED / WEXITSTATUS, which are macros in C.
            if r == pid { return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f) }
            if r < 0 && errno != EINTR { return nil }
            if Date() > deadline { return nil }
            usleep(20_000)
        }
    }

    /// Runs to the end (at most `seconds`, then killed); status, output and errors.
    public static func run(_ path: String, _ arguments: [String], input: String? = nil, seconds: Double = 60,
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
