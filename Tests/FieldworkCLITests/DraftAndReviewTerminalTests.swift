import Foundation
import TestSupport
import Testing

private let tmuxWorks = Tool.available("tmux")

/// In a real terminal: typed text survives Esc and Ctrl-C then `y` and comes back on resuming;
/// the review changes an earlier answer before anything is sent.
@Suite(.serialized) struct DraftAndReviewTerminalTests {
    static let survey = """
        format: 1
        id: drafts
        version: 1.0.0
        title: Drafts
        sections:
          - id: s
            questions:
              - {id: drink, type: single, text: Which drink do you prefer?, choices: [Tea, Coffee]}
              - {id: story, type: long_text, text: Tell us about your week}
              - {id: town, type: text, text: Which town are you in?}
        """

    func response(_ folder: TemporaryFolder) throws -> [String: Any] {
        let responses = folder.url.appendingPathComponent("responses/drafts").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let data = try Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(.enabled(if: tmuxWorks, "needs tmux (apt-get install tmux)"))
    func escAndCtrlCKeepTheDraftAndResumingFindsIt() throws {
        let folder = try TemporaryFolder()
        try folder.write("drafts.yaml", Self.survey)
        let (t, done) = try TmuxSession.fieldwork("run drafts.yaml", in: folder.url)
        t.waitFor("Enter start")
        try t.send("Enter")
        t.waitFor("Which drink do you prefer?")
        try t.send("2", "Enter")
        t.waitFor("Tell us about your week")
        try t.type("Busy but good")
        try t.send("Escape")
        t.waitFor("Which drink do you prefer?")
        try t.send("Enter")
        t.waitFor("▏ Busy but good")
        try t.type(", mostly")
        try t.send("C-c")
        t.waitFor("Leave now?")
        try t.send("y")
        #expect(TmuxSession.finished(done).status == "3")

        let sessions = folder.url.appendingPathComponent("responses/drafts/sessions").path
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: sessions).first)
        let lines = try String(contentsOfFile: sessions + "/" + journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.last?.hasPrefix(#"{"draft":{"#) == true && lines.last?.contains(#""text":"Busy but good, mostly""#) == true,
                "\(lines.last ?? "")")

        let (r, again) = try TmuxSession.fieldwork("resume \(journal.prefix(8))", in: folder.url, done: "exit-status-2")
        r.waitFor("▏ Busy but good, mostly")
        try r.send("Tab")
        r.waitFor("Which town are you in?")
        try r.send("Enter")
        r.waitFor("❯ [ Send my answers ]")
        try r.send("Enter")
        r.waitFor("Your answers have been saved. Thank you.")
        try r.send("Enter")
        #expect(TmuxSession.finished(again).status == "0")
        let answers = try #require(try response(folder)["answers"] as? [String: Any])
        #expect(answers["story"] as? String == "Busy but good, mostly")
    }

    @Test(.enabled(if: tmuxWorks, "needs tmux (apt-get install tmux)"))
    func theReviewChangesAnEarlierAnswer() throws {
        let folder = try TemporaryFolder()
        try folder.write("drafts.yaml", Self.survey)
        let (t, done) = try TmuxSession.fieldwork("run drafts.yaml", in: folder.url)
        t.waitFor("Enter start")
        try t.send("Enter")
        t.waitFor("Which drink do you prefer?")
        try t.send("2", "Enter")
        t.waitFor("Tell us about your week")
        try t.type("Quiet")
        try t.send("Tab")
        t.waitFor("Which town are you in?")
        try t.type("Leeds")
        try t.send("Enter")
        let review = t.waitFor("❯ [ Send my answers ]")
        #expect(review.contains("1. Which drink do you prefer?") && review.contains("Coffee") && review.contains("Leeds"), "\(review)")
        try t.send("Up", "Up", "Up")
        t.waitFor("❯ 1. Which drink do you prefer?")
        try t.send("Enter")
        t.waitFor("(•) 2 Coffee")
        try t.send("1", "Enter")
        let again = t.waitFor("❯ [ Send my answers ]")
        #expect(again.contains("Tea") && !again.contains("Coffee"), "\(again)")
        try t.send("Enter")
        t.waitFor("Your answers have been saved. Thank you.")
        try t.send("Enter")
        #expect(TmuxSession.finished(done).status == "0")
        let answers = try #require(try response(folder)["answers"] as? [String: Any])
        #expect(answers["drink"] as? Int == 1)
        #expect(answers["town"] as? String == "Leeds")
    }
}
