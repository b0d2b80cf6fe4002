import Foundation
import TestSupport
import Testing

private let tmuxRuns = Tool.available("tmux")

/// Issue 12 items 9, 12 and 13 in a real terminal: the long instrument (TestSupport) read by
/// scrolling, its long list answered at the bottom, and its matrix and scale resized.
@Suite(.serialized) struct ScrollingTerminalTests {
    func start(_ folder: TemporaryFolder, consentLines: Int, columns: Int, rows: Int, support: Bool = false) throws -> (TmuxSession, String) {
        let instrument = try folder.write("long.yaml", longInstrumentYAML(consentLines: consentLines, support: support))
        let (t, done) = try TmuxSession.fieldwork("run '\(instrument)' --seed 3", in: folder.url, columns: columns, rows: rows)
        return (t, done)
    }

    func record(_ folder: TemporaryFolder) throws -> [String: Any] {
        let responses = folder.url.appendingPathComponent("responses/long-instrument").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let data = try Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func readsAFortyLineConsentByScrollingAt80x24() throws {
        let folder = try TemporaryFolder()
        let (t, done) = try start(folder, consentLines: 40, columns: 80, rows: 24)
        var seen = t.waitFor("Consent line 1 of 40")
        #expect(seen.contains("A survey longer than the screen, for testing scrolling."), "the description is on the consent screen")
        #expect(seen.contains("↓ more below (PgDn)"))
        for _ in 0..<6 {
            try t.send("PageDown")
            usleep(150_000)
            seen += t.screen()
        }
        t.waitFor("I agree to take part")
        for n in 1...40 { #expect(seen.contains("Consent line \(n) of 40:"), "consent line \(n) was never on screen") }
        #expect(t.screen().contains("↑ more above (PgUp)"))
        try t.send("1", "Enter")
        t.waitFor("Where do you usually go online?")
        try t.send("C-c")
        t.waitFor("Leave now?")
        try t.send("y")
        #expect(TmuxSession.finished(done).status == "3")
    }

    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func reachesOtherAtTheBottomOfASixteenChoiceList() throws {
        let folder = try TemporaryFolder()
        let (t, done) = try start(folder, consentLines: 10, columns: 80, rows: 18)
        t.waitFor("Consent line 1 of 10")
        try t.send("1", "Enter")
        let first = t.waitFor("Where do you usually go online?")
        #expect(first.contains("↓ more below (PgDn)"))
        #expect(!first.contains("Other, please specify"))
        for _ in 0..<16 { try t.send("Down") }
        let bottom = t.waitFor("❯ ( ) Other, please specify")
        #expect(bottom.contains("Where do you usually go online?"), "the question stays on screen")
        #expect(bottom.contains("↑ more above (PgUp)"))
        try t.send("Space")
        try t.type("Allotment")
        t.waitFor("▏ Allotment")
        try t.send("Enter")
        t.waitFor("How far do you agree with each statement?")
        try t.send("C-c")
        t.waitFor("Leave now?")
        try t.send("y")
        #expect(TmuxSession.finished(done).status == "3")
        let sessions = folder.url.appendingPathComponent("responses/long-instrument/sessions").path
        let journals = try FileManager.default.contentsOfDirectory(atPath: sessions)
        let text = try journals.map { try String(contentsOfFile: sessions + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
        #expect(text.contains("{\"choice\":{\"_0\":16}}") && text.contains("Allotment"), "\(text)")
    }

    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func aMatrixAndAScaleFollowTheWindowFrom80To60To40AndBack() throws {
        let folder = try TemporaryFolder()
        let (t, done) = try start(folder, consentLines: 10, columns: 80, rows: 24)
        t.waitFor("Consent line 1 of 10")
        try t.send("1", "Enter")
        t.waitFor("Where do you usually go online?")
        try t.send("Enter")
        t.waitFor("How far do you agree with each statement?")
        try t.send("Right", "Right", "Right")
        for (columns, rows) in [(60, 20), (40, 16), (80, 24)] {
            try t.resize(columns: columns, rows: rows)
            let screen = t.waitFor("‹ 3 Neither agree nor disagree ›")
            #expect(screen.contains("❯ Statement number 1"), "at \(columns)x\(rows):\n\(screen)")
            #expect(t.waitUntil { $0.split(separator: "\n").first.map { $0.count <= columns } == true })
        }
        try t.send("Space", "Enter")
        t.waitFor("Mood today?")
        try t.send("7")
        t.waitFor("(•) 7")
        try t.resize(columns: 60, rows: 20)
        #expect(t.waitUntil { $0.contains("(•) 7") && $0.split(separator: "\n").first.map { $0.count <= 60 } == true }, "\(t.screen())")
        try t.resize(columns: 40, rows: 16)
        #expect(t.waitUntil { $0.contains("(•) 7") && $0.contains("0 Very low") }, "a list at 40 columns:\n\(t.screen())")
        try t.resize(columns: 80, rows: 24)
        #expect(t.waitUntil { $0.contains("(•) 7") && $0.split(separator: "\n").first.map { $0.count > 60 } == true }, "\(t.screen())")
        try t.send("Enter")
        t.waitFor("Send my answers")
        try t.send("Enter")
        t.waitFor("Your answers have been saved. Thank you.")
        try t.send("Enter")
        #expect(TmuxSession.finished(done).status == "0")
        let answers = try #require(try record(folder)["answers"] as? [String: Any])
        #expect(answers["grid"] as? [String: Int] == ["r1": 3])
        #expect(answers["mood"] as? Int == 7)
    }

    /// Issue 12 item 17: ? and F1 as a real terminal sends them; ? typed into "Other".
    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func theHelpKeyShowsTheKeysAndTheSupportTextAnywhere() throws {
        let folder = try TemporaryFolder()
        let (t, done) = try start(folder, consentLines: 10, columns: 80, rows: 24, support: true)
        t.waitFor("Consent line 1 of 10")
        try t.type("?")
        let help = t.waitFor("Keys on this screen")
        #expect(help.contains("If anything here upsets you, call the study team on 0800 000 000."))
        try t.send("x")
        t.waitFor("Consent line 1 of 10")
        try t.send("1", "Enter")
        t.waitFor("Where do you usually go online?")
        for _ in 0..<16 { try t.send("Down") }
        try t.send("Space")
        try t.type("Why?")
        t.waitFor("▏ Why?")
        try t.send("F1")
        let typing = t.waitFor("F1 this help (? is typed into your answer)")
        #expect(typing.contains("0800 000 000"))
        try t.send("x")
        t.waitFor("▏ Why?")
        try t.send("Enter")
        t.waitFor("How far do you agree with each statement?")
        try t.send("C-c")
        t.waitFor("Leave now?")
        try t.send("y")
        #expect(TmuxSession.finished(done).status == "3")
        let sessions = folder.url.appendingPathComponent("responses/long-instrument/sessions").path
        let text = try FileManager.default.contentsOfDirectory(atPath: sessions)
            .map { try String(contentsOfFile: sessions + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
        #expect(text.contains("\"other\":\"Why?\""), "\(text)")
    }
}
