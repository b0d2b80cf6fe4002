import Foundation
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
