import ArgumentParser

/// The `--color` option: whether output is coloured.
///
/// Resolved to a plain `Bool` once per stream and passed down as a value (swift-format's habit),
/// so no renderer asks the environment itself.
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
