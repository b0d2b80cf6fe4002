import Expressions
import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// Issue 11 item 2: an interrupted session whose journal holds an answer that no longer passes
/// its question's checks is exported with that answer, and `export` and `summary` say so, naming
/// the response (its id and journal, never a pseudonym), the step, the question and why.
@Suite struct ReplayWarningTests {
    static let yaml = """
        format: 1
        id: replayed
        version: 1.0.0
        title: Replayed
        sections:
          - id: s
            questions:
              - {id: age, type: number, text: Age?, min: 16, max: 110}
              - {id: mood, type: single, text: Mood?, choices: [Good, Bad]}
              - {id: town, type: text, text: Town?}
        """

    /// A partial session journaled with age 250 (allowed by the rules it was given under, say),
    /// a step that cannot apply (a code the question has not got), and a town.
    func folder() throws -> (TemporaryFolder, String, String) {
        let folder = try TemporaryFolder()
        let result = try compiling(Self.yaml)
        let instrument = try #require(result.instrument)
        let root = folder.url.appendingPathComponent("responses").path
        let store = try InstrumentStore(root: root, instrument: instrument, compiled: try #require(result.canonical), hash: try #require(result.contentHash))
        let day = StoreClock.today()
        let writer = try store.begin(seed: 7, language: nil, started: DateValue.format(day), pseudonym: nil, today: day)
        try writer.record(SessionEvent(.answer(Answer(.number(250))), question: "age", at: 1))
        try writer.record(SessionEvent(.answer(Answer(.choice(9))), question: "mood", at: 2))
        try writer.record(SessionEvent(.answer(Answer(.choice(1))), question: "mood", at: 3))
        try writer.record(SessionEvent(.answer(Answer(.text("Leeds"))), question: "town", at: 4))
        let name = try #require(folder.files("responses/replayed/sessions").first { $0.hasSuffix(".journal") })
        let id = try #require(try String(contentsOfFile: root + "/replayed/sessions/" + name, encoding: .utf8).firstMatch(of: /"response_id":"([0-9a-f]{32})"/)?.1)
        // Named as the user named the folder (`replayed`, found under ./responses).
        return (folder, String(id), "responses/replayed/sessions/" + name)
    }

    func warnings(_ id: String, _ journal: String) -> String {
        """
        warning: response \(id) ('\(journal)'), step 1 at question 'age': the answer no longer passes the question's checks (Please enter a number from 16 to 110.); it is kept as given
        warning: response \(id) ('\(journal)'), step 2 at question 'mood': could not be replayed (Please choose one of the options.); it is left out

        """
    }

    @Test func exportKeepsTheAnswerAndSaysSo() throws {
        let (folder, id, journal) = try folder()
        let run = try Run.fieldwork(["export", "replayed", "--format", "csv", "--out", "out"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasSuffix(warnings(id, journal)), "\(run.stderr)")
        let csv = try folder.text("out/responses.csv")
        #expect(csv.contains(",250,1,Leeds\r\n"), "\(csv)")
    }

    @Test func summaryCountsTheAnswerAndSaysSo() throws {
        let (folder, id, journal) = try folder()
        let run = try Run.fieldwork(["summary", "replayed", "--min-cell", "1"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == warnings(id, journal), "\(run.stderr)")
        #expect(run.stdout.contains("Age? (age)"), "\(run.stdout)")
    }
}
