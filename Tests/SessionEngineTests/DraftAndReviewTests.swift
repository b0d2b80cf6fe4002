import Expressions
import InstrumentModel
import SessionEngine
import TestSupport
import Testing

let reviewed = """
- {id: name_of_pet, type: text, text: Your pet's name?}
- id: mood
  type: single
  text: Mood?
  choices: [Low, High]
- id: why
  type: long_text
  text: Why high?
  show_if: mood == 2
- {id: age, type: number, text: Age?}
"""

/// Text typed and not submitted is kept as a draft: journaled, replayed, never an answer.
@Suite struct DraftTests {
    @Test func aDraftIsKeptWithoutAnsweringAndComesBackOnReplay() throws {
        var s = try session(reviewed)
        try s.answer(Answer(.text("Rex")), at: 1)
        try s.answer(Answer(.choice(2)), at: 2)
        #expect(s.current?.id == "why")
        let draft = s.event(.draft("Because the sun"), at: 3)
        #expect(draft == SessionEvent(.draft("Because the sun"), question: "why", at: 3))
        try s.apply(draft)
        #expect(s.current?.id == "why", "a draft does not move on")
        #expect(s.drafts == ["why": "Because the sun"])
        #expect(s.answers["why"] == nil && !s.skipped.contains("why"))
        try s.apply(s.event(.back, at: 4))
        let replayed = Session.rebuilt(instrument: s.instrument, seed: 1, language: nil, today: today, events: [
            .answer(question: "name_of_pet", answer: Answer(.text("Rex")), at: 1),
            .answer(question: "mood", answer: Answer(.choice(2)), at: 2), draft, .back(at: 4),
        ])
        #expect(replayed.unapplied.isEmpty)
        #expect(replayed.session.drafts == ["why": "Because the sun"])
        #expect(replayed.session.current?.id == "mood")
    }

    @Test func answeringOrEmptyingTheFieldEndsTheDraft() throws {
        var s = try session(reviewed)
        try s.apply(s.event(.draft("Re"), at: 1))
        #expect(s.drafts["name_of_pet"] == "Re")
        try s.apply(s.event(.draft("  "), at: 2))
        #expect(s.drafts.isEmpty, "an emptied field is no draft")
        try s.apply(s.event(.draft("Re"), at: 3))
        try s.answer(Answer(.text("Rex")), at: 4)
        #expect(s.drafts.isEmpty, "the answer replaces the draft")
    }

    @Test func aDraftIsRedactedAsAnAnswerIs() throws {
        var s = try session(reviewed, top: "privacy: {redact: [email]}\n")
        let kept = try s.apply(s.event(.draft("mail me at a@b.org"), at: 1))
        #expect(kept.move == .draft("mail me at [email]"))
        #expect(s.drafts["name_of_pet"] == "mail me at [email]")
    }

    @Test func onlyTypedQuestionsTakeADraft() throws {
        var s = try session(reviewed)
        try s.answer(Answer(.text("Rex")), at: 1)
        #expect(problem { try s.apply(s.event(.draft("2"), at: 2)) } == "Only a typed answer can be kept as a draft.")
    }

    @Test func aDraftOfAQuestionNowHiddenIsDropped() throws {
        var s = try session(reviewed)
        try s.answer(Answer(.text("Rex")), at: 1)
        try s.answer(Answer(.choice(2)), at: 2)
        try s.apply(s.event(.draft("Because"), at: 3))
        try s.back(at: 4)
        try s.answer(Answer(.choice(1)), at: 5)
        #expect(s.drafts.isEmpty)
    }
}

/// The review before submitting: the session is finished, and a jump goes back to change an answer.
@Suite struct ReviewTests {
    func finished() throws -> Session {
        var s = try session(reviewed)
        try s.answer(Answer(.text("Rex")), at: 1)
        try s.answer(Answer(.choice(1)), at: 2)
        try s.skip(at: 3)
        #expect(s.phase == .finished)
        return s
    }

    @Test func listsEveryQuestionAskedWithItsAnswer() throws {
        let s = try finished()
        #expect(s.reviewItems.map(\.question) == ["name_of_pet", "mood", "age"])
        #expect(s.reviewItems.map(\.answer) == [Answer(.text("Rex")), Answer(.choice(1)), nil])
    }

    @Test func aJumpFromTheReviewChangesOneAnswerAndComesBack() throws {
        var s = try finished()
        let jump = s.event(.jump(to: "name_of_pet"), at: 4)
        try s.apply(jump)
        #expect(s.current?.id == "name_of_pet")
        try s.apply(s.event(.answer(Answer(.text("Rexy"))), at: 5))
        #expect(s.phase == .finished, "back to the review, not through every later question")
        #expect(s.answers["name_of_pet"] == Answer(.text("Rexy")))
    }

    @Test func aChangeThatOpensAQuestionAsksItBeforeTheReview() throws {
        var s = try finished()
        try s.apply(s.event(.jump(to: "mood"), at: 4))
        try s.apply(s.event(.answer(Answer(.choice(2))), at: 5))
        #expect(s.current?.id == "why", "a question the change brings onto the route is asked")
        try s.apply(s.event(.answer(Answer(.text("Sun"))), at: 6))
        #expect(s.phase == .finished)
    }

    @Test func jumpsReplayIdentically() throws {
        var s = try finished()
        var events: [SessionEvent] = [
            .answer(question: "name_of_pet", answer: Answer(.text("Rex")), at: 1),
            .answer(question: "mood", answer: Answer(.choice(1)), at: 2), .skip(question: "age", at: 3),
        ]
        for move in [SessionMove.jump(to: "age"), .answer(Answer(.number(40)))] {
            events.append(try s.apply(s.event(move, at: Double(events.count + 1))))
        }
        let replayed = Session.rebuilt(instrument: s.instrument, seed: 1, language: nil, today: today, events: events)
        #expect(replayed.unapplied.isEmpty)
        #expect(replayed.session.answers == s.answers && replayed.session.phase == .finished)
    }

    @Test func goingBackFromAQuestionReachedFromTheReviewReturnsToTheReview() throws {
        var s = try finished()
        try s.apply(s.event(.jump(to: "name_of_pet"), at: 4))
        try s.apply(s.event(.back, at: 5))
        #expect(s.phase == .finished)
        #expect(s.answers["name_of_pet"] == Answer(.text("Rex")))
    }

    @Test func goingBackFromTheReviewReturnsToTheLastQuestion() throws {
        var s = try finished()
        try s.apply(s.event(.back, at: 4))
        #expect(s.current?.id == "age")
    }

    @Test func refusesAJumpToAQuestionNotAskedOrWhenBackIsOff() throws {
        var s = try finished()
        #expect(problem { try s.apply(s.event(.jump(to: "why"), at: 4)) } == "That question is not on the route.")
        var fixed = try session(reviewed, top: "settings: {back: false}\n")
        try fixed.answer(Answer(.text("Rex")), at: 1)
        try fixed.answer(Answer(.choice(1)), at: 2)
        try fixed.skip(at: 3)
        #expect(problem { try fixed.apply(fixed.event(.jump(to: "mood"), at: 4)) } == "This survey does not allow going back.")
    }
}
