import ArgumentParser
import Expressions
import Foundation
import InstrumentCompiler
import InstrumentModel

/// An instrument ready to use: compiled from YAML, or a compiled copy (`.json`) such as those
/// kept beside responses in `responses/<id>/instruments/`.
struct LoadedInstrument {
    var path: String
    var instrument: Instrument
    var compiled: Data
    var hash: String

    /// Loads `path`; a file that cannot be used is a `FieldworkFailure` carrying its diagnostics.
    static func load(_ path: String, color: ColorChoice) throws -> LoadedInstrument {
        switch Platform.kind(of: path) {
        case .missing: throw ValidationError("'\(path)' does not exist")
        case .directory: throw ValidationError("'\(path)' is a folder; name one instrument file")
        case .file: break
        }
        if path.hasSuffix(".json") {
            let bytes: [UInt8]
            do { bytes = try Platform.read(path) } catch {
                throw ValidationError("cannot read '\(path)': \(Platform.describe(error))")
            }
            let data = Data(bytes)
            guard let instrument = try? CompiledInstrument.decode(data) else {
                throw FieldworkFailure.notACompiledInstrument(path: path)
            }
            return LoadedInstrument(path: path, instrument: instrument, compiled: data, hash: CanonicalForm.hash(data))
        }
        let file: CompiledFile
        do { file = try CompiledFile.load(path) } catch { throw ValidationError(error.description) }
        guard let instrument = file.result.instrument, let compiled = file.result.canonical, let hash = file.result.contentHash else {
            throw FieldworkFailure.instrumentHasErrors(file, color: color.enabled(fd: 2))
        }
        return LoadedInstrument(path: path, instrument: instrument, compiled: compiled, hash: hash)
    }
}
