import ArgumentParser
import Authoring
import Expressions
import Foundation

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run scenario tests of an instrument: answers, and what must follow from them.",
        discussion: """
        A scenario file lists participants' answers and expectations: questions shown or hidden, \
        answers refused with a given message, calculated values, the response's status and parts of \
        the stored record (see docs/reference.md, "Scenario tests"). Without scenario files, \
        'fieldwork test survey.yaml' reads survey.scenarios.yaml beside it; a folder tests every \
        instrument in it that has one. Each failure names its line and column in the scenario file. \
        Exit status: 0 when every scenario passes, 1 when any fails, 2 on wrong use.
        """
    )

    @Argument(help: ArgumentHelp("The instrument file, or a folder of instruments.", valueName: "instrument"))
    var path: String

    @Argument(help: ArgumentHelp("Scenario files (default: <instrument>.scenarios.yaml).", valueName: "scenarios"))
    var scenarioFiles: [String] = []

    @Option(help: ArgumentHelp("The date to take as today (YYYY-MM-DD), for today() and date limits; default: today.", valueName: "date"))
    var today: String?

    func validate() throws {
        if let today, DateValue.parse(today) == nil { throw ValidationError("--today must be a date written YYYY-MM-DD, such as 2026-03-01") }
        if Platform.kind(of: path) == .directory && !scenarioFiles.isEmpty {
            throw ValidationError("name scenario files only with one instrument file, not a folder")
        }
    }

    func run() throws {
        var pairs: [(instrument: String, scenarios: [String])] = []
        if Platform.kind(of: path) == .directory {
            let instruments: [String]
            do { instruments = try CompiledFile.expand([path]) } catch { throw ValidationError(error.description) }
            pairs = instruments.compactMap { file in
                let beside = Self.scenarioFile(for: file)
                return Platform.kind(of: beside) == .file ? (file, [beside]) : nil
            }
            guard !pairs.isEmpty else { throw ValidationError("no instrument in '\(path)' has a scenario file (<name>.scenarios.yaml)") }
        } else {
            let files = scenarioFiles.isEmpty ? [Self.scenarioFile(for: path)] : scenarioFiles
            for file in files where Platform.kind(of: file) != .file {
                throw ValidationError("there is no scenario file '\(file)'" + (scenarioFiles.isEmpty ? "; write one (see docs/reference.md, \"Scenario tests\")" : ""))
            }
            pairs = [(path, files)]
        }
        let day = today.flatMap(DateValue.parse) ?? Platform.todayDays()
        var passed = 0
        var failed = 0
        for (instrumentPath, files) in pairs {
            let loaded = try LoadedInstrument.load(instrumentPath, color: .auto)
            let runner = ScenarioRunner(instrument: loaded.instrument, hash: loaded.hash, today: day)
            for file in files {
                let bytes: [UInt8]
                do { bytes = try Platform.read(file) } catch {
                    throw ValidationError("cannot read '\(file)': \(Platform.describe(error))")
                }
                Platform.write("\(file) — \(loaded.instrument.id) \(loaded.instrument.version)\n")
                let (parsed, problems) = ScenarioFile.parse(bytes)
                guard let parsed else {
                    for p in problems { Platform.write("  \(file):\(p.at.line):\(p.at.column): \(p.message)\n") }
                    failed += 1
                    continue
                }
                if let id = parsed.instrumentID, case .scalar(let s) = id.value, s.text != loaded.instrument.id {
                    Platform.write("  \(file):\(s.start.line):\(s.start.column): these scenarios are for '\(s.text)', not '\(loaded.instrument.id)'\n")
                    failed += 1
                    continue
                }
                for scenario in parsed.scenarios {
                    let failures = runner.run(scenario)
                    if failures.isEmpty {
                        passed += 1
                        Platform.write("  pass  \(scenario.name)\n")
                    } else {
                        failed += 1
                        Platform.write("  FAIL  \(scenario.name)\n")
                        for f in failures { Platform.write("        \(file):\(f.at.line):\(f.at.column): \(f.message)\n") }
                    }
                }
            }
        }
        // Worded so that it is not mistaken for a test runner's own closing line.
        Platform.write("\nScenarios: \(passed) passing, \(failed) failing.\n")
        if failed > 0 { throw FieldworkFailure.problemsReported }
    }

    static func scenarioFile(for instrument: String) -> String {
        for ext in [".yaml", ".yml"] where instrument.hasSuffix(ext) {
            return String(instrument.dropLast(ext.count)) + ".scenarios.yaml"
        }
        return instrument + ".scenarios.yaml"
    }
}
