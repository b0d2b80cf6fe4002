import ArgumentParser
import Expressions
import Exporters
import ResponseStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export an instrument's responses for analysis.",
        discussion: """
        Formats: csv (one row per response), long (one row per response and variable), jsonl, \
        codebook (Markdown and CSV), spss (CSV + .sps), stata (CSV + .do), r (CSV + .R), \
        datapackage (CSV + Frictionless datapackage.json), paradata (one row per response and question: \
        seconds, visits, presentation order, seed); for interview guides, transcripts \
        (Markdown and text), framework (a framework matrix) and qdpx (a REFI-QDA project). Every version of the instrument is read; \
        a question keeps one variable while its codes keep their meaning (the rule 'fieldwork diff' rates changes by), \
        and is exported apart, and reported, from a version that changes them. Identifying questions have no column: \
        their answers are stored apart (the codebook says so). Simulated responses are marked in every format. \
        --deidentify (or --drop-free-text, --dates, --rekey, --drop-paradata) makes data to share, and each \
        export says what was done (README-DEIDENTIFIED.txt, the codebook, every script's header).
        """
    )

    @Argument(help: ArgumentHelp("A responses folder (responses/<instrument-id>) or an instrument id.", valueName: "responses-or-id"))
    var source: String

    @Option(help: "The format to write.")
    var format: ExportFormat

    @Option(help: ArgumentHelp("The folder to write into.", valueName: "folder"))
    var out: String

    @Option(help: ArgumentHelp("Where responses are kept, to find an instrument id.", valueName: "folder"))
    var responses = "responses"

    @Flag(help: "csv: write labels instead of codes.")
    var labels = false

    @Flag(help: "csv, long, paradata: begin the file with a UTF-8 byte order mark, so that Excel reads its accents right.")
    var excel = false

    @Option(help: ArgumentHelp("Only this version of the instrument (repeat for several).", valueName: "version"))
    var version: [String] = []

    @Option(help: "Which responses: complete, partial (interrupted) or all.")
    var status: StatusFilter = .all

    @Option(help: ArgumentHelp("Only responses started on or after this date.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: ArgumentHelp("Only responses started on or before this date.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Flag(help: "De-identify: all of --drop-free-text, --dates shift, --rekey and --drop-paradata (not for transcripts, framework, qdpx).")
    var deidentify = false

    @Flag(help: "Leave out free text: text, long text and open answers, \"Other\" texts, calculations that give text.")
    var dropFreeText = false

    @Option(help: ArgumentHelp("Shift dates back by a random 1-364 days per participant (shift), or keep them to the month or year.",
                               valueName: "shift|month|year"))
    var dates: Deidentification.DateMethod?

    @Flag(help: "Replace response ids and pseudonyms with ones keyed afresh for this export, which link to nothing outside it.")
    var rekey = false

    @Flag(help: "Leave out paradata: the duration, and the start's time of day.")
    var dropParadata = false

    /// The de-identification asked for: `--deidentify` sets every option, and `--dates` chooses its method.
    var deidentification: Deidentification {
        var d = deidentify ? Deidentification.all : Deidentification()
        d.dropFreeText = d.dropFreeText || dropFreeText
        d.dates = dates ?? d.dates
        d.rekey = d.rekey || rekey
        d.dropParadata = d.dropParadata || dropParadata
        return d
    }
    @Option(help: ArgumentHelp("The language of labels, question texts and the codebook (default: the instrument's first).", valueName: "code"))
    var language: String?

    @OptionGroup var identity: IdentityOption

    func validate() throws {
        if let refusal = deidentification.refusal(for: format) { throw ValidationError(refusal) }
        for (name, date) in [("--since", since), ("--until", until)] {
            if let date, DateValue.parse(date, precision: .day) == nil {
                throw ValidationError("\(name) takes a real date written YYYY-MM-DD, such as 2026-05-17 ('\(date)' is not one)")
            }
        }
        if let since, let until, since > until { throw ValidationError("--since \(since) is after --until \(until)") }
        if labels && format != .csv { throw ValidationError("--labels applies to --format csv only") }
        if excel && !format.isSpreadsheetCSV { throw ValidationError("--excel applies to --format csv, long and paradata only") }
    }

    func run() throws {
        let folder = try ResponsesLocation.folder(source, responses: responses)
        let opener = try identity.opening(folder)
        SimulatedMarker.warnIfSimulated(folder)
        var options = ExportOptions(format: format, out: out)
        options.labels = labels
        options.excel = excel
        options.versions = version
        options.status = status
        options.since = since
        options.until = until
        options.deidentification = deidentification
        options.language = language
        let report = try Exporter.run(try ResponseReader(path: folder, identity: opener), options)
        for conflict in report.conflicts { Platform.write("warning: \(conflict)\n", to: 2) }
        for warning in report.warnings { Platform.write("warning: \(warning)\n", to: 2) }
        let what = format == .codebook ? "" : "\(report.responses) response\(report.responses == 1 ? "" : "s") to "
        Platform.write("Exported \(what)" + report.files.joined(separator: ", ") + "\n")
        if !report.skipped.isEmpty { throw FieldworkFailure.filesSkipped(report.skipped) }
    }
}
