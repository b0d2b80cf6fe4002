import Foundation
import TestSupport
import Testing

/// What a participant is told when they leave or decline is true and complete.
@Suite struct LeavingMessageTests {
    static let survey = """
        format: 1
        id: leaving
        version: 1.0.0
        title: Leaving
        consent: {text: Take part?, agree: Yes, decline: No thanks}
        end: Thank you for taking part. Support is at 0800 000 000.
        sections:
          - id: s
            questions:
              - {id: q1, type: number, text: One?}
              - {id: q2, type: number, text: Two?}
        """

    /// The resume command printed is the whole one that works, folder included.
    @Test func theResumeCommandWorksAsPrinted() throws {
        let folder = try TemporaryFolder()
        try folder.write("leaving.yaml", Self.survey)
        let first = try Run.fieldwork(["run", "leaving.yaml", "--plain", "--responses", "elsewhere"], input: "1\n5\n", in: folder.url)
        #expect(first.status == 3)
        let line = try #require(first.stdout.split(separator: "\n").last.map(String.init))
        let prefix = "Your answers so far are saved. You can carry on later with: "
        #expect(line.hasPrefix(prefix + "fieldwork resume "), "\(first.stdout)")
        let command = line.dropFirst(prefix.count).split(separator: " ").dropFirst().map { String($0).replacingOccurrences(of: "'", with: "") }
        #expect(command.suffix(2) == ["--responses", "elsewhere"])
        let resumed = try Run.fieldwork(command + ["--plain"], input: "6\n\n", in: folder.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
    }

    /// Pausing (q in plain mode) leaves the support text in the terminal, then the command to
    /// carry on, still the last line; declining leaves the support text too.
    @Test func pausingAndDecliningLeaveTheSupportTextInTheTerminal() throws {
        let folder = try TemporaryFolder()
        try folder.write("leaving.yaml", Self.survey.replacingOccurrences(of: "sections:", with: "support: Samaritans, free, on 116 123.\nsections:"))
        let paused = try Run.fieldwork(["run", "leaving.yaml", "--plain"], input: "1\n5\nq\n", in: folder.url)
        #expect(paused.status == 3)
        let lines = paused.stdout.split(separator: "\n", omittingEmptySubsequences: true).suffix(2).map(String.init)
        #expect(lines.first == "Support: Samaritans, free, on 116 123.", "\(paused.stdout)")
        #expect(lines.last?.hasPrefix("Your answers so far are saved. You can carry on later with: fieldwork resume ") == true)
        let declined = try Run.fieldwork(["run", "leaving.yaml", "--plain"], input: "2\n", in: folder.url)
        #expect(declined.status == 0)
        #expect(declined.stdout.contains("You chose not to take part. Nothing you typed has been kept. Thank you for your time.\nSupport: Samaritans, free, on 116 123.\n"),
                "\(declined.stdout)")
    }

    /// Someone who declines is not thanked for taking part.
    @Test func aDeclineIsNotThankedForTakingPart() throws {
        let folder = try TemporaryFolder()
        try folder.write("leaving.yaml", Self.survey)
        let run = try Run.fieldwork(["run", "leaving.yaml", "--plain"], input: "2\n", in: folder.url)
        #expect(run.status == 0)
        #expect(run.stdout.contains("You chose not to take part."))
        #expect(!run.stdout.contains("Thank you for taking part"))
    }
}

/// Plain-mode interviews follow the interviewer's screen's rules: stamped paragraphs, speakers
/// kept to the group, "5:30" read as what was said.
@Suite struct PlainInterviewTests {
    static let guide = """
        format: 1
        id: talk
        version: 1.0.0
        title: Talk
        kind: interview
        sections:
          - id: s
            questions:
              - {id: values, type: open, text: What matters?}
        """

    /// The interviewer pauses for the participant by leaving: the support text is left in the
    /// terminal for the interviewer to read out or hand on, above the command to carry on.
    @Test func leavingAnInterviewLeavesTheSupportTextForTheInterviewer() throws {
        let folder = try TemporaryFolder()
        try folder.write("talk.yaml", Self.guide.replacingOccurrences(of: "sections:", with: "support: The Listening Line, 0800 111 222.\nsections:"))
        let run = try Run.fieldwork(["interview", "talk.yaml", "--plain"], input: "q\n", in: folder.url)
        #expect(run.status == 3)
        let lines = run.stdout.split(separator: "\n").suffix(2).map(String.init)
        #expect(lines.first == "Support: The Listening Line, 0800 111 222.", "\(run.stdout)")
        #expect(lines.last?.hasPrefix("Your answers so far are saved. You can carry on later with: fieldwork resume ") == true)
    }

    @Test func stampsNotesAndKeepsSpeakersToTheGroup() throws {
        let folder = try TemporaryFolder()
        try folder.write("talk.yaml", Self.guide)
        let run = try Run.fieldwork(["interview", "talk.yaml", "--plain", "--group", "4"],
                                    input: "2: Giving back\n9: Out of the group\nF: 5:30 is too late\n3: fine\n\n", in: folder.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("P9 is not in this group: the speakers are P1 to P4, and F for the facilitator."))
        let store = folder.path + "/responses/talk"
        let name = try #require(folder.files("responses/talk").first { $0.hasSuffix(".json") })
        let data = try #require(FileManager.default.contents(atPath: store + "/" + name))
        let notes = try #require(((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["answers"] as? [String: Any])?["values"] as? String)
        #expect(notes == "[00:00] P2: Giving back\n[00:00] F: 5:30 is too late\n[00:00] P3: fine")
    }
}
