import ArgumentParser
import Expressions
import Foundation
import InstrumentModel
import InstrumentCompiler
import YAMLTree

/// An instrument file read from disk and compiled.
struct CompiledFile {
    var path: String
    var lines: SourceLines
    var result: CompileResult

    /// Reads and compiles one file; a file over the size limit is reported without being read.
    static func load(_ path: String, limits: YAMLLimits = .standard) throws(UsageError) -> CompiledFile {
        if let size = Platform.fileSize(path), size > limits.maxFileBytes {
            return CompiledFile(path: path, lines: SourceLines([]), result: InstrumentCompiler.oversized(size: size, limits: limits))
        }
        let bytes: [UInt8]
        do {
            bytes = try Platform.read(path)
        } catch {
            throw UsageError(description: "cannot read '\(path)': \(Platform.describe(error))")
        }
        let result = InstrumentCompiler.compile(bytes, limits: limits)
        // Split into lines only when there is a line to show.
        return CompiledFile(path: path, lines: SourceLines(result.diagnostics.isEmpty ? [] : bytes), result: result)
    }

    /// Files named on the command line, with folders expanded to the YAML files below them.
    static func expand(_ paths: [String]) throws(UsageError) -> [String] {
        var files: [String] = []
        for path in paths {
            switch Platform.kind(of: path) {
            case .missing:
                throw UsageError(description: "'\(path)' does not exist")
            case .file:
                files.append(path)
            case .directory:
                let found = Platform.files(under: path, extensions: [".yaml", ".yml"])
                    .filter { !$0.hasSuffix(".scenarios.yaml") && !$0.hasSuffix(".scenarios.yml") }
                if found.isEmpty {
                    throw UsageError(description: "'\(path)' holds no instrument files (.yaml or .yml)")
                }
                files += found
            }
        }
        return files
    }
}

/// An instrument ready to use: compiled from YAML, or a compiled copy (`.json`) such as those
/// kept beside responses in `responses/<id>/instruments/`.
struct LoadedInstrument {
    var path: String
    var instrument: Instrument
    var compiled: Data
    var hash: String

    /// Loads `path`; on errors prints them (with positions, for YAML) and exits with `failure`.
    static func load(_ path: String, color: ColorChoice, failure: Int32 = 1) throws -> LoadedInstrument {
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
                Platform.write("error: '\(path)' is not a compiled instrument (the JSON that 'fieldwork compile' writes)\n", to: 2)
                throw ExitCode(failure)
            }
            return LoadedInstrument(path: path, instrument: instrument, compiled: data, hash: CanonicalForm.hash(data))
        }
        let file: CompiledFile
        do { file = try CompiledFile.load(path) } catch { throw ValidationError(error.description) }
        guard let instrument = file.result.instrument, let compiled = file.result.canonical, let hash = file.result.contentHash else {
            let renderer = DiagnosticRenderer(color: color.enabled(fd: 2))
            for d in file.result.diagnostics { Platform.write(renderer.text(d, path: file.path, source: file.lines), to: 2) }
            Platform.write("The instrument has errors; fix them first ('fieldwork check \(path)').\n", to: 2)
            throw ExitCode(failure)
        }
        return LoadedInstrument(path: path, instrument: instrument, compiled: compiled, hash: hash)
    }
}
