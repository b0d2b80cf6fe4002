import Expressions
import Foundation
import FuzzSupport
import InstrumentCompiler
import YAMLTree

/// The YAML layer and the whole compiler on arbitrary bytes, as `fieldwork check` meets them:
/// the tree reader, every check, every diagnostic rendered with its source line and caret, and,
/// for a file that compiles, its compiled form read back as `run` and `export` would load it.
func fuzzYAML(_ input: UnsafeRawBufferPointer) {
    let bytes = [UInt8](input)
    _ = YAMLReader.read(bytes)
    let result = InstrumentCompiler.compile(bytes)
    let source = SourceLines(bytes)
    let renderer = DiagnosticRenderer(color: true)
    for diagnostic in result.diagnostics {
        _ = renderer.text(diagnostic, path: "fuzz.yaml", source: source)
    }
    invariant(result.hasErrors == (result.instrument == nil), "an instrument is given exactly when there are no errors")
    if let canonical = result.canonical {
        do {
            _ = try CompiledInstrument.decode(canonical)
        } catch {
            invariant(false, "a compiled instrument cannot be read back: \(error)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzYAML(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

#if FUZZING
@_cdecl("FuzzYAML_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    Replay.fuzz(argc, argv, fuzzerTestOneInput)
}
#else
@main struct FuzzYAMLReplay {
    static func main() { Replay.main("FuzzYAML", fuzzYAML) }
}
#endif
