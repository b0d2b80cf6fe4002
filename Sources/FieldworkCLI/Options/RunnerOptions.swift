import ArgumentParser

/// Options shared by `run` and `resume`.
struct RunnerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The responses folder.", valueName: "folder"))
    var responses = "responses"

    @Flag(help: "Numbered prompts, one per line (for screen readers and scripts). Chosen automatically when input or output is not a terminal.")
    var plain = false

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        // An empty name would put the responses at the top of the file system.
        if responses.isEmpty { throw ValidationError("--responses needs a folder's name") }
    }
}
