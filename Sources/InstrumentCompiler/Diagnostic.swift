import YAMLTree

public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// Every kind of problem the compiler reports. The raw values are stable: tools and
/// the reference rely on them, so a code is never renamed or reused.
public enum DiagnosticCode: String, Sendable, Codable, CaseIterable {
    // Reading the file
    case yamlSyntax = "yaml-syntax"
    case yamlTab = "yaml-tab"
    case invalidUTF8 = "invalid-utf8"
    case emptyFile = "empty-file"
    case duplicateKey = "duplicate-key"
    case limitExceeded = "limit-exceeded"
    // Structure and values
    case unknownKey = "unknown-key"
    case misplacedKey = "misplaced-key"
    case missingKey = "missing-key"
    case wrongType = "wrong-type"
    case invalidValue = "invalid-value"
    case unsupportedFormat = "unsupported-format"
    case invalidID = "invalid-id"
    case reservedID = "reserved-id"
    case duplicateID = "duplicate-id"
    case variableClash = "variable-clash"
    case missingCodeClash = "missing-code-clash"
    case unknownType = "unknown-type"
    case unknownChoiceSet = "unknown-choice-set"
    case duplicateChoice = "duplicate-choice"
    case minAboveMax = "min-above-max"
    case outOfRange = "out-of-range"
    case invalidPattern = "invalid-pattern"
    case slowPattern = "slow-pattern"
    case missingTranslation = "missing-translation"
    case noCatalogue = "no-catalogue"
    case emptyLabel = "empty-label"
    case duplicateRow = "duplicate-row"
    case unknownLanguage = "unknown-language"
    case emptyList = "empty-list"
    case interviewOnly = "interview-only"
    case ignoredKey = "ignored-key"
    // Expressions and piping
    case expressionSyntax = "expression-syntax"
    case unknownID = "unknown-id"
    case forwardReference = "forward-reference"
    case unknownChoice = "unknown-choice"
    case typeMismatch = "type-mismatch"
    case unknownFunction = "unknown-function"
    case wrongArguments = "wrong-arguments"
    case notACondition = "not-a-condition"
    case numericLabel = "numeric-label"
    // Routes
    case neverShown = "never-shown"
    case unsatisfiableValidIf = "unsatisfiable-valid-if"
    case unusedChoiceSet = "unused-choice-set"
    case calculateCycle = "calculate-cycle"
    case neverFires = "never-fires"
    case firesBeforeAnswers = "fires-before-answers"
    case scaleChanged = "scale-changed"
    case fingerprintMissing = "fingerprint-missing"
    // Repeats
    case repeatSource = "repeat-source"
    case repeatWithoutMax = "repeat-without-max"
    case instanceReference = "instance-reference"
}

/// One problem in one file, as data; `DiagnosticRenderer` is the one place that words its layout.
public struct Diagnostic: Sendable, Equatable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var hint: String?
    public var at: Mark
    /// Characters to underline from `at` (1 for a caret alone).
    public var length: Int

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, hint: String? = nil, at: Mark, length: Int = 1) {
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
        self.at = at
        self.length = max(1, length)
    }
}

/// Collects diagnostics while compiling one file.
struct Diagnostics {
    private(set) var items: [Diagnostic] = []

    mutating func error(_ code: DiagnosticCode, _ message: String, hint: String? = nil, at: Mark, length: Int = 1) {
        items.append(Diagnostic(.error, code, message, hint: hint, at: at, length: length))
    }

    mutating func warning(_ code: DiagnosticCode, _ message: String, hint: String? = nil, at: Mark, length: Int = 1) {
        items.append(Diagnostic(.warning, code, message, hint: hint, at: at, length: length))
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, hint: String? = nil, on node: Node) {
        error(code, message, hint: hint, at: node.start, length: Self.width(of: node))
    }

    mutating func warning(_ code: DiagnosticCode, _ message: String, hint: String? = nil, on node: Node) {
        warning(code, message, hint: hint, at: node.start, length: Self.width(of: node))
    }

    mutating func append(_ d: Diagnostic) { items.append(d) }

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// How much of a node to underline: a scalar on one line, whole; anything else, its first character.
    static func width(of node: Node) -> Int {
        guard case .scalar(let s) = node, s.start.line == s.end.line else { return 1 }
        return max(1, s.end.column - s.start.column)
    }
}
