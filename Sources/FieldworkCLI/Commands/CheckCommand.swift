import ArgumentParser
import InstrumentCompiler

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check instruments and report every problem with its line and column.",
        discussion: """
        Exit status: 0 when every file is clean, 1 when any has errors (or warnings, with --strict), \
        2 when the command is used wrongly.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("Instrument files, or folders to search for .yaml files.", valueName: "file-or-folder"))
    var paths: [String]

    @Option(help: "Output format: text for people, json for tools.")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let files: [CompiledFile]
        do {
            files = try CompiledFile.expand(paths).map { path throws(UsageError) in try CompiledFile.load(path, keepingTrees: true, keepingForm: false) }
        } catch {
            throw ValidationError(error.description)
        }
        let errors = files.reduce(0) { $0 + $1.result.diagnostics.filter { $0.severity == .error }.count }
        let warnings = files.reduce(0) { $0 + $1.result.diagnostics.filter { $0.severity == .warning }.count }
        switch format {
        case .text:
            let colored = color.enabled()
            Platform.writeStyled(CheckReport.text(files, color: colored), color: colored, to: 1)
        case .json: Platform.write(CheckReport.json(files))
        }
        // The process exits after this: the system reclaims the instruments faster than freeing them.
        KeptUntilExit.keep(files)
        if errors > 0 || (strict && warnings > 0) {
            throw FieldworkFailure.problemsReported
        }
    }
}
