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
