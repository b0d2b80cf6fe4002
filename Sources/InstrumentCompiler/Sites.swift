import Expressions
import YAMLTree

/// An expression found while decoding, kept with its place so it can be checked
/// once every question is known.
///
/// A class, never changed once made: the checks pass each site to several functions and closures,
/// and a copy of the struct it was (a scalar, a parsed tree, several strings) cost a retain and a
/// release of each part, a fortieth of `check` on a 10,000-question form.
final class ExpressionSite: Sendable {
    enum Role {
        case showIf, validIf, value, choiceShowIf, safeguarding
        /// A soft check's condition: on the answer, as a valid_if is.
        case warnIf
    }

    let role: Role
    let scalar: Scalar
    let parsed: Result<Expr, ExpressionError>
    /// The question the expression belongs to, or nil for a section's condition.
    let question: String?
    /// Index of the first question that comes after the expression's place.
    let position: Int
    let sectionID: String
    /// The safeguarding rule whose `when` this is.
    let rule: String?

    init(role: Role, scalar: Scalar, parsed: Result<Expr, ExpressionError>, question: String?, position: Int, sectionID: String, rule: String? = nil) {
        self.role = role
        self.scalar = scalar
        self.parsed = parsed
        self.question = question
        self.position = position
        self.sectionID = sectionID
        self.rule = rule
    }

    /// The same site, as the condition of safeguarding rule `rule`.
    func of(rule: String) -> ExpressionSite {
        ExpressionSite(role: role, scalar: scalar, parsed: parsed, question: question, position: position, sectionID: sectionID, rule: rule)
    }
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
