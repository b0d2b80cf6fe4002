import CLibYAML

/// Reads YAML text into a `Node` tree through libyaml's event parser.
///
/// We build the tree ourselves rather than use a general binding because the compiler
/// needs a position on every node, scalars kept as written, duplicate keys reported,
/// and hard limits on aliases, depth and size applied while reading.
public enum YAMLReader {
    public static func read(_ bytes: [UInt8], limits: YAMLLimits = .standard) -> YAMLDocument {
        if bytes.count > limits.maxFileBytes {
            return YAMLDocument(root: nil, problems: [fileTooLarge(size: bytes.count, limits: limits)])
        }
        // Editors on Windows start UTF-8 files with a byte-order mark; libyaml, told the
        // encoding, would read it as a character, so it is dropped here.
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        var builder = TreeBuilder(limits: limits)
        return text.withUnsafeBufferPointer { buffer in
            builder.run(buffer, source: text)
        }
    }

    public static func fileTooLarge(size: Int, limits: YAMLLimits) -> YAMLProblem {
        YAMLProblem(
            kind: .fileTooLarge,
            message: "the file is \(megabytes(size)), larger than the limit of \(megabytes(limits.maxFileBytes))",
            hint: "an instrument is normally well under 2 MB; check that this is the file you meant",
            at: Mark(line: 1, column: 1)
        )
    }

    static func megabytes(_ count: Int) -> String {
        let mb = Double(count) / (1024 * 1024)
        return mb >= 10 ? "\(Int(mb.rounded())) MB" : "\(Double(Int(mb * 10)) / 10) MB"
    }
}

/// The event loop: one frame per open list or map, so nesting never recurses.
private struct TreeBuilder {
    /// An open list or map. A struct mutated in place through the stack, so appending
    /// to a 10,000-item list never copies it.
    struct Frame {
        var isMapping: Bool
        var start: Mark
        var anchor: String?
        var items: [Node] = []
        var entries: [MappingEntry] = []
        var pendingKey: Node?
        /// Nodes in this subtree, counting alias expansions.
        var size = 1
        /// A bit per key in `entries` (see `keyBit`): a new key whose bit is clear is not a
        /// duplicate, and is not compared with every key before it.
        var keyBits: UInt64 = 0
    }

    /// One of 64 bits for a key, from its length and first byte.
    private static func keyBit(_ key: String) -> UInt64 {
        let utf8 = key.utf8
        return 1 << UInt64((utf8.count &* 5 &+ Int(utf8.first ?? 0)) & 63)
    }

    let limits: YAMLLimits
    var stack: [Frame] = []
    var anchors: [String: (node: Node, size: Int)] = [:]
    var root: Node?
    var documents = 0
    /// Nodes in the tree so far, each counted once, plus every node an alias brings in again.
    var nodeCount = 0
    /// Whether any alias was used, so that the limit's message blames aliases only when there are some.
    var usedAlias = false
    var problems: [YAMLProblem] = []

    init(limits: YAMLLimits) {
        self.limits = limits
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>, source: [UInt8]) -> YAMLDocument {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return finish(fatal: YAMLProblem(kind: .syntax, message: "the YAML reader could not start (out of memory)", at: Mark(line: 1, column: 1)))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return finish(fatal: LibYAMLErrors.problem(from: parser, source: source))
            }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { break }
            if let fatal = handle(event) {
                return finish(fatal: fatal)
            }
        }
        if root == nil {
            problems.append(YAMLProblem(
                kind: .emptyDocument,
                message: "the file is empty",
                hint: "an instrument starts with 'format: 1', then 'id', 'version', 'title' and 'sections'",
                at: Mark(line: 1, column: 1)
            ))
            return YAMLDocument(root: nil, problems: problems)
        }
        return YAMLDocument(root: root, problems: problems)
    }

    private func finish(fatal: YAMLProblem) -> YAMLDocument {
        YAMLDocument(root: nil, problems: problems + [fatal])
    }

    private static func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    /// Handles one event; returns a problem that stops reading.
    private mutating func handle(_ event: yaml_event_t) -> YAMLProblem? {
        let start = Self.mark(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                return YAMLProblem(
                    kind: .multipleDocuments,
                    message: "the file holds more than one YAML document",
                    hint: "put each instrument in a file of its own, and remove the '---' line",
                    at: start, length: 3
                )
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let length = Int(data.length)
            if length > limits.maxScalarBytes {
                return YAMLProblem(
                    kind: .scalarTooLarge,
                    message: "this value is \(YAMLReader.megabytes(length)) long, larger than the limit of \(YAMLReader.megabytes(limits.maxScalarBytes))",
                    hint: "no text in an instrument needs to be this long; check the file for pasted data",
                    at: start
                )
            }
            let text = data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
            let scalar = Scalar(
                text: text,
                style: Self.style(data.style),
                tag: Self.string(data.tag),
                start: start,
                end: Self.mark(event.end_mark)
            )
            return add(.scalar(scalar), size: 1, new: 1, anchor: Self.string(data.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                return YAMLProblem(
                    kind: .unknownAlias(name: name),
                    message: "'*\(name)' refers to an anchor '&\(name)' that is not defined before it",
                    hint: "define '&\(name)' on an earlier value, or check the spelling",
                    at: start, length: name.count + 1
                )
            }
            usedAlias = true
            return add(target.node, size: target.size, new: target.size, anchor: nil, at: start)
        case YAML_SEQUENCE_START_EVENT:
            if let problem = open(at: start) { return problem }
            stack.append(Frame(isMapping: false, start: start, anchor: Self.string(event.data.sequence_start.anchor)))
        case YAML_MAPPING_START_EVENT:
            if let problem = open(at: start) { return problem }
            stack.append(Frame(isMapping: true, start: start, anchor: Self.string(event.data.mapping_start.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return nil }
            let end = Self.mark(event.end_mark)
            let node: Node = frame.isMapping
                ? .mapping(Mapping(entries: frame.entries, start: frame.start, end: end))
                : .sequence(YAMLSequence(items: frame.items, start: frame.start, end: end))
            // Its children were counted as they were added; only the list or map itself is new.
            return add(node, size: frame.size, new: 1, anchor: frame.anchor)
        default:
            break
        }
        return nil
    }

    private func open(at start: Mark) -> YAMLProblem? {
        guard stack.count >= limits.maxDepth else { return nil }
        return YAMLProblem(
            kind: .tooDeep,
            message: "lists and maps are nested more than \(limits.maxDepth) levels deep",
            hint: "an instrument needs about 6 levels; check for unclosed '[' or '{'",
            at: start
        )
    }

    /// Adds a finished node to the open list or map (or makes it the document's root).
    ///
    /// - Parameters:
    ///   - size: the nodes in `node`'s subtree, counting alias expansions.
    ///   - new: the nodes this adds to the count: 1 for a scalar or a closed list or map (whose
    ///     children were counted as they came), the whole subtree for an alias. Counting each
    ///     subtree again at every level once made a large alias-free file "expand" past the limit.
    ///
    /// `node` is consumed: moved into its list or map, not copied (a retain per scalar's text).
    private mutating func add(_ node: consuming Node, size: Int, new: Int, anchor: String?, at mark: Mark? = nil) -> YAMLProblem? {
        nodeCount += new
        if nodeCount > limits.maxNodes {
            return usedAlias
                ? YAMLProblem(
                    kind: .tooManyNodes,
                    message: "the file expands to more than \(limits.maxNodes) values (aliases '*' repeat whole parts of it)",
                    hint: "use fewer or smaller aliases; a repeated choice list belongs in 'choice_sets'",
                    at: mark ?? node.start)
                : YAMLProblem(
                    kind: .tooManyNodes,
                    message: "the file holds more than \(limits.maxNodes) values",
                    hint: "an instrument of 10,000 questions holds about 150,000; split this one into several instruments",
                    at: mark ?? node.start)
        }
        if let anchor { anchors[anchor] = (node, size) }
        guard !stack.isEmpty else {
            root = node
            return nil
        }
        let top = stack.count - 1
        stack[top].size += size
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return nil
        }
        if let key = stack[top].pendingKey {
            stack[top].entries.append(MappingEntry(key: key, value: node))
            stack[top].pendingKey = nil
            return nil
        }
        guard case .scalar(let scalar) = node else {
            return YAMLProblem(
                kind: .complexKey,
                message: "a key must be a plain name, not a list or a map",
                hint: "a key is a word followed by ':', such as 'text:'",
                at: node.start
            )
        }
        // Maps in instruments hold a dozen keys at most: a linear scan beats hashing every key.
        let bit = Self.keyBit(scalar.text)
        if stack[top].keyBits & bit != 0, let first = Self.firstKey(scalar.text, in: stack[top].entries) {
            problems.append(YAMLProblem(
                kind: .duplicateKey(key: scalar.text, firstAt: first),
                message: "the key '\(scalar.text)' appears twice in the same map (first at line \(first.line))",
                hint: "remove one of them; YAML keeps only one value per key",
                at: scalar.start, length: max(1, scalar.text.count)
            ))
        }
        stack[top].keyBits |= bit
        stack[top].pendingKey = node
        return nil
    }

    private static func firstKey(_ text: String, in entries: [MappingEntry]) -> Mark? {
        for entry in entries {
            if case .scalar(let key) = entry.key, key.text == text { return key.start }
        }
        return nil
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
