import Foundation
import InstrumentCompiler
import InstrumentModel
import Testing

@Suite struct SafeguardingCompileTests {
    static let survey = withQuestions("""
          - id: worry
            type: scale
            text: How worried are you?
            from: 0
            to: 3
        """)

    @Test func compilesARuleIntoTheInstrumentAndItsCompiledForm() throws {
        let result = compile(Self.survey + """
            safeguarding:
              - id: distress
                when: worry>=2
                message: Support is available at any time.
                offer: pause
                protocol: Follow the distress protocol.

            """)
        #expect(result.diagnostics.isEmpty)
        let instrument = try #require(result.instrument)
        #expect(instrument.safeguarding == [SafeguardingRule(id: "distress", when: "worry >= 2", message: LocalizedText("Support is available at any time."),
                                                             offer: .pause, protocolText: LocalizedText("Follow the distress protocol."))])
        let json = String(decoding: try #require(result.canonical), as: UTF8.self)
        #expect(json.contains("""
              "safeguarding": [
                {
                  "id": "distress",
                  "message": "Support is available at any time.",
                  "offer": "pause",
                  "protocol": "Follow the distress protocol.",
                  "when": "worry >= 2"
                }
              ],
            """))
        let decoded = try JSONDecoder().decode(Instrument.self, from: try #require(result.canonical))
        #expect(decoded == instrument)
    }

    @Test func anInstrumentWithoutRulesKeepsItsCompiledForm() throws {
        let json = String(decoding: try #require(compile(Self.survey).canonical), as: UTF8.self)
        #expect(!json.contains("safeguarding"))
    }

    @Test func reportsUnknownQuestionsDuplicateIDsMissingKeysAndBadOffers() {
        let text = render(Self.survey + """
            safeguarding:
              - id: distress
                when: wory >= 2
                message: Support.
              - id: distress
                when: worry >= 3
                message: Support.
                offer: stop
              - id: other
                when: worry >= 1

            """)
        #expect(text.contains("t.yaml:15:11: error: there is no question with id 'wory' [unknown-id]"))
        #expect(text.contains("t.yaml:17:9: error: the safeguarding rule id 'distress' is already used at line 14 [duplicate-id]"))
        #expect(text.contains("t.yaml:20:12: error: 'stop' is not a valid offer [invalid-value]"))
        #expect(text.contains("t.yaml:21:5: error: safeguarding rule 'other' has no 'message' [missing-key]"))
    }

    @Test func theReferenceExampleCompilesWithoutWarnings() throws {
        let block = try #require(try ReferenceExampleTests.yamlBlocks().first { $0.hasPrefix("safeguarding:") })
        let result = compile(withQuestions("""
              - id: phq9_9
                type: single
                text: Thoughts that you would be better off dead, or of hurting yourself?
                choices: [{value: 0, label: Not at all}, {value: 1, label: Several days}]
            """) + block)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.instrument?.safeguarding.map(\.id) == ["self_harm"])
    }
}
