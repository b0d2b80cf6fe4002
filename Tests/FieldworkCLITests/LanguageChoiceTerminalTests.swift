import Foundation
import TestSupport
import Testing

private let tmuxInstalled = Tool.available("tmux")

/// Issue 13 item 3 in a real terminal: without --language, the participant chooses Cymraeg on the
/// first screen, answers, changes to English from the help key halfway, and the stored response
/// has every answer and the language the session ended in.
@Suite(.serialized) struct LanguageChoiceTerminalTests {
    @Test(.enabled(if: tmuxInstalled, "needs tmux (apt-get install tmux)"))
    func choosesCymraegThenChangesToEnglishHalfway() throws {
        let folder = try TemporaryFolder()
        let instrument = Run.packageRoot.appendingPathComponent("instruments/crisis-cafe-feedback.yaml").path
        let (t, done) = try TmuxSession.fieldwork("run '\(instrument)'", in: folder.url)
        t.waitFor("Dewiswch eich iaith")
        try t.send("2", "Enter")
        t.waitFor("Pedwar cwestiwn byr am eich ymweliad heddiw.")
        try t.send("Enter")
        t.waitFor("Ai dyma eich ymweliad cyntaf â'r caffi?")
        try t.send("1", "Enter")
        t.waitFor("Pa mor ddefnyddiol oedd siarad")
        try t.send("?")
        t.waitFor("L  newid iaith")
        try t.send("L")
        t.waitFor("Choose your language")
        try t.send("1", "Enter")
        t.waitFor("How helpful was talking with a peer supporter today?")
        try t.send("3", "Enter")
        t.waitFor("Were you offered support in the language of your choice?")
        try t.send("Enter")
        t.waitFor("Is there anything we could do better?")
        try t.send("Tab")
        t.waitFor("[ Send my answers ]")
        try t.send("Enter")
        t.waitFor("Your answers have been saved. Thank you.")
        try t.send("Enter")
        #expect(TmuxSession.finished(done).status == "0")

        let responses = folder.url.appendingPathComponent("responses/crisis-cafe-feedback").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let data = try Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let answers = try #require(record["answers"] as? [String: Any])
        #expect(answers["first_visit"] as? Int == 1)
        #expect(answers["helpful"] as? Int == 3)
        #expect(record["language"] as? String == "en", "the language the session ended in")
    }
}
