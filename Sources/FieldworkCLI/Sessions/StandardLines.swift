import PromptUI

/// Standard input and output as the plain driver's lines.
struct StandardLines: LineIO {
    mutating func readLine() -> String? { Platform.readLine() }
    mutating func write(_ text: String) { Platform.write(text) }
}
