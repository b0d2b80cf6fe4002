import Foundation
import TestSupport
import Testing

private let tmuxRuns = Tool.available("tmux")

/// Issue 15 in a real terminal: a safeguarding message cannot be paged past, pausing at it saves
/// and leaves, resuming carries on without showing it again; the interviewer acknowledges a banner.
@Suite(.serialized) struct SafeguardingTerminalTests {
    static func instrument(kind: String) -> String {
        """
        format: 1
        id: care-\(kind)
        version: 1.0.0
        kind: \(kind)
        title: Care check
        sections:
          - id: mood
            questions:
              - id: phq9_9
                type: single
                text: Over the last 2 weeks, how often have you been bothered by thoughts that you would be better off dead, or of hurting yourself?
                choices:
                  - {value: 0, label: Not at all}
                  - {value: 1, label: Several days}
                  - {value: 2, label: More than half the days}
                  - {value: 3, label: Nearly every day}
              - {id: age, type: number, text: How old are you?, min: 16, max: 110}
        safeguarding:
          - id: self_harm
            when: phq9_9 >= 1
            message: Thank you for telling us. If you feel unsafe now, call Samaritans free on 116 123, any time.
            offer: pause
            protocol: Follow the distress protocol. Ask about immediate safety before going on.

        """
    }

    func record(in folder: TemporaryFolder, _ id: String) throws -> [String: Any] {
        let responses = folder.url.appendingPathComponent("responses/" + id).path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))) as? [String: Any])
    }

    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func theParticipantSeesTheMessageAcknowledgesPausesAndResumes() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("care.yaml")
        try Self.instrument(kind: "survey").write(to: file, atomically: false, encoding: .utf8)
        let (t, done) = try TmuxSession.fieldwork("run '\(file.path)'", in: folder.url)
        t.waitFor("Enter start")
        try t.send("Enter")
        t.waitFor("better off dead")
        try t.send("2", "Enter")
        t.waitFor("If you feel unsafe now, call Samaritans")
        // Holding Enter (and Space) does not page past it.
        try t.send("Enter", "Enter", "Enter", "Space", "Enter")
        usleep(300_000)
        let held = t.waitFor("C carry on · P pause and leave")
        #expect(held.contains("Samaritans") && !held.contains("How old are you?"))
        try t.send("p")
        #expect(TmuxSession.finished(done).status == "3")
        t.waitFor("fieldwork resume")

        let sessions = folder.url.appendingPathComponent("responses/care-survey/sessions").path
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: sessions).first { $0.hasSuffix(".journal") })
        let (again, resumed) = try TmuxSession.fieldwork("resume \(journal.prefix(8))", in: folder.url, done: "resumed")
        let back = again.waitFor("How old are you?")
        #expect(!back.contains("Samaritans"), "a rule that fired is not shown again on resume")
        try again.type("45")
        try again.send("Enter")
        again.waitFor("Send my answers")
        try again.send("Enter")
        again.waitFor("Your answers have been saved")
        try again.send("Enter")
        #expect(TmuxSession.finished(resumed).status == "0")
        let r = try record(in: folder, "care-survey")
        #expect((r["safeguarding"] as? [[String: String]]) == [["rule": "self_harm", "question": "phq9_9"]])
    }

    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func theInterviewerSeesTheBannerAcknowledgesItAndCarriesOn() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("care.yaml")
        try Self.instrument(kind: "interview").write(to: file, atomically: false, encoding: .utf8)
        let (t, done) = try TmuxSession.fieldwork("interview '\(file.path)'", in: folder.url)
        t.waitFor("1. Over the last 2 weeks")
        try t.send("2")
        t.waitFor("(•) 2 Several days")
        try t.send("Tab")
        let banner = t.waitFor("SAFEGUARDING: rule 'self_harm' fired at 'phq9_9'. For you, not to read out.")
        #expect(banner.contains("Follow the distress protocol. Ask about immediate safety before going on."))
        #expect(!banner.contains("Samaritans"), "the participant's message is not the interviewer's")
        try t.send("Enter", "Space", "x")
        usleep(300_000)
        #expect(t.screen().contains("For you, not to read out."))
        try t.send("a")
        t.waitFor("2. How old are you?")
        try t.type("45")
        t.waitFor("▏ 45")
        try t.send("Enter")
        t.waitFor("y end · n carry on")
        try t.send("y")
        t.waitFor("The interview is saved.")
        try t.send("Enter")
        #expect(TmuxSession.finished(done).status == "0")
        let r = try record(in: folder, "care-interview")
        #expect((r["safeguarding"] as? [[String: String]]) == [["rule": "self_harm", "question": "phq9_9"]])
        #expect((r["answers"] as? [String: Any])?["age"] as? Int == 45)
    }
}
