import Expressions
import InstrumentModel
import SessionEngine
import TestSupport
import Testing

let today = DateValue.days(year: 2026, month: 11, day: 23)

func instrument(_ questions: String, top: String = "") throws -> Instrument {
    let indented = questions.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
    let text = "format: 1\nid: t\nversion: 1.0.0\ntitle: T\n\(top)sections:\n  - id: s\n    questions:\n\(indented)\n"
    return try compiled(text)
}

func session(_ questions: String, top: String = "", seed: UInt64 = 1) throws -> Session {
    Session(instrument: try instrument(questions, top: top), seed: seed, today: today)
}

/// The message an action is refused with, or nil when it is accepted.
func problem(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return (error as? AnswerProblem)?.message ?? "\(error)"
    }
}

let route = """
- id: member_since
  type: single
  text: How long?
  choices: [Less than 6 months, 6 to 12 months, 1 to 2 years]
- id: changes
  type: long_text
  text: What changed since {member_since}?
  show_if: member_since != "Less than 6 months"
- {id: age, type: number, text: Age?, min: 16, max: 110, required: true}
"""

@Suite struct SessionTests {
    @Test func followsTheRouteAndPipesEarlierAnswers() throws {
        var s = try session(route)
        #expect(s.current?.id == "member_since")
        try s.answer(Answer(.choice(3)), at: 4)
        #expect(s.current?.id == "changes")
        #expect(s.render(s.current?.text) == "What changed since 1 to 2 years?")
        try s.skip(at: 9)
        #expect(s.current?.id == "age")
        #expect(s.skipped == ["changes"])
        try s.answer(Answer(.number(30)), at: 12)
        #expect(s.phase == .finished)
        #expect(s.timing["member_since"] == QuestionTiming(seconds: 4, visits: 1))
    }

    @Test func goingBackAndChangingAnAnswerHidesWhatNoLongerApplies() throws {
        var s = try session(route)
        try s.answer(Answer(.choice(3)), at: 1)
        try s.answer(Answer(.text("More confident")), at: 2)
        try s.back(at: 3)
        try s.back(at: 4)
        #expect(s.current?.id == "member_since")
        #expect(s.returns == 2)
        try s.answer(Answer(.choice(1)), at: 5)
        #expect(s.current?.id == "age", "changes is hidden now")
        #expect(s.answers["changes"] == nil, "the hidden answer is not kept")
        #expect(!s.isVisible("changes"))
    }

    @Test func refusesToSkipARequiredQuestion() throws {
        var s = try session(route)
        try s.skip(at: 1)
        #expect(s.current?.id == "age", "skipping member_since hides changes: comparisons with empty are false")
        #expect(problem { try s.skip(at: 2) } == "This question needs an answer.")
        #expect(!s.canSkip)
    }

    @Test func countsProgressAgainstQuestionsStillReachable() throws {
        var s = try session(route)
        #expect(s.progress.done == 0 && s.progress.total == 2, "changes is not reachable before member_since is answered")
        try s.answer(Answer(.choice(2)), at: 1)
        #expect(s.progress.done == 1 && s.progress.total == 3)
    }

    @Test func appliesTypeRulesWithPlainMessages() throws {
        var s = try session("""
            - {id: n, type: number, text: N?, min: 0, max: 10, decimals: 1}
            - {id: t, type: text, text: T?, max_length: 5, pattern: '^[a-z]+$'}
            - id: m
              type: multiple
              text: M?
              choices: [a, b, c, {value: 9, label: None, exclusive: true}]
              min: 1
              max: 2
              other: true
            - {id: d, type: date, text: D?, min: 2020-01-01, max: today, precision: month}
            - {id: r, type: ranking, text: R?, choices: [x, y, z], rank: 2}
            """)
        #expect(problem { try s.answer(Answer(.number(11)), at: 1) } == "Please enter a number from 0 to 10.")
        #expect(problem { try s.answer(Answer(.number(2.25)), at: 1) } == "Please use at most 1 decimal place.")
        try s.answer(Answer(.number(2.5)), at: 1)
        #expect(problem { try s.answer(Answer(.text("toolong")), at: 2) } == "Please keep this to 5 characters or fewer (it is 7).")
        #expect(problem { try s.answer(Answer(.text("AB")), at: 2) } == "This does not look right. Please check the format.")
        try s.answer(Answer(.text("ab")), at: 2)
        #expect(problem { try s.answer(Answer(.choices([1, 9])), at: 3) } == "\"None\" cannot be combined with other choices.")
        #expect(problem { try s.answer(Answer(.choices([1, 2, 3])), at: 3) } == "Please choose no more than 2.")
        #expect(problem { try s.answer(Answer(.choices([])), at: 3) } == "Please choose at least 1.")
        #expect(problem { try s.answer(Answer(.choices([10])), at: 3) } == "Please say what \"Other, please specify\" is.")
        try s.answer(Answer(.choices([10]), other: "Gardening"), at: 3)
        #expect(problem { try s.answer(Answer(.date("2019-12")), at: 4) } == "Please give a date from 2020-01 onwards.")
        #expect(problem { try s.answer(Answer(.date("2027-01")), at: 4) } == "Please give a date no later than 2026-11.")
        #expect(problem { try s.answer(Answer(.date("2024-05-01")), at: 4) } == "Please write the date as YYYY-MM, for example 2024-05.")
        try s.answer(Answer(.date("2026-11")), at: 4)
        #expect(problem { try s.answer(Answer(.ranking([1, 2, 3])), at: 5) } == "Please put 2 options in order.")
        try s.answer(Answer(.ranking([3, 1])), at: 5)
        #expect(s.phase == .finished)
    }

    @Test func checksValidIfWithTheAuthorsMessage() throws {
        var s = try session("""
            - {id: hours, type: number, text: Hours?, valid_if: . <= 80, invalid_message: Please enter at most 80 hours.}
            """)
        #expect(problem { try s.answer(Answer(.number(90)), at: 1) } == "Please enter at most 80 hours.")
        try s.answer(Answer(.number(40)), at: 1)
    }

    @Test func calculatesAndLeavesMissingCodesOut() throws {
        var s = try session("""
            - {id: a, type: scale, text: A?, choices: [{value: 1, label: Low}, {value: 5, label: High}, {value: -9, label: Prefer not to say, missing: true}]}
            - {id: b, type: scale, text: B?, from: 0, to: 10}
            - {id: total, type: calculate, value: "sum(a, b)"}
            - {id: note, type: note, text: "Your total is {total}."}
            """)
        try s.answer(Answer(.choice(5)), at: 1)
        try s.answer(Answer(.choice(7)), at: 2)
        #expect(s.calculated["total"] == .number(12))
        #expect(s.render(s.current?.text) == "Your total is 12.")
        try s.back(at: 3)
        try s.back(at: 3)
        try s.answer(Answer(.choice(-9)), at: 4)
        #expect(s.calculated["total"] == .empty)
    }

    @Test func shufflesReproduciblyFromTheSeed() throws {
        let yaml = """
            - id: q
              type: single
              text: Q?
              shuffle: true
              choices: [a, b, c, d, e, f, {value: 9, label: Prefer not to say, missing: true}]
              other: true
            """
        let one = try session(yaml, seed: 42)
        let again = try session(yaml, seed: 42)
        let other = try session(yaml, seed: 7)
        let q = try #require(one.current)
        let codes = one.presentedChoices(q).map(\.value)
        #expect(codes == again.presentedChoices(q).map(\.value))
        #expect(codes != other.presentedChoices(q).map(\.value))
        #expect(codes.suffix(2) == [9, 10], "missing codes and Other stay last")
        #expect(Set(codes) == [1, 2, 3, 4, 5, 6, 9, 10])
    }

    @Test func endsAtOnceWhenConsentIsDeclined() throws {
        var s = try session(route, top: "consent: {text: Info, agree: I agree}\n")
        #expect(s.phase == .consent)
        s.decline()
        #expect(s.phase == .declined)
        #expect(s.answers.isEmpty)
        var t = try session(route, top: "consent: {text: Info, agree: I agree}\n")
        t.agree(at: 2)
        #expect(t.current?.id == "member_since")
    }

    @Test func honoursSettingsForBackAndSkipping() throws {
        var s = try session(route, top: "settings: {back: false, skip_all: false}\n")
        #expect(problem { try s.skip(at: 1) } == "This question needs an answer.")
        try s.answer(Answer(.choice(1)), at: 1)
        #expect(problem { try s.back(at: 2) } == "This survey does not allow going back.")
    }

    @Test func offersOnlyChoicesWhoseConditionHolds() throws {
        var s = try session("""
            - {id: age, type: number, text: Age?}
            - id: work
              type: single
              text: Work?
              choices: [Working, {label: Retired, show_if: age >= 55}]
            """)
        try s.answer(Answer(.number(30)), at: 1)
        let q = try #require(s.current)
        #expect(s.presentedChoices(q).map { $0.label.text() } == ["Working"])
    }
}

@Suite struct NoteTurnTests {
    /// The screen writes notes with the same type that the exporters read them with.
    @Test func readsBackEveryParagraphItWrites() {
        let turns = [NoteTurn(at: 760, speaker: "P2", text: "yes: really"), NoteTurn(at: 3723, speaker: "F", text: "next"),
                     NoteTurn(at: 5, speaker: nil, text: "[aside] P: not a speaker")]
        let notes = turns.reduce("") { NoteTurn.appending($1, to: $0) }
        #expect(notes == "[12:40] P2: yes: really\n[1:02:03] F: next\n[00:05] [aside] P: not a speaker")
        #expect(NoteTurn.parse(notes) == turns)
    }
}

@Suite struct NumberLimitTests {
    static let yaml = """
        format: 1
        id: limits
        version: 1.0.0
        title: Limits
        sections:
          - id: s
            questions:
              - {id: x, type: number, text: A number?}
              - {id: cube, type: calculate, value: "x * x * x * x"}
              - {id: last, type: text, text: Last?}
        """

    /// A number too large for every reader to keep exactly is refused, not stored changed.
    @Test func refusesANumberBeyondWhatReadersKeep() throws {
        var session = Session(instrument: try compiled(Self.yaml), seed: 1, today: 0)
        #expect(throws: AnswerProblem("This number is too large to keep. Please check it.")) {
            try session.answer(Answer(.number(123_456_789_012_345_678_901)), at: 1)
        }
        try session.answer(Answer(.number(-1e15)), at: 1)
    }

    /// A calculation that overflows is empty, never infinity (which JSON cannot hold).
    @Test func leavesAnOverflowingCalculationEmpty() throws {
        var session = Session(instrument: try compiled(Self.yaml), seed: 1, today: 0)
        try session.answer(Answer(.number(1e15)), at: 1)
        #expect(session.calculated["cube"] == .empty)
        var w = JSONWriter(compact: true)
        w.number(.infinity)
        #expect(String(decoding: w.bytes, as: UTF8.self) == "null")
    }
}
