import Expressions
import InstrumentModel
import YAMLTree

extension InstrumentDecoder {
    /// The scale a section's `use:` names, or nil with an error naming the ones there are.
    mutating func libraryScale(_ node: Node) -> LibraryScale? {
        guard let name = string(node, what: "use") else { return nil }
        if let scale = ScaleLibrary.named(name) { return scale }
        let names = ScaleLibrary.all.map(\.name)
        diagnostics.error(.invalidValue, "'\(name)' is not a scale of the library",
                          hint: Suggest.closest(to: name, in: names).map { "did you mean '\($0)'?" }
                              ?? "the library has: " + names.joined(separator: ", "), on: node)
        return nil
    }

    /// The library's questions and calculations, decoded as if written here. They are in English
    /// only (translations are validated separately, and none is shipped), so they are read as
    /// untranslated texts, which every language of the instrument shows as written.
    mutating func decodeLibrary(_ scale: LibraryScale, section: String) -> [Question] {
        let saved = languages
        languages = []
        defer { languages = saved }
        guard let root = YAMLReader.read(Array(scale.questions.utf8)).root, let items = list(root, what: "questions") else { return [] }
        let questions = items.compactMap { decodeQuestion($0, section: section) }
        if !scale.safeguarding.isEmpty, let rules = YAMLReader.read(Array(scale.safeguarding.utf8)).root {
            libraryRules += decodeSafeguarding(rules)
        }
        return questions
    }

    /// The wording lock: a section that names a scale with `use:` and writes its questions itself
    /// (to lay them out differently, say) is compared with the library's own text. Any change of
    /// wording, options or order is a warning, since the scale's scores are only valid as published.
    mutating func lockWording(_ scale: LibraryScale, _ written: [Question], at mark: Mark) {
        var scratch = InstrumentDecoder()
        scratch.kind = kind
        let published = scratch.decodeLibrary(scale, section: "")
        func words(_ t: LocalizedText?) -> [String] { t?.allTexts ?? [] }
        func options(_ q: Question) -> [String] { (q.choices ?? []).map { "\($0.value) \($0.label.text())" } }
        for (i, original) in published.enumerated() {
            let label = original.type == .calculate ? "its scoring '\(original.id)'" : "item \(i + 1) ('\(original.id)')"
            guard i < written.count else {
                warnChanged(scale, "\(label) is left out", at: mark)
                return
            }
            let q = written[i]
            if q.id != original.id {
                warnChanged(scale, "\(label) is '\(q.id)' here: the items are in another order, or one was left out or added", at: questionMarks[q.id] ?? mark)
                return
            }
            if original.type == .calculate {
                if q.value != original.value { warnChanged(scale, "its scoring '\(q.id)' is '\(q.value ?? "")', not '\(original.value ?? "")'", at: questionMarks[q.id] ?? mark) }
                continue
            }
            let at = questionMarks[q.id] ?? mark
            if !words(q.text).allSatisfy({ $0 == original.text?.text() }) {
                warnChanged(scale, "the wording of \(label) is changed; it reads: \(original.text?.text() ?? "")", at: at)
            } else if q.type != original.type || options(q) != options(original) {
                warnChanged(scale, "the options of \(label) are changed; they are: " + options(original).joined(separator: ", "), at: at)
            }
        }
        if written.count > published.count {
            warnChanged(scale, "'\(written[published.count].id)' is added to it", at: questionMarks[written[published.count].id] ?? mark)
        }
    }

    private mutating func warnChanged(_ scale: LibraryScale, _ what: String, at: Mark) {
        diagnostics.warning(.scaleChanged, "this section changes the validated scale '\(scale.name)': \(what)",
                            hint: "a validated scale is valid only as published; remove 'questions:' to use the library's items, or 'use:' if this is a new measure",
                            at: at)
    }
}
