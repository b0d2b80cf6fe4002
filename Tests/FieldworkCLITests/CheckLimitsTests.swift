import Foundation
import TestSupport
import Testing

/// Issue 10, items 5, 8, 9 and 16, against the real binary: hostile numbers, expressions and
/// patterns are refused with a diagnostic and an exit status by `check`, `compile`, `preview` and
/// `diff`, never by a signal (SIGILL on overflow, SIGSEGV on a stack overflow, before).
@Suite struct CheckLimitsTests {
    private static func instrument(_ question: String) -> String {
        """
        format: 1
        id: hostile
        version: 1.0.0
        title: Hostile
        sections:
          - id: s
            questions:
              - id: a
                type: number
                text: A number?
        \(question.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))

        """
    }

    static let hostile: [(name: String, yaml: String, code: String)] = [
        ("other-beside-int-max", instrument("- id: q\n  type: single\n  text: Q?\n  choices:\n    - {value: 9223372036854775807, label: A}\n  other: true"), "out-of-range"),
        ("scale-from-int-min", instrument("- id: q\n  type: scale\n  text: Q?\n  from: -9223372036854775808\n  to: 10"), "out-of-range"),
        ("codes-above-2-53", instrument("- id: q\n  type: single\n  text: Q?\n  choices:\n    - {value: 9007199254740992, label: A}\n    - {value: 9007199254740993, label: B}"), "out-of-range"),
        ("nested-parentheses", instrument("- id: q\n  type: note\n  text: N\n  show_if: " + String(repeating: "(", count: 10_000) + "a > 1" + String(repeating: ")", count: 10_000)), "limit-exceeded"),
        ("many-ands", instrument("- id: q\n  type: note\n  text: N\n  show_if: " + Array(repeating: "a > 1", count: 50_000).joined(separator: " and ")), "limit-exceeded"),
        ("many-pluses", instrument("- id: q\n  type: calculate\n  value: " + Array(repeating: "a", count: 50_000).joined(separator: " + ")), "limit-exceeded"),
        ("backtracking-pattern", instrument("- id: q\n  type: text\n  text: Q?\n  pattern: '(a+)+$'"), "slow-pattern"),
    ]

    @Test(arguments: hostile.map(\.name))
    func checkRefusesHostileInputWithADiagnosticNotASignal(name: String) throws {
        let entry = try #require(Self.hostile.first { $0.name == name })
        let folder = try TemporaryFolder()
        try folder.write("hostile.yaml", entry.yaml)
        let check = try Run.fieldwork(["check", "hostile.yaml"], in: folder.url)
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stdout.contains("hostile.yaml:"))
        #expect(check.stdout.contains("[\(entry.code)]"))
        for arguments in [["compile", "hostile.yaml", "-o", "-"], ["preview", "hostile.yaml"]] {
            let run = try Run.fieldwork(arguments, in: folder.url)
            #expect(run.status == 1, "\(arguments[0]): \(run.stderr)")
        }
        try folder.write("old.yaml", Self.instrument("- id: q\n  type: note\n  text: N"))
        let diff = try Run.fieldwork(["diff", "old.yaml", "hostile.yaml"], in: folder.url)
        // `diff` says "the instrument has errors" with its own status, 2 (see the exit-status table).
        #expect(diff.status == 2, "diff: \(diff.stderr)")
        #expect(diff.stderr.contains("[\(entry.code)]"))
    }

    /// Item 16: a large file without aliases is not said to "expand" through aliases.
    @Test func checksALargeAliasFreeFile() throws {
        var yaml = "format: 1\nid: large\nversion: 1.0.0\ntitle: Large\nsections:\n"
        for i in 0..<20_000 {
            yaml += "  - id: s\(i)\n    title: Section \(i)\n    questions:\n      - id: q\(i)\n        type: note\n        text: Note \(i)\n"
        }
        let folder = try TemporaryFolder()
        try folder.write("large.yaml", yaml)
        let run = try Run.fieldwork(["check", "large.yaml"], in: folder.url)
        #expect(!run.stdout.contains("aliases"))
        #expect(run.status == 0, "\(run.stdout.prefix(500))")
    }
}
