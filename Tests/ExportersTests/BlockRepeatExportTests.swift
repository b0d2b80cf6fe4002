@testable import Exporters
import Expressions
import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine
import Testing

/// A repeated block inside a section exports as a repeated section does (issue 16): its
/// instances' columns where the block stands, the question after it after them, and a tidy file
/// named after the block.
@Suite struct BlockRepeatExportTests {
    static let source = """
        format: 1
        id: blocks
        version: 1.0.0
        title: Blocks
        privacy: {timestamps: date}
        sections:
          - id: about
            title: About you
            questions:
              - id: activities
                type: multiple
                text: Which activities?
                choices: [Walking group, Cooking club, Choir]
              - block: activity
                repeat: {for_each: activities}
                questions:
                  - {id: visits, type: number, text: "How many visits to {activities.label}?", label: Visits, min: 0, max: 31}
              - {id: overall, type: scale, from: 1, to: 5, text: How much did it all help?}
        """

    @Test func wideAndTidyFilesHoldTheBlocksInstances() throws {
        let study = try RepeatStudy(Self.source, id: "blocks")
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let writer = try study.store.begin(seed: 5, language: nil, started: DateValue.format(study.day), pseudonym: nil, today: study.day)
        var session = Session(instrument: study.instrument, seed: 5, today: study.day)
        let moves: [SessionMove] = [.answer(Answer(.choices([1, 3]))), .answer(Answer(.number(4))), .skip, .answer(Answer(.choice(5)))]
        for (i, move) in moves.enumerated() { try writer.record(try session.apply(session.event(move, at: Double(i + 1)))) }
        #expect(session.phase == .finished)
        try writer.finish(session, duration: 10)
        let id = writer.header.responseID

        let (out, _) = try study.export(.csv)
        let rows = repeatCSV(try study.read(out, "responses.csv"))
        #expect(Array(rows[0].dropFirst(Codebook.fixed.count)) == [
            "activities_1", "activities_2", "activities_3", "visits_1", "visits_2", "visits_3", "overall",
        ])
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["visits_1"] == "4")
        #expect(row["visits_2"] == "-999", "Cooking club was not chosen: no such instance")
        #expect(row["visits_3"] == "-99", "skipped in an instance that was asked")
        #expect(row["overall"] == "5")
        #expect(repeatCSV(try study.read(out, "responses-repeat-activity.csv")) == [
            ["response_id", "instance", "instance_label", "visits"],
            [id, "1", "Walking group", "4"],
            [id, "3", "Choir", "-99"],
        ])
    }

    /// The codebook says a block's columns are of a block, and in which section.
    @Test func codebookNamesTheBlock() throws {
        let study = try RepeatStudy(Self.source, id: "blocks")
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let visits = try #require(Codebook([study.instrument]).variables.first { $0.name == "visits_3" })
        let instance = visits.facts.first?.facts.first { $0.key == "Instance" }?.value
        #expect(instance?.hasPrefix("the instance for *Choir* (code 3); block 'activity' in section 'about' is asked once for each choice ticked in `activities`.") == true, "\(instance ?? "")")
    }
}
