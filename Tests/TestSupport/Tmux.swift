import Foundation
import Testing

/// A real terminal: a tmux session the test types into and reads the screen of, on a socket of
/// the tests' own, so that a user's tmux server is never touched. tmux, which CI installs.
open class Tmux {
    public let name = "fw-test-\(UUID().uuidString.prefix(8))"
    public static let socket = "fieldwork-tests-\(getpid())"
    static let program = Tool.path("tmux") ?? "/usr/bin/tmux"

    public init(command: String, columns: Int = 80, rows: Int = 24) throws {
        try tmux(["new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", command])
    }

    deinit { _ = try? tmux(["kill-session", "-t", name]) }

    /// Runs a tmux command on the tests' socket; what it printed.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let pid = try Child.start(Self.program, ["-L", Self.socket] + arguments, output: out, errors: "/dev/null")
        guard Child.wait(pid, seconds: 20) != nil else {
            kill(pid, SIGKILL)
            _ = Child.wait(pid, seconds: 5)
            throw Child.Failure(description: "tmux \(arguments.first ?? "") did not finish within 20 seconds")
        }
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }

    public func screen() -> String { (try? tmux(["capture-pane", "-p", "-t", name])) ?? "" }
    public func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }
    public func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }
    public func resize(columns: Int, rows: Int) throws { try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"]) }

    /// Waits until the screen meets a test. Up to 30 s: a loaded machine (tests run side by
    /// side) can take seconds to start a binary.
    public func waitUntil(_ test: (String) -> Bool) -> Bool {
        for _ in 0..<600 {
            if test(screen()) { return true }
            usleep(50_000)
        }
        return false
    }

    /// Waits until the screen shows `text` (up to 30 s); returns the screen, recording an issue
    /// with the last screen when it never did.
    @discardableResult
    public func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
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
    public static func line(_ words: [String]) -> String {
        words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }
}
