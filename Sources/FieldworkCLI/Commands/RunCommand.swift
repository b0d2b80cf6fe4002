import ArgumentParser

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an instrument for a participant, saving every answer as it is given.",
        discussion: """
        Every answer is on disk before the next question appears. Leaving early (q, Ctrl-C, or the \
        end of input) keeps the session to continue with 'fieldwork resume'. Exit status: 0 when the \
        session ended (completed or consent declined), 1 when the instrument has errors, 2 on wrong \
        use, 3 when the session was saved to resume later.
        """
    )

    @Argument(help: ArgumentHelp("The instrument file.", valueName: "file"))
    var path: String

    @OptionGroup var options: RunnerOptions

    @OptionGroup var start: StartOptions

    func run() throws {
        let loaded = try LoadedInstrument.load(path, color: options.color)
        try Runner.start(loaded, options: options, start: start, group: nil)
    }
}
