import CLibYAML

/// Turns libyaml's error state into a `YAMLProblem` in words an evaluator can act on.
enum LibYAMLErrors {
    static func problem(from parser: yaml_parser_t, source: [UInt8]) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "the YAML could not be read"
        if parser.error == YAML_READER_ERROR {
            let at = mark(ofByte: Int(parser.problem_offset), in: source)
            if problem.contains("UTF-8") || problem.contains("invalid") || problem.contains("incomplete") {
                let byte = Int(parser.problem_offset) < source.count ? source[Int(parser.problem_offset)] : 0
                return YAMLProblem(
                    kind: .invalidUTF8,
                    message: "the file is not valid UTF-8 text (byte 0x\(hex(byte)) cannot start or continue a character)",
                    hint: "save the file as UTF-8 in your editor ('Save with encoding' or 'Reopen with encoding')",
                    at: at
                )
            }
            return YAMLProblem(
                kind: .syntax,
                message: "the file contains a character YAML does not allow (\(problem))",
                hint: "remove control characters; if this is not a text file, check the file name",
                at: at
            )
        }
        let at = Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        if let tab = tab(near: at, in: source) {
            return YAMLProblem(
                kind: .tab,
                message: "a tab is used for indentation; YAML needs spaces",
                hint: "replace the tab with spaces (two per level is usual); most editors can convert tabs to spaces",
                at: tab
            )
        }
        if let fromLine = fromLine(problem: problem, at: at, source: source) { return fromLine }
        let context = parser.context.map { String(cString: $0) }
        let contextMark = Mark(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
        return reworded(problem: problem, context: context, contextMark: contextMark, at: at)
    }

    /// libyaml's complaints, reworded for people who are not programmers.
    private static func reworded(problem: String, context: String?, contextMark: Mark, at: Mark) -> YAMLProblem {
        let opened = context.map { " (\($0) at line \(contextMark.line))" } ?? ""
        switch problem {
        case "mapping values are not allowed in this context":
            return YAMLProblem(
                kind: .syntax,
                message: "a ':' here starts a new key where none is allowed",
                hint: "if the text itself contains ': ', put the whole text in quotes: \"like: this\"",
                at: at
            )
        case "did not find expected key":
            return YAMLProblem(
                kind: .syntax,
                message: "this line is not lined up with the keys around it\(opened)",
                hint: "indent every key of the same map by the same number of spaces",
                at: at
            )
        case "could not find expected ':'":
            return YAMLProblem(
                kind: .syntax,
                message: "a key here has no ':' after it\(opened)",
                hint: "write 'key: value'; if a text runs over several lines, start it with '|'",
                at: contextMark
            )
        case "did not find expected '-' indicator":
            return YAMLProblem(
                kind: .syntax,
                message: "this line is not lined up with the list items around it\(opened)",
                hint: "start every item of the same list with '-' at the same indentation",
                at: at
            )
        case "found unexpected end of stream":
            return YAMLProblem(
                kind: .syntax,
                message: "the file ends inside a quoted text or a bracket\(opened)",
                hint: "close the quote, '[' or '{' that was opened there",
                at: context == nil ? at : contextMark
            )
        case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
            return YAMLProblem(
                kind: .syntax,
                message: "a list or map in brackets is not closed properly\(opened)",
                hint: "separate items with ', ' and close the bracket; put text containing ',' or ':' in quotes",
                at: at
            )
        case "found character that cannot start any token":
            return YAMLProblem(
                kind: .syntax,
                message: "a value cannot start with this character",
                hint: "put the text in quotes: characters such as '@', '`' and '%' cannot start an unquoted value",
                at: at
            )
        default:
            return YAMLProblem(kind: .syntax, message: "\(problem)\(opened)", at: at)
        }
    }

    /// The first tab in the leading white space of the error's line or the line before it:
    /// libyaml reports a tab in indentation under many different complaints.
    private static func tab(near at: Mark, in source: [UInt8]) -> Mark? {
        var line = 1
        var column = 1
        var inIndent = true
        for byte in source {
            if byte == UInt8(ascii: "\n") {
                if line >= at.line { break }
                line += 1
                column = 1
                inIndent = true
                continue
            }
            if line >= at.line - 1 && inIndent && byte == UInt8(ascii: "\t") {
                return Mark(line: line, column: column)
            }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") { inIndent = false }
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        return nil
    }

    /// Line and column (in characters) of a byte offset.
    static func mark(ofByte offset: Int, in source: [UInt8]) -> Mark {
        var line = 1
        var column = 1
        for byte in source.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Mark(line: line, column: column)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
