import Foundation
@testable import PromptUI
import SessionEngine
import SessionLoop
import Testing
import TerminalIO
import TestSupport

/// Runs the interviewer's screen on the test guide; the clock moves 20 seconds an event.
func interview(_ events: [TerminalEvent], yaml: String = guide, group: Int? = nil, columns: Int = 100, rows: Int = 30)
    throws -> (SessionRunner<InterviewScreen>, MemoryRecorder, SessionOutcome) {
    let terminal = ScriptedTerminal(columns: columns, rows: rows, events)
    let recorder = MemoryRecorder()
    let start = terminal.script.count
    let clock = { Double(start - terminal.script.count) * 20 }
    var runner = SessionRunner(session: Session(instrument: try compiled(yaml), seed: 1, today: 20_000),
                               driver: InterviewScreen(terminal: terminal, style: Style(color: false), clock: clock, group: group),
                               recorder: recorder, clock: clock)
    let outcome = try runner.run()
    return (runner, recorder, outcome)
}

/// The journal as one short line a move, stamps left out of notes.
func journal(_ recorder: MemoryRecorder) -> [String] {
    recorder.events.compactMap { event -> String? in
        let id = event.question ?? ""
        switch event.move {
        case .answer(let a): return "answer \(id): \(a.value)"
        case .skip: return "skip \(id)"
        case .notes(let text): return "notes \(id): " + text.replacingOccurrences(of: #"\[\d\d:\d\d\] "#, with: "", options: .regularExpression)
        case .jump: return "jump \(id)"
        case .probe(let index, let asked): return "probe \(id) \(index) \(asked)"
        case .end: return "end"
        case .language(let code): return "language \(code)"
        case .confirm: return "confirm \(id)"
        case .consent, .back, .draft: return nil
        }
    }
}

/// Issue 12 item 7: moving, ticking a probe and leaving keep what the interviewer typed.
@Suite struct InterviewKeepsTypingTests {
    let consent: [TerminalEvent] = keys("1") + [.key(.enter)]

    @Test func movingKeepsAStructuredAnswerTypedOrChanged() throws {
        let events: [TerminalEvent] = consent
            + keys("2") + [.key(.tab)]                                   // chosen, then on: kept
            + [.key(.shiftTab)] + [.key(.tab)]                           // back and on, unchanged: nothing new
            + [.key(.shiftTab)] + keys("1")                              // changed, then a jump from the outline
            + [.key(.ctrl("o")), .key(.down), .key(.down), .key(.enter)]
            + [.key(.ctrl("c")), .key(.character("y"))]
        let (runner, recorder, _) = try interview(events)
        #expect(journal(recorder) == [
            "answer role: choice(2)",
            "jump role",
            "jump day",
            "jump role",
            "answer role: choice(1)",
            "jump team",
        ])
        #expect(runner.session.answers["role"]?.value == .choice(1))
        #expect(runner.session.current?.id == "team")
    }

    @Test func aChangedAnswerIsShownAgainWhenComingBack() throws {
        let events: [TerminalEvent] = consent + keys("2") + [.key(.tab), .key(.shiftTab)]
        let (runner, _, _) = try interview(events)
        #expect(runner.driver.frame.plain.contains { $0.contains("(•) 2 Supervisor") })
    }

    @Test func anAnswerThatCannotBeReadStaysAndSaysWhy() throws {
        let events: [TerminalEvent] = consent + [.key(.tab), .key(.tab), .key(.tab)] + keys("12x") + [.key(.shiftTab)]
        let (runner, recorder, _) = try interview(events, yaml: numberGuide)
        #expect(runner.session.current?.id == "years", "no move while the answer cannot be read")
        #expect(journal(recorder) == ["jump day", "jump team", "jump years"])
        #expect(runner.driver.frame.plain.contains { $0 == " ! " + runner.session.words.typeANumber })
    }

    @Test func leavingKeepsAStructuredAnswer() throws {
        let events: [TerminalEvent] = consent + keys("2") + [.key(.ctrl("c")), .key(.character("y"))]
        let (_, recorder, outcome) = try interview(events)
        #expect(outcome == .interrupted)
        #expect(journal(recorder) == ["answer role: choice(2)"])
    }

    @Test func endingKeepsAStructuredAnswer() throws {
        let events: [TerminalEvent] = consent + keys("1") + [.key(.ctrl("x")), .key(.character("y")), .key(.enter)]
        let (_, recorder, outcome) = try interview(events)
        #expect(outcome == .completed(path: "memory"))
        #expect(journal(recorder) == ["answer role: choice(1)", "end"])
    }

    @Test func aProbeTickedIsOneKeyAndTypingGoesOnIntoTheNotes() throws {
        let events: [TerminalEvent] = consent + [.key(.tab)]
            + keys("Met at") + [.key(.ctrl("p")), .key(.character("1"))] + keys(" 9") + [.key(.enter)]
            + [.key(.ctrl("p")), .key(.ctrl("p")), .key(.character("2"))]  // a second Ctrl-P still waits for the digit
            + [.key(.ctrl("p")), .key(.character("2"))]                 // ticked again: unticked
            + keys("Then 2 visits") + [.key(.enter)]
            + [.key(.ctrl("c")), .key(.character("y"))]
        let (runner, recorder, _) = try interview(events)
        #expect(journal(recorder) == [
            "jump day",
            "probe day 0 true",
            "notes day: Met at 9",
            "probe day 1 true",
            "probe day 1 false",
            "notes day: Met at 9\nThen 2 visits",
        ])
        #expect(runner.session.probesAsked == ["day": [0]])
    }

    @Test func probeModeSaysWhatItWaitsForAndEscapeCancelsIt() throws {
        let (waiting, _, _) = try interview(consent + [.key(.tab), .key(.ctrl("p"))])
        #expect(waiting.driver.frame.plain.last?.hasPrefix(" Probe asked? 1-2 tick or untick it · Esc cancel") == true)
        let events: [TerminalEvent] = consent + [.key(.tab), .key(.ctrl("p")), .key(.escape)] + keys("1 more") + [.key(.enter)]
            + [.key(.ctrl("c")), .key(.character("y"))]
        let (_, recorder, _) = try interview(events)
        #expect(journal(recorder) == ["jump day", "notes day: 1 more"])
    }

    @Test func leavingKeepsTheParagraphBeingTyped() throws {
        let events: [TerminalEvent] = consent + [.key(.tab)] + keys("Half a thought") + [.key(.ctrl("c")), .key(.character("y"))]
        let (_, recorder, outcome) = try interview(events)
        #expect(outcome == .interrupted)
        #expect(journal(recorder) == ["jump day", "notes day: Half a thought"])
        // Resumed, the paragraph is among the notes.
        let resumed = Session.rebuilt(instrument: try compiled(guide), seed: 1, language: nil, today: 20_000, events: recorder.events)
        #expect(resumed.unapplied.isEmpty)
        guard case .text(let notes)? = resumed.session.answers["day"]?.value else {
            Issue.record("the paragraph was lost")
            return
        }
        #expect(notes == "[01:20] Half a thought", "stamped with its first key, the fourth event")
    }

    @Test func aHangUpKeepsTheParagraphBeingTyped() throws {
        let events: [TerminalEvent] = consent + [.key(.tab)] + keys("Cut off") + [.hangUp]
        let (_, recorder, outcome) = try interview(events)
        #expect(outcome == .interrupted)
        #expect(journal(recorder) == ["jump day", "notes day: Cut off"])
    }

    @Test func leavingKeepsAParagraphWhoseSpeakerIsNotInTheGroupAsTyped() throws {
        let events: [TerminalEvent] = consent + [.key(.tab)] + keys("7: from the back") + [.key(.ctrl("c")), .key(.character("y"))]
        let (_, recorder, _) = try interview(events, group: 4)
        #expect(journal(recorder) == ["jump day", "notes day: 7: from the back"])
    }
}

let numberGuide = guide + """
          - id: years
            type: number
            text: How many years have you done this work?

    """

/// Answering the last question of a guide ends the interview (the session finishes there), so a
/// move that keeps a changed answer there would end it unasked: found reviewing item 7's fix.
@Suite struct InterviewLastQuestionTests {
    let toYears: [TerminalEvent] = keys("1") + [.key(.enter), .key(.tab), .key(.tab), .key(.tab)] + keys("12")

    @Test func movingAwayFromAnAnswerThatWouldEndTheInterviewSaysSoAndStays() throws {
        let (runner, recorder, _) = try interview(toYears + [.key(.shiftTab)], yaml: numberGuide)
        #expect(runner.session.current?.id == "years")
        #expect(journal(recorder) == ["jump day", "jump team", "jump years"])
        let plain = runner.driver.frame.plain
        #expect(Array(plain.suffix(4)) == [" ! Keeping this answer ends the interview (no question follows it): Enter keeps it and ends; choose",
                                           "   the answer as it was to move without it.",
                                           " type your answer · Enter next · Tab next · Shift-Tab previous · Ctrl-O outline · Ctrl-X end",
                                           " Ctrl-C leave"])
    }

    @Test func leavingThereLeavesWithoutEndingAndSaysSoFirst() throws {
        let (asking, _, _) = try interview(toYears + [.key(.ctrl("c"))], yaml: numberGuide)
        #expect(Array(asking.driver.frame.plain.suffix(3)) == [" Leave now? The answer here is not kept (keeping it ends the interview); everything else is saved;",
                                                               " carry on later with fieldwork resume.", " y leave · n stay"])
        let (_, recorder, outcome) = try interview(toYears + [.key(.ctrl("c")), .key(.character("y"))], yaml: numberGuide)
        #expect(outcome == .interrupted)
        #expect(journal(recorder) == ["jump day", "jump team", "jump years"])
    }

    /// Enter there asks first, as Tab at the last question does: an interview never ends unasked.
    @Test func enterThereAsksBeforeEnding() throws {
        let (asking, recorder, _) = try interview(toYears + [.key(.enter)], yaml: numberGuide)
        #expect(Array(asking.driver.frame.plain.suffix(2)) == [" End the interview now? Questions not reached stay unasked.", " y end · n carry on"])
        #expect(journal(recorder) == ["jump day", "jump team", "jump years"])
        let (_, kept, outcome) = try interview(toYears + [.key(.enter), .key(.character("y")), .key(.enter)], yaml: numberGuide)
        #expect(outcome == .completed(path: "memory"))
        #expect(journal(kept) == ["jump day", "jump team", "jump years", "answer years: number(12.0)"])
    }

    @Test func endingThereKeepsIt() throws {
        let (_, recorder, outcome) = try interview(toYears + [.key(.ctrl("x")), .key(.character("y")), .key(.enter)], yaml: numberGuide)
        #expect(outcome == .completed(path: "memory"))
        #expect(journal(recorder) == ["jump day", "jump team", "jump years", "answer years: number(12.0)"])
    }
}

@Suite struct InterviewRefusedParagraphTests {
    /// A paragraph the session refuses (notes past their length limit) stays in the editor to be
    /// shortened, instead of vanishing with the refusal.
    @Test func aRefusedParagraphStaysBeingTyped() throws {
        let long = String(repeating: "a", count: TextEntry.maxCharacters + 1)
        let events: [TerminalEvent] = keys("1") + [.key(.enter), .key(.tab), .key(.paste(long)), .key(.enter)]
        let (runner, recorder, _) = try interview(events)
        #expect(journal(recorder) == ["jump day"])
        #expect(runner.driver.typing.string.count == long.count)
        #expect(runner.driver.frame.plain.contains { $0.hasPrefix(" ! ") })
    }
}
