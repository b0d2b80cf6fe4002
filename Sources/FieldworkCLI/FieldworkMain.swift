import ArgumentParser
import Foundation

/// Runs the command line and leaves with a status from `ExitStatus`.
///
/// The one place where a failure becomes text: commands throw a `FieldworkFailure` (or let a
/// library's `StoreError` or `ExportError` pass up), and it is worded and given its status here;
/// anything else is swift-argument-parser's (help, version, wrong use), which words it itself.
public enum FieldworkMain {
    public static func run(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try Fieldwork.parseAsRoot(arguments)
            try command.run()
            exit(ExitStatus.success.rawValue)
        } catch {
            if let failure = FieldworkFailure(error) {
                Platform.write(failure.message, to: 2)
                exit(failure.status.rawValue)
            }
            let code = Fieldwork.exitCode(for: error)
            if code == .success {
                // --help and --version: the parser prints them on standard output.
                Fieldwork.exit(withError: error)
            }
            Platform.write(Fieldwork.fullMessage(for: error) + "\n", to: 2)
            // The parser's own status for wrong use (64, EX_USAGE) becomes ours.
            exit((code == .validationFailure ? ExitStatus.wrongUse : .failure).rawValue)
        }
    }
}
