import Foundation
import InstrumentCompiler
import InstrumentModel
@testable import PromptUI
import SessionLoop
import ResponseStore
import SessionEngine
import Testing
import TerminalIO
import TestSupport

let guide = """
    format: 1
    id: guide
    version: 1.0.0
    kind: interview
    title: Peer work guide
    consent:
      text: Read the information sheet.
      agree: The participant agrees
    privacy:
      redact: [email]
    sections:
      - id: about
        title: About you
        minutes: 5
        questions:
          - id: role
            type: single
            text: What is your role?
            choices: [Peer worker, Supervisor]
      - id: work
        title: The work
        minutes: 20
        questions:
          - id: day
            type: open
            text: Tell me about a typical day.
            instructions: Let them tell it their own way.
            probes: [How did you start?, What is hardest?]
            minutes: 10
          - id: team
            type: open
            text: How does the team see your role?

    """

@Suite struct InterviewScreenTests {
    /// The clock moves 20 seconds for every event the script hands over.
    func run(_ events: [TerminalEvent], group: Int? = nil, columns: Int = 100, rows: Int = 30)
        throws -> (SessionRunner<InterviewScreen>, MemoryRecorder, SessionOutcome) {
        let terminal = ScriptedTerminal(columns: columns, rows: rows, events)
        let recorder = MemoryRecorder()
        let start = terminal.script.count
        let clock = { Double(start - terminal.script.count) * 20 }
        var runner = SessionRunner(session: Session(instrument: try compiled(guide), seed: 1, today: 20_000),
                                   driver: InterviewScreen(terminal: terminal, style: Style(color: false), clock: clock, group: group),
                                   recorder: recorder, clock: clock)
        let outcome = try runner.run()
        return (runner, recorder, outcome)
    }

    @Test func showsTheOutlineBesideTheQuestionWithItsProbesAndClocks() throws {
        let events: [TerminalEvent] = keys("1") + [.key(.enter)]   // consent
            + [.key(.tab)]                                           // past the role, unanswered
            + [.key(.ctrl("p")), .key(.character("2")), .key(.escape)]
            + keys("Starts with a team meeting") + [.key(.enter)]
            + [.key(.ctrl("c"))]
        let (runner, _, _) = try run(events)
        let plain = runner.driver.frame.plain.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        #expect(plain[0].hasPrefix(" Peer work guide"))
        // 34 events at 20 s each; the section began with the Tab (event 3), the paragraph with its first key (event 7).
        #expect(plain[0].hasSuffix("⏱ 11:20 of 25 min"))
        #expect(plain[2] == " About you 5m                    │ The work · 10:20 of 20 min")
        #expect(plain[3] == "  ○ What is your role?           │")
        #expect(plain[4] == " The work 20m                    │ 2. Tell me about a typical day.")
        #expect(plain[5] == "  ▶ Tell me about a typical day. │ Interviewer: Let them tell it their own way.")
        #expect(plain[6] == "  · How does the team see your … │ Probes (Ctrl-P to tick):")
        #expect(plain[7] == "                                 │ [ ] 1 How did you start?")
        #expect(plain[8] == "                                 │ [x] 2 What is hardest?")
        #expect(plain[10] == "                                 │ Notes")
        #expect(plain[11] == "                                 │ [02:20] Starts with a team meeting")
        #expect(plain[12] == "                                 │ >")
        #expect(plain[29] == " Leave now? Everything kept so far is saved; carry on later with fieldwork resume. y leave · n stay")
    }

    @Test func journalsEveryParagraphJumpAndProbeAsItHappens() throws {
        let events: [TerminalEvent] = keys("1") + [.key(.enter)]
            + [.key(.ctrl("o")), .key(.down), .key(.down), .key(.enter)]          // jump straight to 'team'
            + keys("Mostly welcoming; write to me at sam@example.org") + [.key(.enter)]
            + [.key(.shiftTab)] + [.key(.ctrl("p")), .key(.character("1")), .key(.escape)]
            + keys("Visits, then notes") + [.key(.tab)]                          // kept on the way out
            + [.key(.ctrl("x")), .key(.character("y")), .key(.enter)]
        let (runner, recorder, outcome) = try run(events)
        #expect(outcome == .completed(path: "memory"))
        #expect(recorder.finished == .complete)
        let moves = recorder.events.compactMap { event -> String? in
            let id = event.question ?? ""
            switch event.move {
            case .notes(let text): return "notes \(id): \(text)"
            case .jump: return "jump \(id)"
            case .probe(let index, let asked): return "probe \(id) \(index) \(asked)"
            case .end: return "end"
            default: return nil
            }
        }
        #expect(moves == [
            "jump team",
            "notes team: [02:20] Mostly welcoming; write to me at [email]",
            "jump day",
            "probe day 0 true",
            "notes day: [20:00] Visits, then notes",
            "jump team",
            "end",
        ])
        #expect(runner.session.probesAsked == ["day": [0]])
        #expect(runner.session.answers["role"] == nil && !runner.session.skipped.contains("role"), "a question never answered stays unasked")
    }

    @Test func attributesTurnsToSpeakersInAGroup() throws {
        let events: [TerminalEvent] = keys("1") + [.key(.enter)] + [.key(.tab)]
            + keys("F: How did you start?") + [.key(.enter)]
            + keys("p2: Through a friend") + [.key(.enter)]
            + keys("5: nobody") + [.key(.enter)]
            + [.key(.ctrl("u"))] + keys("Note: said quietly") + [.key(.enter)]
            + [.key(.ctrl("c")), .key(.character("y"))]
        let (runner, _, outcome) = try run(events, group: 4)
        #expect(outcome == .interrupted)
        guard case .text(let notes)? = runner.session.answers["day"]?.value else {
            Issue.record("no notes kept")
            return
        }
        // Each stamp is when the paragraph's first key was pressed (20 s an event); "5:" was refused, and
        // "Note:" names no speaker, so it stays part of the text.
        #expect(notes == "[01:20] F: How did you start?\n[08:40] P2: Through a friend\n[19:20] Note: said quietly")
    }

    @Test func showsTheOutlineInsteadOfTheQuestionOnANarrowScreen() throws {
        let events: [TerminalEvent] = keys("1") + [.key(.enter)] + [.key(.ctrl("o"))]
        let (runner, _, _) = try run(events, columns: 60, rows: 20)
        let plain = runner.driver.frame.plain
        #expect(plain[2].hasPrefix(" About you 5m"))
        #expect(plain[3].hasPrefix(" ❯▶ What is your role?"))
        #expect(plain[19].hasPrefix(" ↑↓ choose a question · Enter go there · Esc back"))
    }

    @Test func stampsPastTheHour() {
        #expect(NoteTurn.stamp(0) == "00:00")
        #expect(NoteTurn.stamp(759.9) == "12:39")
        #expect(NoteTurn.stamp(3723) == "1:02:03")
    }
}

@Suite struct SpeakerTests {
    /// Only a number, Pn or F followed by a colon and a space names a speaker.
    @Test(arguments: [("3: yes", "P3", "yes"), ("P2: fine", "P2", "fine"), ("F: next", "F", "next"),
                      ("1:1 sessions helped", nil, "1:1 sessions helped"), ("5:30 is too late", nil, "5:30 is too late")])
    func readsASpeakerOnlyWhereOneIsNamed(_ typed: String, _ speaker: String?, _ text: String) throws {
        let split = try Speakers.split(typed, group: 4).get()
        #expect(split.0 == speaker)
        #expect(split.1 == text)
        #expect(NoteTurn.parse(NoteTurn(at: 1, speaker: split.0, text: split.1).line) == [NoteTurn(at: 1, speaker: split.0, text: split.1)])
    }
}
