import InstrumentCompiler
import InstrumentModel
import Testing

/// `check` on repeated sections (issue 16): the three kinds compile with their `max` decided, and
/// each mistake peculiar to repeats is reported with its exact text, position and hint.
@Suite struct RepeatCheckTests {
    /// Questions before the repeats: a multiple choice with an exclusive "None", and two numbers.
    static let drivers = """
    format: 1
    id: t
    version: 1.0.0
    title: T
    sections:
      - id: s
        questions:
          - id: activities
            type: multiple
            text: Which?
            choices: [Walking group, Art club, Choir, {value: 9, label: None of these, exclusive: true}]
          - {id: household_size, type: number, text: How many?, max: 8}
          - {id: size, type: number, text: How many?}
          - {id: share, type: number, text: Share?, decimals: 1, max: 5}

    """

    @Test func compilesTheThreeKindsWithTheirMaxDecided() throws {
        let result = compile(Self.drivers + """
          - id: activity
            title: "{activities.label}"
            repeat: {for_each: activities}
            questions:
              - {id: visits, type: number, text: "How often at {activities.label}?", max: 31}
              - {id: helpful, type: scale, from: 0, to: 10, text: "Helpful?", show_if: visits > 0 and household_size > 1}
          - id: member
            repeat: {count: household_size}
            questions:
              - {id: age, type: number, text: Age?}
          - id: counted
            repeat: {count: size, max: 12}
            questions:
              - {id: height, type: number, text: Height?}
          - id: service
            repeat: {until_done: true, max: 5, another: Another service?}
            questions:
              - {id: wait, type: number, text: Wait in weeks?}
          - id: after
            questions:
              - {id: total, type: calculate, value: "sum(visits)"}
              - {id: answered_visits, type: calculate, value: "count(visits)"}
              - {id: mean_help, type: calculate, value: "mean(helpful)"}
              - {id: q, type: text, text: "Total {total}", show_if: count(wait) >= 2 and max(age) > 60}
        """)
        #expect(result.diagnostics.isEmpty)
        let instrument = try #require(result.instrument)
        let repeats = instrument.sections.map(\.repeat)
        #expect(repeats == [
            nil,
            Repeat(forEach: "activities", max: 3),
            Repeat(count: "household_size", max: 8),
            Repeat(count: "size", max: 12),
            Repeat(untilDone: true, max: 5, another: LocalizedText("Another service?")),
            nil,
        ])
        #expect(instrument.repeatingSection(of: "visits")?.id == "activity")
        #expect(instrument.repeatingSection(of: "total") == nil)
    }

    @Test func keepsTheCompiledFormOfASectionWithoutRepeat() throws {
        let result = compile(Self.drivers)
        let text = String(decoding: try #require(result.canonical), as: UTF8.self)
        #expect(!text.contains("repeat"))
    }

    @Test func refusesARepeatOverAQuestionThatIsNotAMultipleChoiceOrAWholeNumber() {
        #expect(render(Self.drivers + """
          - id: r1
            repeat: {for_each: household_size}
            questions: [{id: a, type: number, text: A}]
          - id: r2
            repeat: {count: share}
            questions: [{id: b, type: number, text: B}]
        """) == """
        t.yaml:16:24: error: 'household_size' is a number, but for_each needs a multiple choice [repeat-source]
            repeat: {for_each: household_size}
                               ^~~~~~~~~~~~~~
          hint: for_each repeats once per choice ticked in a 'type: multiple' question
        t.yaml:19:21: error: 'share' is a number with decimals, but count needs a number question with whole numbers [repeat-source]
            repeat: {count: share}
                            ^~~~~
          hint: count repeats as many times as a 'type: number' answer with no decimals

        """)
    }

    @Test func refusesAQuestionNamedAsAnInstancesColumn() {
        // 'visits' in the repeat exports as visits_1 (Walking group) ... visits_3: a question of
        // that name would be a second column of the same name.
        #expect(render(Self.drivers + """
                  - {id: visits_2, type: number, text: Visits?}
              - id: r
                repeat: {for_each: activities}
                questions: [{id: visits, type: number, text: Visits}]
            """) == """
            t.yaml:15:14: error: the question id 'visits_2' is also the export name of question 'visits' for the instance 'Art club' of section 'r' (line 18) [variable-clash]
                  - {id: visits_2, type: number, text: Visits?}
                         ^~~~~~~~
              hint: rename the question, so that every exported column has its own name

            """)
    }

    @Test func refusesACountOrUntilDoneWithNoMaximum() {
        #expect(render(Self.drivers + """
          - id: r
            repeat: {count: size}
            questions: [{id: a, type: number, text: A}]
          - id: u
            repeat: {until_done: true}
            questions: [{id: b, type: number, text: B}]
        """) == """
        t.yaml:16:21: error: the repeat of section 'r' counts 'size', which has no 'max', so it has no limit [repeat-without-max]
            repeat: {count: size}
                            ^~~~
          hint: give 'size' a 'max', or give the repeat one: 'repeat: {count: size, max: 10}'
        t.yaml:19:5: error: the repeat of section 'u' asks until the participant is done, but has no 'max' [repeat-without-max]
            repeat: {until_done: true}
            ^~~~~~
          hint: give it the most instances anyone would need, such as 'repeat: {until_done: true, max: 10}'

        """)
    }

    @Test func refusesAnAnswerOfOneInstanceUsedOutsideItsRepeat() {
        #expect(render(Self.drivers + """
          - id: r
            repeat: {for_each: activities}
            questions:
              - {id: visits, type: number, text: "{activities.label}?"}
          - id: after
            title: "{activities.label}"
            questions:
              - {id: c, type: text, text: "You went {visits} times", show_if: visits > 2}
              - {id: d, type: calculate, value: "visits + 1"}
        safeguarding:
          - id: many
            when: visits > 20
            message: Take care.
        """) == """
        t.yaml:20:13: error: {activities.label} shows one choice's label only inside a repeat over 'activities' [instance-reference]
            title: "{activities.label}"
                    ^~~~~~~~~~~~~~~~~~
          hint: use it in a section with 'repeat: {for_each: activities}', or write {activities} for every choice ticked
        t.yaml:22:45: error: {visits} shows 'visits', which is asked once per instance of section 'r', so it does not say which instance [instance-reference]
              - {id: c, type: text, text: "You went {visits} times", show_if: visits > 2}
                                                    ^~~~~~~~
          hint: show it inside section 'r', or show a calculate such as sum(visits)
        t.yaml:22:71: error: 'visits' is asked once per instance of section 'r', so on its own it does not say which instance [instance-reference]
              - {id: c, type: text, text: "You went {visits} times", show_if: visits > 2}
                                                                              ^~~~~~
          hint: use a function over the instances, such as sum(visits), mean(visits) or count(visits), or use it inside section 'r'
        t.yaml:23:42: error: 'visits' is asked once per instance of section 'r', so on its own it does not say which instance [instance-reference]
              - {id: d, type: calculate, value: "visits + 1"}
                                                 ^~~~~~
          hint: use a function over the instances, such as sum(visits), mean(visits) or count(visits), or use it inside section 'r'
        t.yaml:26:11: error: 'visits' is asked once per instance of section 'r', so on its own it does not say which instance [instance-reference]
            when: visits > 20
                  ^~~~~~
          hint: use a function over the instances, such as sum(visits), mean(visits) or count(visits), or use it inside section 'r'

        """)
    }

    @Test func refusesARepeatDecidedByALaterOrRepeatedQuestion() {
        #expect(render(Self.drivers + """
          - id: r
            repeat: {count: later_n, max: 3}
            questions: [{id: inside_n, type: number, text: A}]
          - id: q
            repeat: {count: inside_n, max: 3}
            questions: [{id: b, type: number, text: B}]
          - id: s2
            questions: [{id: later_n, type: number, text: N}]
        """) == """
        t.yaml:16:21: error: the repeat of section 'r' is decided by 'later_n', which is asked later [repeat-source]
            repeat: {count: later_n, max: 3}
                            ^~~~~~~
          hint: count names a number question with whole numbers asked before the section
        t.yaml:19:21: error: 'inside_n' is itself repeated, and a repeat cannot be decided by another repeat's answers [repeat-source]
            repeat: {count: inside_n, max: 3}
                            ^~~~~~~~
          hint: count names a number question with whole numbers asked once, before the section

        """)
    }

    @Test func refusesRepeatKeysThatDoNotFit() {
        #expect(render(Self.drivers + """
          - id: r
            repeat: {for_each: activities, max: 2}
            questions: [{id: a, type: number, text: A}]
          - id: q
            repeat: {count: size, max: 61, another: More?}
            questions: [{id: b, type: number, text: B}]
          - id: u
            repeat: {until_done: false, max: 2}
            questions: [{id: c, type: number, text: C}]
          - id: v
            repeat: {}
            questions: [{id: d, type: number, text: D, identifying: true}]
        """) == """
        t.yaml:16:41: error: 'max' does not apply to a for_each repeat: it asks once per choice ticked [misplaced-key]
            repeat: {for_each: activities, max: 2}
                                                ^
          hint: to ask about fewer, give the multiple choice 'activities' a 'max'
        t.yaml:19:32: error: 'max' of the repeat of section 'q' is 61, but a repeat has from 1 to 60 instances [out-of-range]
            repeat: {count: size, max: 61, another: More?}
                                       ^~
        t.yaml:19:36: error: 'another' applies only to an until_done repeat [misplaced-key]
            repeat: {count: size, max: 61, another: More?}
                                           ^~~~~~~
          hint: remove it; a count repeat knows how many times to ask
        t.yaml:22:26: error: 'until_done: false' would never ask the section [invalid-value]
            repeat: {until_done: false, max: 2}
                                 ^~~~~
          hint: write 'until_done: true', or remove 'repeat' to ask the section once
        t.yaml:25:5: error: the repeat of section 'v' does not say how many times to ask it [repeat-source]
            repeat: {}
            ^~~~~~
          hint: use one of 'for_each: <multiple choice>', 'count: <number>' or 'until_done: true'

        """)
    }

    /// A guide repeats a block per topic the participant raised, per role present, or until the
    /// interviewer says there is no other topic: the same keys and rules as a survey's repeat.
    @Test func compilesTheThreeKindsInAnInterviewGuide() throws {
        let result = compile("""
        format: 1
        id: t
        version: 1.0.0
        kind: interview
        title: T
        sections:
          - id: intro
            questions:
              - {id: topics, type: multiple, text: Topics raised?, choices: [Housing, Money, Work]}
              - {id: peers, type: number, text: Peer workers present?, max: 4}
          - id: topic
            title: "{topics.label}"
            minutes: 5
            repeat: {for_each: topics}
            questions: [{id: topic_notes, type: open, text: "Tell me more about {topics.label}.", probes: [Since when?]}]
          - id: peer
            repeat: {count: peers}
            questions: [{id: peer_view, type: open, text: How does this peer worker see it?}]
          - id: other_topic
            repeat: {until_done: true, max: 3, another: Another topic raised?}
            questions: [{id: other_notes, type: open, text: What else came up?}]
        """)
        #expect(result.diagnostics.map(\.message) == [])
        let instrument = try #require(result.instrument)
        #expect(instrument.sections.compactMap(\.repeat) == [
            Repeat(forEach: "topics", max: 3), Repeat(count: "peers", max: 4),
            Repeat(untilDone: true, max: 3, another: LocalizedText("Another topic raised?")),
        ])
    }

    @Test func refusesMoreThanSixtyInstancesAndIdentifyingQuestionsInARepeat() {
        let choices = (1...61).map { "a\($0)" }.joined(separator: ", ")
        #expect(render("""
        format: 1
        id: t
        version: 1.0.0
        title: T
        sections:
          - id: s
            questions:
              - {id: many, type: multiple, text: Which?, choices: [\(choices)]}
          - id: r
            repeat: {for_each: many}
            questions:
              - {id: email, type: text, text: Email?, identifying: true}
        """) == """
        t.yaml:10:24: error: the repeat of section 'r' could have 61 instances, but a repeat has at most 60 [out-of-range]
            repeat: {for_each: many}
                               ^~~~
          hint: give 'many' a 'max' of at most 60
        t.yaml:12:14: error: question 'email' is identifying, and a repeat cannot hold identifying questions [misplaced-key]
              - {id: email, type: text, text: Email?, identifying: true}
                     ^
          hint: identifying answers are written apart, one set per response; ask it outside the repeat

        """)
    }

    /// count() over instances is not bounded by the repeated question's own choices: three
    /// instances can each pick a pet, so "count(pets) >= 3" can hold.
    @Test func countOverInstancesIsNotBoundedByTheQuestionsOwnChoices() {
        let result = compile(Self.drivers + """
          - id: r
            repeat: {for_each: activities}
            questions:
              - {id: pets, type: multiple, text: Pets?, choices: [Cat, Dog]}
          - id: after
            questions:
              - {id: many, type: text, text: Many?, show_if: count(pets) >= 3}
        """)
        #expect(result.diagnostics.map(\.message) == [])
    }
}
