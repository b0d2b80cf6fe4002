import Authoring
import InstrumentModel
import TestSupport
import Testing

/// Scenario tests and simulation with repeated sections (issue 16): a scenario answers a repeated
/// question once per instance, naming the instance by its choice or its number.
@Suite struct RepeatScenarioTests {
    static let yaml = """
    format: 1
    id: t
    version: 1.0.0
    title: T
    sections:
      - id: s
        questions:
          - {id: activities, type: multiple, text: Which?, choices: [Walking group, Art club, Choir]}
      - id: activity
        repeat: {for_each: activities}
        questions:
          - {id: visits, type: number, text: How often?, max: 31}
      - id: service
        repeat: {until_done: true, max: 4}
        questions:
          - {id: wait, type: number, text: Weeks?}
      - id: after
        questions:
          - {id: total, type: calculate, value: "sum(visits)"}
          - {id: waits, type: calculate, value: "count(wait)"}
    """

    func failures(_ scenarios: String) throws -> [String] {
        let (file, problems) = ScenarioFile.parse(Array(scenarios.utf8))
        #expect(problems.isEmpty, "\(problems)")
        let scenario = try #require(file?.scenarios.first)
        return ScenarioRunner(instrument: try compiled(Self.yaml), hash: "sha256:x", today: 20_000).run(scenario).map(\.message)
    }

    @Test func answersEachInstanceByItsChoiceOrItsNumber() throws {
        #expect(try failures("""
            scenarios:
              - name: two activities, three services
                answers:
                  activities: [Walking group, Choir]
                  visits: {Walking group: 3, 3: 4}
                  wait: {1: 2, 2: 6, 3: 1}
                expect:
                  calculated: {total: 7, waits: 3}
                  shown: [visits, wait]
            """) == [])
        #expect(try failures("""
            scenarios:
              - name: a
                answers:
                  activities: [Walking group]
                  visits: {Walking group: 3}
                expect:
                  calculated: {total: 4}
            """).count == 1)
    }

    @Test func refusesAnAnswerThatNamesNoInstance() throws {
        #expect(try failures("""
            scenarios:
              - name: a
                answers:
                  activities: [Walking group]
                  visits: 3
                  wait: {Choir: 2}
            """) == [
                "'visits' is asked once per instance of section 'activity': give one answer per instance, such as {1: ..., 2: ...} or by the labels of 'activities'",
                "'Choir' names no instance of section 'service': use its number, from 1",
            ])
    }

    /// An answer for an instance that is never asked (an activity not ticked, a service after
    /// the scenario stopped giving them) is reported, as an answer to a question never shown is.
    @Test func reportsAnAnswerForAnInstanceNeverAsked() throws {
        #expect(try failures("""
            scenarios:
              - name: a
                answers:
                  activities: [Walking group]
                  visits: {Walking group: 3, Choir: 2, 2: 5}
                  wait: {1: 2, 3: 6}
            """) == [
                "an answer is given for 'visits' in instance 'Choir' of section 'activity', but that instance was never asked: 'Choir' was not chosen in 'activities'",
                "an answer is given for 'visits' in instance '2' of section 'activity', but that instance was never asked: '2' was not chosen in 'activities'",
                "an answer is given for 'wait' in instance '3' of section 'service', but that instance was never asked: an 'until_done' repeat goes on only while the scenario answers its next instance",
            ])
    }

    @Test func simulationCountsARepeatedQuestionOncePerParticipant() throws {
        let report = try Simulation(instrument: try compiled(Self.yaml), seed: 1, today: 20_000).run(count: 30)
        #expect((report.shown["wait"] ?? 0) == 30)
        #expect((report.shown["visits"] ?? 0) <= 30)
    }

    @Test func diffGivesAVerdictWhenARepeatChanges() throws {
        let old = try compiled(Self.yaml)
        func changed(_ edit: (String) -> String) throws -> [String] {
            InstrumentDiff.compare(old, try compiled(edit(Self.yaml).replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0"))).map { "\($0.verdict.words)  \($0.variable ?? "")  \($0.what)" }
        }
        let fewer = try changed { $0.replacingOccurrences(of: "max: 4", with: "max: 2") }
        #expect(fewer == ["check  wait  at most 2 instances now (was 4): later responses cannot have instances 3 and 4"])
        let fewest = try changed { $0.replacingOccurrences(of: "max: 4", with: "max: 1") }
        #expect(fewest == ["check  wait  at most 1 instance now (was 4): later responses cannot have instances 2 to 4"])
        let more = try changed { $0.replacingOccurrences(of: "max: 4", with: "max: 6") }
        #expect(more == ["comparable  wait  up to 6 instances now (was 4)"])
        let once = try changed { $0.replacingOccurrences(of: "    repeat: {for_each: activities}\n", with: "") }
        #expect(once == ["not comparable  visits  now asked once (was once for each choice ticked in 'activities'): earlier responses have one answer per instance, later ones one"])
    }
}
