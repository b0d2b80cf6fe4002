import Expressions
import Wording
import InstrumentModel
import Messages
import SessionEngine

/// Builds the document an ethics committee reviews: everything a participant or interviewer
/// can see, in order, with every condition and limit in plain words.
public struct Preview {
    let instrument: Instrument
    let hash: String
    let languages: [String]
    let words: PlainWords

    /// `languages`: the languages to show, side by side when there are several.
    public init(instrument: Instrument, hash: String, languages: [String]) {
        self.instrument = instrument
        self.hash = hash
        self.languages = languages
        words = PlainWords(instrument, language: languages.first.flatMap { $0.isEmpty ? nil : $0 })
    }

    public func document() -> PreviewDocument {
        var blocks: [PreviewDocument.Block] = [.heading(level: 1, texts: texts(instrument.title))]
        var facts = [fact("Instrument", "\(instrument.id), version \(instrument.version)"),
                     fact("Kind", instrument.kind == .survey ? "survey (answered by the participant)" : "interview guide (used by the interviewer)"),
                     fact("Content hash", hash),
                     fact("Questions", counted(instrument.answeredQuestionCount, "question")
                          + " in " + counted(instrument.sectionsAsWritten.count, "section"))]
        if let group = instrument.group {
            facts.insert(fact("Group discussion", "\(group.min) to \(group.max) participants, noted as P1, P2, ... and F for the facilitator"), at: 2)
        }
        if instrument.languages.count > 1 || !instrument.languages.allSatisfy(\.isEmpty) {
            facts.append(fact("Languages", instrument.languages.joined(separator: ", ")))
        }
        if let runner = runnerWords() { facts.append(fact("Runner's words", runner)) }
        if let planned = plannedTime() { facts.append(fact("Planned time", planned)) }
        blocks.append(.facts(facts))
        if let description = instrument.description { blocks.append(.paragraph(texts(description))) }
        blocks.append(.facts(privacyFacts()))
        blocks += safeguardingBlocks()

        if let consent = instrument.consent {
            blocks.append(.heading(level: 2, texts: languages.map { _ in "Consent" }))
            blocks.append(.paragraph(texts(consent.text)))
            blocks.append(.labelled(label: "To agree", texts: texts(consent.agree)))
            if let decline = consent.decline { blocks.append(.labelled(label: "To decline", texts: texts(decline))) }
        }

        var number = 0
        for (index, section) in instrument.sections.enumerated() {
            // A block and the questions after it are parts of the section above them.
            if section.within != nil {
                blocks += partBlocks(section, number: &number)
                continue
            }
            let place = instrument.sections.prefix(index).filter { $0.within == nil }.count + 1
            blocks.append(.heading(level: 2, texts: section.title.map(texts) ?? languages.map { _ in "Section \(place)" }))
            var sectionFacts = [fact("Section", section.id)]
            if let condition = words.describe(at: .sectionShowIf(section: section.id)) {
                sectionFacts.append(fact("Asked if", condition))
            }
            if let m = section.minutes { sectionFacts.append(fact("Planned time", minutes(m) + (section.repeat == nil ? "" : " each time"))) }
            if section.shuffle { sectionFacts.append(fact("Order", "questions shown in a random order for each participant")) }
            sectionFacts += scaleFacts(section)
            sectionFacts += repeatFacts(section)
            blocks.append(.facts(sectionFacts))
            if let intro = section.intro { blocks.append(.paragraph(texts(intro))) }
            for q in section.questions {
                if q.type != .note && !q.type.isNeverAsked { number += 1 }
                blocks += question(q, number: number)
            }
        }
        if let end = instrument.end {
            blocks.append(.heading(level: 2, texts: languages.map { _ in "End" }))
            blocks.append(.paragraph(texts(end)))
        }
        if let support = instrument.support {
            blocks.append(.heading(level: 2, texts: languages.map { _ in "Support" }))
            blocks.append(.paragraph(texts(support)))
        }
        blocks += ownWords()
        return PreviewDocument(languages: languages, blocks: blocks)
    }

    func question(_ q: Question, number: Int, level: Int = 3) -> [PreviewDocument.Block] {
        var blocks: [PreviewDocument.Block] = []
        let counted = q.type != .note && !q.type.isNeverAsked
        let title = (q.text ?? q.label).map(texts) ?? languages.map { _ in q.id }
        blocks.append(.heading(level: level, texts: counted ? ["\(number). " + title[0]] + title.dropFirst() : title))
        var answer = AnswerWords.describe(q, kind: instrument.kind, language: languages.first.flatMap { $0.isEmpty ? nil : $0 },
                                          expressions: words.expressions)
        if q.type == .calculate, let e = words.expressions[.value(question: q.id)] {
            let (said, code) = (words.calculation(e), Printer.print(e))
            answer = "calculated, not asked: " + (said == code ? "`\(code)`" : "\(said) (`\(code)`)")
        }
        var facts = [fact("Variable", q.id), fact("Answer", answer)]
        if counted && q.type != .open {
            if q.softRequired == true {
                facts.append(fact("Optional, checked", "leaving it unanswered (or a row empty) is questioned once; the participant may keep it so"))
            } else {
                facts.append(fact(q.required ? "Required" : "Optional", q.required ? "an answer is needed to go on" : "can be skipped"))
            }
        }
        if let condition = words.describe(at: .showIf(question: q.id)) {
            facts.append(fact(q.type == .note ? "Shown if" : "Asked if", condition))
        }
        if let rule = words.describeRule(at: .validIf(question: q.id)) {
            facts.append(fact("Accepted if", rule))
        }
        if let rule = words.describeRule(at: .warnIf(question: q.id)) {
            facts.append(fact("Warns if", rule + " (the participant may keep it)"))
        }
        if q.sensitive { facts.append(fact("Sensitive", "shown with a gentle note and an obvious way to skip")) }
        if q.identifying { facts.append(fact("Identifying", "stored apart from the answers, with nothing that links it back")) }
        if let redact = q.redact, !redact.isEmpty { facts.append(fact("Removed before saving", redact.map(\.rawValue).joined(separator: ", "))) }
        if let m = q.minutes { facts.append(fact("Planned time", minutes(m))) }
        if let note = finerThanTimestamps(q) { facts.append(fact("Precision", note)) }
        blocks.append(.facts(facts))
        if let help = q.help { blocks.append(.labelled(label: "Help", texts: texts(help))) }
        if let message = q.invalidMessage { blocks.append(.labelled(label: "If not accepted", texts: texts(message))) }
        if let message = q.warnMessage { blocks.append(.labelled(label: "If warned", texts: texts(message))) }
        if let instructions = q.instructions { blocks.append(.labelled(label: "Interviewer", texts: texts(instructions))) }
        if let rows = q.rows, !rows.isEmpty {
            blocks.append(.list(title: "Rows", items: rows.map { row in texts(row.text).map { $0 + " (`\(q.columnName(row: row.id))`)" } }))
        }
        let choices = q.choices ?? []
        if !choices.isEmpty || q.other != nil {
            var rows = choices.map { c in
                PreviewDocument.ChoiceRow(code: String(c.value), labels: texts(c.label), note: note(for: c, of: q))
            }
            if let other = q.other {
                rows.append(.init(code: String(other.value), labels: texts(other.label), note: "with a box to say what"))
            }
            blocks.append(.choices(rows))
        }
        if let probes = q.probes, !probes.isEmpty {
            blocks.append(.list(title: "Probes", items: probes.map(texts)))
        }
        return blocks
    }

    /// A clock time is the participant's answer, so it is kept to the minute even where the study
    /// keeps its own start and finish times coarser; the reader of the preview is told so, since
    /// the two precisions could otherwise be taken for an oversight.
    private func finerThanTimestamps(_ q: Question) -> String? {
        guard q.type == .time || q.type == .datetime else { return nil }
        let kept = "This answer is kept as given, to the minute, though the study keeps "
        switch instrument.privacy.timestamps {
        case .minute: return nil
        case .date: return kept + "start and finish times only to the day"
        case .none: return kept + "no start or finish times"
        }
    }

    private func note(for c: Choice, of q: Question) -> String {
        var parts: [String] = []
        if c.missing { parts.append("missing value") }
        if c.exclusive { parts.append("cannot be combined with others") }
        if let condition = words.describe(at: .choiceShowIf(question: q.id, choice: c.value)) { parts.append("offered if " + condition) }
        return parts.joined(separator: "; ")
    }

    private func privacyFacts() -> [PreviewDocument.Fact] {
        let p = instrument.privacy
        let participant = p.participant == .code
            ? "a study code is asked for and stored only as a pseudonym"
            : "no participant code; responses cannot be linked to a person"
        let times: String
        switch p.timestamps {
        case .none: times = "no date or time is stored"
        case .date: times = "the date only"
        case .minute: times = "the date and time to the minute"
        }
        var facts = [fact("Participants", participant), fact("Time stored", times)]
        if !p.redact.isEmpty {
            facts.append(fact("Removed from free text", p.redact.map(\.rawValue).joined(separator: ", ") + " (before anything is saved)"))
        }
        return facts
    }

    func texts(_ t: LocalizedText) -> [String] { languages.map { piped(t.text(in: $0.isEmpty ? nil : $0)) } }

    /// `{age}` as the reader should picture it: "[answer to *Age?*]"; `{{` and unknown names stay.
    private func piped(_ text: String) -> String {
        guard text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            let id = String(name.split(separator: ".").first ?? "")
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }), let label = words.label(of: id) {
                let part = name.split(separator: ".").dropFirst().first.map(String.init)
                let row = part.flatMap { r in instrument.questionsByID[id]?.rows?.first { $0.id == r } }
                // `{activities.label}` in a repeat over `activities` is the instance's own choice.
                if part == "label", instrument.sections.contains(where: { $0.repeat?.forEach == id }) {
                    out += "[each choice ticked in *\(label)*]"
                } else {
                    out += "[answer to *\(label)\(row.map { " — " + $0.text.text() } ?? "")*]"
                }
            } else {
                out += "{" + name + "}"
            }
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }

    private func fact(_ label: String, _ value: String) -> PreviewDocument.Fact { .init(label: label, value: value) }

    private func counted(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    func minutes(_ m: Double) -> String {
        let n = NumberText.canonical(m)
        return n == "1" ? "1 minute" : "\(n) minutes"
    }
}

extension Preview {
    /// The runner's messages the instrument words itself (`messages:`), as participants read them:
    /// the override where it has one in a language, the catalogue's words elsewhere.
    func ownWords() -> [PreviewDocument.Block] {
        guard let messages = instrument.messages, !messages.isEmpty else { return [] }
        var blocks: [PreviewDocument.Block] = [.heading(level: 2, texts: languages.map { _ in "The runner's words, as this instrument has them" })]
        for key in messages.keys.sorted() {
            let shown = languages.map { language in
                ParticipantWords.forLanguage(language.isEmpty ? nil : language, overrides: messages).text(ofMessage: key)
            }
            blocks.append(.labelled(label: "`\(key)`", texts: shown))
        }
        return blocks
    }

    /// For a language Fieldwork has no catalogue for: that participants read the runner's own
    /// words (progress, key help, refusals) in English, but for what `messages:` gives. Nil when
    /// every shown language is covered.
    func runnerWords() -> String? {
        let keys = Catalogues.english.keys
        let uncovered = instrument.languages.compactMap { language -> String? in
            guard !language.isEmpty, Catalogues.catalogue(for: language) == nil else { return nil }
            let given = keys.filter { key in
                instrument.messages?[key].map { $0.translations[language] != nil || $0.isUntranslated } ?? false
            }.count
            guard given < keys.count else { return nil }
            return "in '\(language)', English (Fieldwork has no '\(language)' catalogue; the instrument's messages give \(given) of \(keys.count))"
        }
        return uncovered.isEmpty ? nil : uncovered.joined(separator: "; ")
    }
}
