import InstrumentModel
import TestSupport
import Testing

@Suite struct InstrumentLookupTests {
    let yaml = """
    format: 1
    id: t
    version: 1.0.0
    title: T
    sections:
      - id: first
        questions:
          - {id: age, type: number, text: Age?}
      - id: second
        questions:
          - {id: name, type: text, text: Name?}
          - {id: town, type: text, text: Town?}
    """

    @Test func findsAQuestionAndItsSectionByID() throws {
        let instrument = try compiled(yaml)
        #expect(instrument.question("town")?.text?.text(in: nil) == "Town?")
        #expect(instrument.section(containing: "town")?.id == "second")
        #expect(instrument.section(containing: "age")?.id == "first")
        #expect(instrument.questionsByID["name"]?.id == "name")
        #expect(instrument.sectionsByQuestionID["name"]?.id == "second")
    }

    @Test func findsNothingForAnUnknownID() throws {
        let instrument = try compiled(yaml)
        #expect(instrument.question("nobody") == nil)
        #expect(instrument.section(containing: "nobody") == nil)
    }
}
