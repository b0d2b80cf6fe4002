import Foundation
import TestSupport
import Testing

let valid = """
    format: 1
    id: tiny
    version: 1.10
    title: Tiny
    sections:
      - id: s
        questions:
          - id: ok
            type: single
            text: Are you OK?
            choices: [Yes, No]

    """

let withWarning = valid.replacingOccurrences(of: "title: Tiny\n", with: "title: Tiny\nchoice_sets:\n  unused: [a, b]\n")

@Suite struct CheckCommandTests {
    @Test func summarisesACleanFileAndExitsZero() throws {
        let folder = try TemporaryFolder()
        try folder.write("tiny.yaml", valid)
        let run = try Run.fieldwork(["check", "tiny.yaml"], in: folder.url)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("tiny.yaml: ok: tiny 1.10, sha256:"))
        #expect(lines[0].hasSuffix(", 1 question in 1 section"))
        #expect(lines[1] == "1 instrument checked: no problems")
    }

    @Test func exitsOneOnErrorsWithTheExactDiagnostic() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.yaml", valid.replacingOccurrences(of: "text: Are you OK?", with: "text: Are you OK?\n        requred: true"))
        let run = try Run.fieldwork(["check", "bad.yaml"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stdout == """
            bad.yaml:11:9: error: unknown key 'requred' in question 'ok' [unknown-key]
                    requred: true
                    ^~~~~~~
              hint: did you mean 'required'?
            1 instrument checked: 1 error and 0 warnings (1 failed)

            """)
    }

    @Test func failsOnWarningsOnlyWhenStrict() throws {
        let folder = try TemporaryFolder()
        try folder.write("w.yaml", withWarning)
        #expect(try Run.fieldwork(["check", "w.yaml"], in: folder.url).status == 0)
        let strict = try Run.fieldwork(["check", "--strict", "w.yaml"], in: folder.url)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("w.yaml:6:3: warning: the choice set 'unused' is never used [unused-choice-set]"))
    }

    @Test func checksEveryInstrumentInAFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("a/one.yaml", valid)
        try folder.write("a/two.yml", valid.replacingOccurrences(of: "id: tiny", with: "id: tiny-two"))
        try folder.write("a/notes.txt", "not an instrument")
        try folder.write("a/.hidden/x.yaml", "broken: [")
        let run = try Run.fieldwork(["check", "a"], in: folder.url)
        #expect(run.status == 0)
        #expect(run.stdout.contains("a/one.yaml: ok: tiny 1.10"))
        #expect(run.stdout.contains("a/two.yml: ok: tiny-two 1.10"))
        #expect(run.stdout.hasSuffix("2 instruments checked: no problems\n"))
    }

    @Test func usageErrorsExitTwo() throws {
        let missing = try Run.fieldwork(["check", "/nonexistent/x.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Error: '/nonexistent/x.yaml' does not exist"))
        #expect(try Run.fieldwork(["check"]).status == 2)
        #expect(try Run.fieldwork(["check", "--format", "xml", "x.yaml"]).status == 2)
        #expect(try Run.fieldwork(["frobnicate"]).status == 2)
        let folder = try TemporaryFolder()
        try folder.write("empty/readme.txt", "nothing here")
        let empty = try Run.fieldwork(["check", "empty"], in: folder.url)
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("'empty' holds no instrument files (.yaml or .yml)"))
    }

    @Test func reportsTheSameDiagnosticsAsJSON() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.yaml", valid.replacingOccurrences(of: "type: single", with: "type: singel"))
        let run = try Run.fieldwork(["check", "--format", "json", "bad.yaml"], in: folder.url)
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.first?["ok"] as? Bool == false)
        let d = try #require((files.first?["diagnostics"] as? [[String: Any]])?.first)
        #expect(d["file"] as? String == "bad.yaml")
        #expect(d["line"] as? Int == 9)
        #expect(d["column"] as? Int == 15)
        #expect(d["length"] as? Int == 6)
        #expect(d["severity"] as? String == "error")
        #expect(d["code"] as? String == "unknown-type")
        #expect(d["message"] as? String == "unknown question type 'singel' in question 'ok'")
        #expect(d["hint"] as? String == "did you mean 'single'?")
    }

    @Test func coloursOnlyWhenAskedOrOnATerminal() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.yaml", valid.replacingOccurrences(of: "type: single", with: "type: singel"))
        let plain = try Run.fieldwork(["check", "bad.yaml"], in: folder.url)
        #expect(!plain.stdout.contains("\u{1B}["), "a pipe is not a terminal")
        let forced = try Run.fieldwork(["check", "--color", "always", "bad.yaml"], in: folder.url)
        #expect(forced.stdout.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        let never = try Run.fieldwork(["check", "--color", "never", "bad.yaml"], environment: ["TERM": "xterm"], in: folder.url)
        #expect(!never.stdout.contains("\u{1B}["))
    }

    @Test func coloursOnARealTerminalUnlessNoColorIsSet() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.yaml", valid.replacingOccurrences(of: "type: single", with: "type: singel"))
        // script(1) gives the command a pseudo-terminal, as a person's terminal would.
        let command = "'\(Run.binary.path)' check bad.yaml"
        let onTerminal = try Run.command("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["TERM": "xterm"], in: folder.url)
        #expect(onTerminal.stdout.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        let noColor = try Run.command("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["TERM": "xterm", "NO_COLOR": "1"], in: folder.url)
        #expect(noColor.stdout.contains("error: unknown question type 'singel'"))
        #expect(!noColor.stdout.contains("\u{1B}["))
        let dumb = try Run.command("/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["TERM": "dumb"], in: folder.url)
        #expect(!dumb.stdout.contains("\u{1B}["))
    }

    @Test func refusesHostileFilesQuicklyWithAClearError() throws {
        let folder = try TemporaryFolder()
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        try folder.write("bomb.yaml", bomb)
        try folder.write("deep.yaml", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        try folder.write("huge.yaml", Data("title: \"".utf8) + Data(repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024) + Data("\"\n".utf8))
        try folder.write("long.yaml", Data("title: \"".utf8) + Data(repeating: UInt8(ascii: "a"), count: 2 * 1024 * 1024) + Data("\"\n".utf8))
        let expected = [
            ("bomb.yaml", "bomb.yaml:6:45: error: the file expands to more than 1000000 values (aliases '*' repeat whole parts of it) [limit-exceeded]"),
            ("deep.yaml", "deep.yaml:1:65: error: lists and maps are nested more than 64 levels deep [limit-exceeded]"),
            ("huge.yaml", "huge.yaml:1:1: error: the file is 50 MB, larger than the limit of 16 MB [limit-exceeded]"),
            ("long.yaml", "long.yaml:1:8: error: this value is 2.0 MB long, larger than the limit of 1.0 MB [limit-exceeded]"),
        ]
        for (file, first) in expected {
            let run = try Run.fieldwork(["check", file], in: folder.url)
            #expect(run.status == 1, "\(file)")
            #expect(run.stdout.hasPrefix(first + "\n"), "\(file): \(run.stdout.prefix(300))")
        }
    }

    @Test func printsHelpWithExitZero() throws {
        let run = try Run.fieldwork(["check", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Check instruments and report every problem with its line and column."))
    }
}
