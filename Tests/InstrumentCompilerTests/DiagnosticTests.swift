import Foundation
import InstrumentCompiler
import InstrumentModel
import Testing
import YAMLTree

/// Compiles YAML text and renders its diagnostics as `check` shows them, without colour.
func render(_ source: [UInt8], path: String = "t.yaml") -> String {
    let result = InstrumentCompiler.compile(source)
    let renderer = DiagnosticRenderer(color: false)
    let lines = SourceLines(source)
    return result.diagnostics.map { renderer.text($0, path: path, source: lines) }.joined()
}

func render(_ text: String) -> String { render(Array(text.utf8)) }

func compile(_ text: String) -> CompileResult { InstrumentCompiler.compile(Array(text.utf8)) }

let header = "format: 1\nid: t\nversion: 1.0.0\ntitle: T\nsections:\n  - id: s\n    questions:\n"

/// An instrument of one section holding `questions` (indented by 2 in the literal; line 8 is the first).
func withQuestions(_ questions: String) -> String {
    header + questions.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
}

@Suite struct DiagnosticTests {
    @Test(arguments: catalogue.map(\.code))
    func reportsEachKindOfProblemWithItsExactTextAndPosition(code: DiagnosticCode) throws {
        let entry = try #require(catalogue.first { $0.code == code })
        #expect(render(entry.source) == entry.expected + "\n")
        #expect(InstrumentCompiler.compile(entry.source).diagnostics.contains { $0.code == code })
    }

    @Test func theCatalogueCoversEveryCode() {
        let covered = Set(catalogue.map(\.code))
        #expect(covered == Set(DiagnosticCode.allCases), "missing: \(Set(DiagnosticCode.allCases).subtracting(covered))")
    }

    @Test func reportsEveryProblemInOneRunSortedByPosition() {
        let result = compile(withQuestions("""
              - id: Age
                type: number
                text: How old?
                min: 10
                max: 5
              - id: b
                type: singel
                text: B?
              - id: c
                type: text
                text: C?
                show_if: d > 1
            """))
        #expect(result.diagnostics.map(\.code) == [.invalidID, .minAboveMax, .unknownType, .unknownID])
        #expect(result.diagnostics.map(\.at.line) == [8, 11, 14, 19])
        #expect(result.instrument == nil)
    }

    @Test func suggestsAValidIDForAnInvalidOne() {
        let text = render(header + "      - id: Member-Since\n        type: note\n        text: A\n")
        #expect(text.contains("hint: ids become variable names in SPSS, Stata and R; try 'member_since'"))
    }

    @Test func refusesYesAndNoAsBooleansWithAFix() {
        let result = compile(header + "      - id: a\n        type: text\n        text: A?\n        required: yes\n")
        #expect(result.diagnostics.map(\.message) == ["'required' should be true or false, but it is 'yes'"])
        #expect(result.diagnostics.map(\.hint) == ["write 'required: true'"])
    }

    @Test func explainsKeysOfAnotherQuestionType() {
        let result = compile(header + "      - id: a\n        type: number\n        text: A?\n        choices: [x]\n")
        #expect(result.diagnostics.map(\.hint) == ["'choices' belongs to questions of type single, multiple, scale, matrix, ranking, hidden"])
    }

    @Test func warnsWhenASectionConditionContradictsAQuestionCondition() {
        let result = compile("""
            format: 1
            id: t
            version: 1.0.0
            title: T
            sections:
              - id: s
                questions:
                  - id: age
                    type: number
                    text: Age?
              - id: older
                show_if: age >= 65
                questions:
                  - id: x
                    type: text
                    text: X?
                    show_if: age < 30
            """)
        #expect(result.diagnostics.map(\.message) == ["question 'x' is never shown: its show_if can never be true together with its section's show_if"])
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }

    @Test func findsContradictionsOnOneAnswer() {
        let result = compile(withQuestions("""
              - id: a
                type: single
                text: A?
                choices: [One, Two]
              - id: b
                type: text
                text: B?
                show_if: a == 1 and a == "Two"
            """))
        #expect(result.diagnostics.map(\.code) == [.neverShown])
    }

    @Test func checksPipedAnswers() {
        let result = compile(withQuestions("""
              - id: intro
                type: note
                text: Hello {name}, you said {later}. Literal {{braces}}.
              - id: later
                type: text
                text: Later?
            """))
        #expect(result.diagnostics.map(\.message) == [
            "{name} names no question",
            "{later} shows the answer to 'later', which is not asked before this text",
        ])
        #expect(result.diagnostics.map(\.at.column) == [21, 38])
    }

    @Test func requiresEveryTranslationOfEveryText() {
        let result = compile("""
            format: 1
            id: t
            version: 1.0.0
            languages: [en, cy]
            title: Only English
            sections:
              - id: s
                questions:
                  - id: a
                    type: single
                    text: {en: A?, cy: A?}
                    choices: [Yes, No]
            """)
        #expect(result.diagnostics.map(\.code) == [.missingTranslation, .missingTranslation, .missingTranslation])
        #expect(result.diagnostics.map(\.at.line) == [5, 12, 12])
    }

    @Test func readsFilesWithAByteOrderMarkAndWindowsLineEndings() {
        let text = withQuestions("  - {id: a, type: note, txt: A}").replacingOccurrences(of: "\n", with: "\r\n")
        let source = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        // The misspelt key is the one mistake: no "has no 'text'" beside it.
        #expect(render(source) == """
            t.yaml:8:29: error: unknown key 'txt' in question 'a' [unknown-key]
                  - {id: a, type: note, txt: A}
                                        ^~~
              hint: did you mean 'text'?

            """)
    }

    @Test func refusesConditionsOnChoicesOfASharedSet() {
        let result = compile("format: 1\nid: t\nversion: 1\ntitle: T\nchoice_sets:\n  yn:\n    - {label: Yes, show_if: x > 1}\n"
                             + "sections:\n  - id: s\n    questions:\n      - {id: a, type: single, text: A?, choices: yn}\n")
        #expect(result.diagnostics.map(\.message) == ["a choice in a choice set cannot have 'show_if'"])
        #expect(result.diagnostics.map(\.at) == [Mark(line: 7, column: 20)])
    }

    @Test func checksConditionsOnInlineChoices() {
        let result = compile(withQuestions("""
              - {id: age, type: number, text: Age?, max: 110}
              - id: a
                type: single
                text: A?
                choices:
                  - {label: Retired, show_if: age > 200}
                  - {label: Working, show_if: agge < 70}
            """))
        #expect(result.diagnostics.map(\.code) == [.neverShown, .unknownID])
        #expect(result.diagnostics.map(\.message) == ["a choice of question 'a' is never shown: its show_if can never be true",
                                                      "there is no question with id 'agge'"])
    }

    @Test func treatsADocumentWithNoValueAsEmpty() {
        #expect(compile("---\n").diagnostics.map(\.code) == [.emptyFile])
        #expect(compile("---\n...\n").diagnostics.map(\.message) == ["the file has no content"])
    }

    @Test func limitsAliasBombsWithAClearError() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let result = compile(text)
        #expect(result.diagnostics.map(\.code) == [.limitExceeded])
        #expect(result.diagnostics.first?.at.line == 6)
    }
}

@Suite struct ExportNameClashTests {
    /// A question named like a generated column of another (`used_1` beside multiple choice
    /// `used` with a choice 1) would give two columns one name: refused, naming both places.
    @Test(arguments: [
        ("{id: used, type: multiple, text: U, choices: [Tea, Talk]}", "used_1", "choice 1 of multiple choice 'used' (line 8)"),
        ("{id: used, type: multiple, text: U, choices: [{value: -9, label: No}, {value: 1, label: Yes}]}", "used_m9", "choice -9 of multiple choice 'used' (line 8)"),
        ("{id: order, type: ranking, text: O, choices: [A, B]}", "order_2", "the rank of choice 2 of 'order' (line 8)"),
        ("{id: where, type: single, text: W, choices: [A], other: true}", "where_other", "the 'Other' text of 'where' (line 8)"),
    ])
    func refusesAQuestionNamedLikeAGeneratedColumn(_ first: String, _ clash: String, _ what: String) {
        let yaml = """
            format: 1
            id: t
            version: 1.0.0
            title: T
            sections:
              - id: s
                questions:
                  - \(first)
                  - {id: \(clash), type: text, text: B}
            """
        let result = InstrumentCompiler.compile(Array(yaml.utf8))
        #expect(result.diagnostics.map(\.message) == ["the question id '\(clash)' is also the export name of \(what)"])
    }
}
