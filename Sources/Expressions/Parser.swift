/// Parses the expression language by precedence climbing:
/// `or` < `and` < `not` < comparisons and `in` (not chained) < `+ -` < `* /` < unary `-`.
public struct Parser {
    private var tokens: [Token]
    private var position = 0

    public static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false"]

    /// Parses a whole expression, or throws the first syntax error.
    public static func parse(_ source: String) throws(ExpressionError) -> Expr {
        var lexer = Lexer(source)
        var parser = Parser(tokens: try lexer.tokens())
        if parser.current.kind == .end {
            throw ExpressionError(.syntax, "the expression is empty", hint: "write a condition such as: age >= 18", at: SourceSpan(0, 0))
        }
        let expr = try parser.expression(minimum: 1)
        guard parser.current.kind == .end else {
            throw parser.unexpected("here", hint: "join conditions with 'and' or 'or'")
        }
        return expr
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
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
    private func binaryOperator() -> (BinaryOperator, negated: Bool, width: Int)? {
        switch current.kind {
        case .identifier("and"): return (.and, false, 1)
        case .identifier("or"): return (.or, false, 1)
        case .identifier("in"): return (.in, false, 1)
        case .identifier("not") where tokens[position + 1].kind == .identifier("in"): return (.in, true, 2)
        case .symbol(let s):
            guard let op = BinaryOperator(rawValue: s) else { return nil }
            return (op, false, 1)
        default: return nil
        }
    }

    private mutating func expression(minimum: Int) throws(ExpressionError) -> Expr {
        var left = try unary(minimum: minimum)
        while let (op, negated, width) = binaryOperator(), op.precedence >= minimum {
            for _ in 0..<width { _ = advance() }
            let right = try expression(minimum: op.precedence + 1)
            if op.precedence == 4, let (next, _, _) = binaryOperator(), next.precedence == 4 {
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
            let start = advance().span
            let operand = try expression(minimum: 3)
            return Expr(.not(operand), start.to(operand.span))
        }
        if isSymbol("-") {
            let start = advance().span
            let operand = try unary(minimum: 7)
            if case .number(let n) = operand.kind { return Expr(.number(-n), start.to(operand.span)) }
            return Expr(.negate(operand), start.to(operand.span))
        }
        return try primary()
    }

    private mutating func primary() throws(ExpressionError) -> Expr {
        let token = current
        switch token.kind {
        case .number(let n):
            _ = advance()
            return Expr(.number(n), token.span)
        case .string(let s):
            _ = advance()
            return Expr(.string(s), token.span)
        case .identifier("true"), .identifier("false"):
            _ = advance()
            return Expr(.bool(token.kind == .identifier("true")), token.span)
        case .identifier(let word) where Self.keywords.contains(word):
            throw unexpected("where a value should be", hint: "'\(word)' joins or negates conditions; put a value before or after it")
        case .identifier(let name):
            _ = advance()
            if isSymbol("(") { return try call(name, at: token.span) }
            if isSymbol(".") {
                _ = advance()
                guard case .identifier(let row) = current.kind, !Self.keywords.contains(row) else {
                    throw unexpected("after '\(name).'", hint: "a matrix row is written question.row, such as wellbeing.connected")
                }
                let end = advance().span
                return Expr(.reference(Reference(id: name, row: row)), token.span.to(end))
            }
            return Expr(.reference(Reference(id: name)), token.span)
        case .symbol("."):
            _ = advance()
            return Expr(.reference(Reference(id: nil)), token.span)
        case .symbol("("):
            _ = advance()
            let inner = try expression(minimum: 1)
            guard isSymbol(")") else { throw unexpected("where ')' should close the '(' at \(token.span.start + 1)", hint: "add ')'") }
            let end = advance().span
            return Expr(inner.kind, token.span.to(end))
        case .symbol("["):
            _ = advance()
            var items: [Expr] = []
            while !isSymbol("]") {
                items.append(try expression(minimum: 1))
                if isSymbol(",") { _ = advance(); continue }
                guard isSymbol("]") else { throw unexpected("in a list", hint: "separate items with ',' and close the list with ']'") }
            }
            let end = advance().span
            return Expr(.list(items), token.span.to(end))
        case .end:
            throw unexpected("where a value should be", hint: "the expression is incomplete")
        case .symbol:
            throw unexpected("where a value should be")
        }
    }

    private mutating func call(_ name: String, at start: SourceSpan) throws(ExpressionError) -> Expr {
        _ = advance()
        var arguments: [Expr] = []
        while !isSymbol(")") {
            arguments.append(try expression(minimum: 1))
            if isSymbol(",") { _ = advance(); continue }
            guard isSymbol(")") else { throw unexpected("in the arguments of \(name)()", hint: "separate arguments with ',' and close with ')'") }
        }
        let end = advance().span
        return Expr(.call(name, arguments), start.to(end))
    }
}
