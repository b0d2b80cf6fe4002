/// Mistakes recognised from the text of the line libyaml stopped on, because its own complaint
/// names a symptom far from the cause: a quoted label that opens a condition reads as "not lined
/// up", a key indented too far as "a ':' here starts a new key".
extension LibYAMLErrors {
    /// A mistake the line shows, worded for the author, or nil to fall back on libyaml's complaint.
    static func fromLine(problem: String, at: Mark, source: [UInt8]) -> YAMLProblem? {
        if let invisible = invisibleSpace(near: at, in: source) { return invisible }
        guard let line = line(at.line, in: source) else { return nil }
        switch problem {
        case "found unknown escape character":
            return unknownEscape(at: at, line: line)
        case "mapping values are not allowed in this context":
            return overIndented(at: at, line: line, source: source)
        default:
            return quotedStart(at: at, line: line)
        }
    }

    /// Characters that look like a space but are not one to YAML, so a line indented with one
    /// starts with text; they come with text copied from word processors and web pages.
    static let invisibleSpaces: [Unicode.Scalar: String] = [
        "\u{A0}": "a non-breaking space (U+00A0)", "\u{2007}": "a figure space (U+2007)",
        "\u{202F}": "a narrow non-breaking space (U+202F)", "\u{200B}": "a zero-width space (U+200B)",
        "\u{2002}": "an en space (U+2002)", "\u{2003}": "an em space (U+2003)", "\u{2009}": "a thin space (U+2009)",
        "\u{3000}": "an ideographic space (U+3000)", "\u{FEFF}": "a zero-width no-break space (U+FEFF)",
    ]

    /// The first invisible space in the indentation of the error's line or the line before it.
    private static func invisibleSpace(near at: Mark, in source: [UInt8]) -> YAMLProblem? {
        for number in [at.line - 1, at.line] {
            guard let line = line(number, in: source) else { continue }
            for (index, c) in line.enumerated() {
                if let name = invisibleSpaces[c] {
                    return YAMLProblem(
                        kind: .syntax,
                        message: "the indentation holds \(name) at column \(index + 1), which YAML does not count as a space",
                        hint: "replace it with an ordinary space; it usually comes with text copied from a word processor or a web page",
                        at: Mark(line: number, column: index + 1))
                }
                if c != " " && c != "-" { break }
            }
        }
        return nil
    }

    /// `"\d+"`: in double quotes a backslash starts an escape, and `\d` is none.
    private static func unknownEscape(at: Mark, line: [Unicode.Scalar]) -> YAMLProblem? {
        let slash = at.column - 1
        guard slash + 1 < line.count, line[slash] == "\\" else { return nil }
        let escape = "\\" + String(line[slash + 1])
        var hint = "write it in single quotes, where a backslash is kept as written"
        if let open = line[..<slash].lastIndex(of: "\""), let close = closingQuote(line, from: open) {
            let inner = String(String.UnicodeScalarView(line[(open + 1)..<close]))
            hint = "in single quotes a backslash is kept as written: '\(inner.replacingQuotes)'"
        }
        return YAMLProblem(kind: .syntax, message: "'\(escape)' is not an escape YAML knows inside double quotes",
                           hint: hint, at: at, length: 2)
    }

    /// `show_if: "Online forum" in activities`: a value that opens with a quote ends at the
    /// closing quote, so whatever follows on the line is an error.
    private static func quotedStart(at: Mark, line: [Unicode.Scalar]) -> YAMLProblem? {
        let (prefix, valueStart) = valueStart(of: line)
        guard valueStart < line.count, line[valueStart] == "\"" || line[valueStart] == "'",
              let close = closingQuote(line, from: valueStart), at.column - 1 > close else { return nil }
        var end = line.count
        for i in (close + 1)..<line.count where line[i] == "#" && line[i - 1] == " " {
            end = i
            break
        }
        while end > close + 1, line[end - 1] == " " { end -= 1 }
        guard end > close + 1 else { return nil }
        let value = String(String.UnicodeScalarView(line[valueStart..<end]))
        return YAMLProblem(kind: .syntax, message: "this value starts with a quoted text and goes on after the closing quote",
                           hint: "put the whole value in single quotes: \(prefix)'\(value.replacingQuotes)'",
                           at: Mark(line: at.line, column: valueStart + 1))
    }

    /// A key indented past the key above it: YAML reads it as more of that key's plain value,
    /// until its ':' makes no sense.
    private static func overIndented(at: Mark, line: [Unicode.Scalar], source: [UInt8]) -> YAMLProblem? {
        let indent = line.prefix { $0 == " " }.count
        let key = line[indent...].prefix { $0 != ":" && $0 != " " }
        guard !key.isEmpty, at.column - 1 == indent + key.count else { return nil }
        var number = at.line - 1
        while number >= 1, let above = self.line(number, in: source) {
            let content = above.drop { $0 == " " }
            if content.isEmpty || content.first == "#" { number -= 1; continue }
            let (_, valueStart) = valueStart(of: above)
            var keyColumn = above.prefix { $0 == " " }.count
            while above.count > keyColumn + 1, above[keyColumn] == "-", above[keyColumn + 1] == " " {
                keyColumn += 2
                while keyColumn < above.count, above[keyColumn] == " " { keyColumn += 1 }
            }
            let aboveKey = above[keyColumn...].prefix { $0 != ":" }
            // Only a plain value on the line above runs on into this one.
            guard indent > keyColumn, valueStart < above.count, valueStart > keyColumn,
                  !["|", ">", "\"", "'", "[", "{", "&", "*"].contains(above[valueStart]) else { return nil }
            let name = String(String.UnicodeScalarView(key))
            let aboveName = String(String.UnicodeScalarView(aboveKey))
            return YAMLProblem(kind: .syntax, message: "'\(name)' is indented further than '\(aboveName)' above it, so YAML reads it as part of that value",
                               hint: "indent '\(name)' by \(keyColumn) spaces, as '\(aboveName)' is",
                               at: Mark(line: at.line, column: indent + 1), length: key.count)
        }
        return nil
    }

    /// Where the value of a `key: value` or `- value` line starts, and the text before it
    /// without its indentation (`show_if: `, `- `).
    private static func valueStart(of line: [Unicode.Scalar]) -> (prefix: String, index: Int) {
        let indent = line.prefix { $0 == " " }.count
        var i = indent
        while i + 1 < line.count, line[i] == "-", line[i + 1] == " " {
            i += 2
            while i < line.count, line[i] == " " { i += 1 }
        }
        if i < line.count, line[i] != "\"", line[i] != "'" {
            var j = i
            while j + 1 < line.count, !(line[j] == ":" && line[j + 1] == " ") { j += 1 }
            if j + 1 < line.count {
                i = j + 2
                while i < line.count, line[i] == " " { i += 1 }
            }
        }
        return (String(String.UnicodeScalarView(line[indent..<min(i, line.count)])), i)
    }

    /// The index of the quote that closes the one at `open`, skipping `\"` in double quotes and `''` in single.
    private static func closingQuote(_ line: [Unicode.Scalar], from open: Int) -> Int? {
        let quote = line[open]
        var i = open + 1
        while i < line.count {
            if quote == "\"", line[i] == "\\" { i += 2; continue }
            if line[i] == quote {
                if quote == "'", i + 1 < line.count, line[i + 1] == "'" { i += 2; continue }
                return i
            }
            i += 1
        }
        return nil
    }

    /// Line `number` (from 1) as Unicode scalars, one per column, without its line ending.
    static func line(_ number: Int, in source: [UInt8]) -> [Unicode.Scalar]? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = 0
        for (i, byte) in source.enumerated() where byte == 0x0A {
            if current == number { return scalars(source[start..<i]) }
            current += 1
            start = i + 1
        }
        return current == number ? scalars(source[start...]) : nil
    }

    private static func scalars(_ bytes: ArraySlice<UInt8>) -> [Unicode.Scalar] {
        Array(String(decoding: bytes.last == 0x0D ? bytes.dropLast() : bytes, as: UTF8.self).unicodeScalars)
    }
}

private extension String {
    /// The text as it stands inside single quotes, where a quote is written twice.
    var replacingQuotes: String {
        var out = ""
        for c in self { out += c == "'" ? "''" : String(c) }
        return out
    }
}
