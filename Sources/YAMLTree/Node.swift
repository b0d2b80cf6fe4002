/// A position in the source: 1-based line, 1-based column counted in characters (as libyaml counts).
public struct Mark: Sendable, Equatable, Comparable, Hashable {
    // Stored in 32 bits: every scalar holds two marks, and a 10,000-question file has 150,000
    // scalars (the reader refuses files past 100 MB, far below 2^31 lines or columns).
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static func < (a: Mark, b: Mark) -> Bool {
        (a.storedLine, a.storedColumn) < (b.storedLine, b.storedColumn)
    }
}

/// How a scalar was written. Kept so that nothing is guessed: `Yes` stays the text "Yes",
/// and a quoted `"1"` can be told apart from a plain `1` where that matters.
public enum ScalarStyle: Sendable, Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar exactly as the author wrote it (after YAML's own unescaping and folding).
public struct Scalar: Sendable, Equatable {
    public var text: String
    public var style: ScalarStyle
    /// The explicit tag, if the author wrote one (`!!str`), in libyaml's resolved form.
    public var tag: String?
    public var start: Mark
    public var end: Mark

    public init(text: String, style: ScalarStyle, tag: String? = nil, start: Mark, end: Mark) {
        self.text = text
        self.style = style
        self.tag = tag
        self.start = start
        self.end = end
    }

    /// A plain scalar that YAML would read as null (`~`, `null`, or nothing at all).
    public var isNull: Bool {
        guard style == .plain, tag == nil else { return false }
        // By length first: asked on every key read, and most values are none of these, which a
        // comparison with each would find only after five string comparisons.
        switch text.utf8.count {
        case 0: return true
        case 1: return text == "~"
        case 4: return text == "null" || text == "Null" || text == "NULL"
        default: return false
        }
    }
}

public struct MappingEntry: Sendable, Equatable {
    public var key: Node
    public var value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

public struct Mapping: Sendable, Equatable {
    public var entries: [MappingEntry]
    public var start: Mark
    public var end: Mark

    public init(entries: [MappingEntry], start: Mark, end: Mark) {
        self.entries = entries
        self.start = start
        self.end = end
    }
}

/// A YAML list, with where it starts and ends.
///
/// Named for YAML so that it does not hide Swift's `Sequence` in every file that imports YAMLTree.
public struct YAMLSequence: Sendable, Equatable {
    public var items: [Node]
    public var start: Mark
    public var end: Mark

    public init(items: [Node], start: Mark, end: Mark) {
        self.items = items
        self.start = start
        self.end = end
    }
}

/// One node of the document tree. Aliases are resolved to the node they name.
///
/// A scalar is held in place and only lists and maps are boxed: most nodes are scalars, and a
/// box for each was an allocation per value.
public enum Node: Sendable, Equatable {
    case scalar(Scalar)
    indirect case mapping(Mapping)
    indirect case sequence(YAMLSequence)

    public var start: Mark {
        switch self {
        case .scalar(let s): s.start
        case .mapping(let m): m.start
        case .sequence(let s): s.start
        }
    }

    public var end: Mark {
        switch self {
        case .scalar(let s): s.end
        case .mapping(let m): m.end
        case .sequence(let s): s.end
        }
    }

    /// What an evaluator would call this kind of value, for messages.
    public var kindName: String {
        switch self {
        case .scalar(let s): s.isNull ? "nothing" : "a single value"
        case .mapping: "a map of keys"
        case .sequence: "a list"
        }
    }
}
