import Glibc

/// Starts a program with nothing of ours inherited but the three standard streams.
///
/// Foundation's `Process` notices that a child has ended when a socket it hands the child is
/// closed. A program that leaves a daemon behind (the tmux client starts the tmux server) passes
/// that socket on, so `waitUntilExit` would wait for the daemon, not the program. Here every
/// descriptor above 2 is closed in the child and the program is reaped with `waitpid`.
enum Spawn {
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc 2.34 has `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module does not show.
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `path` with `arguments`, standard input from /dev/null, standard output into the
    /// file `output` and standard error discarded; returns the exit status.
    @discardableResult
    static func run(_ path: String, _ arguments: [String], output: String) throws -> Int32 {
        guard let addCloseFrom else { throw Failure(description: "this C library cannot close inherited descriptors") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        _ = addCloseFrom(&actions, 3)

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard started == 0 else { throw Failure(description: "could not start \(path): \(String(cString: strerror(started)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "lost \(path): \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS, which are macros in C.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
