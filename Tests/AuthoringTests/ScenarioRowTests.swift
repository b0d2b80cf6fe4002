import Authoring
import TestSupport
import Testing

@Suite struct ScenarioRowTests {
    @Test func aMisspeltMatrixRowSuggestsTheNearestRow() throws {
        let instrument = try compiled("""
            format: 1
            id: t
            version: 1.0.0
            title: T
            sections:
              - id: s
                questions:
                  - id: grid
                    type: matrix
                    text: Rate
                    rows: [{id: taste, text: Taste}, {id: price, text: Price}]
                    choices: [Good, Bad]
            """)
        let (file, problems) = ScenarioFile.parse(Array("""
            scenarios:
              - name: typo
                answers: {grid: {tast: Good}}
            """.utf8))
        #expect(problems.isEmpty)
        let scenario = try #require(file?.scenarios.first)
        let failures = ScenarioRunner(instrument: instrument, hash: "sha256:x", today: 20_000).run(scenario)
        #expect(failures.map(\.message) == ["'grid' has no row 'tast' (did you mean 'taste'?); its rows are taste, price"])
    }
}
