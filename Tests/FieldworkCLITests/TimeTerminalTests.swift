import Foundation
import TestSupport
import Testing

private let tmuxWorks = Tool.available("tmux")

/// In a real terminal: a time field says its form and limits, refuses a time it cannot read with
/// the form wanted, stores what is typed as HH:MM, shows it on the review, and a left session
/// resumes with the time in its field.
@Suite(.serialized) struct TimeTerminalTests {
    static let survey = """
        format: 1
        id: clock
        version: 1.0.0
        title: Clock
        sections:
          - id: s
            questions:
              - {id: woke, type: time, text: When did you wake up?, min: "05:00", max: "12:00"}
              - {id: seen, type: datetime, text: When were you last seen by a nurse?}
        """

    @Test(.enabled(if: tmuxWorks, "needs tmux (apt-get install tmux)"))
    func typesATimeThenResumesWithItAndSends() throws {
        let folder = try TemporaryFolder()
        try folder.write("clock.yaml", Self.survey)
        let done = folder.url.appendingPathComponent("exit-status").path
        let t = try TmuxSession(command: TmuxSession.command("run clock.yaml", in: folder.url, done: done))
        t.waitFor("Enter start")
        try t.send("Enter")
        let first = t.waitFor("When did you wake up?")
        #expect(first.contains("Between 05:00 and 12:00."), "\(first)")
        #expect(first.contains("HH:MM on a 24-hour clock, for example 09:30"), "\(first)")
        try t.type("7pm")
        try t.send("Enter")
        t.waitFor("Please write the time as HH:MM on a 24-hour clock, for example 09:30.")
        try t.send("BSpace", "BSpace", "BSpace")
        try t.type("13.15")
        try t.send("Enter")
        t.waitFor("Please give a time no later than 12:00.")
        for _ in 0..<5 { try t.send("BSpace") }
        try t.type("7:05")
        try t.send("Enter")
        let second = t.waitFor("When were you last seen by a nurse?")
        #expect(second.contains("YYYY-MM-DD HH:MM, for example 2024-05-17 09:30"), "\(second)")
        try t.send("Escape")
        t.waitFor("▏ 07:05")
        try t.send("C-c")
        t.waitFor("Leave now?")
        try t.send("y")
        #expect(TmuxSession.finished(done).status == "3")

        let sessions = folder.url.appendingPathComponent("responses/clock/sessions").path
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: sessions).first)
        let again = folder.url.appendingPathComponent("exit-status-2").path
        let r = try TmuxSession(command: TmuxSession.command("resume \(journal.prefix(8))", in: folder.url, done: again))
        r.waitFor("▏ 07:05")
        try r.send("Enter")
        r.waitFor("When were you last seen by a nurse?")
        try r.type("2024-02-29 9:30")
        try r.send("Enter")
        let review = r.waitFor("❯ [ Send my answers ]")
        #expect(review.contains("07:05") && review.contains("2024-02-29 09:30"), "\(review)")
        try r.send("Enter")
        r.waitFor("Your answers have been saved. Thank you.")
        try r.send("Enter")
        #expect(TmuxSession.finished(again).status == "0")

        let responses = folder.url.appendingPathComponent("responses/clock").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let data = try Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let answers = try #require(record["answers"] as? [String: Any])
        #expect(answers["woke"] as? String == "07:05")
        #expect(answers["seen"] as? String == "2024-02-29T09:30")
    }
}
