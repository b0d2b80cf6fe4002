import ArgumentParser
import Foundation

/// Runs the command line and turns every outcome into one of the documented exit codes:
/// 0 clean, 1 problems found in the input, 2 wrong use of the command.
public enum FieldworkMain {
    public static func run(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try Fieldwork.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let code = Fieldwork.exitCode(for: error)
            if code == .success {
                Fieldwork.exit(withError: error)
            }
            Platform.write(Fieldwork.fullMessage(for: error) + "\n", to: 2)
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

struct Fieldwork: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fieldwork",
        abstract: "Compile, check and run survey and interview instruments written in YAML.",
        version: "0.1.0",
        subcommands: [NewCommand.self, CheckCommand.self, CompileCommand.self, PreviewCommand.self, DiffCommand.self, SimulateCommand.self, TestCommand.self, RunCommand.self, InterviewCommand.self, ResumeCommand.self, StatusCommand.self, ExportCommand.self, SummaryCommand.self, WithdrawCommand.self]
    )
}

/// A usage error: printed with the command's usage, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Decided once: colour only on a terminal, never with NO_COLOR or TERM=dumb, unless asked for.
    func enabled(fd: Int32 = 1) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = Platform.environment("NO_COLOR"), !noColor.isEmpty { return false }
            if Platform.environment("TERM") == "dumb" { return false }
            return Platform.isTerminal(fd)
        }
    }
}
