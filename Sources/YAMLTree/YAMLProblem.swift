/// A problem found while reading YAML, as data; the compiler turns it into a diagnostic.
public struct YAMLProblem: Sendable, Equatable, Error {
    public enum Kind: Sendable, Equatable {
        /// libyaml rejected the text; `message` is a plain rewording of its complaint.
        case syntax
        /// A tab where YAML needs spaces.
        case tab
        case invalidUTF8
        case emptyDocument
        case multipleDocuments
        /// The same key twice in one map; `firstAt` is where it first stood.
        case duplicateKey(key: String, firstAt: Mark)
        case tooDeep
        case fileTooLarge
        case scalarTooLarge
        /// Aliases expand to more nodes than `YAMLLimits.maxNodes`.
        case tooManyNodes
        case unknownAlias(name: String)
        /// A map key that is itself a list or a map.
        case complexKey
    }

    public var kind: Kind
    public var message: String
    public var hint: String?
    public var at: Mark
    /// How many characters the problem spans on its line (for the caret underline).
    public var length: Int

    public init(kind: Kind, message: String, hint: String? = nil, at: Mark, length: Int = 1) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.at = at
        self.length = length
    }

    /// Whether reading stopped here (as opposed to a problem reported alongside a usable tree).
    public var isFatal: Bool {
        if case .duplicateKey = kind { return false }
        return true
    }
}

/// What reading a file gives: the tree (absent when a fatal problem stopped reading) and every problem.
public struct YAMLDocument: Sendable {
    public var root: Node?
    public var problems: [YAMLProblem]

    public init(root: Node?, problems: [YAMLProblem]) {
        self.root = root
        self.problems = problems
    }
}
