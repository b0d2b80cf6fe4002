import Foundation
@testable import PromptUI
import SessionEngine
import Testing
import TerminalIO
import TestSupport

let topicsGuide = """
    format: 1
    id: topics
    version: 1.0.0
    kind: interview
    title: Topics
    consent:
      text: Read the information sheet.
      agree: The participant agrees
    sections:
      - id: intro
        title: Opening
        questions:
          - {id: topics, type: multiple, text: Which topics did the participant raise?, choices: [Housing, Money, Work]}
      - id: topic
        title: "{topics.label}"
        minutes: 5
        repeat: {for_each: topics}
        questions:
          - {id: topic_notes, type: open, text: "Tell me more about {topics.label}.", probes: [Since when?], minutes: 4}
      - id: other_topic
        title: Anything else
        repeat: {until_done: true, max: 3, another: Another topic raised?}
        questions:
          - {id: other_notes, type: open, text: What else came up?}
      - id: close
        title: Closing
        questions:
          - {id: final_notes, type: open, text: Anything to add?}

    """

/// A guide's repeated block on the interviewer's screen (issue 16, interviews): the outline lists
/// each instance under its own heading, the question says which instance it is in with the
/// section's minutes per instance, Shift-Tab goes back across instances, and unticking a topic
/// whose notes would be lost asks first.
@Suite struct InterviewRepeatScreenTests {
    static let threeTopics: [TerminalEvent] = keys("1") + [.key(.enter)]          // consent
        + keys("123") + [.key(.enter)]                                              // Housing, Money, Work
        + keys("Lost the flat") + [.key(.enter), .key(.tab)]
        + keys("Overdrawn") + [.key(.enter), .key(.tab)]
        + keys("New job") + [.key(.enter)]

    @Test func theOutlineAndTheQuestionSayWhichInstance() throws {
        let (runner, recorder, _) = try interview(Self.threeTopics + [.key(.shiftTab)] + keys("Since May") + [.key(.enter), .key(.ctrl("c"))],
                                                  yaml: topicsGuide)
        let plain = runner.driver.frame.plain.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        // Three topics of 5 minutes each planned, and "anything else" none.
        #expect(plain[0].contains(" of 15 min"))
        #expect(plain[2].hasPrefix(" Opening                         │ Money · 2 of 3 · "))
        #expect(plain[2].contains(" of 5 min"))
        #expect(plain[3].hasPrefix("  ✓ Which topics did the…        │ This question · "))
        #expect(plain[3].contains(" of 4 min"))
        #expect(plain[4] == " Housing · 1 of 3 5m             │")
        #expect(plain[5] == "  ✓ Tell me more about Housing.  │ 3. Tell me more about Money.")
        #expect(plain[6] == " Money · 2 of 3 5m               │ Probes (Ctrl-P to tick):")
        #expect(plain[7] == "  ▶ Tell me more about Money.    │ [ ] 1 Since when?")
        #expect(plain[8] == " Work · 3 of 3 5m                │")
        #expect(plain[9] == "  ✓ Tell me more about Work.     │ Notes")
        #expect(plain[10].hasPrefix(" Anything else · Number 1        │ ["))
        #expect(plain[10].hasSuffix("] Overdrawn"))
        #expect(plain[11].hasPrefix("  · What else came up?           │ ["))
        #expect(plain[11].hasSuffix("] Since May"))
        #expect(plain[12] == "  · Another topic raised?        │ >")
        #expect(journal(recorder).filter { $0.hasPrefix("notes") } == [
            "notes topic_notes#1: Lost the flat", "notes topic_notes#2: Overdrawn", "notes topic_notes#3: New job",
            "notes topic_notes#2: Overdrawn\nSince May",
        ])
    }

    @Test func uncheckingATopicWithNotesAsksFirst() throws {
        let back: [TerminalEvent] = [.key(.shiftTab), .key(.shiftTab), .key(.shiftTab)]   // to the topics
        // n keeps the answer as it was; y removes Money's instance and its notes.
        let (runner, recorder, _) = try interview(Self.threeTopics + back + keys("2") + [.key(.enter)], yaml: topicsGuide)
        let plain = runner.driver.frame.plain.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        #expect(plain[28] == " ! This removes the notes and answers about Money.")
        #expect(plain[29] == " y remove them · n keep the answer as it was")
        let (kept, keptJournal, _) = try interview(Self.threeTopics + back + keys("2") + [.key(.enter)] + keys("n") + [.key(.ctrl("c"))],
                                                   yaml: topicsGuide)
        #expect(!journal(keptJournal).contains { $0.hasPrefix("answer topics: choices([1, 3])") })
        #expect(kept.session.instanceKeys(ofSection: "topic") == [1, 2, 3])
        let (removed, removedJournal, _) = try interview(Self.threeTopics + back + keys("2") + [.key(.enter)] + keys("y") + [.key(.ctrl("c"))],
                                                         yaml: topicsGuide)
        #expect(journal(removedJournal).contains("answer topics: choices([1, 3])"))
        #expect(removed.session.instanceKeys(ofSection: "topic") == [1, 3])
        _ = recorder
    }

    /// The question after an `until_done` instance is asked on the screen; no ends the block.
    @Test func untilDoneAsksForAnotherAfterEachInstance() throws {
        let events = Self.threeTopics + [.key(.tab)] + keys("Food bank") + [.key(.enter), .key(.tab)]
            + keys("1") + [.key(.enter)] + keys("Benefits") + [.key(.enter), .key(.tab)] + keys("2") + [.key(.enter)]
        let (runner, recorder, _) = try interview(events + [.key(.ctrl("c"))], yaml: topicsGuide)
        #expect(runner.session.instanceKeys(ofSection: "other_topic") == [1, 2])
        #expect(journal(recorder).filter { $0.contains("other") } == [
            "jump other_notes#1", "notes other_notes#1: Food bank", "jump other_topic#1:another", "answer other_topic#1:another: choice(1)",
            "notes other_notes#2: Benefits", "jump other_topic#2:another", "answer other_topic#2:another: choice(2)",
        ])
        #expect(runner.session.current?.id == "final_notes")
    }
}


/// A repeated block inside a guide's section: the outline keeps one heading for the section,
/// with its minutes once, each instance named under it; the question's section line names the
/// section, then the instance, and its clock counts the whole section, not one part of it.
@Suite struct InterviewBlockScreenTests {
    @Test func theOutlineShowsTheBlocksInstancesUnderItsSection() throws {
        let events: [TerminalEvent] = keys("1") + [.key(.enter)]            // consent
            + keys("12") + [.key(.enter)]                                     // Housing, Money
            + keys("Lost the flat") + [.key(.enter), .key(.tab)]
            + keys("Overdrawn") + [.key(.enter), .key(.tab)]
            + keys("Fine") + [.key(.enter), .key(.shiftTab), .key(.ctrl("c"))]
        let (runner, recorder, _) = try interview(events, yaml: blockGuideYAML)
        let plain = runner.driver.frame.plain.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        let outline = plain.map { String($0.prefix(while: { $0 != "│" })).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        #expect(Array(outline[2...9]) == [
            " Talk 10m",
            "  ✓ Which topics did the…",
            "  Housing · 1 of 2",
            "   ✓ Tell me more about Housing.",
            "  Money · 2 of 2",
            "   ▶ Tell me more about Money.",
            "  ✓ Anything to add?",
            " Closing",
        ], "\(plain.joined(separator: "\n"))")
        #expect(plain[2].contains("│ Talk · Money · 2 of 2 · "), "\(plain.joined(separator: "\n"))")
        // The section's clock counts its other parts too: the topics, Housing, the wrap-up, and
        // the time spent on Money before coming back to it.
        let clock = try #require(plain[2].firstMatch(of: /· (\d\d):(\d\d) of 10 min/))
        let others = ["topics", "topic_notes#1", "topic_notes#2", "wrap_notes"].reduce(0.0) { $0 + (runner.session.timing[$1]?.seconds ?? 0) }
        #expect(others > 100)
        #expect(Double(Int(clock.1)! * 60 + Int(clock.2)!) >= others, "\(plain[2])")
        #expect(journal(recorder).filter { $0.hasPrefix("notes") } == [
            "notes topic_notes#1: Lost the flat", "notes topic_notes#2: Overdrawn", "notes wrap_notes: Fine",
        ])
    }
}

/// A block that opens its section, `until_done`: the section's heading comes before its first
/// instance, once, and the question whether there is another is listed in its instance.
@Suite struct InterviewOpeningBlockScreenTests {
    @Test func theSectionIsHeadedOnceBeforeItsFirstInstance() throws {
        let yaml = """
            format: 1
            id: opening
            version: 1.0.0
            kind: interview
            title: Opening
            sections:
              - id: roles
                title: Roles
                minutes: 6
                questions:
                  - block: role
                    title: Role
                    repeat: {until_done: true, max: 3, another: Another role present?}
                    questions:
                      - {id: role_notes, type: open, text: What does this role do?}
                  - {id: roles_wrap, type: open, text: Anything on roles?}
            """
        let events: [TerminalEvent] = keys("Peer worker") + [.key(.enter), .key(.tab)] + keys("1") + [.key(.enter)]
            + keys("Nurse") + [.key(.enter), .key(.ctrl("c"))]
        let (runner, _, _) = try interview(events, yaml: yaml)
        let plain = runner.driver.frame.plain.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        let outline = plain.map { String($0.prefix(while: { $0 != "│" })).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        #expect(Array(outline[2...8]) == [
            " Roles 6m",
            "  Role · Number 1",
            "   ✓ What does this role do?",
            "   ✓ Another role present?",
            "  Role · Number 2",
            "   ▶ What does this role do?",
            "   · Another role present?",
        ], "\(plain.joined(separator: "\n"))")
        #expect(plain[2].contains("│ Roles · Role · Number 2 · "), "\(plain[2])")
    }
}
