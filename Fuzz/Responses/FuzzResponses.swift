import Exporters
import Expressions
import Foundation
import FuzzSupport
import InstrumentCompiler
import InstrumentModel
import ResponseStore

/// The readers of a responses folder on arbitrary bytes, as `export`, `status`, `resume` and
/// `withdraw` meet a damaged or hostile file: the response reader (`StoredResponse.read`), the
/// export's byte scanner and cell writer beside the tree reader's cells, and the journal reader,
/// with a journal that reads rebuilt through the engine into the partial response it would become.
func fuzzResponses(_ input: UnsafeRawBufferPointer) {
    _ = StoredResponse.read(input)
    // An instrument copy in the folder's instruments/, as `export` and `resume` load it.
    _ = try? CompiledInstrument.decode(Data(input))
    for (labels, spss) in [(false, false), (true, false), (false, true)] {
        let (scanned, tree) = FuzzInstruments.probe.cells(input, labels: labels, spss: spss)
        _ = (scanned, tree)
    }
    guard let journal = JournalContents.read(Data(input)) else { return }
    let instrument = FuzzInstruments.all.first { $0.id == journal.header.instrumentID } ?? FuzzInstruments.all[0]
    let (record, _) = journal.partialRecord(with: instrument, fallbackDay: 20_000)
    invariant(record.withUnsafeBytes { StoredResponse.read($0) } != nil,
              "the partial response rebuilt from a journal does not read back: \(String(decoding: record, as: UTF8.self))")
}

/// The instruments journals are rebuilt with: `every-kind` (every kind of stored value; its
/// journals and responses are the seeds) and the examples, read from the checkout.
enum FuzzInstruments {
    static let all: [Instrument] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let examples = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("instruments").path)) ?? []
        let paths = ["Fuzz/Corpus/YAML/every-kind.yaml"] + examples.filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".scenarios.yaml") }
            .sorted().map { "instruments/" + $0 }
        return paths.map { path in
            guard let bytes = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
                  let instrument = InstrumentCompiler.compile([UInt8](bytes)).instrument else {
                fatalError("FuzzResponses: cannot compile \(path) under \(root.path)")
            }
            return instrument
        }
    }()

    static let probe = ResponseScanProbe([all[0]])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzResponses(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

#if FUZZING
@_cdecl("FuzzResponses_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Replay.fuzz(argc, argv, fuzzerTestOneInput)
}
#else
@main struct FuzzResponsesReplay {
    static func main() { Replay.main("FuzzResponses", fuzzResponses) }
}
#endif
