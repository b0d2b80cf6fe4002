import InstrumentCompiler
import InstrumentModel
import Testing

/// `check` on a repeated block of questions inside a section (`- block:`, issue 16): it compiles
/// to a section of its own marked as part of its parent, with the questions after it in a third
/// part, so that everything that knows repeated sections knows blocks; each mistake peculiar to
/// blocks is reported with its exact text, position and hint.
@Suite struct BlockRepeatCheckTests {
    static let head = """
    format: 1
    id: t
    version: 1.0.0
    title: T
    sections:
      - id: first
        questions:
          - {id: consent_age, type: number, text: Age?, max: 120}
      - id: s
        title: Involvement
        intro: About what you do.
        show_if: consent_age >= 18
        questions:
          - id: activities
            type: multiple
            text: Which?
            choices: [Walking group, Art club, Choir]

    """

    @Test func compilesABlockToAPartOfItsSectionWithTheQuestionsAfterItInAnother() throws {
        let result = compile(Self.head + """
              - block: activity
                title: "{activities.label}"
                show_if: consent_age > 20
                repeat: {for_each: activities}
                questions:
                  - {id: visits, type: number, text: "How often at {activities.label}?", max: 31}
              - {id: overall, type: scale, from: 0, to: 10, text: Overall?}
              - {id: total, type: calculate, value: "sum(visits)"}
        """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let instrument = try #require(result.instrument)
        #expect(instrument.sections.map(\.id) == ["first", "s", "activity", "s~2"])
        #expect(instrument.sections.map(\.within) == [nil, nil, "s", "s"])
        #expect(instrument.sections.map { $0.questions.map(\.id) } == [["consent_age"], ["activities"], ["visits"], ["overall", "total"]])
        #expect(instrument.sections.map(\.repeat) == [nil, nil, Repeat(forEach: "activities", max: 3), nil])
        // The parts after the first keep the section's title (shown as its own), not its intro,
        // and are asked only when the section is.
        #expect(instrument.sections.dropFirst().map { $0.title?.text(in: nil) } == ["Involvement", "{activities.label}", "Involvement"])
        #expect(instrument.sections.dropFirst().map(\.intro).map { $0 != nil } == [true, false, false])
        #expect(instrument.sections.dropFirst().map(\.showIf) == ["consent_age >= 18", "consent_age >= 18 and consent_age > 20", "consent_age >= 18"])
        #expect(instrument.sections[2].isBlock && !instrument.sections[3].isBlock && !instrument.sections[1].isBlock)
        #expect(instrument.repeatingSection(of: "visits")?.id == "activity")
        let text = String(decoding: try #require(result.canonical), as: UTF8.self)
        #expect(text.contains("\"within\": \"s\""))
    }

    @Test func refusesABlockWithoutRepeatOrQuestionsAndABlockInsideABlock() {
        #expect(render(Self.head + """
              - block: plain
                questions: [{id: a, type: number, text: A}]
              - block: outer
                repeat: {for_each: activities}
                questions:
                  - {id: b, type: number, text: B}
                  - block: inner
                    repeat: {count: consent_age, max: 3}
                    questions: [{id: c, type: number, text: C}]
              - block: empty
                repeat: {until_done: true, max: 3}
        """) == """
        t.yaml:18:9: error: block 'plain' in section 's' has no 'repeat' [missing-key]
              - block: plain
                ^~~~~
          hint: a block is a set of questions asked once per instance; add 'repeat: {for_each: <multiple choice>}', or list its questions in the section itself
        t.yaml:24:13: error: block 'inner' is inside block 'outer', and a block cannot hold another block [misplaced-key]
                  - block: inner
                    ^~~~~
          hint: list its questions in block 'outer', or make it a block of section 's' of its own
        t.yaml:27:9: error: block 'empty' in section 's' has no 'questions' [missing-key]
              - block: empty
                ^~~~~
          hint: add 'questions:' with at least one question

        """)
    }

    @Test func refusesABlockWithAnEmptyListOfQuestions() {
        #expect(render(Self.head + """
              - block: empty
                repeat: {until_done: true, max: 3}
                questions: []
        """) == """
        t.yaml:20:20: error: block 'empty' in section 's' has no questions [empty-list]
                questions: []
                           ^
          hint: add a question, or remove the block

        """)
    }

    @Test func refusesABlockOutsideASectionsQuestionsAndAnIdThatClashes() {
        #expect(render(Self.head + """
              - block: s
                repeat: {for_each: activities}
                questions: [{id: a, type: number, text: A}]
              - block: visits
                repeat: {for_each: activities}
                questions: [{id: visits, type: number, text: B}]
          - block: loose
            repeat: {for_each: activities}
            questions: [{id: c, type: number, text: C}]
        """) == """
        t.yaml:18:16: error: the block id 's' is already used at line 9 [duplicate-id]
              - block: s
                       ^
          hint: a block's id names its instances in the stored responses and the exports, as a section's does: give it one no section or question has
        t.yaml:21:16: error: the block id 'visits' is also the id of a question (line 23) [duplicate-id]
              - block: visits
                       ^~~~~~
          hint: a block's id names its instances in the stored responses and the exports, as a section's does: give it one no section or question has
        t.yaml:24:5: error: a block goes in the 'questions' of a section, not in 'sections' [misplaced-key]
          - block: loose
            ^~~~~
          hint: put '- block: loose' under a section's 'questions', or make it a section: 'id: loose' with 'repeat:'

        """)
    }

    @Test func namesTheBlockInRepeatMessages() {
        #expect(render(Self.head + """
              - block: activity
                repeat: {for_each: later}
                questions: [{id: a, type: number, text: A}]
              - {id: later, type: multiple, text: Later?, choices: [X, Y]}
              - block: counted
                repeat: {count: consent_age}
                questions: [{id: b, type: number, text: B}]
        """) == """
        t.yaml:19:28: error: the repeat of block 'activity' in section 's' is decided by 'later', which is asked later [repeat-source]
                repeat: {for_each: later}
                                   ^~~~~
          hint: for_each names a multiple choice asked before the block
        t.yaml:23:25: error: the repeat of block 'counted' in section 's' could have 120 instances, but a repeat has at most 60 [out-of-range]
                repeat: {count: consent_age}
                                ^~~~~~~~~~~
          hint: give the repeat a 'max' of at most 60

        """)
    }

    @Test func refusesABlockInASectionThatShufflesItsQuestions() {
        #expect(render(Self.head.replacingOccurrences(of: "    title: Involvement\n", with: "    title: Involvement\n    shuffle: true\n") + """
              - block: activity
                repeat: {for_each: activities}
                questions: [{id: a, type: number, text: A}]
        """) == """
        t.yaml:19:9: error: section 's' shows its questions in a random order, and cannot hold a block [misplaced-key]
              - block: activity
                ^~~~~
          hint: a block's instances come in order at its place in the section; remove 'shuffle', or put the block in a section of its own

        """)
    }

    /// A block in a repeated section would be a repeat within a repeat: compiled as parts, it
    /// would be asked over instances of its own once, and the questions after it once, outside
    /// the section's instances, with no word from `check`.
    @Test func refusesABlockInARepeatedSection() {
        #expect(render(Self.head.replacingOccurrences(of: "    title: Involvement\n", with: "    title: Involvement\n    repeat: {until_done: true, max: 3}\n") + """
              - block: activity
                repeat: {until_done: true, max: 2}
                questions: [{id: a, type: number, text: A}]
        """) == """
        t.yaml:19:9: error: section 's' is repeated, and cannot hold a block [misplaced-key]
              - block: activity
                ^~~~~
          hint: a block cannot repeat within a repeat; list its questions in the section itself, or move them and the questions after them to sections of their own

        """)
    }

    @Test func namesTheBlockWhenOneInstancesAnswerIsUsedAfterIt() {
        #expect(render(Self.head + """
              - block: activity
                repeat: {for_each: activities}
                questions: [{id: visits, type: number, text: Visits?}]
              - {id: later, type: text, text: "You went {visits} times", show_if: visits > 2}
        """) == """
        t.yaml:21:49: error: {visits} shows 'visits', which is asked once per instance of block 'activity' in section 's', so it does not say which instance [instance-reference]
              - {id: later, type: text, text: "You went {visits} times", show_if: visits > 2}
                                                        ^~~~~~~~
          hint: show it inside block 'activity' in section 's', or show a calculate such as sum(visits)
        t.yaml:21:75: error: 'visits' is asked once per instance of block 'activity' in section 's', so on its own it does not say which instance [instance-reference]
              - {id: later, type: text, text: "You went {visits} times", show_if: visits > 2}
                                                                                  ^~~~~~
          hint: use a function over the instances, such as sum(visits), mean(visits) or count(visits), or use it inside block 'activity' in section 's'

        """)
    }

    @Test func theQuestionsAfterABlockAreAnalysedUnderTheirSectionsCondition() {
        let text = render("""
        format: 1
        id: t
        version: 1.0.0
        title: T
        sections:
          - id: first
            questions:
              - {id: age, type: number, text: Age?, max: 120}
          - id: s
            show_if: age >= 18
            questions:
              - {id: activities, type: multiple, text: Which?, choices: [A, B]}
              - block: activity
                repeat: {for_each: activities}
                questions: [{id: visits, type: number, text: V?}]
              - {id: job, type: single, text: Job?, choices: ["Yes", "No"]}
          - id: later
            questions:
              - {id: q, type: text, text: Q?, show_if: job == 1 and age < 18}

        """)
        #expect(text.hasPrefix("t.yaml:19:48: warning: question 'q' is never shown: its show_if contradicts the show_if of 'job', which it depends on [never-shown]"), "\(text)")
    }

    @Test func aBlocksQuestionsAreAnalysedUnderTheirSectionsCondition() {
        let text = render("""
        format: 1
        id: t
        version: 1.0.0
        title: T
        sections:
          - id: first
            questions:
              - {id: age, type: number, text: Age?, max: 120}
          - id: s
            show_if: age >= 18
            questions:
              - {id: activities, type: multiple, text: Which?, choices: [A, B]}
              - block: activity
                repeat: {for_each: activities}
                questions: [{id: visits, type: number, text: V?, show_if: age < 18}]

        """)
        #expect(text.hasPrefix("t.yaml:15:67: warning: question 'visits' is never shown: its show_if can never be true together with its section's show_if [never-shown]"), "\(text)")
    }

    /// A guide repeats a block per topic raised inside a section, as a survey does.
    @Test func acceptsABlockInAnInterviewGuide() {
        #expect(render("""
        format: 1
        id: t
        version: 1.0.0
        kind: interview
        title: T
        sections:
          - id: s
            questions:
              - {id: topics, type: multiple, text: Which topics?, choices: [Housing, Money]}
              - block: topic
                repeat: {for_each: topics}
                questions: [{id: notes, type: open, text: Tell me more.}]

        """) == "")
    }
}
