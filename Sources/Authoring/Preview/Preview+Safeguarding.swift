import InstrumentCompiler
import InstrumentModel

extension Preview {
    /// The safeguarding rules in words, in a section of their own near the top: an ethics
    /// committee reads what happens on a disclosure of risk before it reads the questions.
    func safeguardingBlocks() -> [PreviewDocument.Block] {
        let rules = instrument.safeguarding
        guard !rules.isEmpty else { return [] }
        var blocks: [PreviewDocument.Block] = [.heading(level: 2, texts: languages.map { _ in "Safeguarding" })]
        let interview = instrument.kind == .interview
        blocks.append(.paragraph(languages.map { _ in
            "Each rule fires once, right after the answer that makes it true (again only if it has become untrue and then true), "
                + (interview
                    ? "and shows the interviewer a banner with the protocol, which the interviewer must acknowledge; it is not read out. "
                    : "and shows its message on a screen of its own that the participant must acknowledge with a key of its own (holding Enter cannot pass it). ")
                + "Changing the answer afterwards does not undo it. The response records the rule and the question only, "
                + "and `fieldwork safeguarding` lists for the research team which sessions fired which rules."
        }))
        for rule in rules {
            blocks.append(.heading(level: 3, texts: languages.map { _ in "Rule " + rule.id }))
            var facts = [PreviewDocument.Fact(label: "Fires when", value: words.describe(at: .safeguarding(rule: rule.id)) ?? rule.when)]
            if rule.offer == .pause, !interview {
                facts.append(.init(label: "Participant may", value: "pause: everything given is saved, and they can come back later or not at all"))
            }
            blocks.append(.facts(facts))
            blocks.append(.labelled(label: interview ? "Message (not shown in interviews)" : "Message to the participant",
                                    texts: languages.map { rule.message.text(in: $0.isEmpty ? nil : $0) }))
            if let protocolText = rule.protocolText {
                blocks.append(.labelled(label: interview ? "Protocol for the interviewer" : "Protocol for the research team",
                                        texts: languages.map { protocolText.text(in: $0.isEmpty ? nil : $0) }))
            }
        }
        return blocks
    }
}

extension Preview {
    /// A section that includes a library scale names it, with where it comes from, on what terms,
    /// and how it is scored, so that a committee can check the measure is used as published.
    func scaleFacts(_ section: Section) -> [PreviewDocument.Fact] {
        if let block = section.validated {
            return [.init(label: "Validated measure", value: "the questions of this section, its wording locked by check"),
                    .init(label: "Source", value: block.source)] + (block.licence.map { [.init(label: "Licence", value: $0)] } ?? [])
        }
        guard let name = section.scale else { return [] }
        guard let scale = ScaleLibrary.named(name) else { return [.init(label: "Validated scale", value: name)] }
        return [.init(label: "Validated scale", value: scale.title + ", included as published (`use: \(name)`)"),
                .init(label: "Source", value: scale.source), .init(label: "Licence", value: scale.licence),
                .init(label: "Scoring", value: scale.scoring)]
    }
}
