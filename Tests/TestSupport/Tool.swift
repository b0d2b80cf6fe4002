import Foundation

/// External programs the tests hand their output to (xmllint, pspp, R, tmux ...).
///
/// In CI every such check must run (.ci/run installs the tools), so a missing tool there fails
/// the test instead of skipping it; elsewhere the test is skipped, saying what to install.
public enum Tool {
    /// The program's path on the PATH, if it is installed.
    public static func path(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether a test that needs the program runs: it is installed, or this is CI.
    public static func available(_ name: String) -> Bool { path(name) != nil || inCI }

    /// Whether this is a CI run, where every external check must run.
    public static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
}
