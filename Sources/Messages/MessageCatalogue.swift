import Foundation

/// One language's runner messages, read from its `.messages` file (the format is described at
/// the top of `Catalogues/en.messages`).
///
/// The catalogues are data, one file per language, so that adding a language is adding a file
/// and a translator reads plain lines rather than Swift; they reach the binary as text embedded
/// in `EmbeddedCatalogues.swift`, which a test keeps equal to the files. Resources loaded from a
/// bundle beside the executable would be lost when the binary is copied on its own to a field
/// laptop, which is how it is installed.
public struct MessageCatalogue: Sendable, Equatable {
    public var language: String
    /// The language named in itself: "Cymraeg", "Español".
    public var name: String
    public var decimalMark: Character
    public var groupMark: Character
    /// The plural categories other than `other`, in the order they are tried.
    public var pluralRules: [(category: String, rule: PluralRule)]
    /// Messages by key; a plural message's forms are under `key.category`.
    public var messages: [String: String]

    public static func == (a: MessageCatalogue, b: MessageCatalogue) -> Bool {
        a.language == b.language && a.name == b.name && a.decimalMark == b.decimalMark && a.groupMark == b.groupMark
            && a.messages == b.messages && a.pluralRules.map(\.category) == b.pluralRules.map(\.category)
            && a.pluralRules.map(\.rule) == b.pluralRules.map(\.rule)
    }

    /// The categories a plural message has in this language, `other` last.
    public var pluralCategories: [String] { pluralRules.map(\.category) + ["other"] }

    /// The category of a count: the first rule it matches, or `other`.
    public func pluralCategory(_ count: Int) -> String {
        pluralRules.first { $0.rule.matches(count) }?.category ?? "other"
    }

    /// The keys as an author names them: a plural message once, without its category.
    public var keys: Set<String> { Set(messages.keys.map(Self.baseKey)) }

    /// Whether a key names a message of several plural forms.
    public func isPlural(_ key: String) -> Bool { messages["\(key).other"] != nil }

    static func baseKey(_ key: String) -> String { key.split(separator: ".").first.map(String.init) ?? key }

    /// What a line of a catalogue file got wrong, with its line number.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Reads a catalogue file; every problem is reported rather than skipped, so a broken
    /// translation fails the tests instead of showing English by surprise.
    public static func parse(_ text: String) -> Result<MessageCatalogue, Problem> {
        var catalogue = MessageCatalogue(language: "", name: "", decimalMark: ".", groupMark: ",", pluralRules: [], messages: [:])
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("@") {
                let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { return .failure(Problem(line: number, message: "'\(line)' has no value")) }
                let value = parts[1].trimmingCharacters(in: .whitespaces)
                switch parts[0] {
                case "language": catalogue.language = value
                case "name": catalogue.name = value
                case "decimal_mark", "group_mark":
                    guard value.count == 1, let mark = value.first else {
                        return .failure(Problem(line: number, message: "a mark is one character, not '\(value)'"))
                    }
                    if parts[0] == "decimal_mark" { catalogue.decimalMark = mark } else { catalogue.groupMark = mark }
                case "plural":
                    let rule = value.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard rule.count == 2, let parsed = PluralRule(rule[1]) else {
                        return .failure(Problem(line: number, message: "'\(value)' is not a plural rule such as 'one: n = 1'"))
                    }
                    catalogue.pluralRules.append((rule[0], parsed))
                default:
                    return .failure(Problem(line: number, message: "'@\(parts[0])' is not a catalogue setting"))
                }
                continue
            }
            guard let equals = line.range(of: " = ") ?? line.range(of: " =", options: .anchored.union(.backwards)) else {
                return .failure(Problem(line: number, message: "expected 'key = text'"))
            }
            let key = line[..<equals.lowerBound].trimmingCharacters(in: .whitespaces)
            let value = line[equals.upperBound...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == ".") }) else {
                return .failure(Problem(line: number, message: "'\(key)' is not a key (lowercase letters, digits and '_')"))
            }
            guard catalogue.messages[key] == nil else { return .failure(Problem(line: number, message: "'\(key)' is given twice")) }
            catalogue.messages[key] = value
        }
        guard !catalogue.language.isEmpty, !catalogue.name.isEmpty else {
            return .failure(Problem(line: 1, message: "a catalogue starts with '@language' and '@name'"))
        }
        return .success(catalogue)
    }

    /// The `{name}`s a message uses, over all its plural forms.
    public func placeholders(of key: String) -> Set<String> {
        var names: Set<String> = []
        for (k, text) in messages where Self.baseKey(k) == key { names.formUnion(Self.placeholders(in: text)) }
        return names
    }

    public static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
