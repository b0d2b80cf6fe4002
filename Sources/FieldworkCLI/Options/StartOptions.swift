import ArgumentParser

/// How a new session starts, for `run` and `interview`.
struct StartOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Language of the session (one of the instrument's languages).", valueName: "code"))
    var language: String?

    @Option(help: ArgumentHelp("The study key for participant codes. Default: ~/.config/fieldwork/keys/<instrument-id>.key", valueName: "path"))
    var keyFile: String?

    @Option(help: ArgumentHelp("Seed for shuffles (default: random; it is stored with the response).", valueName: "n"))
    var seed: UInt64?
}
