import Foundation
import TestSupport

/// The real `fieldwork` binary, run as a user would.
extension Run {
    static var binary: URL {
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

    @discardableResult
    static func fieldwork(_ arguments: [String], input: String? = nil, environment: [String: String] = [:], in directory: URL? = nil) throws -> Run {
        try command(binary.path, arguments, input: input, environment: environment, in: directory)
    }
}
