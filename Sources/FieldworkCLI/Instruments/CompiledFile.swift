import InstrumentCompiler
import YAMLTree

/// An instrument file read from disk and compiled.
struct CompiledFile {
    var path: String
    var lines: SourceLines
    var result: CompileResult

    /// Reads and compiles one file; a file over the size limit is reported without being read.
    /// With `keepingTrees`, what compiling built is never freed; without `keepingForm`, only the
    /// compiled form's hash is kept (see `InstrumentCompiler.compile`).
    static func load(_ path: String, limits: YAMLLimits = .standard, keepingTrees: Bool = false,
                     keepingForm: Bool = true) throws(UsageError) -> CompiledFile {
        if let size = Platform.fileSize(path), size > limits.maxFileBytes {
            return CompiledFile(path: path, lines: SourceLines([]), result: InstrumentCompiler.oversized(size: size, limits: limits))
        }
        let bytes: [UInt8]
        do {
            bytes = try Platform.read(path)
        } catch {
            throw UsageError(description: "cannot read '\(path)': \(Platform.describe(error))")
        }
        let result = InstrumentCompiler.compile(bytes, limits: limits, keepingTrees: keepingTrees, keepingForm: keepingForm)
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
