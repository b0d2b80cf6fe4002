import ArgumentParser
import ResponseStore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Count responses per instrument and version: complete, partial (interrupted) and declined."
    )

    @Argument(help: ArgumentHelp("The responses folder.", valueName: "folder"))
    var folder = "responses"

    @OptionGroup var identity: IdentityOption

    func run() throws {
        guard Platform.kind(of: folder) == .directory else { throw ValidationError("'\(folder)' is not a folder") }
        var skipped: [SkippedFile] = []
        let opener = try identity.opening(StoreLayout(root: folder).instrumentFolders())
        let counts = StoreStatus.scan(root: folder, identity: opener) { skipped.append($0) }
        guard !counts.isEmpty else {
            Platform.write("No responses yet in '\(folder)'.\n")
            if !skipped.isEmpty { throw FieldworkFailure.filesSkipped(skipped) }
            return
        }
        let width = max(10, counts.map(\.instrumentID.count).max() ?? 0)
        let versionWidth = max(7, counts.map(\.version.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        func right(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: " ", count: max(0, w - s.count)) + s }
        var out = pad("instrument", width) + "  " + pad("version", versionWidth) + "  complete   partial  declined\n"
        for c in counts {
            out += pad(c.instrumentID, width) + "  " + pad(c.version, versionWidth) + "  "
                + right(c.complete, 8) + "  " + right(c.partial, 8) + "  " + right(c.declined, 8) + "\n"
        }
        Platform.write(out)
        if !skipped.isEmpty { throw FieldworkFailure.filesSkipped(skipped) }
    }
}
