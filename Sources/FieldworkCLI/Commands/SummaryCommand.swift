import ArgumentParser
import Exporters
import ResponseStore

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Summarise an instrument's responses: counts by status, frequencies and statistics per question.",
        discussion: "Counts from 1 to N-1 (with --min-cell N, default 5) are shown as <N, since small numbers can identify people."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Argument(help: ArgumentHelp("A responses folder (responses/<instrument-id>) or an instrument id.", valueName: "responses-or-id"))
    var source: String

    @Option(help: ArgumentHelp("Where responses are kept, to find an instrument id.", valueName: "folder"))
    var responses = "responses"

    @Option(help: "Smallest count shown as it is.")
    var minCell = 5

    @Flag(help: "Bars in ASCII (#) rather than Unicode blocks.")
    var ascii = false

    @Option(help: "text (for the terminal) or markdown (a report).")
    var format: Format = .text

    @OptionGroup var identity: IdentityOption

    func validate() throws {
        if minCell < 1 { throw ValidationError("--min-cell must be 1 or more") }
    }

    func run() throws {
        let folder = try ResponsesLocation.folder(source, responses: responses)
        SimulatedMarker.warnIfSimulated(folder)
        let summary = Summary(try ResponseReader(path: folder, identity: try identity.opening(folder)))
        // Unicode blocks only where the terminal's character set is UTF-8.
        let locale = [Platform.environment("LC_ALL"), Platform.environment("LC_CTYPE"), Platform.environment("LANG")].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let unicode = locale.isEmpty || locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
        let renderer = SummaryRenderer(minCell: minCell, ascii: ascii || !unicode)
        Platform.write(format == .markdown ? renderer.markdown(summary) : renderer.text(summary))
        for note in summary.replayed { Platform.write("warning: \(note)\n", to: 2) }
        if !summary.skipped.isEmpty { throw FieldworkFailure.filesSkipped(summary.skipped) }
    }
}
