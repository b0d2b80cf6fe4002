import Authoring
import Testing
import TestSupport

/// A multi-site study's hidden site, set by a scenario as `run --set` sets it.
private let sited = """
    format: 1
    id: sited
    version: 1.0.0
    title: Sited survey
    sections:
      - id: s
        questions:
          - {id: site, type: hidden, required: true, choices: [North, South]}
          - {id: mood, type: scale, text: How is your mood?, from: 0, to: 4}
          - {id: north_only, type: text, text: Which northern centre?, show_if: site == 1}
    """

@Suite struct HiddenScenarioTests {
    func failures(_ yaml: String) throws -> [String] {
        let (file, problems) = ScenarioFile.parse(Array(yaml.utf8))
        #expect(problems.isEmpty, "\(problems)")
        let scenario = try #require(file?.scenarios.first)
        return ScenarioRunner(instrument: try compiled(sited), hash: "sha256:x", today: 20_000).run(scenario).map(\.message)
    }

    @Test func aScenarioSetsHiddenValues() throws {
        #expect(try failures("""
            scenarios:
              - name: north
                set: {site: North}
                answers: {mood: 2, north_only: Leeds}
                expect: {shown: [north_only], record: {answers: {site: 1}}}
            """) == [])
        #expect(try failures("""
            scenarios:
              - name: south
                set: {site: 2}
                answers: {mood: 2}
                expect: {hidden: [north_only], record: {answers: {site: 2}}}
            """) == [])
    }

    @Test func aScenarioWithoutARequiredHiddenValueSaysSo() throws {
        #expect(try failures("scenarios:\n  - name: none\n    answers: {mood: 2}\n")
                == ["'site' is required and set at launch: add it under 'set:' (North or South)"])
        #expect(try failures("scenarios:\n  - name: east\n    set: {site: East}\n    answers: {mood: 2}\n")
                == ["'East' is not one of the choices of 'site' (North or South, or their codes 1 or 2)"])
    }
}
