@testable import Exporters
import Expressions
import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// A repeated block inside a guide's section in the qualitative exports (issue 16, interviews):
/// the section's heading, each instance's heading under it, the question after the block after
/// every instance (under its section's heading again in plain text, which has no heading levels
/// to show that it has left the block); the matrix and the REFI-QDA project hold one cell and one selection per
/// instance.
@Suite struct GuideBlockExportTests {
    static let source = """
        format: 1
        id: blocks
        version: 1.0.0
        kind: interview
        title: Blocks
        sections:
          - id: talk
            title: Talk
            minutes: 10
            questions:
              - {id: topics, type: multiple, text: Which topics did the participant raise?, choices: [Housing, Money, Work]}
              - block: topic
                title: "{topics.label}"
                repeat: {for_each: topics}
                questions:
                  - {id: topic_notes, type: open, text: "Tell me more about {topics.label}.", probes: [Since when?]}
              - {id: wrap_notes, type: open, text: Anything to add?}
          - id: close
            title: Closing
            questions:
              - {id: final_notes, type: open, text: Last words?}
        """

    /// Housing and Work raised, notes on each, then the wrap-up; the interview ended there.
    static func study() throws -> (RepeatStudy, String) {
        let study = try RepeatStudy(source, id: "blocks")
        let writer = try study.store.begin(seed: 5, language: nil, started: DateValue.format(study.day), pseudonym: nil, today: study.day)
        var session = Session(instrument: study.instrument, seed: 5, today: study.day)
        let moves: [SessionMove] = [
            .answer(Answer(.choices([1, 3]))), .notes("[00:01] Lost the flat"), .probe(0, asked: true),
            .jump(to: "topic_notes#3"), .notes("[00:02] New job"),
            .jump(to: "wrap_notes"), .notes("[00:03] Fine"), .end,
        ]
        for (i, move) in moves.enumerated() { try writer.record(try session.apply(session.event(move, at: Double(i + 1)))) }
        try writer.finish(session, duration: 10)
        return (study, writer.header.responseID)
    }

    @Test func theTranscriptHeadsEachInstanceUnderItsSectionAndWhatFollowsUnderTheSection() throws {
        let (study, _) = try Self.study()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, _) = try study.export(.transcripts)
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/transcripts").sorted()
        let text = try study.read(out, "transcripts/" + (try #require(files.first { $0.hasSuffix(".txt") })))
        let body = String(text[try #require(text.range(of: "\n\nTalk\n"))!.lowerBound...])
        #expect(body == """


            Talk
            ----

            Which topics did the participant raise?

            Answer: Housing; Work

            Housing
            ~~~~~~~

            Tell me more about Housing.

            Probes asked: Since when?

            [00:01] Lost the flat

            Work
            ~~~~

            Tell me more about Work.

            [00:02] New job

            Talk
            ----

            Anything to add?

            [00:03] Fine

            """)
        let markdown = try study.read(out, "transcripts/" + (try #require(files.first { $0.hasSuffix(".md") })))
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(headings == ["# Blocks", "## Talk", "### Which topics did the participant raise?", "### Housing", "#### Tell me more about Housing.",
                             "### Work", "#### Tell me more about Work.", "### Anything to add?"], "\(markdown)")
    }

    /// No topic raised: no instance came between, so the question after the block runs on under
    /// its section's heading, not under a second one.
    @Test func withoutInstancesTheSectionIsHeadedOnce() throws {
        let study = try RepeatStudy(Self.source, id: "blocks")
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let writer = try study.store.begin(seed: 5, language: nil, started: DateValue.format(study.day), pseudonym: nil, today: study.day)
        var session = Session(instrument: study.instrument, seed: 5, today: study.day)
        for (i, move) in [SessionMove.skip, .notes("[00:03] Fine"), .end].enumerated() {
            try writer.record(try session.apply(session.event(move, at: Double(i + 1))))
        }
        try writer.finish(session, duration: 10)
        let (out, _) = try study.export(.transcripts)
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/transcripts").sorted()
        let text = try study.read(out, "transcripts/" + (try #require(files.first { $0.hasSuffix(".txt") })))
        let body = String(text[try #require(text.range(of: "\n\nTalk\n"))!.lowerBound...])
        #expect(body == """


            Talk
            ----

            Which topics did the participant raise?

            (skipped)

            Anything to add?

            [00:03] Fine

            """)
    }

    @Test func theFrameworkMatrixHasACellPerInstance() throws {
        let (study, _) = try Self.study()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, _) = try study.export(.framework)
        let rows = repeatCSV(try study.read(out, "framework-matrix.csv"))
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(Array(rows[0].drop { $0 != "topics" }) == ["topics", "topic_notes_1", "topic_notes_2", "topic_notes_3", "wrap_notes", "final_notes"])
        #expect(row["topic_notes_1"] == "[00:01] Lost the flat")
        #expect(row["topic_notes_2"] == "")
        #expect(row["topic_notes_3"] == "[00:02] New job")
        #expect(row["wrap_notes"] == "[00:03] Fine")
    }

    @Test(.enabled(if: Tool.available("xmllint") && Tool.available("python3") && Run.sharedSchema("refi-qda/Project.xsd") != nil,
                   "needs xmllint, python3 and the REFI-QDA schema"))
    func theProjectHasASelectionPerInstanceAndValidates() throws {
        let (study, _) = try Self.study()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, _) = try study.export(.qdpx)
        #expect(try run("python3", ["-m", "zipfile", "-e", "blocks.qdpx", "x"], in: out).status == 0)
        let check = try run("xmllint", ["--noout", "--schema", Run.sharedSchema("refi-qda/Project.xsd") ?? "", "x/project.qde"], in: out)
        #expect(check.status == 0, "\(check.output)")
        let project = try String(contentsOfFile: out + "/x/project.qde", encoding: .utf8)
        let names = project.matches(of: #/PlainTextSelection guid="[^"]+" name="([^"]+)"/#).map { String($0.1) }
        #expect(names == ["topic_notes (Housing)", "topic_notes (Work)", "wrap_notes"], "\(project)")
    }
}
