import Foundation
import TestSupport
import Testing

private let tmuxWorks = Tool.available("tmux")

/// Issue 12's real-terminal checks of the choice model and of pasting, in one session: browsing a
/// list then Enter skips; 1 then 0 on a 0-10 scale is 10; a paragraph pasted (tmux sends it as
/// a bracketed paste) with a tab and line breaks stays in the long text it was pasted into, and
/// in "Other" becomes one line; nothing pasted submits or spills into the next question.
@Suite(.serialized) struct ChoiceAndPasteTerminalTests {
    static let survey = """
        format: 1
        id: paste
        version: 1.0.0
        title: Paste
        sections:
          - id: s
            questions:
              - {id: money, type: single, text: Do you have debts?, choices: [None, Some, A lot], sensitive: true}
              - {id: pain, type: scale, text: How much pain today?, from: 0, to: 10, labels: {0: None, 10: Worst}}
              - {id: story, type: long_text, text: Tell us about your week}
              - {id: place, type: single, text: Where do you live?, choices: [Flat, House], other: true}
              - {id: town, type: text, text: Which town are you in?}
        """

    @Test(.enabled(if: tmuxWorks, "needs tmux (apt-get install tmux)"))
    func browseThenSkipTenOnAScaleAndAPasteStaysInItsField() throws {
        let folder = try TemporaryFolder()
        try folder.write("paste.yaml", Self.survey)
        let (t, done) = try TmuxSession.fieldwork("run paste.yaml", in: folder.url)
        t.waitFor("Enter start")
        try t.send("Enter")
        t.waitFor("Do you have debts?")
        // The first ↓ comes onto the list: None, Some, then back to None.
        try t.send("Down", "Down", "Up")
        t.waitFor("❯ ( ) 1 None")
        try t.send("Enter")
        t.waitFor("How much pain today?")
        try t.send("1", "0")
        t.waitFor("(•) 10")
        try t.send("Enter")
        t.waitFor("Tell us about your week")
        let paragraph = "Busy week.\tWent to the cafe twice.\nSaw my peer supporter.\n\nSlept better."
        try t.tmuxCommand(["set-buffer", "-b", "fw", paragraph])
        try t.tmuxCommand(["paste-buffer", "-p", "-b", "fw", "-t", t.name])
        t.waitFor("▏ Slept better.")
        #expect(!t.screen().contains("Where do you live?"), "the tab and line breaks of a paste do not move on")
        try t.send("Tab")
        t.waitFor("Where do you live?")
        try t.send("3")
        t.waitFor("(•) 3 Other")
        try t.tmuxCommand(["paste-buffer", "-p", "-b", "fw", "-t", t.name])
        let other = t.waitFor("better.")
        #expect(!other.contains("Which town are you in?"), "a line break pasted into Other does not submit it:\n\(other)")
        try t.send("Enter")
        t.waitFor("Which town are you in?")
        try t.send("Enter")
        t.waitFor("❯ [ Send my answers ]")
        try t.send("Enter")
        t.waitFor("Your answers have been saved. Thank you.")
        try t.send("Enter")
        #expect(TmuxSession.finished(done).status == "0")

        let responses = folder.url.appendingPathComponent("responses/paste").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))) as? [String: Any])
        let answers = try #require(record["answers"] as? [String: Any])
        #expect(answers["money"] == nil, "browsed, not answered")
        #expect((record["skipped"] as? [String])?.contains("money") == true)
        #expect(answers["pain"] as? Int == 10)
        #expect(answers["story"] as? String == "Busy week. Went to the cafe twice.\nSaw my peer supporter.\n\nSlept better.")
        #expect(answers["place"] as? Int == 3)
        let others = try #require(record["other"] as? [String: Any])
        #expect(others["place"] as? String == "Busy week. Went to the cafe twice. Saw my peer supporter.  Slept better.")
    }
}
