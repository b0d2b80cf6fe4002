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

@Suite struct ScaleLockTests {
    static let phq2 = """
          - id: phq2_1
            type: single
            text: Little interest or pleasure in doing things
            choices: [{value: 0, label: Not at all}, {value: 1, label: Several days}, {value: 2, label: More than half the days}, {value: 3, label: Nearly every day}]
          - id: phq2_2
            type: single
            text: Feeling down, depressed, or hopeless
            choices: [{value: 0, label: Not at all}, {value: 1, label: Several days}, {value: 2, label: More than half the days}, {value: 3, label: Nearly every day}]
          - {id: phq2_total, type: calculate, value: "sum(phq2_1, phq2_2)"}
          - {id: phq2_positive, type: calculate, value: "phq2_total >= 3"}
        """

    func messages(_ questions: String) -> [String] {
        let indented = questions.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        return compile("format: 1\nid: t\nversion: 1.0.0\ntitle: T\nsections:\n  - id: s\n    use: phq2\n    questions:\n" + indented + "\n")
            .diagnostics.map(\.message)
    }

    @Test func theScaleWrittenOutAsPublishedPasses() {
        #expect(messages(Self.phq2) == [])
    }

    @Test func warnsOfChangedOptionsOrderAddedItemsAndScoring() {
        #expect(messages(Self.phq2.replacingOccurrences(of: "label: Nearly every day}]\n  - id: phq2_2", with: "label: Every day}]\n  - id: phq2_2"))
                == ["this section changes the validated scale 'phq2': the options of item 1 ('phq2_1') are changed; they are: 0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day"])
        let swapped = Self.phq2.replacingOccurrences(of: "id: phq2_1", with: "id: first").replacingOccurrences(of: "id: phq2_2", with: "id: phq2_1")
            .replacingOccurrences(of: "id: first", with: "id: phq2_2")
        #expect(messages(swapped).first == "this section changes the validated scale 'phq2': item 1 ('phq2_1') is 'phq2_2' here: the items are in another order, or one was left out or added")
        #expect(messages(Self.phq2 + "\n  - {id: extra, type: text, text: Anything else?}")
                == ["this section changes the validated scale 'phq2': 'extra' is added to it"])
        #expect(messages(Self.phq2.replacingOccurrences(of: "phq2_total >= 3", with: "phq2_total >= 2"))
                == ["this section changes the validated scale 'phq2': its scoring 'phq2_positive' is 'phq2_total >= 2', not 'phq2_total >= 3'"])
    }

    @Test func theReferenceExampleCompilesWithoutWarnings() throws {
        let block = try #require(try ReferenceExampleTests.yamlBlocks().first { $0.contains("use: phq9") })
        let result = compile("format: 1\nid: t\nversion: 1.0.0\ntitle: T\n" + block)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.instrument?.sections.first?.scale == "phq9")
    }

    @Test func refusesAScaleTheLibraryDoesNotHave() {
        let result = compile("format: 1\nid: t\nversion: 1.0.0\ntitle: T\nsections:\n  - id: s\n    use: phq8\n")
        #expect(result.diagnostics.map(\.message) == ["'phq8' is not a scale of the library", "section 's' has no 'questions'"]
                || result.diagnostics.map(\.message).first == "'phq8' is not a scale of the library")
        #expect(result.diagnostics.first?.hint == "did you mean 'phq9'?")
    }

    @Test func anInstrumentRuleReplacesTheLibraryRuleOfTheSameID() throws {
        let result = compile("format: 1\nid: t\nversion: 1.0.0\ntitle: T\nsections:\n  - id: s\n    use: phq9\nsafeguarding:\n  - {id: phq9_item9, when: phq9_9 >= 2, message: Our own words.}\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.instrument?.safeguarding.map(\.when) == ["phq9_9 >= 2"])
    }
}
