import Foundation
import TestSupport
import Testing

@Suite struct SafeguardingCommandTests {
    static let care = """
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
                choices: [{value: 0, label: Not at all}, {value: 1, label: Several days}]
              - {id: age, type: number, text: Age?, min: 16, max: 110}
        safeguarding:
          - id: self_harm
            when: low >= 1
            message: Support is there.
            offer: pause
            protocol: Call the participant within a day, as the protocol says.

        """

    @Test func listsTheSessionsThatFiredARuleWithTheProtocolAndNothingElse() throws {
        let folder = try TemporaryFolder()
        try Self.care.write(to: folder.url.appendingPathComponent("care.yaml"), atomically: false, encoding: .utf8)
        // One session fires the rule and finishes, one pauses at the message, one never fires it.
        // The last empty line of a finished session sends it from the review.
        for input in ["2\nc\n45\n\n", "2\np\n", "1\n30\n\n"] {
            let run = try Run.fieldwork(["run", "care.yaml", "--plain"], input: input, in: folder.url)
            #expect(run.status == 0 || run.status == 3, "\(run.stderr)")
        }
        let list = try Run.fieldwork(["safeguarding", "care"], in: folder.url)
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(4)) == [
            "Safeguarding rules fired in care: for the research team, to follow the study's protocol.",
            "Do not share this list beyond the people the protocol names.",
            "",
            "pseudonym or response             status    rule       question",
        ])
        let rows = lines.dropFirst(4).prefix(2)
        #expect(Set(rows.map { String($0.dropFirst(34)) }) == ["complete  self_harm  low", "partial   self_harm  low"])
        #expect(rows.allSatisfy { $0.prefix(32).allSatisfy(\.isHexDigit) })
        #expect(Array(lines.dropFirst(6)) == [
            "", "2 firings in 2 of 3 responses.", "", "Protocols:", "  self_harm: Call the participant within a day, as the protocol says.", "",
        ])
        #expect(!list.stdout.contains("Several days") && !list.stdout.contains("Age"), "no answers, no question texts")
    }

    @Test func saysSoWhenNoRuleFired() throws {
        let folder = try TemporaryFolder()
        try Self.care.write(to: folder.url.appendingPathComponent("care.yaml"), atomically: false, encoding: .utf8)
        _ = try Run.fieldwork(["run", "care.yaml", "--plain"], input: "1\n30\n\n", in: folder.url)
        let list = try Run.fieldwork(["safeguarding", "responses/care"], in: folder.url)
        #expect(list.status == 0)
        #expect(list.stdout.hasSuffix("\nNo safeguarding rule fired in 1 response.\n"))
    }

    @Test func refusesAFolderThatIsNotThere() throws {
        let folder = try TemporaryFolder()
        let list = try Run.fieldwork(["safeguarding", "nothing"], in: folder.url)
        #expect(list.status == 2)
        #expect(list.stderr.contains("'nothing' is neither a responses folder nor an instrument id with responses in 'responses'"))
    }
}
