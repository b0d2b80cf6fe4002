@testable import Exporters
import Expressions
import Foundation
import InstrumentCompiler
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// PSPP reads a line that starts with COMMENT or DOCUMENT, or an abbreviation of either (COMM,
/// DOC, ...), as the start of a comment or a document even in the middle of a command: it then
/// skips every line up to the next full stop. A question called `comment` (a common id) written at
/// the start of a line of the syntax made PSPP drop every variable after it.
@Suite struct SPSSLineStartTests {
    private static let instrument = #"""
        format: 1
        id: line-start
        version: 1.0.0
        title: Line start
        sections:
          - id: s
            questions:
              - {id: comment, type: text, text: Anything to add?}
              - {id: doc, type: single, text: Seen a doctor?, choices: [{value: 1, label: 'Yes'}, {value: 2, label: 'No'}]}
              - {id: comm, type: number, text: How many times?, min: 0, max: 20}
              - {id: document, type: date, text: When?}
              - {id: after, type: number, text: And then?, min: 0, max: 9}
        """#

    @Test func noVariableNameStartsALine() throws {
        let names = ["comment", "doc", "comm", "document"]
        let syntax = try Self.export()
        defer { try? FileManager.default.removeItem(atPath: syntax.folder) }
        for line in syntax.text.split(separator: "\n") {
            let first = line.split(separator: " ").first.map(String.init) ?? ""
            #expect(!names.contains(first.lowercased()), "a line starts with \(first): \(line)")
        }
    }

    @Test(.enabled(if: Tool.available("pspp"), "needs PSPP (apt-get install pspp)"))
    func psppReadsEveryVariableAfterOneNamedComment() throws {
        let syntax = try Self.export()
        defer { try? FileManager.default.removeItem(atPath: syntax.folder) }
        let first = try run("pspp", [syntax.out + "/responses.sps"], in: "/")
        #expect(first.status == 0 && !first.output.contains("warning") && !first.output.contains("error"), "\(first.output)")
        try "GET FILE='\(syntax.out)/responses.sav'.\nLIST /VARIABLES=comment doc comm document after.\n"
            .write(toFile: syntax.out + "/check.sps", atomically: false, encoding: .utf8)
        let check = try run("pspp", ["-O", "format=csv", syntax.out + "/check.sps"], in: "/")
        #expect(check.output.contains("comment,doc,comm,document,after\nnot much,1,3,2024/05/06,7\n"), "\(check.output)")
    }

    private static func export() throws -> (folder: String, out: String, text: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-line-start-\(UUID().uuidString)").path
        let result = InstrumentCompiler.compile(Array(instrument.utf8))
        let instrument = try #require(result.instrument, "\(result.diagnostics.map(\.message))")
        let store = try InstrumentStore(root: folder, instrument: instrument, compiled: try #require(result.canonical),
                                        hash: try #require(result.contentHash))
        let day = StoreClock.today()
        let writer = try store.begin(seed: 1, language: nil, started: DateValue.format(day), pseudonym: nil, today: day)
        var session = Session(instrument: instrument, seed: 1, today: day)
        let moves: [SessionMove] = [.answer(Answer(.text("not much"))), .answer(Answer(.choice(1))), .answer(Answer(.number(3))),
                                    .answer(Answer(.date("2024-05-06"))), .answer(Answer(.number(7)))]
        for (i, move) in moves.enumerated() { try writer.record(try session.apply(session.event(move, at: Double(i + 1)))) }
        try writer.finish(session, duration: 10)
        let out = folder + "/out"
        _ = try Exporter.run(try ResponseReader(path: folder + "/line-start"), ExportOptions(format: .spss, out: out))
        return (folder, out, try String(contentsOfFile: out + "/responses.sps", encoding: .utf8))
    }
}
