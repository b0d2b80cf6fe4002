import Expressions
import YAMLTree

/// Reads one YAML map whose keys are known in advance, reporting unknown keys with a suggestion.
struct MapReader {
    let node: Node
    /// One key of the map and its value. A struct, not a tuple: a tuple of these parts was
    /// copied through the runtime's generic witnesses, a struct's copies are compiled.
    struct Entry {
        var name: String
        var key: Scalar
        var value: Node
    }

    /// The map's entries with scalar keys, first of each name only. A small array searched
    /// linearly: instrument maps hold a dozen keys, and hashing each costs more.
    let entries: [Entry]
    /// The entries' names, in the same order: searched without touching the rest of each entry
    /// (a question's keys are looked up some twenty times).
    private let names: [String]
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
        var entries: [Entry] = []
        var names: [String] = []
        entries.reserveCapacity(mapping.entries.count)
        names.reserveCapacity(mapping.entries.count)
        for entry in mapping.entries {
            guard case .scalar(let key) = entry.key, !names.contains(key.text) else { continue }
            entries.append(Entry(name: key.text, key: key, value: entry.value))
            names.append(key.text)
        }
        self.entries = entries
        self.names = names
    }

    private func entry(_ key: String) -> Entry? {
        names.firstIndex(of: key).map { entries[$0] }
    }

    subscript(_ key: String) -> Node? {
        guard let value = names.firstIndex(of: key).map({ entries[$0].value }) else { return nil }
        if case .scalar(let s) = value, s.isNull { return nil }
        return value
    }

    func keyScalar(_ key: String) -> Scalar? { names.firstIndex(of: key).map { entries[$0].key } }

    /// Reports every key not in `allowed`; `elsewhere` explains keys that belong to another context.
    func rejectUnknown(allowed: Set<String>, elsewhere: (String) -> String? = { _ in nil }, diagnostics: inout Diagnostics) {
        for entry in entries where !allowed.contains(entry.name) {
            let name = entry.name
            let at = entry.key.start
            // `require` may have reported it already, as the likely spelling of a key it needs.
            if diagnostics.items.contains(where: { $0.code == .unknownKey && $0.at == at }) { continue }
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

    /// Whether `name` is most likely `key` misspelt: a key the map does not take (not in `known`,
    /// or reported unknown already when `known` is not given) and spelt nearly the same.
    private func misspells(_ key: String, _ name: String, _ at: Mark, known: Set<String>, diagnostics: Diagnostics) -> Bool {
        let unknown = known.isEmpty ? diagnostics.items.contains { $0.code == .unknownKey && $0.at == at } : !known.contains(name)
        return unknown && abs(name.count - key.count) <= 1 && Suggest.closest(to: name, in: [key]) != nil
    }

    /// The value of a key that must be present, or a diagnostic at the map.
    /// A key spelt nearly like it (`Type:` for `type:`) is the mistake to report, once, rather
    /// than the key's absence: one mistake, one diagnostic. `known` are keys the map takes,
    /// never taken for a misspelling.
    func require(_ key: String, diagnostics: inout Diagnostics, hint: String? = nil, known: Set<String> = []) -> Node? {
        if let value = self[key] { return value }
        if let present = entry(key) {
            diagnostics.error(.missingKey, "'\(key)' in \(owner) has no value", hint: hint, at: present.key.start, length: key.count)
        } else if let near = entries.first(where: { misspells(key, $0.name, $0.key.start, known: known, diagnostics: diagnostics) }) {
            if !diagnostics.items.contains(where: { $0.code == .unknownKey && $0.at == near.key.start }) {
                diagnostics.error(.unknownKey, "unknown key '\(near.name)' in \(owner)", hint: "did you mean '\(key)'?",
                                  at: near.key.start, length: near.name.count)
            }
        } else {
            diagnostics.error(.missingKey, "\(owner) has no '\(key)'", hint: hint, at: node.start)
        }
        return nil
    }
}
