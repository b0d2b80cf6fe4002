import Expressions
import YAMLTree

/// Reads one YAML map whose keys are known in advance, reporting unknown keys with a suggestion.
struct MapReader {
    let node: Node
    let entries: [String: (key: Scalar, value: Node)]
    /// Names the map in messages, such as "question 'age'".
    var owner: String

    /// nil (with a diagnostic) when `node` is not a map.
    init?(_ node: Node, owner: String, expected: String, diagnostics: inout Diagnostics) {
        guard case .mapping(let mapping) = node else {
            diagnostics.error(.wrongType, "\(owner) should be \(expected), but this is \(node.kindName)", on: node)
            return nil
        }
        self.node = node
        self.owner = owner
        var entries: [String: (Scalar, Node)] = [:]
        for entry in mapping.entries {
            guard case .scalar(let key) = entry.key, entries[key.text] == nil else { continue }
            entries[key.text] = (key, entry.value)
        }
        self.entries = entries
    }

    subscript(_ key: String) -> Node? {
        guard let value = entries[key]?.value else { return nil }
        if case .scalar(let s) = value, s.isNull { return nil }
        return value
    }

    func keyScalar(_ key: String) -> Scalar? { entries[key]?.key }

    /// Reports every key not in `allowed`; `elsewhere` explains keys that belong to another context.
    func rejectUnknown(allowed: Set<String>, elsewhere: (String) -> String? = { _ in nil }, diagnostics: inout Diagnostics) {
        for (name, entry) in entries.sorted(by: { $0.value.key.start < $1.value.key.start }) where !allowed.contains(name) {
            let at = entry.key.start
            let length = name.count
            if let reason = elsewhere(name) {
                diagnostics.error(.misplacedKey, "'\(name)' does not apply to \(owner)", hint: reason, at: at, length: length)
            } else {
                let hint = Suggest.closest(to: name, in: allowed).map { "did you mean '\($0)'?" }
                    ?? "the keys here are: " + allowed.sorted().joined(separator: ", ")
                diagnostics.error(.unknownKey, "unknown key '\(name)' in \(owner)", hint: hint, at: at, length: length)
            }
        }
    }

    /// The value of a key that must be present, or a diagnostic at the map.
    func require(_ key: String, diagnostics: inout Diagnostics, hint: String? = nil) -> Node? {
        if let value = self[key] { return value }
        if let present = entries[key] {
            diagnostics.error(.missingKey, "'\(key)' in \(owner) has no value", hint: hint, at: present.key.start, length: key.count)
        } else {
            diagnostics.error(.missingKey, "\(owner) has no '\(key)'", hint: hint, at: node.start)
        }
        return nil
    }
}
