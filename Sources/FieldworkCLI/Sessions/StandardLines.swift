import PromptUI

/// Standard input and output as the plain driver's lines.
struct StandardLines: LineIO {
    /// Minutes without a line after which reading ends as at the end of input (the session is
    /// saved and left); nil: no limit.
    var idleMinutes: Int?
    /// Whether reading ended that way; a class, as the driver keeps its own copy of the lines.
    let idle = IdleFlag()

    mutating func readLine() -> String? {
        switch Platform.readLine(within: idleMinutes.map { $0 * 60_000 }) {
        case .line(let line): return line
        case .end: return nil
        case .idle:
            idle.timedOut = true
            return nil
        }
    }

    /// Wrapped at spaces where the output is a terminal (which would break words at its edge).
    mutating func write(_ text: String) { Platform.write(Platform.flowing(text)) }
}

/// Set once standard input went `idle_minutes` without a line.
final class IdleFlag {
    var timedOut = false
}
