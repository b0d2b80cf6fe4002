/// An instrument's text as the screen should flow it. A YAML `|` block keeps the line breaks of
/// the file, which were made for an editor's width, not the participant's: left as they are, a
/// narrow window shows half-empty lines and a wide one orphans. So single line breaks join lines
/// into paragraphs, while what a writer meant stays: a blank line between paragraphs, a list
/// item (`- `, `* `, `• `, `1. `, `1) `) and an indented line each start a line of their own.
///
/// Done when a text is shown (`Session.render`), not when compiling: the compiled instrument and
/// its codebook keep the text as written, and its hash does not change.
enum Reflow {
    static func paragraphs(_ text: String) -> String {
        guard text.contains("\n") else { return text }
        var out = ""
        var previousBlank = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let blank = line.allSatisfy(\.isWhitespace)
            if blank {
                if !previousBlank { out += "\n" }
                previousBlank = true
                continue
            }
            if out.isEmpty {
                out += line
            } else if previousBlank {
                out += "\n" + line
            } else if startsALine(line) {
                out += "\n" + line
            } else {
                while out.last == " " { out.removeLast() }
                out += " " + line
            }
            previousBlank = false
        }
        // A blank line is kept as the break between two paragraphs, never at the end.
        while out.last == "\n" { out.removeLast() }
        return out
    }

    /// A line that keeps its own start: indented, or a list item.
    static func startsALine(_ line: Substring) -> Bool {
        guard let first = line.first else { return false }
        if first == " " || first == "\t" { return true }
        if ["- ", "* ", "• ", "– "].contains(where: { line.hasPrefix($0) }) { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return false }
        let rest = line.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }
}
