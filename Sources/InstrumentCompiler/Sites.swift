import Expressions
import YAMLTree

/// An expression found while decoding, kept with its place so it can be checked
/// once every question is known.
struct ExpressionSite {
    enum Role {
        case showIf, validIf, value, choiceShowIf, safeguarding
        /// A soft check's condition: on the answer, as a valid_if is.
        case warnIf
    }

    var role: Role
    var scalar: Scalar
    var parsed: Result<Expr, ExpressionError>
    /// The question the expression belongs to, or nil for a section's condition.
    var question: String?
    /// Index of the first question that comes after the expression's place.
    var position: Int
    var sectionID: String
    /// The safeguarding rule whose `when` this is.
    var rule: String? = nil
}

/// A text that pipes answers in with `{id}`.
struct PipingSite {
    var scalar: Scalar
    /// Questions with an index below this may be piped in.
    var position: Int
    var owner: String
    /// The section the text belongs to (nil outside sections), so that a repeated question is
    /// piped in only inside its own repeat.
    var section: String? = nil
}

/// Maps an offset inside a scalar's text to a position in the file.
enum ScalarPosition {
    /// Exact for a scalar on one line; otherwise the scalar's start, which is still the right line to look at.
    static func mark(of offset: Int, in scalar: Scalar) -> Mark {
        guard scalar.start.line == scalar.end.line else { return scalar.start }
        switch scalar.style {
        case .plain: return Mark(line: scalar.start.line, column: scalar.start.column + offset)
        case .singleQuoted, .doubleQuoted: return Mark(line: scalar.start.line, column: scalar.start.column + 1 + offset)
        case .literal, .folded: return scalar.start
        }
    }
}
