import Foundation

/// A real terminal running `fieldwork` (a `Tmux`), with what the terminal tests read of it.
public final class TmuxSession: Tmux {
    /// Runs tmux on the tests' socket (the name these tests have always called it by).
    @discardableResult
    public func tmuxCommand(_ arguments: [String]) throws -> String { try tmux(arguments) }

    /// The fieldwork process running in the pane (a child of the pane's shell).
    public func fieldworkPID() throws -> Int32? {
        let shell = try tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(try Run.command("/usr/bin/pgrep", ["-P", shell, "fieldwork"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A shell command that runs fieldwork, then records its exit status and the terminal's
    /// settings in `done` and `done.stty`, and stays open so the screen can still be read.
    public static func command(_ arguments: String, in folder: URL, done: String) -> String {
        // Each file is written under another name and renamed, so that once it exists it is complete.
        "cd '\(folder.path)' && '\(Run.binary.path)' \(arguments); echo $? > '\(done).tmp'; mv '\(done).tmp' '\(done)'; "
            + "stty -a | tr '\\n' ' ' > '\(done).stty.tmp'; mv '\(done).stty.tmp' '\(done).stty'; sleep 30"
    }

    /// Waits for the command above to finish; returns its exit status and the terminal settings after it.
    public static func finished(_ done: String) -> (status: String?, stty: String) {
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: done + ".stty") { usleep(50_000) }
        let status = (try? String(contentsOfFile: done, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        return (status, (try? String(contentsOfFile: done + ".stty", encoding: .utf8)) ?? "")
    }

    /// Starts `fieldwork ARGUMENTS` in `folder` (the setup every terminal test repeated): its exit
    /// status goes to `folder/done` (see `command`); returns the session and that path, for `finished`.
    public static func fieldwork(_ arguments: String, in folder: URL, done name: String = "exit-status",
                                 columns: Int = 80, rows: Int = 24) throws -> (TmuxSession, done: String) {
        let done = folder.appendingPathComponent(name).path
        return (try TmuxSession(command: command(arguments, in: folder, done: done), columns: columns, rows: rows), done)
    }
}
