import InstrumentModel
import SessionEngine
import Testing

/// Length limits come before redaction, and every free text has one.
@Suite struct AnswerLengthTests {
    let everything = "privacy: {redact: [email, phone, url, postcode]}\n"

    /// The paste that froze a session: refused at once, with the limit in plain words.
    @Test func refusesAMegabytePasteWhereNoMaxLengthIsSet() throws {
        var s = try session("- {id: story, type: long_text, text: Tell us more}", top: everything)
        let paste = String(String(repeating: "07700 900123 ", count: 1 << 20 / 13 + 1).prefix(1 << 20))
        #expect(problem { try s.answer(Answer(.text(paste)), at: 1) }
            == "Please keep this to 100,000 characters or fewer (it is 1,048,576).")
        #expect(s.current?.id == "story", "nothing was kept")
    }

    @Test func acceptsAndRedactsAnAnswerOfExactlyTheCeiling() throws {
        var s = try session("- {id: story, type: long_text, text: Tell us more}", top: everything)
        let text = String(String(repeating: "ring 07700 900123 ", count: 6000).prefix(TextEntry.maxCharacters))
        let kept = try s.answer(Answer(.text(text)), at: 1)
        guard case .text(let t) = kept.value else { Issue.record("not text"); return }
        #expect(t.hasPrefix("ring [phone] ring [phone] "))
        #expect(s.phase == .finished)
    }

    /// `max_length` counts what the participant typed: the limit is said before any redaction,
    /// and a marker longer than what it replaced (`[postcode]` for `M11AE`) cannot push it over.
    @Test func maxLengthCountsTheTextAsTyped() throws {
        var s = try session("- {id: t, type: text, text: Where?, max_length: 8}", top: everything)
        #expect(problem { try s.answer(Answer(.text("call 07700 900123")), at: 1) }
            == "Please keep this to 8 characters or fewer (it is 17).")
        let kept = try s.answer(Answer(.text("at M11AE")), at: 2)
        #expect(kept.value == .text("at [postcode]"))
    }

    @Test func boundsTheTextOfOther() throws {
        var s = try session("- {id: c, type: single, text: C?, choices: [a, b], other: true}", top: everything)
        let other = String(repeating: "x", count: TextEntry.maxCharacters + 1)
        #expect(problem { try s.answer(Answer(.choice(3), other: other), at: 1) }
            == "Please keep this to 100,000 characters or fewer (it is 100,001).")
        try s.answer(Answer(.choice(3), other: "my own words"), at: 2)
    }

    /// A max_length above the ceiling cannot lift it.
    @Test func theCeilingHoldsOverALargerMaxLength() throws {
        var s = try session("- {id: t, type: long_text, text: T?, max_length: 5000000}", top: everything)
        let text = String(repeating: "y", count: 200_000)
        #expect(problem { try s.answer(Answer(.text(text)), at: 1) }
            == "Please keep this to 100,000 characters or fewer (it is 200,000).")
    }

    /// Interview notes are kept whole for each question, so the ceiling is per question.
    @Test func boundsTheNotesOfOneQuestion() throws {
        var s = try session("- {id: day, type: open, text: A typical day?}", top: "kind: interview\n" + everything)
        let long = String(repeating: "[00:01] P1: said a lot\n", count: 5000)
        #expect(problem { try s.setNotes(long, at: 1) }
            == "Please keep this to 100,000 characters or fewer (it is 115,000).")
        #expect(s.answers["day"] == nil)
        #expect(try s.setNotes("[00:01] mail jo@example.org", at: 2) == "[00:01] mail [email]")
    }

    /// A journal is checked as a participant is: an over-long answer in it is reported, not kept.
    @Test func aReplayReportsAnOverLongAnswer() throws {
        let i = try instrument("- {id: story, type: long_text, text: Tell us more}", top: everything)
        let events = [SessionEvent(.answer(Answer(.text(String(repeating: "z", count: 150_000)))), question: "story", at: 1)]
        let rebuilt = Session.rebuilt(instrument: i, seed: 1, language: nil, today: today, events: events)
        #expect(rebuilt.unapplied.map(\.problem.message) == ["Please keep this to 100,000 characters or fewer (it is 150,000)."])
        #expect(rebuilt.session.answers["story"] == nil)
    }
}
