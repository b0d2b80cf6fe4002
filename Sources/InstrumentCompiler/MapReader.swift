import Expressions
import YAMLTree

/// Reads one YAML map whose keys are known in advance, reporting unknown keys with a suggestion.
struct MapReader {
    let node: Node
    /// One key of the map and its value.
    struct Entry {
        var name: String
        var key: Scalar
        var value: Node
    }

    /// The map's entries, as read.
    private let mapping: [MappingEntry]
    /// Where each name's first entry is in `mapping`, and the names, in the same order: entries
    /// with scalar keys, first of each name only. Small arrays searched linearly: instrument maps
    /// hold a dozen keys, and hashing each costs more. Kept as positions rather than copies of the
    /// entries, whose keys and values were each copied into the reader and released with it.
    private let positions: [Int]
    private let names: [String]
    /// A bit per name present (see `bit`): most keys a question is asked for are absent, and one
    /// test rules them out without comparing against every name.
    private let present: UInt64
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
        self.mapping = mapping.entries
        var positions: [Int] = []
        var names: [String] = []
        var present: UInt64 = 0
        positions.reserveCapacity(mapping.entries.count)
        names.reserveCapacity(mapping.entries.count)
        for i in mapping.entries.indices {
            guard case .scalar(let key) = mapping.entries[i].key else { continue }
            let bit = Self.bit(key.text)
            if present & bit != 0, names.contains(key.text) { continue }
            present |= bit
            positions.append(i)
            names.append(key.text)
        }
        self.positions = positions
        self.names = names
        self.present = present
    }

    /// One of 64 bits for a name, from its length and first byte: cheap to take (a string's
    /// last byte was not), and different for most of the keys of one map.
    private static func bit(_ name: String) -> UInt64 {
        let utf8 = name.utf8
        let mix = utf8.count &* 5 &+ Int(utf8.first ?? 0)
        return 1 << UInt64(mix & 63)
    }

    private func position(_ key: String) -> Int? {
        guard present & Self.bit(key) != 0, let i = names.firstIndex(of: key) else { return nil }
        return positions[i]
    }

    /// The map's entries with scalar keys, first of each name only, in order.
    var entries: [Entry] {
        zip(names, positions).map { name, i in
            guard case .scalar(let key) = mapping[i].key else { preconditionFailure("only scalar keys are kept") }
            return Entry(name: name, key: key, value: mapping[i].value)
        }
    }

    private func entry(_ key: String) -> Entry? {
        guard let i = position(key), case .scalar(let k) = mapping[i].key else { return nil }
        return Entry(name: key, key: k, value: mapping[i].value)
    }

    subscript(_ key: String) -> Node? {
        guard let i = position(key) else { return nil }
        let value = mapping[i].value
        if case .scalar(let s) = value, s.isNull { return nil }
        return value
    }

    func keyScalar(_ key: String) -> Scalar? {
        guard let i = position(key), case .scalar(let k) = mapping[i].key else { return nil }
        return k
    }

    /// Reports every key not in `allowed`; `elsewhere` explains keys that belong to another context.
    func rejectUnknown(allowed: Set<String>, elsewhere: (String) -> String? = { _ in nil }, diagnostics: inout Diagnostics) {
        for (name, i) in zip(names, positions) where !allowed.contains(name) {
            let at = mapping[i].key.start
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
