/// Parses the expression language by precedence climbing:
/// `or` < `and` < `not` < comparisons and `in` (not chained) < `+ -` < `* /` < unary `-`.
///
/// Tokens are read from the lexer as the parser needs them, so a hostile expression is refused at
/// the first limit it crosses (see `ExpressionLimits`) without the rest of it being read.
public struct Parser {
    private var lexer: Lexer
    private var current: Token
    /// The token after `current`, read only when `not in` needs to be told from `not`.
    private var lookahead: Token?
    /// Open parentheses, brackets, calls, `not`s and unary `-`s around the current token.
    private var depth = 0
    /// Values, references and calls read so far.
    private var terms = 0

    public static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false"]

    /// Parses a whole expression, or throws the first syntax error.
    public static func parse(_ source: String) throws(ExpressionError) -> Expr {
        var parser = try Parser(lexer: Lexer(source))
        if parser.current.kind == .end {
            throw ExpressionError(.syntax, "the expression is empty", hint: "write a condition such as: age >= 18", at: SourceSpan(0, 0))
        }
        let expr = try parser.expression(minimum: 1)
        guard parser.current.kind == .end else {
            throw parser.unexpected("here", hint: "join conditions with 'and' or 'or'")
        }
        return expr
    }

    private init(lexer: Lexer) throws(ExpressionError) {
        self.lexer = lexer
        current = try self.lexer.next()
    }

    @discardableResult
    private mutating func advance() throws(ExpressionError) -> Token {
        let token = current
        guard token.kind != .end else { return token }
        if let next = lookahead {
            current = next
            lookahead = nil
        } else {
            current = try lexer.next()
        }
        return token
    }

    private mutating func peekNext() throws(ExpressionError) -> Token {
        if let next = lookahead { return next }
        let next = current.kind == .end ? current : try lexer.next()
        lookahead = next
        return next
    }

    /// Runs `body` one level deeper, refusing nesting beyond `ExpressionLimits.maxDepth`.
    ///
    /// The parser, type checker, evaluator and printer all recurse once per level, so an
    /// unbounded depth (10,000 parentheses) overflowed the stack and killed the process.
    private mutating func nested<T>(at span: SourceSpan, _ body: (inout Parser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
        guard depth < ExpressionLimits.maxDepth else {
            throw ExpressionError(
                .limitExceeded, "this expression is nested more than \(ExpressionLimits.maxDepth) levels deep",
                hint: "a condition needs a few levels of parentheses at most; check for repeated '(', 'not' or '-'", at: span)
        }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    /// Counts one value, reference or call, refusing more than `ExpressionLimits.maxTerms`.
    private mutating func countTerm(at span: SourceSpan) throws(ExpressionError) {
        terms += 1
        guard terms <= ExpressionLimits.maxTerms else {
            throw ExpressionError(
                .limitExceeded, "this expression has more than \(ExpressionLimits.maxTermsText) values and names",
                hint: "split it: a 'calculate' question can hold part of it, and a list with 'in' replaces a chain of 'or's", at: span)
        }
    }

    private func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }
    private func isWord(_ w: String) -> Bool { current.kind == .identifier(w) }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .number(let n): "the number \(Printer.number(n))"
        case .string(let s): "the text \"\(s)\""
        case .identifier(let i): "'\(i)'"
        case .symbol(let s): "'\(s)'"
        case .end: "the end of the expression"
        }
    }

    private func unexpected(_ place: String, hint: String? = nil) -> ExpressionError {
        ExpressionError(.syntax, "unexpected \(describe(current)) \(place)", hint: hint, at: current.span)
    }

    /// The binary operator at the current token, if any (with `not in` as one operator).
    private mutating func binaryOperator() throws(ExpressionError) -> (BinaryOperator, negated: Bool, width: Int)? {
        switch current.kind {
        case .identifier("and"): return (.and, false, 1)
        case .identifier("or"): return (.or, false, 1)
        case .identifier("in"): return (.in, false, 1)
        case .identifier("not") where try peekNext().kind == .identifier("in"): return (.in, true, 2)
        case .symbol(let s):
            guard let op = BinaryOperator(rawValue: s) else { return nil }
            return (op, false, 1)
        default: return nil
        }
    }

    private mutating func expression(minimum: Int) throws(ExpressionError) -> Expr {
        var left = try unary(minimum: minimum)
        while let (op, negated, width) = try binaryOperator(), op.precedence >= minimum {
            for _ in 0..<width { try advance() }
            let right = try expression(minimum: op.precedence + 1)
            if op.precedence == 4, let (next, _, _) = try binaryOperator(), next.precedence == 4 {
                throw ExpressionError(
                    .syntax, "comparisons cannot be chained",
                    hint: "write each comparison on its own and join them with 'and': a < b and b < c",
                    at: current.span)
            }
            let node = Expr(.binary(op, left, right), left.span.to(right.span))
            left = negated ? Expr(.not(node), node.span) : node
        }
        return left
    }

    private mutating func unary(minimum: Int) throws(ExpressionError) -> Expr {
        if isWord("not"), minimum <= 3 {
            let start = try advance().span
            let operand = try nested(at: start) { (p) throws(ExpressionError) in try p.expression(minimum: 3) }
            return Expr(.not(operand), start.to(operand.span))
        }
        if isSymbol("-") {
            let start = try advance().span
            let operand = try nested(at: start) { (p) throws(ExpressionError) in try p.unary(minimum: 7) }
            if case .number(let n) = operand.kind { return Expr(.number(-n), start.to(operand.span)) }
            return Expr(.negate(operand), start.to(operand.span))
        }
        return try primary()
    }

    private mutating func primary() throws(ExpressionError) -> Expr {
        let token = current
        if case .number = token.kind { try countTerm(at: token.span) }
        if case .string = token.kind { try countTerm(at: token.span) }
        if case .identifier(let word) = token.kind, word == "true" || word == "false" || !Self.keywords.contains(word) {
            try countTerm(at: token.span)
        }
        switch token.kind {
        case .number(let n):
            try advance()
            return Expr(.number(n), token.span)
        case .string(let s):
            try advance()
            return Expr(.string(s), token.span)
        case .identifier("true"), .identifier("false"):
            try advance()
            return Expr(.bool(token.kind == .identifier("true")), token.span)
        case .identifier(let word) where Self.keywords.contains(word):
            throw unexpected("where a value should be", hint: "'\(word)' joins or negates conditions; put a value before or after it")
        case .identifier(let name):
            try advance()
            if isSymbol("(") { return try call(name, at: token.span) }
            if isSymbol(".") {
                try advance()
                guard case .identifier(let row) = current.kind, !Self.keywords.contains(row) else {
                    throw unexpected("after '\(name).'", hint: "a matrix row is written question.row, such as wellbeing.connected")
                }
                let end = try advance().span
                return Expr(.reference(Reference(id: name, row: row)), token.span.to(end))
            }
            return Expr(.reference(Reference(id: name)), token.span)
        case .symbol("."):
            try advance()
            return Expr(.reference(Reference(id: nil)), token.span)
        case .symbol("("):
            try advance()
            let inner = try nested(at: token.span) { (p) throws(ExpressionError) in try p.expression(minimum: 1) }
            guard isSymbol(")") else { throw unexpected("where ')' should close the '(' at \(token.span.start + 1)", hint: "add ')'") }
            let end = try advance().span
            return Expr(inner.kind, token.span.to(end))
        case .symbol("["):
            try advance()
            var items: [Expr] = []
            while !isSymbol("]") {
                items.append(try nested(at: token.span) { (p) throws(ExpressionError) in try p.expression(minimum: 1) })
                if isSymbol(",") { try advance(); continue }
                guard isSymbol("]") else { throw unexpected("in a list", hint: "separate items with ',' and close the list with ']'") }
            }
            let end = try advance().span
            return Expr(.list(items), token.span.to(end))
        case .end:
            throw unexpected("where a value should be", hint: "the expression is incomplete")
        case .symbol:
            throw unexpected("where a value should be")
        }
    }

    private mutating func call(_ name: String, at start: SourceSpan) throws(ExpressionError) -> Expr {
        try advance()
        var arguments: [Expr] = []
        while !isSymbol(")") {
            arguments.append(try nested(at: start) { (p) throws(ExpressionError) in try p.expression(minimum: 1) })
            if isSymbol(",") { try advance(); continue }
            guard isSymbol(")") else { throw unexpected("in the arguments of \(name)()", hint: "separate arguments with ',' and close with ')'") }
        }
        let end = try advance().span
        return Expr(.call(name, arguments), start.to(end))
    }
}
