import ArgumentParser
import ResponseStore

/// `fieldwork keys`: the study's keys. `keys FILE` (the default, also `keys study FILE`) makes
/// the study key for participant codes, as it always has; `keys new STUDY` makes the age
/// identity that sealed responses are opened with (`KeysNewCommand`).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create the study's keys: the study key for participant codes, or an age identity for sealed responses.",
        discussion: """
        'fieldwork keys FILE' (or 'keys study FILE') creates or finds the study key of an instrument that asks \
        for participant codes. 'fieldwork keys new STUDY' writes an age identity, for the analyst, and its \
        recipient, which seals the study's responses.
        """,
        subcommands: [StudyKeyCommand.self, KeysNewCommand.self],
        defaultSubcommand: StudyKeyCommand.self
    )
}

/// The study key made by the researcher before fieldwork, so that `run` finds it in place and
/// says nothing about keys where a participant could read it.
struct StudyKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Create (or find) the study key of an instrument that asks for participant codes.",
        discussion: """
        The key turns participant codes into pseudonyms. Make it here, before fieldwork, and back \
        it up somewhere safe and separate from the responses: 'run' then finds it, and its notice \
        about a new key never appears on a participant's screen.
        """
    )

    @Argument(help: ArgumentHelp("The instrument file.", valueName: "file"))
    var path: String

    @Option(help: ArgumentHelp("The study key. Default: ~/.config/fieldwork/keys/<instrument-id>.key", valueName: "path"))
    var keyFile: String?

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if keyFile?.isEmpty == true { throw ValidationError("--key-file needs a file's name") }
    }

    func run() throws {
        let instrument = try LoadedInstrument.load(path, color: color).instrument
        guard instrument.privacy.participant == .code else {
            throw ValidationError("'\(instrument.id)' does not ask for participant codes (privacy: participant: code), so it needs no study key")
        }
        let keyPath = try Platform.keyPath(keyFile, instrumentID: instrument.id)
        let (_, created) = try StudyKey.loadOrCreate(at: keyPath)
        Platform.write(created
            ? "Created the study key of '\(instrument.id)' at \(keyPath).\nBack it up somewhere safe and separate from the responses: without it, later answers cannot be linked to earlier ones, and participants cannot withdraw by their code.\n"
            : "The study key of '\(instrument.id)' is in place at \(keyPath).\n")
    }
}
