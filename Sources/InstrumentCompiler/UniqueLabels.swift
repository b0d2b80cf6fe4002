import InstrumentModel
import YAMLTree

/// Labels that a participant or a condition tells apart, kept apart within each language.
///
/// A label must differ from its neighbours in the same language, since conditions may name a
/// choice by its label and a participant cannot choose between two equal lines; the same text in
/// two languages (`{en: "No", es: "No"}`, an age band, a brand name) is normal and allowed.
struct UniqueLabels {
    /// Where each label was first seen, by language and text.
    private var seen: [Key: Mark] = [:]

    private struct Key: Hashable {
        var language: String
        var text: String
    }

    /// The languages in which `text` repeats an earlier label, with the first place of each;
    /// noting it where it is new.
    mutating func repeats(_ text: LocalizedText, at mark: Mark) -> [(language: String, text: String, first: Mark)] {
        var out: [(String, String, Mark)] = []
        for entry in text.entries {
            let key = Key(language: entry.language, text: entry.text)
            if let first = seen[key] { out.append((entry.language, entry.text, first)) } else { seen[key] = mark }
        }
        return out
    }
}

extension InstrumentDecoder {
    /// Reports a label that repeats another in the same language, or that is empty in one.
    mutating func checkLabel(_ label: LocalizedText, at mark: Mark, among labels: inout UniqueLabels, what: String, owner: String,
                             code: DiagnosticCode, hint: String) {
        for entry in label.entries where entry.text.allSatisfy(\.isWhitespace) {
            let which = entry.language.isEmpty ? "" : "'\(entry.language)' "
            diagnostics.error(.emptyLabel, "the \(which)\(what) is empty in \(owner)", hint: "write the \(what) in every language", at: mark)
        }
        for r in labels.repeats(label, at: mark) where !r.text.allSatisfy(\.isWhitespace) {
            let which = r.language.isEmpty ? "" : "'\(r.language)' "
            diagnostics.error(code, "the \(which)\(what) \"\(r.text)\" is used twice in \(owner) (first at line \(r.first.line))", hint: hint, at: mark)
        }
    }
}
