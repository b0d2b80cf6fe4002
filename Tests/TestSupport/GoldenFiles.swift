import Foundation
import Testing

/// A folder of golden files that output is compared with, byte for byte.
///
/// With `FIELDWORK_RECORD_GOLDEN=1` in the environment the output is written over the golden
/// file instead, so that an intended change of output is one run and a reviewed diff, not a
/// hand edit. A difference is reported at its first differing line, which is where to look.
public struct GoldenFiles: Sendable {
    public let folder: URL

    public init(_ folder: URL) {
        self.folder = folder
    }

    /// Whether this run rewrites the golden files instead of comparing with them.
    public static var recording: Bool { ProcessInfo.processInfo.environment["FIELDWORK_RECORD_GOLDEN"] == "1" }

    /// The golden file's text.
    public func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// Expects `actual` to be the golden file `name` exactly.
    public func expectMatches(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if Self.recording { return try record(Data(actual.utf8), name) }
        let wanted = try text(name)
        guard actual != wanted else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let w = wanted.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, w).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, w.count)
        Issue.record("\(name) differs from line \(line + 1):\n  got:      \(line < a.count ? String(a[line]) : "(end)")\n  expected: \(line < w.count ? String(w[line]) : "(end)")",
                     sourceLocation: sourceLocation)
    }

    /// Expects `actual` to be the bytes of the golden file `name` (an archive, say).
    public func expectMatches(_ actual: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if Self.recording { return try record(actual, name) }
        let wanted = try Data(contentsOf: folder.appendingPathComponent(name))
        #expect(actual == wanted, "\(name) differs from the golden file", sourceLocation: sourceLocation)
    }

    private func record(_ data: Data, _ name: String) throws {
        let file = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        print("recorded \(file.path)")
    }
}
