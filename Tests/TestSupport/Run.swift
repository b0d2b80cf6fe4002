import Foundation

/// Runs a program, as a user would, and captures what it prints.
///
/// One runner for the end-to-end tests and the external checkers alike, so that none of them can
/// block on a full pipe (standard error goes to a file, standard output is read to its end).
public struct Run: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    /// The package's folder, where the tests run programs unless told otherwise.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `fieldwork` binary beside the test bundle in the build folder (the terminal tests run it).
    public static var binary: URL {
        // The test bundle sits in the build folder beside the products.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("fieldwork")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/fieldwork")
    }

    /// A schema of the workplace's shared folder (`shared/schemas/<name>`), beside the checkout or
    /// where the workplace keeps it; nil when neither has it (a clone elsewhere), and the tests
    /// that need it say they passed it over. Read there, never copied into the project.
    public static func sharedSchema(_ name: String) -> String? {
        [packageRoot.appendingPathComponent("../shared/schemas/" + name).standardizedFileURL.path, "/work/shared/schemas/" + name]
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    @discardableResult
    public static func command(_ executable: String, _ arguments: [String], input: String? = nil, environment: [String: String] = [:], in directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = directory ?? packageRoot
        // Standard error goes to a file and standard output is read to its end before waiting,
        // so neither can fill up and block the child.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let out = Pipe()
        let err = try FileHandle(forWritingTo: errFile)
        process.standardOutput = out
        process.standardError = err
        var inputFile: URL?
        if let input {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-stdin-\(UUID().uuidString)")
            try Data(input.utf8).write(to: file)
            process.standardInput = try FileHandle(forReadingFrom: file)
            inputFile = file
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        defer { if let inputFile { try? FileManager.default.removeItem(at: inputFile) } }
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let errData = try Data(contentsOf: errFile)
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }
}
