/// The catalogues built into the binary, by language.
public enum Catalogues {
    /// Every embedded catalogue that reads cleanly, by its language code. One that does not
    /// read is left out (English is used for it); `CatalogueFileTests` keeps that from shipping.
    public static let all: [String: MessageCatalogue] = {
        var out: [String: MessageCatalogue] = [:]
        for text in EmbeddedCatalogues.files.values {
            if case .success(let c) = MessageCatalogue.parse(text) { out[c.language] = c }
        }
        return out
    }()

    /// The reference catalogue: every other one has its keys, and it is used where a language
    /// has no catalogue or an override is missing.
    public static let english: MessageCatalogue = all["en"]
        ?? MessageCatalogue(language: "en", name: "English", decimalMark: ".", groupMark: ",", pluralRules: [], messages: [:])

    /// The catalogue for a language code, by its exact code or else its base language
    /// (`cy-GB` finds `cy`); nil when there is none.
    public static func catalogue(for code: String) -> MessageCatalogue? {
        if let exact = all[code] { return exact }
        let base = code.split(separator: "-").first.map { String($0).lowercased() } ?? code
        return all[base]
    }

    /// The keys an instrument's `messages:` may override.
    public static var keys: Set<String> { english.keys }
}
