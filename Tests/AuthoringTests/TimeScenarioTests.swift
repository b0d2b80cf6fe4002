import Authoring
import InstrumentModel
import SessionEngine
import TestSupport
import Testing

private let sleep = """
    format: 1
    id: sleep
    version: 1.0.0
    title: Sleep
    sections:
      - id: s
        questions:
          - {id: woke, type: time, text: Woke?, min: "04:00", max: "12:00"}
          - {id: seen, type: datetime, text: Seen?, max: today}
          - {id: early, type: text, text: Why so early?, show_if: woke < "06:00"}
          - {id: recent, type: text, text: What happened?, show_if: seen >= "2024-05-01T00:00"}
          - {id: woke_again, type: calculate, value: woke}
    """

/// Scenarios give times as they are typed and expect them as stored; simulation draws times
/// within the limits and so reaches the routes that depend on them.
@Suite struct TimeScenarioTests {
    func failures(_ yaml: String) throws -> [String] {
        let (file, problems) = ScenarioFile.parse(Array(yaml.utf8))
        #expect(problems.isEmpty, "\(problems)")
        let scenario = try #require(file?.scenarios.first)
        return ScenarioRunner(instrument: try compiled(sleep), hash: "sha256:x", today: 20_000).run(scenario).map(\.message)
    }

    @Test func aScenarioGivesTimesAsTyped() throws {
        #expect(try failures("""
            scenarios:
              - name: early riser
                answers: {woke: "5:30", seen: "2024-05-01 09:30", early: Dog, recent: Fall}
                expect: {shown: [early, recent], calculated: {woke_again: "05:30"}, record: {answers: {woke: "05:30", seen: "2024-05-01T09:30"}}}
            """) == [])
        #expect(try failures("""
            scenarios:
              - name: late
                answers: {woke: 09:30, seen: "2024-04-30T23:59"}
                expect: {hidden: [early, recent]}
            """) == [])
    }

    @Test func aTimeThatCannotBeReadSaysTheForm() throws {
        #expect(try failures("scenarios:\n  - name: pm\n    answers: {woke: 9pm}\n")
                == [#"the answer of 'woke' should be a time written HH:MM on a 24-hour clock, such as "09:30""#])
    }

    @Test func simulationDrawsTimesWithinTheLimits() throws {
        let instrument = try compiled(sleep)
        var woken: Set<String> = []
        let report = Simulation(instrument: instrument, seed: 3, today: 20_000).run(count: 300) { run in
            if case .time(let t)? = run.session.answers["woke"]?.value { woken.insert(t) }
            if case .datetime(let t)? = run.session.answers["seen"]?.value {
                #expect(t <= "2024-10-04T23:59", "no later than today, 2024-10-04")
            }
        }
        #expect(!woken.isEmpty && woken.allSatisfy { $0 >= "04:00" && $0 <= "12:00" }, "\(woken.sorted())")
        #expect((report.shown["early"] ?? 0) > 0 && (report.shown["recent"] ?? 0) > 0)
    }

    @Test func simulationAnswersADatetimeWhoseEarliestIsAfterToday() throws {
        let instrument = try compiled("""
            format: 1
            id: visit
            version: 1.0.0
            title: Visit
            sections:
              - id: s
                questions:
                  - {id: next, type: datetime, text: Next visit?, min: "2030-01-01T09:00", required: true}
            """)
        var given: [String] = []
        _ = Simulation(instrument: instrument, seed: 5, today: 20_000).run(count: 20) { run in
            if case .datetime(let t)? = run.session.answers["next"]?.value { given.append(t) }
        }
        #expect(!given.isEmpty && given.allSatisfy { $0 >= "2030-01-01T09:00" && $0 <= "2031-01-01T09:00" }, "\(given)")
    }
}
