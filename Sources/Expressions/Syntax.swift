/// A span of an expression's text, in characters (Unicode scalars) from its start, end-exclusive.
///
/// Not `Span`, which since Swift 6.2 is the standard library's view of contiguous memory.
public struct SourceSpan: Sendable, Equatable, Hashable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { max(1, end - start) }

    func to(_ other: SourceSpan) -> SourceSpan { SourceSpan(start, other.end) }
}

public enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in`
    case plus = "+", minus = "-", times = "*", divide = "/"

    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in: 4
        case .plus, .minus: 5
        case .times, .divide: 6
        }
    }

    public var isComparison: Bool { precedence == 4 && self != .in }
    public var isOrdering: Bool { [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(self) }
    public var isArithmetic: Bool { precedence >= 5 }
}

/// A reference to an answer: a question id, a matrix row (`wellbeing.connected`), or `.`.
public struct Reference: Sendable, Equatable, Hashable {
    /// nil for `.`, the answer being checked in `valid_if`.
    public var id: String?
    public var row: String?

    public init(id: String?, row: String? = nil) {
        self.id = id
        self.row = row
    }

    public var name: String {
        guard let id else { return "." }
        return row.map { "\(id).\($0)" } ?? id
    }
}

public indirect enum ExprKind: Sendable, Equatable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case reference(Reference)
    case list([Expr])
    case not(Expr)
    case negate(Expr)
    case binary(BinaryOperator, Expr, Expr)
    case call(String, [Expr])
}

/// One node of a parsed expression, with where it stands in the text.
public struct Expr: Sendable, Equatable {
    public var kind: ExprKind
    public var span: SourceSpan

    public init(_ kind: ExprKind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }

    /// Every reference in the expression, in order of appearance.
    public var references: [(Reference, SourceSpan)] {
        var found: [(Reference, SourceSpan)] = []
        visit { expr in
            if case .reference(let r) = expr.kind { found.append((r, expr.span)) }
        }
        return found
    }

    /// The expression with `.` (the answer a `valid_if` checks) written as the question `id`, so
    /// that a rule on one answer can be stated where another condition uses that answer.
    public func naming(answerAs id: String) -> Expr {
        func walk(_ e: Expr) -> Expr {
            switch e.kind {
            case .number, .string, .bool: return e
            case .reference(let r): return r.id == nil ? Expr(.reference(Reference(id: id, row: r.row)), e.span) : e
            case .list(let items): return Expr(.list(items.map(walk)), e.span)
            case .call(let name, let args): return Expr(.call(name, args.map(walk)), e.span)
            case .not(let inner): return Expr(.not(walk(inner)), e.span)
            case .negate(let inner): return Expr(.negate(walk(inner)), e.span)
            case .binary(let op, let a, let b): return Expr(.binary(op, walk(a), walk(b)), e.span)
            }
        }
        return walk(self)
    }

    /// Calls `body` on this node and every node inside it, outermost first.
    public func visit(_ body: (Expr) -> Void) {
        body(self)
        switch kind {
        case .number, .string, .bool, .reference: break
        case .list(let items), .call(_, let items): items.forEach { $0.visit(body) }
        case .not(let e), .negate(let e): e.visit(body)
        case .binary(_, let a, let b):
            a.visit(body)
            b.visit(body)
        }
    }
}

/// A problem in an expression, located by its span inside the expression's text.
public struct ExpressionError: Sendable, Equatable, Error {
    public enum Code: String, Sendable {
        case syntax = "expression-syntax"
        case unknownID = "unknown-id"
        case forwardReference = "forward-reference"
        case unknownChoice = "unknown-choice"
        case typeMismatch = "type-mismatch"
        case unknownFunction = "unknown-function"
        case wrongArguments = "wrong-arguments"
        case notACondition = "not-a-condition"
        case limitExceeded = "limit-exceeded"
        case outOfRange = "out-of-range"
        case instanceReference = "instance-reference"
    }

    public var code: Code
    public var message: String
    public var hint: String?
    public var span: SourceSpan

    public init(_ code: Code, _ message: String, hint: String? = nil, at span: SourceSpan) {
        self.code = code
        self.message = message
        self.hint = hint
        self.span = span
    }
}

