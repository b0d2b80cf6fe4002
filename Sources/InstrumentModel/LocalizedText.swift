/// A text in one or more languages. Untranslated text is stored under the empty language "".
///
/// Stored as a short array sorted by language rather than a dictionary: most texts have one
/// or two languages, and an instrument has tens of thousands of texts.
public struct LocalizedText: Sendable, Equatable, Codable {
    public private(set) var entries: [Entry]

    public struct Entry: Sendable, Equatable {
        public var language: String
        public var text: String
    }

    public init(_ text: String) {
        entries = [Entry(language: "", text: text)]
    }

    public init(translations: [String: String]) {
        entries = translations.map { Entry(language: $0.key, text: $0.value) }.sorted { $0.language < $1.language }
    }

    public var translations: [String: String] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.language, $0.text) })
    }

    /// The text in `language`, falling back to the untranslated text, then to the first language.
    public func text(in language: String? = nil) -> String {
        if let language, let e = entries.first(where: { $0.language == language }) { return e.text }
        return entries.first(where: { $0.language.isEmpty })?.text ?? entries.first?.text ?? ""
    }

    /// Every language's text, in order of language.
    public var allTexts: [String] { entries.map(\.text) }

    /// Whether this is one text with no language named.
    public var isUntranslated: Bool { entries.count == 1 && entries[0].language.isEmpty }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.init(text)
        } else {
            self.init(translations: try container.decode([String: String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if isUntranslated {
            try container.encode(entries[0].text)
        } else {
            try container.encode(translations)
        }
    }
}
