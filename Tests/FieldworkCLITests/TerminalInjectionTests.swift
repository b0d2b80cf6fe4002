import Foundation
import TestSupport
import Testing

/// Escape sequences in instrument texts: a title that would rename the window, texts that would
/// clear the screen or turn it red.
let injecting = """
    format: 1
    id: inject
    version: 1.0.0
    title: "Survey\\e]0;pwned\\a"
    end: "Done\\e[2J"
    sections:
      - id: s
        questions:
          - {id: town, type: text, text: "Your town\\e[31m?"}
          - {id: story, type: long_text, text: Tell us more}
          - {id: last, type: text, text: Anything else?}

    """

/// The controls a terminal would act on, in text that should have none (line ends and tabs allowed).
private func rawControls(_ text: String) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { s in
        s != "\n" && s != "\r" && s != "\t" && (s.value < 0x20 || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value))
    }
}

@Suite struct TerminalInjectionTests {
    /// Typed in plain mode, `ESC ] 0 ; pwned BEL` and `ESC [ 2 J` reach neither the journal, nor
    /// the response, nor any export; the instrument's own sequences are shown escaped throughout.
    @Test func participantsEscapeSequencesReachNoFileAndInstrumentTextsAreShownEscaped() throws {
        let folder = try TemporaryFolder()
        try folder.write("inject.yaml", injecting)
        let first = try Run.fieldwork(["run", "inject.yaml", "--plain"],
                                      input: "Leeds\u{1B}]0;pwned\u{07}\n\u{1B}[2Jline one\u{08}\nline two\u{9B}\n\n", in: folder.url)
        #expect(first.status == 3, "\(first.stdout)\(first.stderr)")
        #expect(rawControls(first.stdout).isEmpty, "\(first.stdout.debugDescription)")
        #expect(first.stdout.contains("Your town[U+001B][31m?"))

        let sessions = folder.url.appendingPathComponent("responses/inject/sessions").path
        for (name, bytes) in everyFile(under: sessions) {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(rawControls(text).isEmpty && !text.contains("\\u001b") && !text.contains("\\u0007"), "\(name): \(text)")
            #expect(!text.contains("pwned") && !text.contains("[2J"), "\(name): the whole sequence is left out")
        }
        let list = try Run.fieldwork(["resume"], in: folder.url)
        #expect(rawControls(list.stdout).isEmpty)
        let id = try #require(list.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first)
        let second = try Run.fieldwork(["resume", String(id), "--plain"], input: "also\u{07}\u{1B}[2J\n\n", in: folder.url)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(rawControls(second.stdout).isEmpty, "\(second.stdout.debugDescription)")
        #expect(second.stdout.contains("Done[U+001B][2J"))

        let responses = folder.url.appendingPathComponent("responses/inject").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let data = try #require(FileManager.default.contents(atPath: responses + "/" + name))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let answers = try #require(record["answers"] as? [String: Any])
        #expect(answers["town"] as? String == "Leeds")
        #expect(answers["story"] as? String == "line one\nline two")
        #expect(answers["last"] as? String == "also")

        for format in ["csv", "long", "spss"] {
            let run = try Run.fieldwork(["export", "inject", "--format", format, "--out", "out-" + format], in: folder.url)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            for (file, bytes) in everyFile(under: folder.url.appendingPathComponent("out-" + format).path) {
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(rawControls(text).isEmpty, "\(format) \(file): \(text.debugDescription)")
            }
        }
        for command in [["status"], ["summary", "inject"]] {
            let run = try Run.fieldwork(command, in: folder.url)
            #expect(run.status == 0, "\(command): \(run.stdout)\(run.stderr)")
            #expect(rawControls(run.stdout).isEmpty, "\(command): \(run.stdout.debugDescription)")
        }
    }

    /// `check` shows a title's and an unknown key's sequences escaped, in the message and the source line.
    @Test func checkShowsEscapeSequencesInMessagesAndSourceLinesEscaped() throws {
        let folder = try TemporaryFolder()
        try folder.write("key.yaml", injecting.replacingOccurrences(of: "text: Anything else?}", with: "text: Anything else?, \"bad\\e[2Jkey\": 1}"))
        try folder.write("raw.yaml", injecting.replacingOccurrences(of: "title: \"Survey\\e]0;pwned\\a\"", with: "title: Survey\u{1B}]0;pwned\u{07}"))
        for color in ["never", "always"] {
            let run = try Run.fieldwork(["check", "key.yaml", "raw.yaml", "--color", color], in: folder.url)
            #expect(run.status == 1)
            let escapes = run.stdout.components(separatedBy: "\u{1B}").dropFirst()
            #expect(escapes.allSatisfy { $0.range(of: #"^\[[0-9;]*m"#, options: .regularExpression) != nil }, "only colours: \(run.stdout.debugDescription)")
            #expect(rawControls(run.stdout.replacingOccurrences(of: "\u{1B}", with: "")).isEmpty)
            #expect(run.stdout.contains("unknown key 'bad[U+001B][2Jkey'"), "\(run.stdout)")
        }
        let plain = try Run.fieldwork(["check", "raw.yaml"], in: folder.url)
        #expect(plain.stdout.contains("title: Survey[U+001B]]0;pwned[U+0007]\n"), "the source line: \(plain.stdout)")
    }

    @Test func previewShowsEscapeSequencesEscaped() throws {
        let folder = try TemporaryFolder()
        try folder.write("inject.yaml", injecting)
        for format in ["markdown", "html"] {
            let run = try Run.fieldwork(["preview", "inject.yaml", "--format", format], in: folder.url)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(rawControls(run.stdout).isEmpty && !run.stdout.contains("\u{1B}"), "\(run.stdout.debugDescription)")
        }
        let markdown = try Run.fieldwork(["preview", "inject.yaml"], in: folder.url)
        #expect(markdown.stdout.contains("Survey[U+001B]]0;pwned[U+0007]"), "\(markdown.stdout)")
        let run = try Run.fieldwork(["preview", "inject.yaml", "-o", "preview.md"], in: folder.url)
        #expect(run.status == 0)
        let file = try String(contentsOf: folder.url.appendingPathComponent("preview.md"), encoding: .utf8)
        #expect(rawControls(file).isEmpty && file.contains("Your town[U+001B][31m?"))
    }
}
