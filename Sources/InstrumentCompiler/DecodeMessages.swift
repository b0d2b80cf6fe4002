import Expressions
import InstrumentModel
import Messages
import YAMLTree

extension InstrumentDecoder {
    /// `messages:`, the instrument's own wording for runner messages: a map from catalogue key to
    /// a text, untranslated or per language. Unlike other texts a message may be given in some
    /// languages only (the catalogue's words stand for the rest), and its braces are the
    /// message's placeholders (`{count}`), not piping, so each is checked against English's.
    mutating func decodeMessages(_ node: Node) -> [String: LocalizedText]? {
        guard let map = MapReader(node, owner: "'messages'", expected: "a map from message keys to texts, such as 'press_enter_to_continue: ...'",
                                  diagnostics: &diagnostics) else { return nil }
        let english = Catalogues.english
        var out: [String: LocalizedText] = [:]
        for entry in map.entries {
            guard english.keys.contains(entry.name) else {
                let hint = Suggest.closest(to: entry.name, in: english.keys).map { "did you mean '\($0)'?" }
                    ?? "the keys are those of Sources/Messages/Catalogues/en.messages, listed in the reference"
                diagnostics.error(.unknownKey, "unknown message key '\(entry.name)' in 'messages'", hint: hint, at: entry.key.start, length: entry.name.count)
                continue
            }
            var translations: [String: String] = [:]
            var scalars: [Scalar] = []
            switch entry.value {
            case .scalar(let s):
                guard !s.isNull else { continue }
                translations[""] = s.text
                scalars.append(s)
            case .mapping(let m):
                for item in m.entries {
                    guard case .scalar(let language) = item.key, let value = string(item.value, what: "a translation") else { continue }
                    guard languages.contains(language.text) else {
                        let hint = Suggest.closest(to: language.text, in: languages).map { "did you mean '\($0)'?" }
                            ?? "the languages are: " + languages.joined(separator: ", ")
                        diagnostics.error(.unknownLanguage, "'\(language.text)' is not one of the instrument's languages",
                                          hint: hint, at: language.start, length: language.text.count)
                        continue
                    }
                    translations[language.text] = value
                    if case .scalar(let s) = item.value { scalars.append(s) }
                }
            case .sequence:
                diagnostics.error(.wrongType, "a message should be a single value or a map of translations, but this is a list", on: entry.value)
                continue
            }
            let allowed = english.placeholders(of: entry.name)
            for s in scalars {
                for name in MessageCatalogue.placeholders(in: s.text).sorted() where !allowed.contains(name) {
                    let hint = allowed.isEmpty ? "this message has no placeholders; write the text without braces"
                        : "this message fills in " + allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")
                    diagnostics.error(.invalidValue, "'{\(name)}' is not filled in by the message '\(entry.name)'", hint: hint, on: .scalar(s))
                }
            }
            if !translations.isEmpty {
                out[entry.name] = translations.count == 1 && translations[""] != nil
                    ? LocalizedText(translations[""] ?? "") : LocalizedText(translations: translations)
            }
        }
        return out.isEmpty ? nil : out
    }

    /// A language Fieldwork has no catalogue for shows English for every runner message the
    /// instrument does not override itself; said once per such language, at its code in
    /// `languages:`, with what is missing.
    mutating func checkCatalogues(_ messages: [String: LocalizedText]?, languagesNode: Node?) {
        guard let languagesNode, case .sequence(let items) = languagesNode else { return }
        let keys = Catalogues.english.keys
        for item in items.items {
            // A name that is no language code is reported as that, once.
            guard case .scalar(let code) = item, Slug.isLanguageCode(code.text), Catalogues.catalogue(for: code.text) == nil else { continue }
            let language = code.text
            let covered = keys.filter { key in
                messages?[key].map { $0.translations[language] != nil || $0.isUntranslated } ?? false
            }
            guard covered.count < keys.count else { continue }
            let missing = keys.subtracting(covered).sorted()
            diagnostics.warning(.noCatalogue,
                                "Fieldwork has no runner messages in '\(language)', and 'messages' gives \(covered.count) of \(keys.count): participants will read the rest in English",
                                hint: "add '\(language)' texts under 'messages' for \(missing.prefix(3).joined(separator: ", "))\(missing.count > 3 ? " and \(missing.count - 3) more" : "")",
                                on: item)
        }
    }
}
