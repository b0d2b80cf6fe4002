import Foundation
import TestSupport
import Testing

private let tmuxWorks = Tool.available("tmux")

/// `settings.idle_minutes` in a real terminal: a session left alone for its minute is saved
/// (the text being typed too, as a draft), nothing of it stays on the screen for the next person,
/// and the resume command printed carries on from there. The one test here that waits a minute.
@Suite(.serialized) struct IdleTimeoutTerminalTests {
    static let survey = """
        format: 1
        id: idle
        version: 1.0.0
        title: Shared tablet
        settings: {idle_minutes: 1}
        sections:
          - id: s
            questions:
              - {id: drink, type: single, text: Which drink do you prefer?, choices: [Tea, Coffee]}
              - {id: story, type: long_text, text: Tell us about your week}
        """

    @Test(.enabled(if: tmuxWorks, "needs tmux (apt-get install tmux)"))
    func aSessionLeftAloneIsSavedAndClearedAndTheResumeCommandCarriesOn() throws {
        let folder = try TemporaryFolder()
        try folder.write("idle.yaml", Self.survey)
        let (t, done) = try TmuxSession.fieldwork("run idle.yaml", in: folder.url)
        t.waitFor("Enter start")
        try t.send("Enter")
        t.waitFor("Which drink do you prefer?")
        try t.send("2", "Enter")
        t.waitFor("Tell us about your week")
        try t.type("Private thoughts")
        t.waitFor("▏ Private thoughts")
        let typed = Date()
        // No key for a minute: the session leaves by itself (waiting up to 60 s more on a loaded machine).
        var left = ""
        for _ in 0..<2400 where !left.contains("without a key") {
            usleep(50_000)
            left = t.screen()
        }
        #expect(Date().timeIntervalSince(typed) >= 59, "not before the minute")
        #expect(TmuxSession.finished(done).status == "3")
        left = t.screen()
        let flat = left.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains("The session was left after 1 minute without a key, and the screen cleared."), "\(left)")
        #expect(!left.contains("Private thoughts") && !left.contains("Which drink") && !left.contains("Tell us about"),
                "nothing of the session stays in view:\n\(left)")
        let command = try #require(flat.firstMatch(of: /fieldwork resume ([0-9a-f]{8})/), "\(left)")

        // The command as printed (the binary in place of `fieldwork`) finds the draft in its field.
        let (r, again) = try TmuxSession.fieldwork("resume \(command.1)", in: folder.url, done: "exit-status-2")
        r.waitFor("▏ Private thoughts")
        try r.send("Tab")
        r.waitFor("❯ [ Send my answers ]")
        try r.send("Enter")
        r.waitFor("Your answers have been saved. Thank you.")
        try r.send("Enter")
        #expect(TmuxSession.finished(again).status == "0")

        let export = try Run.fieldwork(["export", "idle", "--format", "jsonl", "--out", "out"], in: folder.url)
        #expect(export.status == 0, "\(export.stderr)")
        let line = try String(contentsOf: folder.url.appendingPathComponent("out/responses.jsonl"), encoding: .utf8)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let answers = try #require(record["answers"] as? [String: Any], "\(line)")
        #expect(answers["drink"] as? Int == 2)
        #expect(answers["story"] as? String == "Private thoughts")
    }
}
