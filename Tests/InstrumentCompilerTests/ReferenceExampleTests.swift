import Foundation
import InstrumentCompiler
import Testing

/// The examples in docs/reference.md compile, so the reference cannot drift from the compiler.
@Suite struct ReferenceExampleTests {
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/reference.md")

    /// The YAML code blocks of the reference, in order.
    static func yamlBlocks() throws -> [String] {
        let text = try String(contentsOf: reference, encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```yaml" { current = [] } else if line == "```", let c = current {
                blocks.append(c.joined(separator: "\n") + "\n")
                current = nil
            } else if current != nil { current?.append(line) }
        }
        return blocks
    }

    @Test func theCompleteExampleCompilesWithoutWarnings() throws {
        let first = try #require(try Self.yamlBlocks().first)
        let result = InstrumentCompiler.compile(Array(first.utf8))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func everyQuestionExampleCompiles() throws {
        let block = try #require(try Self.yamlBlocks().first { $0.contains("id: member_since") && $0.contains("type: calculate") })
        let instrument = """
            format: 1
            id: reference
            version: 1.0.0
            kind: interview
            title: Reference examples
            choice_sets:
              agree5: [Strongly disagree, Disagree, Neither agree nor disagree, Agree, Strongly agree]
            sections:
              - id: s
                questions:

            """ + block
        let result = InstrumentCompiler.compile(Array(instrument.utf8))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.instrument?.questions.count == 11)
    }
}
