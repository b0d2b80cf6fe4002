import Foundation
import TestSupport
import Testing

private let tmuxRuns = Tool.available("tmux")

/// Issue 12 item 7 in a real terminal: the interviewer's keys keep what was typed, and a resumed
/// interview shows it.
@Suite(.serialized) struct InterviewTerminalTests {
    static let guide = """
        format: 1
        id: keeps-typing
        version: 1.0.0
        kind: interview
        title: Keeps typing
        consent:
          text: Read the information sheet.
          agree: The participant agrees
        sections:
          - id: about
            title: About you
            minutes: 5
            questions:
              - id: role
                type: single
                text: What is your role?
                choices: [Peer worker, Supervisor]
              - id: day
                type: open
                text: Tell me about a typical day.
                probes: [How did you start?, What is hardest?]
                minutes: 10

        """

    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func tabCtrlPAndCtrlCKeepWhatWasTypedAndResumeShowsIt() throws {
        let folder = try TemporaryFolder()
        let guide = folder.url.appendingPathComponent("keeps-typing.yaml")
        try Self.guide.write(to: guide, atomically: false, encoding: .utf8)
        let (t, done) = try TmuxSession.fieldwork("interview '\(guide.path)'", in: folder.url, columns: 80, rows: 24)
        t.waitFor("The participant agrees")
        try t.send("1", "Enter")
        t.waitFor("1. What is your role?")
        // A structured answer typed, then Tab: kept on the way.
        try t.send("2")
        t.waitFor("(•) 2 Supervisor")
        try t.send("Tab")
        t.waitFor("2. Tell me about a typical day.")
        // Ctrl-P waits for one digit; what is typed next goes into the notes.
        try t.send("C-p")
        t.waitFor("Probe asked? 1-2 tick or untick it")
        try t.send("1")
        t.waitFor("[x] 1 How did you start?")
        try t.type("Started at 9")
        try t.send("Enter")
        t.waitFor("] Started at 9")
        // A paragraph being typed when the interviewer leaves is kept.
        try t.type("Half a thought")
        try t.send("C-c")
        t.waitFor("y leave · n stay")
        try t.send("y")
        #expect(TmuxSession.finished(done).status == "3")

        let sessions = folder.url.appendingPathComponent("responses/keeps-typing/sessions").path
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: sessions).first { $0.hasSuffix(".journal") })
        let (again, resumed) = try TmuxSession.fieldwork("resume \(journal.prefix(8))", in: folder.url, done: "resumed", columns: 60, rows: 20)
        again.waitFor("2. Tell me about a typical day.")
        again.waitFor("] Half a thought")
        #expect(again.screen().contains("] Started at 9"))
        #expect(again.screen().contains("[x] 1 How did you start?"))
        try again.send("BTab")
        again.waitFor("(•) 2 Supervisor")
        try again.send("C-x")
        again.waitFor("y end · n carry on")
        try again.send("y")
        again.waitFor("The interview is saved.")
        try again.send("Enter")
        #expect(TmuxSession.finished(resumed).status == "0")

        let responses = folder.url.appendingPathComponent("responses/keeps-typing").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))) as? [String: Any])
        let answers = try #require(record["answers"] as? [String: Any])
        #expect(answers["role"] as? Int == 2)
        let notes = try #require(answers["day"] as? String).split(separator: "\n").map { String($0.dropFirst(8)) }
        #expect(notes == ["Started at 9", "Half a thought"])
        #expect((record["probes_asked"] as? [String: [Int]]) == ["day": [1]], "probes numbered as on screen")
    }

    static let noteGuide = """
        format: 1
        id: note-typing
        version: 1.0.0
        kind: interview
        title: Note typing
        sections:
          - id: about
            questions:
              - id: intro
                type: note
                text: Read the introduction aloud.
              - id: day
                type: open
                text: Tell me about a typical day.

        """

    /// Typing on a note screen once vanished without a word; now it stays in view, goes on to the
    /// next notes and is kept there.
    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func typingOnANoteScreenGoesOnToTheNextNotes() throws {
        let folder = try TemporaryFolder()
        let guide = folder.url.appendingPathComponent("note-typing.yaml")
        try Self.noteGuide.write(to: guide, atomically: false, encoding: .utf8)
        let (t, done) = try TmuxSession.fieldwork("interview '\(guide.path)'", in: folder.url, columns: 80, rows: 24)
        t.waitFor("Read the introduction aloud.")
        try t.type("She moved in 2019")
        t.waitFor("> She moved in 2019")
        #expect(t.screen().contains("No notes are kept on this screen"))
        try t.send("Tab")
        t.waitFor("1. Tell me about a typical day.")
        #expect(t.screen().contains("> She moved in 2019"))
        try t.send("Enter")
        t.waitFor("] She moved in 2019")
        try t.send("C-c")
        t.waitFor("y leave · n stay")
        try t.send("y")
        #expect(TmuxSession.finished(done).status == "3")
    }
}
