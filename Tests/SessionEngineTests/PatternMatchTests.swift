import Foundation
import InstrumentModel
import SessionEngine
import Testing

/// Issue 10, item 5: `pattern: '(a+)+$'` and a 100-character answer froze a session for a minute.
/// `check` now refuses such patterns, and the match itself is bounded for any that reach the engine.
@Suite struct PatternMatchTests {
    /// A session whose text question has `pattern`, as a compiled file edited by hand could have it.
    private func session(pattern: String) throws -> Session {
        var instrument = try SessionEngineTests.instrument("- {id: t, type: text, text: T?, pattern: '^a+$'}")
        instrument.sections[0].questions[0].pattern = pattern
        return Session(instrument: instrument, seed: 1, today: today)
    }

    @Test func refusesAnAnswerThatWouldBacktrackForeverInsteadOfFreezing() throws {
        var s = try session(pattern: "(a+)+$")
        let started = Date()
        #expect(problem { try s.answer(Answer(.text(String(repeating: "a", count: 100) + "!")), at: 1) }
            == "This does not look right. Please check the format.")
        // Unbounded, this takes longer than the universe has existed; bounded, milliseconds
        // (seconds allowed for a loaded machine running a debug build).
        #expect(Date().timeIntervalSince(started) < 10)
        try s.answer(Answer(.text("aaaa")), at: 1)
    }

    @Test func givesUpAfterABoundedNumberOfStepsTheSameWayEachTime() {
        let answer = String(repeating: "a", count: 60) + "!"
        #expect(PatternMatch.match("(a+)+$", answer) == .tooComplex)
        #expect(PatternMatch.match("(a+)+$", answer) == .tooComplex)
        #expect(PatternMatch.match("(a|aa)*c", String(repeating: "a", count: 80)) == .tooComplex)
    }

    @Test func matchesOrdinaryPatternsOverLongAnswers() {
        let digits = String(repeating: "7", count: PatternMatch.maxCharacters)
        #expect(PatternMatch.match("^[0-9]+$", digits) == .matches)
        #expect(PatternMatch.match("[0-9]{5}x", digits) == .doesNotMatch)
        #expect(PatternMatch.match("\\d+x", digits) == .doesNotMatch)
        #expect(PatternMatch.match("^\\w+@\\w+\\.\\w+$", String(repeating: "a", count: 999) + "!") == .doesNotMatch)
    }

    @Test func refusesAnswersLongerThanTheCeilingAsTooLong() throws {
        var s = try session(pattern: "^a+$")
        let long = String(repeating: "a", count: PatternMatch.maxCharacters + 1)
        #expect(PatternMatch.match("^a+$", long) == .tooLong)
        #expect(problem { try s.answer(Answer(.text(long)), at: 1) } == "Please keep this to 1,000 characters or fewer (it is 1,001).")
    }
}
