import Foundation
import TestSupport
import Testing

/// tmux, which CI installs; elsewhere the test is skipped with the reason when it is missing.
private let tmuxRuns = Tool.available("tmux")

@Suite(.serialized) struct TerminalSessionTests {
    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func answersTheMemberSurveyWithKeysInARealTerminal() throws {
        let folder = try TemporaryFolder()
        let instrument = Run.packageRoot.appendingPathComponent("instruments/prosper-member-survey.yaml").path
        let (t, done) = try TmuxSession.fieldwork("run '\(instrument)' --seed 7", in: folder.url)

        t.waitFor("I have read the information above and agree to take part")
        try t.send("1", "Enter")
        t.waitFor("How long have you been involved with Prosper? (required)")
        try t.send("Enter")
        t.waitFor("! This question needs an answer.")
        try t.send("3", "Enter")
        t.waitFor("Which of these have you taken part in?")
        try t.send("1", "4", "Enter")
        t.waitFor("How often do you usually take part")
        try t.send("Escape")
        let back = t.waitFor("Which of these have you taken part in?")
        #expect(back.contains("[x] 4 Setting up an activity of my own"), "going back shows the earlier answer")
        try t.send("Enter")
        t.waitFor("How often do you usually take part")
        try t.send("4", "Enter")
        t.waitFor("Tell us a little about the activity you set up")
        try t.type("We started a walking group, rain or shine")
        try t.send("Tab")
        // The repeated section, once per activity ticked: one answered, one skipped. Its title is
        // the activity, so the line under it says only which of how many.
        let first = t.waitFor("How often do you take part in this: Planning and development meetings?")
        #expect(first.contains(" Planning and development meetings\n 1 of 2\n"), "\(first)")
        try t.send("3", "Enter")
        t.waitFor("How much has taking part in it helped you?")
        try t.send("3", "Enter")
        let second = t.waitFor("How often do you take part in this: Setting up an activity of my own?")
        #expect(second.contains(" Setting up an activity of my own\n 2 of 2\n"), "\(second)")
        try t.send("Enter")
        t.waitFor("people's lived experience is valued")
        try t.send("4", "5", "4", "4", "5", "Enter")
        t.waitFor("I feel more connected to other people")
        try t.send("4", "4", "4", "4", "Enter")
        t.waitFor("or vulnerable?")
        try t.resize(columns: 100, rows: 30)
        #expect(t.waitUntil { $0.split(separator: "\n").first.map { $0.count > 80 } == true }, "the screen is redrawn at the new width")
        #expect(t.screen().contains("4 = Very often"))
        try t.send("1", "Enter")
        // The library's PHQ-2, its items as published.
        t.waitFor("Little interest or pleasure in doing things")
        try t.send("2", "Enter")
        t.waitFor("Feeling down, depressed, or hopeless")
        try t.send("1", "Enter")
        t.waitFor("have you used mental health services")
        try t.send("2", "Enter")
        t.waitFor("How old are you?")
        try t.type("250")
        try t.send("Enter")
        t.waitFor("! Please enter a number from 16 to 110.")
        try t.send("BSpace", "BSpace", "BSpace")
        try t.type("45")
        try t.send("Enter")
        t.waitFor("Which best describes you?")
        try t.send("1", "Enter")
        t.waitFor("What is the best thing about Prosper for you?")
        try t.type("Being with people who understand")
        try t.send("Tab")
        t.waitFor("What one thing would make Prosper better?")
        try t.send("Tab")
        t.waitFor("❯ [ Send my answers ]")
        try t.send("Enter")
        t.waitFor("Your answers have been saved. Thank you.")
        try t.send("Enter")

        #expect(TmuxSession.finished(done).status == "0")
        // The closing words stay in the terminal after the alternate screen is gone.
        #expect(t.waitUntil { $0.contains("Your answers have been saved. Thank you.") }, "\(t.screen())")
        #expect(!t.screen().contains("Prosper — member survey"), "the alternate screen is left")

        let responses = folder.url.appendingPathComponent("responses/prosper-member-survey").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let data = try Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let answers = try #require(record["answers"] as? [String: Any])
        #expect(answers["member_since"] as? Int == 3)
        #expect(answers["activities"] as? [Int] == [1, 4])
        #expect(answers["attendance"] as? Int == 4)
        #expect(answers["started_activity"] as? String == "We started a walking group, rain or shine")
        #expect(answers["values"] as? [String: Int] == ["lived_experience": 4, "equal": 5, "mutual": 4, "voice": 4, "welcome": 5])
        #expect(answers["uncertain"] as? Int == 1)
        #expect(answers["phq2_1"] as? Int == 1)
        #expect(answers["phq2_2"] as? Int == 0)
        #expect(answers["uses_services"] as? Int == 2)
        #expect(answers["age"] as? Int == 45)
        #expect(answers["best"] as? String == "Being with people who understand")
        let instances = try #require((record["repeats"] as? [String: Any])?["activity"] as? [[String: Any]])
        #expect(instances.map { $0["key"] as? Int } == [1, 4])
        #expect(instances.first?["answers"] as? [String: Int] == ["activity_frequency": 3, "activity_helpful": 3])
        #expect(instances.last?["skipped"] as? [String] == ["activity_frequency"])
        #expect(answers["improve"] == nil)
        #expect((record["skipped"] as? [String]) == ["improve"])
        #expect(((record["paradata"] as? [String: Any])?["returns"] as? Int) == 1)
    }

    /// Issue 15: Ctrl-P pauses at once at any question, and where to find support stays in the
    /// terminal with the command to carry on, which works.
    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func ctrlPPausesAndLeavesTheSupportTextInTheTerminal() throws {
        let folder = try TemporaryFolder()
        let instrument = Run.packageRoot.appendingPathComponent("instruments/prosper-member-survey.yaml").path
        let (t, done) = try TmuxSession.fieldwork("run '\(instrument)'", in: folder.url)
        t.waitFor("I have read the information above and agree to take part")
        try t.send("1", "Enter")
        t.waitFor("How long have you been involved with Prosper? (required)")
        try t.send("3", "Enter")
        t.waitFor("Which of these have you taken part in?")
        try t.send("C-p")
        let (status, stty) = TmuxSession.finished(done)
        #expect(status == "3")
        #expect(stty.contains(" icanon") && stty.contains(" echo"), "cooked mode is back: \(stty)")
        #expect(t.waitUntil { $0.contains("call Samaritans free on 116 123") && $0.contains("Your answers so far are saved.") }, "\(t.screen())")
        let screen = t.screen()
        let support = try #require(screen.range(of: "Support: If anything in this survey is upsetting"), "\(screen)")
        let saved = try #require(screen.range(of: "Your answers so far are saved."))
        #expect(support.upperBound < saved.lowerBound, "the command to carry on comes last")
        #expect(!screen.contains("Prosper — member survey"), "the alternate screen is left")
    }

    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func leavesOnCtrlCAndRestoresTheTerminal() throws {
        let folder = try TemporaryFolder()
        let instrument = Run.packageRoot.appendingPathComponent("instruments/crisis-cafe-feedback.yaml").path
        let (t, done) = try TmuxSession.fieldwork("run '\(instrument)' --language cy", in: folder.url)
        // The welcome first (a survey without consent), then the first question.
        t.waitFor("Pedwar cwestiwn byr am eich ymweliad heddiw.")
        try t.send("Enter")
        t.waitFor("Ai dyma eich ymweliad cyntaf â'r caffi?")
        try t.send("1", "Enter")
        t.waitFor("Pa mor ddefnyddiol oedd siarad")
        try t.send("C-c")
        t.waitFor("Gadael nawr?")   // the leave prompt in the session's language
        try t.send("y")
        let (status, stty) = TmuxSession.finished(done)
        #expect(status == "3")
        #expect(stty.contains(" icanon") && stty.contains(" echo") && stty.contains(" isig"), "cooked mode is back: \(stty)")
        // Said in Welsh, the line is long enough to wrap before the command, so it is read with the line breaks and spaces left out.
        #expect(t.waitUntil { $0.contains("Gallwch barhau yn nes ymlaen") && $0.filter { !$0.isWhitespace }.contains("fieldworkresume") },
                "\(t.screen())")
    }

    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func savesAndLeavesOnSigterm() throws {
        let folder = try TemporaryFolder()
        let instrument = Run.packageRoot.appendingPathComponent("instruments/crisis-cafe-feedback.yaml").path
        // Named, the language is not offered first (LanguageChoiceTerminalTests chooses it).
        let (t, done) = try TmuxSession.fieldwork("run '\(instrument)' --language en", in: folder.url)
        t.waitFor("Four short questions about your visit today.")
        try t.send("Enter")
        t.waitFor("Is this your first visit to the café?")
        try t.send("2", "Enter")
        t.waitFor("How helpful was talking with a peer supporter today?")
        kill(try #require(try t.fieldworkPID()), SIGTERM)
        let (status, stty) = TmuxSession.finished(done)
        #expect(status == "3")
        #expect(stty.contains(" icanon") && stty.contains(" echo"), "cooked mode is back: \(stty)")
        let sessions = folder.url.appendingPathComponent("responses/crisis-cafe-feedback/sessions").path
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: sessions).first)
        let lines = try String(contentsOfFile: sessions + "/" + journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2, "the header and the first answer")
        #expect(lines.last?.contains("\"question\":\"first_visit\"") == true)
    }

    /// The interviewer's screen in a real terminal: a group discussion walked out of order, probes
    /// ticked, notes in two sections, a resize, the process killed outright, then resumed and ended.
    @Test(.enabled(if: tmuxRuns, "needs tmux (apt-get install tmux)"))
    func runsAGroupDiscussionOutOfOrderAndSurvivesAKill() throws {
        let folder = try TemporaryFolder()
        let guide = Run.packageRoot.appendingPathComponent("instruments/prosper-group-discussion.yaml").path
        let (t, done) = try TmuxSession.fieldwork("interview '\(guide)' --group 4", in: folder.url, columns: 100, rows: 30)
        t.waitFor("All participants have given consent")
        try t.send("1", "Enter")
        t.waitFor("Agree ground rules together")
        // Straight to the third section from the outline.
        try t.send("C-o")
        t.waitFor("Enter go there")
        try t.send("Down", "Down", "Down", "Down", "Enter")
        t.waitFor("4. In the survey, some members said")
        try t.type("2: Sometimes I felt out of my depth")
        try t.send("Enter")
        t.waitFor("P2: Sometimes I felt out of my depth")
        // Back to the values question: a probe ticked, a turn by the facilitator.
        try t.send("C-o")
        try t.send("Up", "Up", "Enter")
        t.waitFor("2. What are the values that hold Prosper together?")
        // Ctrl-P and a digit tick the probe; typing then goes on into the notes.
        try t.send("C-p", "1")
        t.waitFor("[x] 1 Sharing lived experience")
        try t.type("F: What keeps those values alive?")
        try t.send("Enter")
        t.waitFor("F: What keeps those values alive?")
        try t.resize(columns: 64, rows: 24)
        #expect(t.waitUntil { !$0.contains("│") }, "on a narrow screen the outline gives way to the question")
        #expect(t.screen().contains("[x] 1 Sharing lived experience"))
        // A crash: every kept paragraph is already on disk.
        kill(try #require(try t.fieldworkPID()), SIGKILL)
        #expect(TmuxSession.finished(done).status == "137")

        let sessions = folder.url.appendingPathComponent("responses/prosper-group-discussion/sessions").path
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: sessions).first { $0.hasSuffix(".journal") })
        let (again, resumed) = try TmuxSession.fieldwork("resume \(journal.prefix(8))", in: folder.url, done: "resumed", columns: 100, rows: 30)
        again.waitFor("2. What are the values that hold Prosper together?")
        #expect(again.screen().contains("Group of 4: P1 to P4"), "the group is kept with the session")
        #expect(again.screen().contains("F: What keeps those values alive?"))
        try again.type("p1: Giving back")
        try again.send("Enter")
        again.waitFor("P1: Giving back")
        try again.send("C-x")
        again.waitFor("End the interview now?")
        try again.send("y")
        again.waitFor("The interview is saved.")
        try again.send("Enter")
        #expect(TmuxSession.finished(resumed).status == "0")

        let responses = folder.url.appendingPathComponent("responses/prosper-group-discussion").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))) as? [String: Any])
        let answers = try #require(record["answers"] as? [String: String])
        #expect(answers["uncertainty"]?.range(of: #"^\[\d\d:\d\d\] P2: Sometimes I felt out of my depth$"#, options: .regularExpression) != nil)
        let values = try #require(answers["shared_values"]).split(separator: "\n").map { String($0.dropFirst(8)) }
        #expect(values == ["F: What keeps those values alive?", "P1: Giving back"])
        #expect((record["probes_asked"] as? [String: [Int]]) == ["shared_values": [1]])
        #expect(record["group"] as? Int == 4)
        #expect(record["status"] as? String == "complete")
    }
}
