import Authoring
import InstrumentModel
import SessionEngine
import TestSupport
import Testing

private let base = """
    format: 1
    id: t
    version: 1.0.0
    kind: survey
    title: T
    sections:
      - id: s
        questions:
          - id: since
            type: single
            text: How long?
            choices: [Under a year, 1 to 2 years, Over 2 years]
          - id: age
            type: number
            text: Age?
            min: 16
            max: 99
          - id: detail
            type: text
            text: Say more
            show_if: since == "Over 2 years"
    """

@Suite struct SimulationTests {
    @Test func theSameSeedGivesTheSameSessions() throws {
        let instrument = try compiled(base)
        func sessions(seed: UInt64) -> [[String: Answer]] {
            var out: [[String: Answer]] = []
            _ = Simulation(instrument: instrument, seed: seed, today: 20_000).run(count: 50) {
                out.append($0.session.answers.merging(["id " + $0.responseID: Answer(.text(""))]) { a, _ in a })
            }
            return out
        }
        #expect(sessions(seed: 9) == sessions(seed: 9))
        #expect(sessions(seed: 9) != sessions(seed: 10))
    }

    @Test func coversTheRouteInProportion() throws {
        let report = try Simulation(instrument: try compiled(base), seed: 1, today: 20_000).run(count: 3000)
        #expect(report.runs == 3000 && report.declined == 0)
        #expect(report.shown["since"] == 3000)
        #expect(report.shown["age"] == 3000)
        // "Over 2 years" is one of three choices, picked unless the question is skipped (8%).
        let share = Double(report.shown["detail"] ?? 0) / 3000
        #expect(share > 0.27 && share < 0.35, "detail shown in \(share) of sessions")
        #expect(report.validNeverSatisfied.isEmpty)
    }

    @Test func everyAnswerItGivesIsValid() throws {
        let instrument = try compiled(base)
        _ = Simulation(instrument: instrument, seed: 4, today: 20_000).run(count: 500) { run in
            if case .number(let n)? = run.session.answers["age"]?.value { #expect(n >= 16 && n <= 99 && n == n.rounded()) }
            #expect(run.status == .complete)
        }
    }
}

@Suite struct DiffTests {
    @Test func tellsARecodingFromANewMeaning() throws {
        let old = try compiled(base)
        let recoded = try compiled(base.replacingOccurrences(of: "choices: [Under a year, 1 to 2 years, Over 2 years]",
                                                             with: "choices: [{value: 3, label: Under a year}, {value: 2, label: 1 to 2 years}, {value: 1, label: Over 2 years}]")
                                       .replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0"))
        let changes = InstrumentDiff.compare(old, recoded)
        #expect(changes.map(\.verdict) == [.notComparable])
        #expect(changes.first?.what == "codes of since changed: \"Under a year\" was 1, now 3; \"Over 2 years\" was 3, now 1; responses before and after are not comparable without recoding")
    }

    /// `diff` calls a change not comparable exactly when the exporters give the question a variable
    /// of its own (`Question.dataBreaks`): an added choice keeps one variable, a code that changes
    /// meaning or becomes a missing value splits it.
    @Test func ratesChoicesByTheRuleTheExportsSplitBy() throws {
        let old = try compiled(base)
        let cases = [
            ("choices: [Under a year, 1 to 2 years, Over 2 years, Never]", false),
            ("choices: [Under a year, \"1 to 2 Years.\", Over 2 years]", false),
            ("choices: [Under a year, 1 to 3 years, Over 2 years]", true),
            ("choices: [Under a year, {value: 2, label: 1 to 2 years, missing: true}, Over 2 years]", true),
        ]
        for (choices, breaks) in cases {
            let new = try compiled(base.replacingOccurrences(of: "choices: [Under a year, 1 to 2 years, Over 2 years]", with: choices)
                                       .replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0"))
            let notComparable = InstrumentDiff.compare(old, new).contains { $0.variable == "since" && $0.verdict == .notComparable }
            let split = try #require(new.questionsByID["since"]).dataBreaks(from: try #require(old.questionsByID["since"]), languages: new.languages)
            #expect(notComparable == breaks, "\(choices)")
            #expect(split.isEmpty == !breaks, "\(choices)")
        }
    }

    @Test func flagsASameVersionAndARenamedQuestion() throws {
        let old = try compiled(base)
        let renamed = try compiled(base.replacingOccurrences(of: "- id: age", with: "- id: age_years"))
        let changes = InstrumentDiff.compare(old, renamed)
        #expect(changes.map(\.verdict) == [.check, .check, .comparable])
        #expect(changes[0].what.hasPrefix("both are version 1.0.0"))
        #expect(changes[1].variable == "age_years")
        #expect(changes[1].what.hasPrefix("added with the same wording and type as 'age', which was removed"))
        #expect(changes[2].what == "removed: responses from this version on have it empty (not asked)")
    }
}

@Suite struct ScenarioFileTests {
    @Test func readsScenariosWithTheirPositions() throws {
        let (file, problems) = ScenarioFile.parse(Array("""
            scenarios:
              - name: first
                answers: {since: 1}
                expect:
                  hidden: [detail]
                  status: complete
            """.utf8))
        #expect(problems.isEmpty)
        let scenario = try #require(file?.scenarios.first)
        #expect(scenario.name == "first")
        #expect(scenario.hidden.map(\.key) == ["detail"])
        #expect(scenario.hidden.first?.at.line == 5 && scenario.hidden.first?.at.column == 16)
        let runner = ScenarioRunner(instrument: try compiled(base), hash: "sha256:x", today: 20_000)
        #expect(runner.run(scenario).isEmpty)
    }

    @Test func refusesAFileWithoutScenarios() {
        let (file, problems) = ScenarioFile.parse(Array("instrument: t\n".utf8))
        #expect(file == nil)
        #expect(problems.map(\.message) == ["the file needs 'scenarios:', a list of scenarios"])
    }
}

/// A compiled instrument whose `show_if` was cut short: the documents say so instead of "asked of everyone".
@Suite struct DamagedExpressionDocumentTests {
    func damaged() throws -> Instrument {
        var broken = try compiled(base)
        broken.sections[0].questions[2].showIf = "since =="
        return broken
    }

    @Test func thePreviewSaysTheConditionIsDamaged() throws {
        let document = Preview(instrument: try damaged(), hash: "sha256:0", languages: [""]).document()
        let facts = document.blocks.flatMap { block -> [PreviewDocument.Fact] in
            if case .facts(let facts) = block { return facts }
            return []
        }
        let asked = facts.filter { $0.label == "Asked if" }.map(\.value)
        #expect(asked == ["a damaged expression that cannot be read ('since =='); compile the instrument again"])
    }

    @Test func theDiffShowsTheDamagedCondition() throws {
        let changes = InstrumentDiff.compare(try compiled(base), try damaged())
        let detail = changes.filter { $0.variable == "detail" }.map(\.what)
        #expect(detail == ["now asked if 'since == (damaged: it cannot be read; compile the instrument again)' (was if 'since == \"Over 2 years\"'): different people answer it"])
    }
}
