import Foundation

extension ScriptedTerminal {
    /// Every full screen the driver drew, in order, read back from what was written (as a terminal
    /// would show it): for screens that a later one replaces, such as the help overlay.
    public var screens: [[String]] {
        var rows: [Int: String] = [:]
        var out: [[String]] = []
        let line = try! NSRegularExpression(pattern: "\u{1B}\\[(\\d+);1H(.*?)\u{1B}\\[0m\u{1B}\\[K", options: [.dotMatchesLineSeparators])
        // Each frame ends by showing or hiding the cursor.
        for chunk in written.components(separatedBy: "\u{1B}[?25") where !chunk.isEmpty {
            if chunk.contains("\u{1B}[2J") { rows = [:] }
            let text = chunk as NSString
            var drew = false
            for match in line.matches(in: chunk, range: NSRange(location: 0, length: text.length)) {
                rows[Int(text.substring(with: match.range(at: 1))) ?? 0] = text.substring(with: match.range(at: 2))
                drew = true
            }
            if drew { out.append((1...(rows.keys.max() ?? 0)).map { rows[$0] ?? "" }) }
        }
        return out
    }
}
