import InstrumentModel

extension Preview {
    /// A part of a section after its first: a repeated block, as a heading one level under the
    /// section's with its rule in words and its questions under it; or the questions after a
    /// block, which go on as the section's own.
    func partBlocks(_ section: Section, number: inout Int) -> [PreviewDocument.Block] {
        var out: [PreviewDocument.Block] = []
        if section.isBlock {
            let name = section.title.map(texts) ?? languages.map { _ in section.id }
            out.append(.heading(level: 3, texts: name.map { "Block: " + $0 }))
            var facts = [PreviewDocument.Fact(label: "Block", value: "\(section.id), in section \(section.within ?? "")")]
            if let condition = words.describe(at: .sectionShowIf(section: section.id)) {
                facts.append(PreviewDocument.Fact(label: "Asked if", value: condition))
            }
            out.append(.facts(facts + repeatFacts(section)))
        }
        for q in section.questions {
            if q.type != .note && !q.type.isNeverAsked { number += 1 }
            out += question(q, number: number, level: section.isBlock ? 4 : 3)
        }
        return out
    }

    /// A repeated section's rule in words, for the facts under its heading: how many times it is
    /// asked and what decides it, as an evaluator would say it to a colleague.
    func repeatFacts(_ section: Section) -> [PreviewDocument.Fact] {
        guard let r = section.repeat else { return [] }
        func asked(_ id: String) -> String {
            guard let wording = instrument.question(id)?.text else { return "(\(id))" }
            let words: String = wording.text(in: nil)
            return "\"\(words)\" (\(id))"
        }
        let times = r.max == 1 ? "once at most" : "up to \(r.max) times"
        let rule: String
        switch r.source {
        case .forEach(let id): rule = "once for each choice ticked in \(asked(id)), in the order of the choices; \(times)"
        case .count(let id): rule = "as many times as the answer to \(asked(id)); \(times)"
        case .untilDone:
            var another = "\"Add another?\""
            if let own = r.another {
                let words: String = own.text(in: nil)
                another = "\"\(words)\""
            }
            // In a guide the interviewer answers it, once the participant has nothing more to raise.
            rule = "until the \(instrument.kind == .interview ? "interviewer" : "participant") answers no to \(another); \(times)"
        }
        return [PreviewDocument.Fact(label: "Repeated", value: rule)]
    }

    /// The guide's planned time: a repeated section's minutes count once per instance, so the
    /// plan is a range, from no instance to every instance it can have.
    func plannedTime() -> String? {
        let once = instrument.sections.filter { $0.repeat == nil }.compactMap(\.minutes).reduce(0, +)
        let each = instrument.sections.compactMap { s in s.repeat.flatMap { r in s.minutes.map { $0 * Double(r.max) } } }
        guard !each.isEmpty else { return once > 0 ? minutes(once) : nil }
        let most = once + each.reduce(0, +)
        return "\(NumberText.canonical(once)) to \(minutes(most)) (a repeated section's minutes are for each time it is asked)"
    }
}
