import ArgumentParser
import Authoring
import Expressions
import Foundation
import ResponseStore
import SessionEngine

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run an instrument many times with random valid answers, and report how often each question is shown.",
        discussion: """
        Simulated participants skip some questions, choose "prefer not to say" where it is offered \
        and sometimes decline consent. Questions never shown and valid_if rules never met are \
        warnings. With --out, the responses are written as 'fieldwork run' writes them, each file \
        marked "simulated": true (and the folder holds SIMULATED.txt, so that exports and summaries say so), so that exports can be tried before fieldwork starts; the same \
        seed (and --today) writes the same files. Exit status: 0, or 1 with --strict when there \
        are warnings; 2 on wrong use.
        """
    )

    @Argument(help: ArgumentHelp("The instrument file.", valueName: "file"))
    var path: String

    @Option(name: .customShort("n"), help: ArgumentHelp("How many participants to simulate.", valueName: "count"))
    var count: Int = 100

    @Option(help: ArgumentHelp("Seed of the random answers.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("A responses folder to write the simulated responses into (never your real one).", valueName: "folder"))
    var out: String?

    @Option(help: ArgumentHelp("The date to take as today (YYYY-MM-DD); default: today.", valueName: "date"))
    var today: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("The value of a 'type: hidden' question for every participant, as site=north (repeatable; default: drawn from its declaration).", valueName: "name=value"))
    var set: [String] = []

    @Flag(help: "Exit with status 1 when there are warnings.")
    var strict = false

    func validate() throws {
        guard (1...1_000_000).contains(count) else { throw ValidationError("-n must be from 1 to 1000000") }
        if let today, DateValue.parse(today) == nil { throw ValidationError("--today must be a date written YYYY-MM-DD, such as 2026-03-01") }
    }

    func run() throws {
        let loaded = try LoadedInstrument.load(path, color: .auto)
        let day = today.flatMap(DateValue.parse) ?? Platform.todayDays()
        let simulation = Simulation(instrument: loaded.instrument, seed: seed, today: day,
                                    launchValues: try LaunchValues.checked(set, for: loaded.instrument, drawn: true))
        var store: InstrumentStore?
        if let out {
            let folder = out + "/" + loaded.instrument.id
            if Platform.kind(of: SimulatedMarker.path(in: folder)) != .file,
               Platform.files(under: folder, extensions: [".json"]).contains(where: { !$0.hasPrefix(folder + "/instruments/") }) {
                throw FieldworkFailure.holdsRealResponses(folder: out, instrumentID: loaded.instrument.id)
            }
            store = try InstrumentStore(root: out, instrument: loaded.instrument, compiled: loaded.compiled, hash: loaded.hash)
            do {
                try Platform.writeAtomically(Data("""
                    The responses in this folder were made up by 'fieldwork simulate' (each file is marked
                    "simulated": true). They are for trying the exports, not for analysis.

                    """.utf8), to: SimulatedMarker.path(in: out + "/" + loaded.instrument.id))
            } catch {
                throw FieldworkFailure.cannotWriteIn(folder: out, reason: error)
            }
        }
        let report = try simulation.run(count: count) { run in
            try store?.writeSimulated(run.session, responseID: run.responseID, identifyingID: run.identifyingID,
                                      started: run.started, pseudonym: run.pseudonym, duration: run.duration)
        }
        Platform.write(report.text(loaded.instrument, seed: seed))
        if let store { Platform.write("\nWrote \(report.runs) simulated responses to \(store.folder)\n") }
        if strict && !report.warnings(loaded.instrument).isEmpty { throw FieldworkFailure.problemsReported }
    }
}
