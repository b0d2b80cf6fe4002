import InstrumentCompiler
import InstrumentModel
import Testing

@Suite struct SoftCheckCompileTests {
    @Test func compilesSoftChecks() throws {
        let result = compile(withQuestions("""
          - {id: rooms, type: number, text: Rooms?, warn_if: . > 10, warn_message: That is a lot. Is it right?}
          - {id: comment, type: text, text: Anything else?, soft_required: true}
        """))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let questions = try #require(result.instrument?.questions)
        #expect(questions[0].warnIf == ". > 10")
        #expect(questions[1].softRequired == true)
    }

    @Test func checksAWarnIfAsAValidIfIsChecked() {
        #expect(render(withQuestions("""
          - {id: rooms, type: number, text: Rooms?, max: 5, warn_if: . > 10, warn_message: That is a lot.}
          - {id: beds, type: number, text: Beds?, warn_if: . > roms, warn_message: More beds than rooms?}
          - {id: name, type: text, text: Name?, required: true, soft_required: true}
          - {id: age, type: number, text: Age?, warn_if: . > 90}
          - {id: town, type: text, text: Town?, warn_message: Sure?}
        """)) == """
            t.yaml:8:66: warning: no answer to 'rooms' can meet this warn_if, so its message is never shown [ignored-key]
                  - {id: rooms, type: number, text: Rooms?, max: 5, warn_if: . > 10, warn_message: That is a lot.}
                                                                             ^~~~~~
              hint: compare it with the question's own limits (min, max, choices)
            t.yaml:9:60: error: there is no question with id 'roms' [unknown-id]
                  - {id: beds, type: number, text: Beds?, warn_if: . > roms, warn_message: More beds than rooms?}
                                                                       ^~~~
              hint: did you mean 'rooms'?
            t.yaml:10:61: error: 'soft_required' and 'required' cannot both be set on question 'name' [invalid-value]
                  - {id: name, type: text, text: Name?, required: true, soft_required: true}
                                                                        ^~~~~~~~~~~~~
              hint: keep 'required: true' to insist on an answer, or 'soft_required: true' to ask once and let it be left
            t.yaml:11:45: error: question 'age' has 'warn_if' but no 'warn_message' to tell the participant why [missing-key]
                  - {id: age, type: number, text: Age?, warn_if: . > 90}
                                                        ^~~~~~~
              hint: add the words, such as 'warn_message: That is more than most. Is it right?'
            t.yaml:12:45: warning: 'warn_message' is shown when 'warn_if' holds, and question 'town' has no 'warn_if' [ignored-key]
                  - {id: town, type: text, text: Town?, warn_message: Sure?}
                                                        ^~~~~~~~~~~~
              hint: add a 'warn_if', or remove the message

            """)
    }
}
