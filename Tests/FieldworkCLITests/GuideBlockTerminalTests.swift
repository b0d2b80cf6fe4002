import Foundation
import TestSupport
import Testing

private let tmuxRuns = Tool.available("tmux")

/// A repeated block inside a guide's section in a real terminal (issue 16, interviews): two
/// topics raised in the section "Talk", notes on each, on to the question after the block, back
/// across both instances into the question before it, then ended; the transcript read back.
@Suite(.serialized) struct GuideBlockTerminalTests {
    static let guide = blockGuideYAML

    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func twoTopicsOnPastTheBlockAndBackIntoIt() throws {
        let folder = try TemporaryFolder()
        try Self.guide.write(to: folder.url.appendingPathComponent("blocks.yaml"), atomically: false, encoding: .utf8)
        let done = folder.url.appendingPathComponent("exit-status").path
        let t = try TmuxSession(command: TmuxSession.command("interview blocks.yaml", in: folder.url, done: done), columns: 100, rows: 30)
        t.waitFor("The participant agrees")
        try t.send("1", "Enter")
        t.waitFor("1. Which topics did the participant raise?")
        try t.send("1", "3", "Enter")
        for (topic, said) in [("Housing", "Lost the flat"), ("Work", "New job")] {
            t.waitFor("Talk · \(topic) · ")
            try t.type(said)
            try t.send("Enter")
            t.waitFor("] \(said)")
            try t.send("Tab")
        }
        t.waitFor("Anything to add?")
        let after = t.screen()
        #expect(after.components(separatedBy: "Talk 10m").count == 2, "the section once in the outline: \(after)")
        #expect(after.contains(" Housing · 1 of 2") && after.contains(" Work · 2 of 2"))
        try t.type("Fine")
        try t.send("Enter")
        t.waitFor("] Fine")
        // Back across both instances, each with its own notes, into the question before the block.
        try t.send("BTab")
        t.waitFor("Talk · Work · 2 of 2 · ")
        #expect(t.screen().contains("] New job") && !t.screen().contains("] Lost the flat"))
        try t.send("BTab")
        t.waitFor("Talk · Housing · 1 of 2 · ")
        #expect(t.screen().contains("] Lost the flat") && !t.screen().contains("] New job"))
        try t.send("BTab")
        t.waitFor("1. Which topics did the participant raise?")
        try t.send("C-x")
        t.waitFor("End the interview now?")
        try t.send("y")
        t.waitFor("The interview is saved.")
        try t.send("Enter")
        #expect(TmuxSession.finished(done).status == "0")

        let export = try Run.fieldwork(["export", "blocks", "--format", "transcripts", "--out", "out"], in: folder.url)
        #expect(export.status == 0, "\(export.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("out/transcripts").path)
        let md = try String(contentsOf: folder.url.appendingPathComponent("out/transcripts/" + (try #require(files.first { $0.hasSuffix(".md") }))), encoding: .utf8)
        #expect(md.split(separator: "\n").filter { $0.hasPrefix("#") } == [
            "# Blocks", "## Talk", "### Which topics did the participant raise?", "### Housing", "#### Tell me more about Housing.",
            "### Work", "#### Tell me more about Work.", "### Anything to add?",
        ], "\(md)")
    }

    /// Plain mode: each instance said under the section, the question after the block asked once
    /// after both, the notes kept per instance.
    @Test func plainModeSaysEachInstanceUnderItsSection() throws {
        let folder = try TemporaryFolder()
        try Self.guide.write(to: folder.url.appendingPathComponent("blocks.yaml"), atomically: false, encoding: .utf8)
        let run = try Run.fieldwork(["interview", "blocks.yaml", "--plain"], input: "1\n1 3\nLost the flat\n\nNew job\n\nFine\n\nBye\n\n", in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "Section: Talk").count == 2, "\(run.stdout)")
        #expect(run.stdout.contains("Housing — 1 of 2\n"))
        #expect(run.stdout.contains("Work — 2 of 2\n"))
        #expect(run.stdout.components(separatedBy: "Anything to add?").count == 2)
        let responses = folder.url.appendingPathComponent("responses/blocks").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))) as? [String: Any])
        let topics = try #require((record["repeats"] as? [String: [[String: Any]]])?["topic"])
        #expect(topics.map { String(((($0["answers"] as? [String: String])?["topic_notes"]) ?? "").dropFirst(8)) } == ["Lost the flat", "New job"])
    }
}
