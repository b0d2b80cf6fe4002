/// A printable instrument as blocks, independent of the output format. Each text holds one
/// entry per language shown, in the order of `PreviewDocument.languages`.
public struct PreviewDocument: Sendable, Equatable {
    public var languages: [String]
    public var blocks: [Block]

    public enum Block: Sendable, Equatable {
        /// Level 1 is the instrument's title, 2 a part (consent, a section), 3 a question.
        case heading(level: Int, texts: [String])
        case paragraph([String])
        /// Facts in the project's own words (type, limits, conditions), not translated.
        case facts([Fact])
        case choices([ChoiceRow])
        /// Matrix rows, probes: a list of texts, each in every language.
        case list(title: String, items: [[String]])
        /// A labelled text of the instrument (help, instructions, a validation message).
        case labelled(label: String, texts: [String])
        case rule
    }

    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    public struct ChoiceRow: Sendable, Equatable {
        public var code: String
        public var labels: [String]
        public var note: String
    }
}

extension Array where Element == String {
    /// A heading's texts, once each: untranslated headings ("Consent") are not repeated per language.
    var distinct: [String] {
        reduce(into: []) { out, text in if !out.contains(text) { out.append(text) } }
    }
}

/// Texts in YAML are wrapped where the author's editor wrapped them: a single line break is a
/// space, and a blank line starts a new paragraph.
enum Reflow {
    static func paragraphs(_ text: String) -> [String] {
        var out: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty {
                if !current.isEmpty { out.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(trimmed.reversed().drop { $0 == " " || $0 == "\t" }.reversed().reduce(into: Substring()) { $0.append($1) })
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }
}
