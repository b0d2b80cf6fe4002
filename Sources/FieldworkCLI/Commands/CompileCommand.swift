import ArgumentParser
import Foundation
import InstrumentCompiler

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Write an instrument's canonical compiled form (JSON) and print its content hash.",
        discussion: """
        The same instrument in any YAML layout compiles to the same bytes and the same hash; \
        any change of meaning changes both. The hash is the SHA-256 of the written file.
        """
    )

    @Argument(help: ArgumentHelp("The instrument file.", valueName: "file"))
    var path: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the JSON ('-' for standard output). Default: beside the instrument, ending .compiled.json.", valueName: "path"))
    var output: String?

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        guard Platform.kind(of: path) == .file else {
            throw ValidationError(Platform.kind(of: path) == .missing ? "'\(path)' does not exist" : "'\(path)' is a folder; name one instrument file")
        }
        let file: CompiledFile
        do { file = try CompiledFile.load(path) } catch { throw ValidationError(error.description) }
        let renderer = DiagnosticRenderer(color: color.enabled(fd: 2))
        for d in file.result.diagnostics {
            Platform.writeStyled(renderer.text(d, path: file.path, source: file.lines), color: renderer.color, to: 2)
        }
        guard let canonical = file.result.canonical, let hash = file.result.contentHash else {
            throw FieldworkFailure.problemsReported
        }
        if output == "-" {
            Platform.writeDocument(Array(canonical))
            Platform.write(hash + "\n", to: 2)
            return
        }
        let target = output ?? Self.defaultOutput(for: path)
        do {
            try Platform.writeAtomically(canonical, to: target)
        } catch {
            throw FieldworkFailure.cannotWrite(path: target, reason: error)
        }
        Platform.write("\(hash)  \(target)\n")
    }

    static func defaultOutput(for path: String) -> String {
        for ext in [".yaml", ".yml"] where path.hasSuffix(ext) {
            return String(path.dropLast(ext.count)) + ".compiled.json"
        }
        return path + ".compiled.json"
    }
}
