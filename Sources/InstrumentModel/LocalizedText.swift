/// A text in one or more languages. Untranslated text is stored under the empty language "".
public struct LocalizedText: Sendable, Equatable, Codable {
    public var translations: [String: String]

    public init(_ text: String) {
        translations = ["": text]
    }

    public init(translations: [String: String]) {
        self.translations = translations
    }

    /// The text in `language`, falling back to the untranslated text, then to any text.
    public func text(in language: String? = nil) -> String {
        if let language, let t = translations[language] { return t }
        return translations[""] ?? translations.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    public var allTexts: [String] { translations.sorted { $0.key < $1.key }.map(\.value) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            translations = ["": text]
        } else {
            translations = try container.decode([String: String].self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if translations.count == 1, let text = translations[""] {
            try container.encode(text)
        } else {
            try container.encode(translations)
        }
    }
}
