/// How large an expression may be.
///
/// A condition in a real instrument has a handful of terms and two or three levels of
/// parentheses. Every stage that walks an expression
/// (parser, type checker, evaluator, printer, route analysis, and the release of the tree itself)
/// recurses once per level of the tree, so a file with 10,000 nested parentheses or 50,000
/// `and`s overflowed the stack. These bounds leave two orders of magnitude of room above real
/// use while keeping the deepest tree (a chain of `maxTerms` terms) a few thousand frames deep.
public enum ExpressionLimits {
    /// Most levels of parentheses, brackets, function calls, `not` and unary `-`, one inside another.
    public static let maxDepth = 64
    /// Most values, names and calls in one expression.
    public static let maxTerms = 2_000
    static let maxTermsText = "2,000"
    /// The largest number an expression may write: the bound on every number of an instrument.
    public static let maxNumber = InstrumentNumbers.maxMagnitude
}
