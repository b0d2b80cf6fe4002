import Foundation
import TestSupport
import Testing

private let tmuxWorks = Tool.available("tmux")

/// Issue 16 in a real terminal: a section repeated for three activities, back into the second
/// instance to change its answer, then the third activity unticked (confirmed), and the response keeps
/// the two instances left, in order, with their keys.
@Suite(.serialized) struct RepeatTerminalTests {
    static let survey = """
        format: 1
        id: each
        version: 1.0.0
        title: Activities
        sections:
          - id: s
            questions:
              - {id: activities, type: multiple, text: Which did you go to?, choices: [Walking group, Art club, Choir, Online forum]}
          - id: activity
            title: "About {activities.label}"
            repeat: {for_each: activities}
            questions:
              - {id: visits, type: number, text: "How many times did you go to {activities.label}?", max: 31}
        """

    @Test(.enabled(if: tmuxWorks, "needs tmux (apt-get install tmux)"))
    func threeActivitiesBackIntoTheSecondThenUntickOne() throws {
        let folder = try TemporaryFolder()
        try folder.write("each.yaml", Self.survey)
        let (t, done) = try TmuxSession.fieldwork("run each.yaml", in: folder.url)
        t.waitFor("Enter start")
        try t.send("Enter")
        t.waitFor("Which did you go to?")
        try t.send("1", "2", "3")
        t.waitFor("[x] 3 Choir")
        try t.send("Enter")
        t.waitFor("Walking group — 1 of 3")
        try t.send("3", "Enter")
        t.waitFor("Art club — 2 of 3")
        try t.send("4", "Enter")
        t.waitFor("Choir — 3 of 3")
        try t.send("5", "Enter")
        t.waitFor("❯ [ Send my answers ]")
        // Back into the second instance, and 4 becomes 6.
        try t.send("Escape")
        t.waitFor("How many times did you go to Choir?")
        try t.send("Escape")
        t.waitFor("Art club — 2 of 3")
        try t.send("BSpace", "BSpace", "6", "Enter")
        t.waitFor("Choir — 3 of 3")
        try t.send("Enter")
        t.waitFor("❯ [ Send my answers ]")
        // Back to the activities: unticking Choir asks first.
        try t.send("Escape")
        t.waitFor("Choir — 3 of 3")
        try t.send("Escape")
        t.waitFor("Art club — 2 of 3")
        try t.send("Escape")
        t.waitFor("Walking group — 1 of 3")
        try t.send("Escape")
        t.waitFor("Which did you go to?")
        try t.send("3", "Enter")
        t.waitFor("This removes your answers about Choir.")
        try t.send("Enter")
        t.waitFor("Walking group — 1 of 2")
        try t.send("Enter")
        t.waitFor("Art club — 2 of 2")
        try t.send("Enter")
        t.waitFor("❯ [ Send my answers ]")
        try t.send("Enter")
        t.waitFor("Your answers have been saved. Thank you.")
        try t.send("Enter")
        #expect(TmuxSession.finished(done).status == "0")

        let responses = folder.url.appendingPathComponent("responses/each").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))) as? [String: Any])
        #expect((record["answers"] as? [String: Any])?["activities"] as? [Int] == [1, 2])
        let instances = try #require((record["repeats"] as? [String: Any])?["activity"] as? [[String: Any]])
        #expect(instances.map { $0["key"] as? Int } == [1, 2])
        #expect(instances.map { ($0["answers"] as? [String: Any])?["visits"] as? Int } == [3, 6])
    }
}
