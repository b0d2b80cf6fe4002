import ArgumentParser
import Foundation
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
            files = try CompiledFile.expand(paths).map { path throws(UsageError) in try CompiledFile.load(path) }
        } catch {
            throw ValidationError(error.description)
        }
        let errors = files.reduce(0) { $0 + $1.result.diagnostics.filter { $0.severity == .error }.count }
        let warnings = files.reduce(0) { $0 + $1.result.diagnostics.filter { $0.severity == .warning }.count }
        switch format {
        case .text: Platform.write(CheckReport.text(files, color: color.enabled()))
        case .json: Platform.write(CheckReport.json(files))
        }
        if errors > 0 || (strict && warnings > 0) {
            throw ExitCode(1)
        }
    }
}

/// How `check` words its results.
enum CheckReport {
    static func summary(_ file: CompiledFile) -> String? {
        guard let instrument = file.result.instrument, let hash = file.result.contentHash else { return nil }
        let questions = instrument.questionCount
        let sections = instrument.sections.count
        return "\(instrument.id) \(instrument.version), \(hash.prefix(19)), "
            + "\(questions) question\(questions == 1 ? "" : "s") in \(sections) section\(sections == 1 ? "" : "s")"
    }

    static func text(_ files: [CompiledFile], color: Bool) -> String {
        let renderer = DiagnosticRenderer(color: color)
        var out = ""
        var errors = 0, warnings = 0, failed = 0
        for file in files {
            for d in file.result.diagnostics {
                out += renderer.text(d, path: file.path, source: file.lines)
                if d.severity == .error { errors += 1 } else { warnings += 1 }
            }
            if let summary = summary(file) {
                out += "\(file.path): ok: \(summary)\n"
            } else {
                failed += 1
            }
        }
        let count = files.count == 1 ? "1 instrument" : "\(files.count) instruments"
        if errors + warnings == 0 {
            out += "\(count) checked: no problems\n"
        } else {
            out += "\(count) checked: \(plural(errors, "error")) and \(plural(warnings, "warning"))"
                + (failed > 0 ? " (\(failed) failed)" : "") + "\n"
        }
        return out
    }

    static func json(_ files: [CompiledFile]) -> String {
        var reports: [[String: Any]] = []
        for file in files {
            var report: [String: Any] = [
                "path": file.path,
                "ok": !file.result.hasErrors,
                "diagnostics": file.result.diagnostics.map { DiagnosticRenderer.jsonObject($0, path: file.path) },
            ]
            if let instrument = file.result.instrument {
                report["id"] = instrument.id
                report["version"] = instrument.version
                report["hash"] = file.result.contentHash
                report["questions"] = instrument.questionCount
                report["sections"] = instrument.sections.count
            }
            reports.append(report)
        }
        let all = files.flatMap(\.result.diagnostics)
        let top: [String: Any] = [
            "files": reports,
            "errors": all.filter { $0.severity == .error }.count,
            "warnings": all.filter { $0.severity == .warning }.count,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: top, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func plural(_ n: Int, _ word: String) -> String {
        "\(n) \(word)\(n == 1 ? "" : "s")"
    }
}
