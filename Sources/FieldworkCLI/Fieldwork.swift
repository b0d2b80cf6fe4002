import ArgumentParser

/// The root command: no work of its own, only the subcommands, listed in the order of a study
/// (write, check, try out, run, then analyse) so that `fieldwork --help` reads as the workflow.
struct Fieldwork: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fieldwork",
        abstract: "Compile, check and run survey and interview instruments written in YAML.",
        discussion: ExitStatus.summary,
        version: "0.1.0",
        subcommands: [NewCommand.self, CheckCommand.self, CompileCommand.self, PreviewCommand.self, DiffCommand.self, SimulateCommand.self, TestCommand.self, KeysCommand.self, RunCommand.self, InterviewCommand.self, ResumeCommand.self, ServeCommand.self, StatusCommand.self, ExportCommand.self, SummaryCommand.self, SafeguardingCommand.self, WithdrawCommand.self]
    )
}
