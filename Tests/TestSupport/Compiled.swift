import InstrumentCompiler
import InstrumentModel
import Testing

/// Compiles an instrument written in YAML, failing the test with the diagnostics when it has errors.
///
/// Every suite that needs an instrument builds it from YAML this way, so a broken fixture reads the
/// same everywhere: the compiler's messages, at the line of the test that asked.
public func compiled(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Instrument {
    try #require(compiling(yaml, sourceLocation: sourceLocation).instrument)
}

/// The whole compile result (canonical bytes and content hash too), for a YAML instrument that must compile.
public func compiling(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CompileResult {
    let result = InstrumentCompiler.compile(Array(yaml.utf8))
    try #require(result.instrument != nil, "\(result.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    return result
}
