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
      - id: first
        questions:
          - id: postcode
            type: text
            text: Your postcode?
            help: The first half is enough.
            max_length: 8
            pattern: '^[A-Z0-9 ]+$'
      - id: second
        questions:
          - id: note
            type: long_text
            text: Anything else?
    """

private func after(_ edit: (String) -> String) throws -> Instrument {
    try compiled(edit(before.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")))
}

/// `diff` reports changes to the rules and texts around an answer, and to the order of sections (issue 14, item 12).
@Suite struct DiffDetailTests {
    @Test func aShorterMaximumLengthIsToCheckALongerOneComparable() throws {
        let old = try compiled(before)
        let shorter = InstrumentDiff.compare(old, try after { $0.replacingOccurrences(of: "max_length: 8", with: "max_length: 4") })
        #expect(shorter == [.init(variable: "postcode", verdict: .check,
                                  what: "the maximum length changed from 8 to 4 characters: answers accepted before may be refused now")])
        let removed = InstrumentDiff.compare(old, try after { $0.replacingOccurrences(of: "        max_length: 8\n", with: "") })
        #expect(removed == [.init(variable: "postcode", verdict: .comparable,
                                  what: "the maximum length changed from 8 characters to none: answers refused before are accepted now")])
    }

    @Test func aChangedPatternIsToCheck() throws {
        let changes = InstrumentDiff.compare(try compiled(before), try after { $0.replacingOccurrences(of: "'^[A-Z0-9 ]+$'", with: "'^[A-Z]{1,2}[0-9]'") })
        #expect(changes == [.init(variable: "postcode", verdict: .check,
                                  what: "the pattern answers must match changed from '^[A-Z0-9 ]+$' to '^[A-Z]{1,2}[0-9]': answers accepted before may be refused now")])
    }

    @Test func aChangedHelpTextIsToCheckATidiedOneComparable() throws {
        let old = try compiled(before)
        let reworded = InstrumentDiff.compare(old, try after { $0.replacingOccurrences(of: "The first half is enough.", with: "Leave it out if you prefer.") })
        #expect(reworded == [.init(variable: "postcode", verdict: .check,
                                   what: "the help text changed from \"The first half is enough.\" to \"Leave it out if you prefer.\": check that it guides answers the same way")])
        let tidied = InstrumentDiff.compare(old, try after { $0.replacingOccurrences(of: "The first half is enough.", with: "The first half is enough") })
        #expect(tidied == [.init(variable: "postcode", verdict: .comparable, what: "the help text was tidied (spacing, capitals or punctuation only)")])
        let removed = InstrumentDiff.compare(old, try after { $0.replacingOccurrences(of: "        help: The first half is enough.\n", with: "") })
        #expect(removed == [.init(variable: "postcode", verdict: .check,
                                  what: "the help text \"The first half is enough.\" was removed: check that it guides answers the same way")])
    }

    @Test func reorderedSectionsAreToCheck() throws {
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let swapped = (lines[0..<5] + lines[13...] + lines[5..<13]).joined(separator: "\n")
        let changes = InstrumentDiff.compare(try compiled(before), try compiled(swapped.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")))
        #expect(changes == [.init(variable: nil, verdict: .check,
                                  what: "the sections are now asked in the order second, first (were first, second): answers can differ with what was asked before them")])
    }
}
