import Authoring
import InstrumentModel
import SessionEngine
import TestSupport
import Testing

private let care = """
    format: 1
    id: care
    version: 1.0.0
    title: Care
    sections:
      - id: s
        questions:
          - id: low
            type: single
            text: Thoughts of hurting yourself?
            choices: [{value: 0, label: Not at all}, {value: 1, label: Several days}, {value: 2, label: Nearly every day}]
          - {id: age, type: number, text: Age?, min: 16, max: 110}
    safeguarding:
      - id: self_harm
        when: low >= 1
        message: If you feel unsafe now, call 116 123.
        offer: pause
        protocol: Call the participant within a day.
    """

@Suite struct SafeguardingAuthoringTests {
    func scenario(_ yaml: String) throws -> Scenario {
        let (file, problems) = ScenarioFile.parse(Array(yaml.utf8))
        #expect(problems.isEmpty, "\(problems)")
        return try #require(file?.scenarios.first)
    }

    func failures(_ yaml: String) throws -> [String] {
        ScenarioRunner(instrument: try compiled(care), hash: "sha256:x", today: 20_000).run(try scenario(yaml)).map(\.message)
    }

    @Test func aScenarioExpectsARuleToFireOrNot() throws {
        #expect(try failures("scenarios:\n  - name: a\n    answers: {low: Several days, age: 40}\n    expect: {safeguarding: [self_harm]}\n") == [])
        #expect(try failures("scenarios:\n  - name: a\n    answers: {low: Not at all}\n    expect: {safeguarding: []}\n") == [])
        #expect(try failures("scenarios:\n  - name: a\n    answers: {low: Not at all}\n    expect: {safeguarding: [self_harm]}\n")
                == ["expected safeguarding rule 'self_harm' to fire, but it did not"])
        #expect(try failures("scenarios:\n  - name: a\n    answers: {low: 2}\n    expect: {safeguarding: []}\n")
                == ["safeguarding rule 'self_harm' fired, but the scenario does not expect it"])
        #expect(try failures("scenarios:\n  - name: a\n    answers: {low: 2}\n    expect: {safeguarding: [distress]}\n")
                == ["'distress' is not a safeguarding rule of the instrument (it has self_harm)"])
    }

    @Test func theRecordHoldsTheRuleAndTheQuestion() throws {
        #expect(try failures("""
            scenarios:
              - name: a
                answers: {low: 1}
                expect:
                  record: {safeguarding: [{rule: self_harm, question: low}]}

            """) == [])
    }

    @Test func simulateReportsHowOftenEachRuleFired() throws {
        let instrument = try compiled(care)
        let report = try Simulation(instrument: instrument, seed: 3, today: 20_000).run(count: 300)
        let fired = try #require(report.fired["self_harm"])
        #expect(fired > 0 && fired < report.runs - report.declined)
        let agreed = report.runs - report.declined
        let percent = Int((Double(fired) * 100 / Double(agreed)).rounded())
        let figure = "\(percent)%"
        #expect(report.text(instrument, seed: 3).contains("\nSafeguarding rule   Fired\nself_harm          "
            + String(repeating: " ", count: 5 - figure.count) + figure + "  (\(fired))\n"))
    }

    @Test func thePreviewListsTheRulesInWordsInASectionOfTheirOwnBeforeTheQuestions() throws {
        let markdown = MarkdownRenderer.render(Preview(instrument: try compiled(care), hash: "sha256:0", languages: [""]).document())
        let rules = try #require(markdown.range(of: "## Safeguarding"))
        let questions = try #require(markdown.range(of: "Thoughts of hurting yourself?"))
        #expect(rules.lowerBound < questions.lowerBound)
        #expect(markdown.contains("### Rule self_harm"))
        #expect(markdown.contains("Thoughts of hurting yourself? is Several days or a later choice")
                || markdown.contains("Fires when"), "\(markdown)")
        #expect(markdown.contains("If you feel unsafe now, call 116 123."))
        #expect(markdown.contains("Call the participant within a day."))
    }
}

@Suite struct ScalePreviewTests {
    @Test func thePreviewNamesTheScaleWithItsSourceLicenceAndScoring() throws {
        let instrument = try compiled("format: 1\nid: t\nversion: 1.0.0\ntitle: T\nsections:\n  - id: mood\n    use: gad2\n")
        let markdown = MarkdownRenderer.render(Preview(instrument: instrument, hash: "sha256:0", languages: [""]).document())
        #expect(markdown.contains("""
            - **Validated scale:** GAD-2 (the first two items of the GAD-7), included as published (`use: gad2`)
            - **Source:** Spitzer, Williams, Kroenke and colleagues, with an educational grant from Pfizer Inc.; forms at https://www.phqscreeners.com
            - **Licence:** no permission required to reproduce, translate, display or distribute
            """))
        #expect(markdown.contains("gad2_positive: true at 3 or more"))
    }

    @Test func thePreviewNamesAnEvaluatorsValidatedBlockWithItsSourceAndLicence() throws {
        let instrument = try compiled("format: 1\nid: t\nversion: 1.0.0\ntitle: T\nsections:\n  - id: wb\n    validated:\n"
            + "      source: Stewart-Brown and colleagues (2009)\n      licence: registered with the University of Warwick\n"
            + "    questions:\n      - {id: wb_1, type: single, text: Useful?, choices: [No, Yes]}\n")
        let markdown = MarkdownRenderer.render(Preview(instrument: instrument, hash: "sha256:0", languages: [""]).document())
        #expect(markdown.contains("""
            - **Validated measure:** the questions of this section, its wording locked by check
            - **Source:** Stewart-Brown and colleagues (2009)
            - **Licence:** registered with the University of Warwick
            """), "\(markdown)")
    }
}

@Suite struct SafeguardingDiffTests {
    @Test func theDiffReportsRulesAddedRemovedAndFiringOnOtherAnswers() throws {
        let old = try compiled(care)
        let changed = try compiled(care.replacingOccurrences(of: "when: low >= 1", with: "when: low >= 2")
            .replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0"))
        #expect(InstrumentDiff.compare(old, changed).map(\.what)
                == ["safeguarding rule 'self_harm' now fires when 'low >= 2' (was 'low >= 1'): other answers call for its message and follow-up"])
        var none = changed
        none.safeguarding = []
        #expect(InstrumentDiff.compare(old, none).map(\.what) == ["safeguarding rule 'self_harm' removed: sessions from this version on never fire it"])
        #expect(InstrumentDiff.compare(none, old).map(\.what) == ["safeguarding rule 'self_harm' added: sessions before this version never fired it"])
    }
}
