import Authoring
import InstrumentModel
import TestSupport
import Testing

private let before = """
    format: 1
    id: t
    version: 1.0.0
    title: T
    sections:
      - id: s
        questions:
          - {id: woke, type: time, text: Woke?, min: "06:00", max: "22:00"}
          - {id: seen, type: datetime, text: Seen?, max: today}
          - {id: born, type: date, text: Born?, min: 1900-01-01}
    """

private func after(_ edit: (String) -> String) throws -> Instrument {
    try compiled(edit(before.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")))
}

/// `diff` on times and datetimes: another type breaks the data, other limits are to check, as for dates.
@Suite struct TimeDiffTests {
    @Test func aTimeThatBecomesATextIsNotComparable() throws {
        let changes = InstrumentDiff.compare(try compiled(before), try after {
            $0.replacingOccurrences(of: #"{id: woke, type: time, text: Woke?, min: "06:00", max: "22:00"}"#, with: "{id: woke, type: text, text: Woke?}")
        })
        #expect(changes == [.init(variable: "woke", verdict: .notComparable,
                                  what: "the type changed from time to text: responses before and after are not comparable")])
        let toDate = InstrumentDiff.compare(try compiled(before), try after { $0.replacingOccurrences(of: "type: datetime", with: "type: date") })
        #expect(toDate.map(\.verdict) == [.notComparable])
    }

    @Test func otherLimitsAreToCheck() throws {
        let changes = InstrumentDiff.compare(try compiled(before), try after {
            $0.replacingOccurrences(of: #"min: "06:00""#, with: #"min: "05:00""#)
                .replacingOccurrences(of: "max: today", with: #"min: "2024-01-01T00:00""#)
                .replacingOccurrences(of: "min: 1900-01-01", with: "min: 1920-01-01, max: today")
        })
        #expect(changes == [
            .init(variable: "woke", verdict: .check, what: "the accepted range changed from 06:00–22:00 to 05:00–22:00"),
            .init(variable: "seen", verdict: .check, what: "the accepted range changed from no later than today to no earlier than 2024-01-01 00:00"),
            .init(variable: "born", verdict: .check, what: "the accepted range changed from no earlier than 1900-01-01 to 1920-01-01–today"),
        ])
    }
}
