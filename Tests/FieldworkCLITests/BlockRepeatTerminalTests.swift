import Foundation
import TestSupport
import Testing

private let tmuxWorks = Tool.available("tmux")

/// A repeated block inside a section in a real terminal (issue 16): a question, the block for two
/// activities, a question after it; back from that question into the block's last instance; the
/// response keeps the block's instances under its id.
@Suite(.serialized) struct BlockRepeatTerminalTests {
    static let survey = """
        format: 1
        id: each
        version: 1.0.0
        title: Activities
        sections:
          - id: s
            title: Involvement
            questions:
              - {id: activities, type: multiple, text: Which did you go to?, choices: [Walking group, Art club, Choir]}
              - block: activity
                repeat: {for_each: activities}
                questions:
                  - {id: visits, type: number, text: "How many times did you go to {activities.label}?", max: 31}
              - {id: overall, type: scale, from: 1, to: 5, text: How much did it all help?}
        """

    @Test(.enabled(if: tmuxWorks, "needs tmux (apt-get install tmux)"))
    func twoActivitiesThenBackFromTheQuestionAfterIntoTheLastInstance() throws {
        let folder = try TemporaryFolder()
        try folder.write("each.yaml", Self.survey)
        let done = folder.url.appendingPathComponent("exit-status").path
        let t = try TmuxSession(command: TmuxSession.command("run each.yaml", in: folder.url, done: done))
        t.waitFor("Enter start")
        try t.send("Enter")
        t.waitFor("Which did you go to?")
        try t.send("1", "3")
        t.waitFor("[x] 3 Choir")
        try t.send("Enter")
        let first = t.waitFor("Walking group — 1 of 2")
        // The block is shown under its section's title, not as a section of its own.
        #expect(first.contains(" Involvement\n"))
        try t.send("3", "Enter")
        t.waitFor("Choir — 2 of 2")
        try t.send("5", "Enter")
        let after = t.waitFor("How much did it all help?")
        #expect(after.contains(" Involvement\n") && !after.contains("2 of 2"))
        // Back into Choir, its 5 becomes 7.
        try t.send("Escape")
        t.waitFor("Choir — 2 of 2")
        try t.send("BSpace", "7", "Enter")
        t.waitFor("How much did it all help?")
        try t.send("4", "Enter")
        t.waitFor("❯ [ Send my answers ]")
        try t.send("Enter")
        t.waitFor("Your answers have been saved. Thank you.")
        try t.send("Enter")
        #expect(TmuxSession.finished(done).status == "0")

        let responses = folder.url.appendingPathComponent("responses/each").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))) as? [String: Any])
        let answers = try #require(record["answers"] as? [String: Any])
        #expect(answers["activities"] as? [Int] == [1, 3])
        #expect(answers["overall"] as? Int == 4)
        let instances = try #require((record["repeats"] as? [String: Any])?["activity"] as? [[String: Any]])
        #expect(instances.map { $0["key"] as? Int } == [1, 3])
        #expect(instances.map { ($0["answers"] as? [String: Any])?["visits"] as? Int } == [3, 7])
    }
}

/// `check` counts the sections as written: a block and the questions after it are parts of their
/// section, not sections of their own.
@Suite struct BlockRepeatCommandTests {
    @Test func checkCountsABlocksSectionOnce() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("each.yaml", BlockRepeatTerminalTests.survey)
        let check = try Run.fieldwork(["check", path])
        #expect(check.stdout.contains(", 3 questions in 1 section\n"), "\(check.stdout)")
    }
}
