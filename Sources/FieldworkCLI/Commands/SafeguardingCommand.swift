import ArgumentParser
import Exporters
import ResponseStore

struct SafeguardingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safeguarding",
        abstract: "List which sessions fired which safeguarding rules, for the research team.",
        discussion: """
            Sessions are named by pseudonym where the instrument has one, and by response id otherwise; \
            the list holds no answers and no times. It is for the people the study's distress protocol \
            names (the safeguarding lead, the research team), not for analysis or sharing.
            """
    )

    @Argument(help: ArgumentHelp("A responses folder (responses/<instrument-id>) or an instrument id.", valueName: "responses-or-id"))
    var source: String

    @Option(help: ArgumentHelp("Where responses are kept, to find an instrument id.", valueName: "folder"))
    var responses = "responses"

    func run() throws {
        let folder = try ResponsesLocation.folder(source, responses: responses)
        SimulatedMarker.warnIfSimulated(folder)
        let list = SafeguardingList(try ResponseReader(path: folder))
        Platform.write(list.text())
        if !list.skipped.isEmpty { throw FieldworkFailure.filesSkipped(list.skipped) }
    }
}
