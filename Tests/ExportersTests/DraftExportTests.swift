import Exporters
import Expressions
import Foundation
import InstrumentCompiler
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// A draft is kept in the journal to be shown again, never exported as an answer: the exports of
/// an interrupted session with a draft leave its question empty.
@Suite struct DraftExportTests {
    @Test(arguments: [ExportFormat.csv, .long, .jsonl])
    func anInterruptedSessionsDraftIsInNoExport(_ format: ExportFormat) throws {
        let folder = try TemporaryFolder()
        let result = try compiling("""
            format: 1
            id: drafted
            version: 1.0.0
            title: Drafted
            sections:
              - id: s
                questions:
                  - {id: mood, type: single, text: Mood?, choices: [Low, High]}
                  - {id: story, type: long_text, text: Why?}
            """)
        let instrument = try #require(result.instrument)
        let store = try InstrumentStore(root: folder.path, instrument: instrument, compiled: try #require(result.canonical),
                                        hash: try #require(result.contentHash))
        let day = StoreClock.today()
        let writer = try store.begin(seed: 1, language: nil, started: DateValue.format(day), pseudonym: nil, today: day)
        var session = Session(instrument: instrument, seed: 1, today: day)
        for (i, move) in [SessionMove.answer(Answer(.choice(2))), .draft("Sunshine unsent")].enumerated() {
            try writer.record(try session.apply(session.event(move, at: Double(i + 1))))
        }
        let out = folder.path + "/out"
        let report = try Exporter.run(try ResponseReader(path: folder.path + "/drafted"), ExportOptions(format: format, out: out))
        let text = try report.files.map { try String(contentsOfFile: $0.hasPrefix("/") ? $0 : out + "/" + $0, encoding: .utf8) }.joined()
        #expect(text.contains("partial"), "the session is exported: \(text)")
        #expect(!text.contains("Sunshine"), "\(text)")
    }
}
