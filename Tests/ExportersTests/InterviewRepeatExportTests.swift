@testable import Exporters
import Foundation
import ResponseStore
import TestSupport
import Testing

private func export(_ format: ExportFormat) throws -> TemporaryFolder {
    let out = try TemporaryFolder()
    _ = try Exporter.run(try ResponseReader(path: here.appendingPathComponent("Fixtures/responses/topics-guide").path),
                         ExportOptions(format: format, out: out.path))
    return out
}

private let schema = Run.sharedSchema("refi-qda/Project.xsd") ?? "shared/schemas/refi-qda/Project.xsd"

/// A guide's repeated blocks in the qualitative exports (issue 16, interviews): two interviews,
/// one per topic the participant raised (Housing and Work; Money) and "anything else" until the
/// interviewer said there was no more (one; two). Each instance's notes appear once, under its
/// instance, in order.
@Suite struct InterviewRepeatExportTests {
    @Test func theTranscriptHeadsEachInstancesNotesWithItsInstance() throws {
        let out = try export(.transcripts)
        #expect(try out.text("transcripts/interview-1d7732e1.txt") == """
            Topics
            ======

            interview-1d7732e1 · 2026-11-30 · version 1.0.0 · complete

            Opening
            -------

            Which topics did the participant raise?

            Answer: Housing; Work

            Housing
            -------

            Tell me more about Housing.

            [00:00] Lost the flat in May

            Work
            ----

            Tell me more about Work.

            Probes asked: Who helped?

            [00:00] New job; long shifts

            Anything else 1
            ---------------

            What else came up?

            [00:00] Food bank

            """)
        let markdown = try out.text("transcripts/interview-bb92527f.md")
        #expect(markdown.contains("""
            ## Money

            ### Tell me more about Money.

            `[00:00]` Overdrawn

            ## Anything else 1

            ### What else came up?

            `[00:00]` Benefits

            ## Anything else 2

            ### What else came up?

            `[00:00]` Childcare

            """))
    }

    /// Framework analysis reads across cases, so a case stays one row and each instance is a
    /// column: a topic's column (topic_notes_3, Work) holds the same topic in every row.
    @Test func theFrameworkMatrixHasAColumnPerInstance() throws {
        let out = try export(.framework)
        #expect(try out.text("framework-matrix.csv") == """
            case,pseudonym,date,version,status,topics,topic_notes_1,topic_notes_2,topic_notes_3,other_notes_1,other_notes_2,other_notes_3\r
            interview-1d7732e1,,2026-11-30,1.0.0,complete,Housing; Work,[00:00] Lost the flat in May,,[00:00] New job; long shifts,[00:00] Food bank,,\r
            interview-bb92527f,,2026-11-30,1.0.0,complete,Money,,[00:00] Overdrawn,,[00:00] Benefits,[00:00] Childcare,\r

            """)
    }

    @Test(.enabled(if: Tool.available("xmllint") && Tool.available("python3") && Run.sharedSchema("refi-qda/Project.xsd") != nil,
                   "needs xmllint, python3 and the REFI-QDA schema"))
    func theProjectCodesEachInstanceOnceAndValidates() throws {
        let out = try export(.qdpx)
        #expect(try run("python3", ["-m", "zipfile", "-e", "topics-guide.qdpx", "x"], in: out.path).status == 0)
        let check = try run("xmllint", ["--noout", "--schema", schema, "x/project.qde"], in: out.path)
        #expect(check.status == 0, "\(check.output)")
        let project = try String(contentsOfFile: out.path + "/x/project.qde", encoding: .utf8)
        let names = project.matches(of: #/PlainTextSelection guid="[^"]+" name="([^"]+)"/#).map { String($0.1) }
        #expect(names == ["topic_notes (Housing)", "topic_notes (Work)", "other_notes (Anything else 1)",
                          "topic_notes (Money)", "other_notes (Anything else 1)", "other_notes (Anything else 2)"])
        let guids = project.matches(of: #/PlainTextSelection guid="([^"]+)"/#).map { String($0.1) }
        #expect(Set(guids).count == guids.count)
        // Each instance's notes are coded to its question's code, as notes asked once are.
        // Its code names the question for every instance: the instance's label left out.
        #expect(!project.contains("{topics.label}"))
        #expect(project.contains("name=\"topic / Tell me more about ….\""))
    }

    /// A guide exports to the wide and tidy files as a survey does: a notes column per instance,
    /// and a row per instance in the repeat's own file.
    @Test func theWideAndRepeatFilesHoldEachInstancesNotes() throws {
        let out = try export(.csv)
        #expect(try out.text("responses.csv").split(separator: "\r\n").first
                == "response_id,pseudonym,instrument_version,status,language,date,duration,topics_1,topics_2,topics_3,topic_notes_1,topic_notes_2,topic_notes_3,other_notes_1,other_notes_2,other_notes_3")
        #expect(try out.text("responses-repeat-topic.csv").split(separator: "\r\n") == [
            "response_id,instance,instance_label,topic_notes",
            "1d7732e19f1ef7e43df146be5ce59acf,1,Housing,[00:00] Lost the flat in May",
            "1d7732e19f1ef7e43df146be5ce59acf,3,Work,[00:00] New job; long shifts",
            "bb92527f5af694e1b08a2a304bed2611,2,Money,[00:00] Overdrawn",
        ])
    }
}
