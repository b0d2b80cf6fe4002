import ArgumentParser

/// How a new session starts, for `run` and `interview`.
struct StartOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Language of the session (one of the instrument's languages).", valueName: "code"))
    var language: String?

    @Option(help: ArgumentHelp("The study key for participant codes. Default: ~/.config/fieldwork/keys/<instrument-id>.key", valueName: "path"))
    var keyFile: String?

    @Option(help: ArgumentHelp("Seed for shuffles (default: random; it is stored with the response).", valueName: "n"))
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("The value of a 'type: hidden' question, as site=north (repeatable).", valueName: "name=value"))
    var set: [String] = []

    func validate() throws {
        if keyFile?.isEmpty == true { throw ValidationError("--key-file needs a file's name") }
        // Seeds are stored in the response; above 2^53 some JSON readers would change them.
        if let seed, seed >= 1 << 53 { throw ValidationError("--seed takes a number below 9007199254740992 (2^53)") }
    }
}
