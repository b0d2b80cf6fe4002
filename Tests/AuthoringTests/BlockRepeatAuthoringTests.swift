import Authoring
import InstrumentModel
import TestSupport
import Testing

/// Preview, scenarios and diff with a repeated block inside a section (issue 16): the block under
/// its section with its rule in words, answers per instance, and messages that name it as a block.
@Suite struct BlockRepeatAuthoringTests {
    static let yaml = """
    format: 1
    id: t
    version: 1.0.0
    title: T
    sections:
      - id: s
        title: Involvement
        questions:
          - {id: activities, type: multiple, text: Which?, choices: [Walking group, Art club, Choir]}
          - block: activity
            title: Each activity
            repeat: {for_each: activities}
            questions:
              - {id: visits, type: number, text: How often?, max: 31}
          - {id: total, type: calculate, value: "sum(visits)"}
          - {id: more, type: text, text: Anything else?}
      - id: end
        questions:
          - {id: last, type: text, text: Last?}
    """

    @Test func previewShowsTheBlockUnderItsSectionWithItsRule() throws {
        let text = MarkdownRenderer.render(Preview(instrument: try compiled(Self.yaml), hash: "sha256:0", languages: [""]).document())
        #expect(text.contains("## Involvement"))
        #expect(text.contains("### Block: Each activity"))
        #expect(text.contains("once for each choice ticked in \"Which?\" (activities), in the order of the choices; up to 3 times"))
        #expect(text.contains("#### 2. How often?"))
        #expect(text.contains("### 3. Anything else?"))
        // The parts are not sections of their own: the next section is the second.
        #expect(text.contains("4 questions in 2 sections"))
        #expect(text.contains("## Section 2\n"))
        #expect(text.components(separatedBy: "\n## ").count == 3)
    }

    @Test func aScenarioAnswersTheBlockPerInstanceAndIsToldWhenItDoesNot() throws {
        func failures(_ scenarios: String) throws -> [String] {
            let (file, problems) = ScenarioFile.parse(Array(scenarios.utf8))
            #expect(problems.isEmpty, "\(problems)")
            let scenario = try #require(file?.scenarios.first)
            return ScenarioRunner(instrument: try compiled(Self.yaml), hash: "sha256:x", today: 20_000).run(scenario).map(\.message)
        }
        #expect(try failures("""
            scenarios:
              - name: two activities
                answers:
                  activities: [Walking group, Choir]
                  visits: {Walking group: 3, 3: 4}
                  more: No
                expect:
                  calculated: {total: 7}
                  shown: [visits, more, last]
            """) == [])
        #expect(try failures("""
            scenarios:
              - name: a
                answers:
                  activities: [Walking group]
                  visits: 3
            """) == [
                "'visits' is asked once per instance of block 'activity' in section 's': give one answer per instance, such as {1: ..., 2: ...} or by the labels of 'activities'",
            ])
    }

    @Test func simulationAsksTheBlockAndTheQuestionsAfterIt() throws {
        let report = try Simulation(instrument: try compiled(Self.yaml), seed: 1, today: 20_000).run(count: 30)
        #expect((report.shown["more"] ?? 0) == 30)
        #expect((report.shown["visits"] ?? 0) > 0 && (report.shown["visits"] ?? 0) <= 30)
    }

    @Test func diffNamesTheBlockWhenQuestionsMoveIntoIt() throws {
        let old = Self.yaml.replacingOccurrences(of: """
              - block: activity
                title: Each activity
                repeat: {for_each: activities}
                questions:
                  - {id: visits, type: number, text: How often?, max: 31}
        """, with: """
              - {id: visits, type: number, text: How often?, max: 31}
        """).replacingOccurrences(of: "sum(visits)", with: "visits")
        #expect(old != Self.yaml)
        let diff = InstrumentDiff.compare(try compiled(old), try compiled(Self.yaml))
        let change = try #require(diff.first { $0.variable == "visits" && $0.what.contains("now asked") }, "\(diff)")
        #expect(change.what.contains("now asked once for each choice ticked in 'activities' (block 'activity' in section 's' repeats)"))
    }

    @Test func diffSaysWhenBlocksAreAskedInAnotherOrderWithoutNamingTheCompiledParts() throws {
        let two = """
        format: 1
        id: t
        version: 1.0.0
        title: T
        sections:
          - id: s
            questions:
              - {id: activities, type: multiple, text: Which?, choices: [Walking group, Art club]}
              - block: first
                repeat: {for_each: activities}
                questions: [{id: visits, type: number, text: How often?, max: 31}]
              - {id: between, type: text, text: Between?}
              - block: second
                repeat: {until_done: true, max: 3}
                questions: [{id: wait, type: number, text: Weeks?}]
              - {id: after, type: text, text: After?}
        """
        let swapped = two.replacingOccurrences(of: "block: first", with: "block: tmp").replacingOccurrences(of: "block: second", with: "block: first")
            .replacingOccurrences(of: "block: tmp", with: "block: second")
            .replacingOccurrences(of: "questions: [{id: visits, type: number, text: How often?, max: 31}]", with: "questions: [{id: tmp}]")
            .replacingOccurrences(of: "questions: [{id: wait, type: number, text: Weeks?}]", with: "questions: [{id: visits, type: number, text: How often?, max: 31}]")
            .replacingOccurrences(of: "questions: [{id: tmp}]", with: "questions: [{id: wait, type: number, text: Weeks?}]")
            .replacingOccurrences(of: "repeat: {for_each: activities}", with: "repeat: {tmp}").replacingOccurrences(of: "repeat: {until_done: true, max: 3}", with: "repeat: {for_each: activities}")
            .replacingOccurrences(of: "repeat: {tmp}", with: "repeat: {until_done: true, max: 3}")
        let changes = InstrumentDiff.compare(try compiled(two), try compiled(swapped)).map(\.what)
        #expect(changes.contains("the sections are now asked in the order s, second, first (were s, first, second): answers can differ with what was asked before them"), "\(changes)")
    }
}
