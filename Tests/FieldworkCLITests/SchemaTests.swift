import Foundation
import InstrumentCompiler
import TestSupport
import Testing

/// Whether python3 can import what the schema test needs.
private let pythonReady: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import jsonschema, pytest, ruamel.yaml"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

/// In CI the check must run (.ci/run installs its tools); elsewhere it is skipped, with the reason, when they are missing.
private let schemaCheckRuns = Tool.inCI || pythonReady

@Suite struct SchemaTests {
    @Test(.enabled(if: schemaCheckRuns, "needs python3 with jsonschema, pytest and ruamel.yaml: pip install jsonschema pytest ruamel.yaml"))
    func everyExampleInstrumentMatchesTheEditorSchema() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "Tests/schema"]
        process.currentDirectoryURL = Run.packageRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
    }
}

/// One corpus of good and bad instruments, checked by `check` here and by the JSON Schema in
/// Tests/schema (test_the_schema_agrees_with_check_on_the_corpus): the first line of each file says
/// what `check` finds, '# check: ok' or the code of its one mistake, and the schema must agree.
@Suite struct SchemaCorpusTests {
    static let folder = Run.packageRoot.appendingPathComponent("Tests/schema/corpus")
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()

    @Test func theCorpusHoldsGoodAndBadFiles() {
        #expect(Self.files.filter { $0.hasPrefix("good-") }.count >= 2)
        #expect(Self.files.filter { $0.hasPrefix("bad-") }.count >= 10)
    }

    @Test(arguments: files)
    func checkFindsWhatTheFileSays(name: String) throws {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let expected = try #require(String(decoding: bytes, as: UTF8.self).split(separator: "\n").first?.dropFirst("# check: ".count))
        let errors = InstrumentCompiler.compile(bytes).diagnostics.filter { $0.severity == .error }.map(\.code.rawValue)
        if expected == "ok" {
            #expect(errors.isEmpty)
        } else {
            #expect(errors == [String(expected)])
        }
    }
}
