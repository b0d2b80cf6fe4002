import Foundation
import TestSupport
import Testing

private let tmuxRuns = Tool.available("tmux")

/// A guide's repeated blocks in a real terminal (issue 16, interviews): three topics raised, back
/// into the second to add to its notes with a probe ticked, the process killed there, resumed in
/// the same instance, then the "anything else" block answered once and "no" to another.
@Suite(.serialized) struct InterviewRepeatTerminalTests {
    static let guide = """
        format: 1
        id: topics
        version: 1.0.0
        kind: interview
        title: Topics
        consent:
          text: Read the information sheet.
          agree: The participant agrees
        sections:
          - id: intro
            title: Opening
            questions:
              - {id: topics, type: multiple, text: Which topics did the participant raise?, choices: [Housing, Money, Work]}
          - id: topic
            title: "{topics.label}"
            minutes: 5
            repeat: {for_each: topics}
            questions:
              - {id: topic_notes, type: open, text: "Tell me more about {topics.label}.", probes: [Since when?, Who helped?]}
          - id: other_topic
            title: Anything else
            repeat: {until_done: true, max: 3, another: Another topic raised?}
            questions:
              - {id: other_notes, type: open, text: What else came up?}
          - id: close
            title: Closing
            questions:
              - {id: final_notes, type: open, text: Anything to add?}

        """

    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func threeTopicsBackIntoTheSecondKilledResumedAndDone() throws {
        let folder = try TemporaryFolder()
        let guide = folder.url.appendingPathComponent("topics.yaml")
        try Self.guide.write(to: guide, atomically: false, encoding: .utf8)
        let done = folder.url.appendingPathComponent("exit-status").path
        let t = try TmuxSession(command: TmuxSession.command("interview '\(guide.path)'", in: folder.url, done: done), columns: 100, rows: 30)
        t.waitFor("The participant agrees")
        try t.send("1", "Enter")
        t.waitFor("1. Which topics did the participant raise?")
        try t.send("1", "2", "3", "Enter")
        t.waitFor("Housing · 1 of 3 · ")
        for (topic, said) in [("Housing", "Lost the flat"), ("Money", "Overdrawn"), ("Work", "New job")] {
            t.waitFor("Tell me more about \(topic).")
            try t.type(said)
            try t.send("Enter")
            t.waitFor("] \(said)")
            if topic != "Work" { try t.send("Tab") }
        }
        // Back into the second topic: its own notes, a probe ticked there, a paragraph added.
        try t.send("BTab")
        t.waitFor("Money · 2 of 3 · ")
        #expect(t.screen().contains("] Overdrawn"))
        #expect(!t.screen().contains("] New job"))
        try t.send("C-p", "2")
        t.waitFor("[x] 2 Who helped?")
        try t.type("Since the spring")
        try t.send("Enter")
        t.waitFor("] Since the spring")
        // A crash: every kept paragraph and probe is on disk already.
        kill(try #require(try t.fieldworkPID()), SIGKILL)
        #expect(TmuxSession.finished(done).status == "137")

        let sessions = folder.url.appendingPathComponent("responses/topics/sessions").path
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: sessions).first { $0.hasSuffix(".journal") })
        let resumed = folder.url.appendingPathComponent("resumed").path
        let again = try TmuxSession(command: TmuxSession.command("resume \(journal.prefix(8))", in: folder.url, done: resumed), columns: 100, rows: 30)
        again.waitFor("Money · 2 of 3 · ")
        again.waitFor("3. Tell me more about Money.")
        #expect(again.screen().contains("] Overdrawn"))
        #expect(again.screen().contains("] Since the spring"))
        #expect(again.screen().contains("[x] 2 Who helped?"))
        #expect(again.screen().contains(" Work · 3 of 3 5m"))
        try again.send("Tab", "Tab")
        again.waitFor("What else came up?")
        again.waitFor("Anything else · Number 1")
        try again.type("Food bank")
        try again.send("Enter")
        again.waitFor("] Food bank")
        try again.send("Tab")
        again.waitFor("Another topic raised?")
        try again.send("2", "Enter")
        again.waitFor("Anything to add?")
        try again.send("C-x")
        again.waitFor("End the interview now?")
        try again.send("y")
        again.waitFor("The interview is saved.")
        try again.send("Enter")
        #expect(TmuxSession.finished(resumed).status == "0")

        let responses = folder.url.appendingPathComponent("responses/topics").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))) as? [String: Any])
        let repeats = try #require(record["repeats"] as? [String: [[String: Any]]])
        func notes(_ instance: [String: Any], _ id: String) -> [String] {
            ((instance["answers"] as? [String: String])?[id] ?? "").split(separator: "\n").map { String($0.dropFirst(8)) }
        }
        let topics = try #require(repeats["topic"])
        #expect(topics.map { $0["key"] as? Int } == [1, 2, 3])
        #expect(topics.map { notes($0, "topic_notes") } == [["Lost the flat"], ["Overdrawn", "Since the spring"], ["New job"]])
        #expect(topics[1]["probes_asked"] as? [String: [Int]] == ["topic_notes": [2]])
        let others = try #require(repeats["other_topic"])
        #expect(others.map { notes($0, "other_notes") } == [["Food bank"]])
        #expect(record["probes_asked"] == nil)
        #expect(record["status"] as? String == "complete")
    }

    /// Plain mode, as a screen reader hears it: each instance's section and place, the question
    /// after each "anything else" asked, and the instances stored with their notes.
    @Test func plainModeSaysEachInstanceAndKeepsItsNotes() throws {
        let folder = try TemporaryFolder()
        try Self.guide.write(to: folder.url.appendingPathComponent("topics.yaml"), atomically: false, encoding: .utf8)
        let input = "1\n1 2 3\nLost the flat\n\nOverdrawn\n\nNew job\n\nFood bank\n\n1\nBenefits\n\n2\n\n"
        let run = try Run.fieldwork(["interview", "topics.yaml", "--plain"], input: input, in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Section: Housing\n1 of 3\n"))
        #expect(run.stdout.contains("Section: Work\n3 of 3\n"))
        #expect(run.stdout.contains("Section: Anything else\nNumber 2\n"))
        #expect(run.stdout.components(separatedBy: "Another topic raised? (required)").count == 3)
        let responses = folder.url.appendingPathComponent("responses/topics").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))) as? [String: Any])
        let repeats = try #require(record["repeats"] as? [String: [[String: Any]]])
        func notes(_ section: String, _ id: String) -> [String] {
            (repeats[section] ?? []).map { String(((($0["answers"] as? [String: String])?[id]) ?? "").dropFirst(8)) }
        }
        #expect(notes("topic", "topic_notes") == ["Lost the flat", "Overdrawn", "New job"])
        #expect(notes("other_topic", "other_notes") == ["Food bank", "Benefits"])
    }
}
