enum TokenKind: Equatable {
    case number(Double)
    case string(String)
    case identifier(String)
    case symbol(String)
    case end
}

struct Token: Equatable {
    var kind: TokenKind
    var span: SourceSpan
}

/// Splits an expression into tokens. Offsets count Unicode scalars, as libyaml's columns do,
/// so a diagnostic can point at the right column of the YAML line.
struct Lexer {
    private let chars: [Unicode.Scalar]
    private var index = 0

    init(_ source: String) {
        chars = Array(source.unicodeScalars)
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < chars.count ? chars[index + ahead] : nil
    }

    /// The text of scalars known to be ASCII (a number's or a name's), written straight as
    /// bytes: building a scalar view and converting it cost over 1% of `check`'s time.
    private func ascii(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            for (k, i) in range.enumerated() { buffer[k] = UInt8(truncatingIfNeeded: chars[i].value) }
            return range.count
        }
    }

    private static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c >= "0" && c <= "9"
    }

    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    /// The next token; `.end` once the text is used up, and again on every later call.
    mutating func next() throws(ExpressionError) -> Token {
        while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" { index += 1 }
        let start = index
        guard let c = peek() else { return Token(kind: .end, span: SourceSpan(index, index)) }

        if Self.isDigit(c) || (c == "." && Self.isDigit(peek(1))) {
            while Self.isDigit(peek()) { index += 1 }
            if peek() == ":", Self.isDigit(peek(1)) {
                // `woke < 07:30`: a time written as in a YAML value, which an expression reads as text.
                index += 1
                while Self.isDigit(peek()) { index += 1 }
                let time = String(String.UnicodeScalarView(chars[start..<index]))
                throw ExpressionError(.syntax, "the time \(time) needs quotes", hint: "write it \"\(time)\"", at: SourceSpan(start, index))
            }
            if peek() == ".", Self.isDigit(peek(1)) {
                index += 1
                while Self.isDigit(peek()) { index += 1 }
            }
            let text = ascii(start..<index)
            guard let value = Double(text) else {
                throw ExpressionError(.syntax, "'\(text)' is not a number", at: SourceSpan(start, index))
            }
            guard value <= ExpressionLimits.maxNumber else {
                throw ExpressionError(.outOfRange, "the number \(text) is larger than \(InstrumentNumbers.limitText), the largest an expression may use",
                                      hint: "numbers this large cannot be stored exactly; compare with a smaller one", at: SourceSpan(start, index))
            }
            return Token(kind: .number(value), span: SourceSpan(start, index))
        }
        if Self.isIdentifierStart(c) {
            while let d = peek(), Self.isIdentifierStart(d) || Self.isDigit(d) { index += 1 }
            return Token(kind: .identifier(ascii(start..<index)), span: SourceSpan(start, index))
        }
        if c == "\"" || c == "'" {
            return try string(quote: c)
        }
        // Compared as characters: building the pair as a string and looking it up in an array
        // literal cost two allocations on every token of every condition.
        let second = peek(1)
        if second == "=", c == "=" || c == "!" || c == "<" || c == ">" {
            index += 2
            return Token(kind: .symbol(String(c) + "="), span: SourceSpan(start, index))
        }
        if second == c, c == "&" || c == "|" {
            let two = String(c) + String(c)
            let word = two == "&&" ? "and" : "or"
            throw ExpressionError(.syntax, "'\(two)' is not an operator here", hint: "write '\(word)'", at: SourceSpan(start, start + 2))
        }
        switch c {
        case "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",", ".":
            index += 1
            return Token(kind: .symbol(String(c)), span: SourceSpan(start, index))
        case "=":
            throw ExpressionError(.syntax, "'=' on its own is not a comparison", hint: "write '==' to test whether two values are equal", at: SourceSpan(start, start + 1))
        case "!":
            throw ExpressionError(.syntax, "'!' is not an operator here", hint: "write 'not', or '!=' for 'is not equal to'", at: SourceSpan(start, start + 1))
        default:
            throw ExpressionError(.syntax, "unexpected character '\(c)'", hint: "put text in quotes: \"like this\"", at: SourceSpan(start, start + 1))
        }
    }

    private mutating func string(quote: Unicode.Scalar) throws(ExpressionError) -> Token {
        let start = index
        index += 1
        var text = String.UnicodeScalarView()
        while let c = peek() {
            index += 1
            if c == quote { return Token(kind: .string(String(text)), span: SourceSpan(start, index)) }
            if c == "\\", let escaped = peek() {
                index += 1
                text.append(escaped == "n" ? "\n" : escaped)
            } else {
                text.append(c)
            }
        }
        throw ExpressionError(.syntax, "this text has no closing \(quote)", hint: "end the text with \(quote)", at: SourceSpan(start, start + 1))
    }
}
