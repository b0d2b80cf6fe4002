import Expressions
import InstrumentModel
import Messages
import YAMLTree

extension InstrumentDecoder {
    mutating func decodeChoiceSets(_ node: Node) {
        guard case .mapping(let m) = node else {
            diagnostics.error(.wrongType, "'choice_sets' should be a map of named lists, but this is \(node.kindName)", on: node)
            return
        }
        for entry in m.entries {
            guard case .scalar(let name) = entry.key else { continue }
            if !Slug.isVariableID(name.text) {
                diagnostics.error(.invalidID, "the choice set name '\(name.text)' must be lowercase letters, digits or '_', starting with a letter",
                                  hint: "try '\(Slug.suggestion(for: name.text, allowHyphen: false))'", at: name.start, length: name.text.count)
            }
            let choices = choiceList(entry.value, owner: "the choice set '\(name.text)'", allowExclusive: true, position: 0, question: nil, section: "")
            choiceSets[name.text] = (choices ?? [], .scalar(name))
        }
    }

    /// `choices:` as a set name or an inline list, resolved to its choices.
    mutating func choices(_ map: MapReader, q: inout Question, position: Int, section: String) -> [Choice]? {
        guard let node = map.require("choices", diagnostics: &diagnostics, hint: "add 'choices:' with a list, or the name of a choice set") else { return nil }
        if case .scalar(let s) = node {
            guard let set = choiceSets[s.text] else {
                let names = choiceSets.keys.sorted()
                diagnostics.error(.unknownChoiceSet, "there is no choice set named '\(s.text)'",
                                  hint: Suggest.closest(to: s.text, in: names).map { "did you mean '\($0)'?" }
                                      ?? (names.isEmpty ? "define it under 'choice_sets:' at the top, or list the choices here"
                                                        : "the choice sets are: " + names.joined(separator: ", ")), on: node)
                return nil
            }
            usedChoiceSets.insert(s.text)
            q.choiceSet = s.text
            if q.type != .multiple, let c = set.choices.first(where: \.exclusive) {
                diagnostics.error(.misplacedKey, "the choice set '\(s.text)' marks \"\(c.label.text())\" as exclusive, which only applies to multiple choice",
                                  hint: "use another set for this question, or remove 'exclusive'", on: node)
            }
            if q.type == .multiple, let c = set.choices.first(where: Self.clashesWithFlags) {
                diagnostics.error(.missingCodeClash, Self.flagClash(c), hint: Self.flagClashHint, on: node)
            }
            return set.choices
        }
        return choiceList(node, owner: map.owner, allowExclusive: q.type == .multiple, position: position, question: q.id, section: section)
    }

    /// A multiple choice is exported as one column per choice holding 1 (chosen) or 0 (not chosen);
    /// when a missing choice was picked, the choices not picked hold its code, which must not be 0 or 1.
    static func clashesWithFlags(_ c: Choice) -> Bool { c.missing && (c.value == 0 || c.value == 1) }
    static func flagClash(_ c: Choice) -> String {
        "the missing choice \"\(c.label.text())\" has the code \(c.value), which means '\(c.value == 1 ? "chosen" : "not chosen")' in the columns of a multiple choice"
    }
    static let flagClashHint = "give it a code such as 97, 98 or 99: it marks the choices not picked when a participant picks it"

    /// An inline list of choices: plain labels (coded 1, 2, 3 ... by position) or maps.
    private mutating func choiceList(_ node: Node, owner: String, allowExclusive: Bool, position: Int, question: String?, section: String) -> [Choice]? {
        guard let items = list(node, what: "choices") else { return nil }
        if items.isEmpty {
            diagnostics.error(.emptyList, "\(owner) has an empty list of choices", on: node)
            return nil
        }
        var result: [Choice] = []
        var codes: [Int: Mark] = [:]
        var labels = UniqueLabels()
        var reportedTranslations = false
        for (index, item) in items.enumerated() {
            var choice: Choice
            if case .scalar(let s) = item {
                guard !s.isNull else {
                    diagnostics.error(.missingKey, "choice \(index + 1) of \(owner) is empty", on: item)
                    continue
                }
                choice = Choice(value: index + 1, label: text(item, position: position, owner: owner) ?? LocalizedText(s.text))
            } else {
                if let fix = translationsAlone(item) {
                    // Written so for one choice, it is likely written so for all: one diagnostic says it.
                    if !reportedTranslations {
                        diagnostics.error(.missingKey, "a choice of \(owner) is written as its translations alone, without 'label'",
                                          hint: "write it as \(fix)", at: item.start)
                        reportedTranslations = true
                    }
                    continue
                }
                guard let map = MapReader(item, owner: "a choice of \(owner)", expected: "a label or a map with 'label'", diagnostics: &diagnostics) else { continue }
                map.rejectUnknown(allowed: ["value", "label", "missing", "exclusive", "show_if"], diagnostics: &diagnostics)
                guard let labelNode = map.require("label", diagnostics: &diagnostics, hint: "add the text participants see, such as 'label: Prefer not to say'"),
                      let label = text(labelNode, position: position, owner: owner) else { continue }
                choice = Choice(value: index + 1, label: label)
                if let n = map["value"], let v = code(n, what: "value") { choice.value = v }
                choice.missing = map["missing"].flatMap { bool($0, what: "missing") } ?? false
                if let n = map["exclusive"], let e = bool(n, what: "exclusive") {
                    if e, !allowExclusive, question != nil, let key = map.keyScalar("exclusive") {
                        diagnostics.error(.misplacedKey, "'exclusive' applies only to choices of a multiple-choice question",
                                          hint: "remove it; a single choice is always exclusive", at: key.start, length: 9)
                    }
                    choice.exclusive = e
                }
                if let n = map["show_if"] {
                    if question == nil, let key = map.keyScalar("show_if") {
                        // A shared set has no place in the instrument, so "earlier" means nothing there.
                        diagnostics.error(.misplacedKey, "a choice in a choice set cannot have 'show_if'",
                                          hint: "list the choices inline in the question that needs the condition", at: key.start, length: 7)
                    } else {
                        choice.showIf = expression(n, role: .choiceShowIf, question: question, position: position, section: section)
                    }
                }
            }
            if allowExclusive, question != nil, Self.clashesWithFlags(choice) {
                diagnostics.error(.missingCodeClash, Self.flagClash(choice), hint: Self.flagClashHint, at: item.start)
            }
            if let first = codes[choice.value] {
                diagnostics.error(.duplicateChoice, "the code \(choice.value) is used twice in \(owner) (first at line \(first.line))",
                                  hint: "give each choice its own 'value'", at: item.start)
            } else {
                codes[choice.value] = item.start
            }
            checkLabel(choice.label, at: item.start, among: &labels, what: "label", owner: owner, code: .duplicateChoice,
                       hint: "labels must differ within a language, since conditions may name a choice by its label")
            result.append(choice)
        }
        return result
    }

    mutating func decodeChoiceQuestion(_ q: inout Question, _ map: MapReader, position: Int, section: String) {
        q.choices = choices(map, q: &q, position: position, section: section)
        let count = q.choices?.count ?? 0
        if q.type != .ranking {
            q.shuffle = map["shuffle"].flatMap { bool($0, what: "shuffle") } ?? false
            if let n = map["other"] { q.other = decodeOther(n, q: q, position: position, owner: map.owner) }
        }
        if q.type == .multiple {
            let total = count + (q.other == nil ? 0 : 1)
            for key in ["min", "max"] {
                guard let n = map[key], let v = integer(n, what: key) else { continue }
                if v < 0 || (q.choices != nil && v > total) {
                    diagnostics.error(.outOfRange, "'\(key)' counts the choices a participant may pick, so it must be from 0 to \(total), but it is \(v)", on: n)
                }
                key == "min" ? (q.min = Double(v)) : (q.max = Double(v))
            }
            checkMinMax(q.min, q.max, map, what: " choices")
        }
        if q.type == .ranking, let n = map["rank"], let r = integer(n, what: "rank") {
            if r < 1 || (q.choices != nil && r > count) {
                diagnostics.error(.outOfRange, "'rank' is how many choices to put in order, so it must be from 1 to \(count), but it is \(r)", on: n)
            }
            q.rank = r
        }
    }

    /// `other: true`, or `other: {value, label}` to choose its code and label.
    private mutating func decodeOther(_ node: Node, q: Question, position: Int, owner: String) -> Choice? {
        // Codes are bounded by `InstrumentNumbers`, but the sum is still checked: an Int.max code
        // once crashed `check` here, and a next code above the bound could not be exported.
        let highest = q.choices?.map(\.value).max() ?? 0
        let (sum, overflow) = highest.addingReportingOverflow(1)
        let nextCode: Int? = overflow || !InstrumentNumbers.isCode(sum) ? nil : sum
        if case .scalar = node {
            guard bool(node, what: "other") == true else { return nil }
            guard let nextCode else {
                diagnostics.error(.outOfRange, "'other: true' takes the code one above the highest choice (\(highest)), which is beyond the largest code (\(InstrumentNumbers.maxCode))",
                                  hint: "give 'other' its own code: other: {value: 97, label: Other, please specify}", on: node)
                return nil
            }
            return Choice(value: nextCode, label: defaultOtherLabel(node))
        }
        guard let map = MapReader(node, owner: "'other'", expected: "true or a map with 'value' and 'label'", diagnostics: &diagnostics) else { return nil }
        map.rejectUnknown(allowed: ["value", "label"], diagnostics: &diagnostics)
        guard let value = map["value"].flatMap({ code($0, what: "value") }) ?? nextCode else {
            if map["value"] == nil {
                diagnostics.error(.outOfRange, "'other' takes the code one above the highest choice (\(highest)), which is beyond the largest code (\(InstrumentNumbers.maxCode))",
                                  hint: "give 'other' its own code with 'value:'", on: node)
            }
            return nil
        }
        if let n = map["value"], q.choices?.contains(where: { $0.value == value }) == true {
            diagnostics.error(.duplicateChoice, "the code \(value) of 'other' is already used by a choice", hint: "choose a code no choice has", on: n)
        }
        let label = map["label"].flatMap { text($0, position: position, owner: owner) } ?? defaultOtherLabel(node)
        // A condition naming the label would mean whichever choice comes first, and the codebook
        // would show two answers alike.
        let languages: [String?] = self.languages.isEmpty ? [nil] : self.languages
        if let n = map["label"], let twin = q.choices?.first(where: { c in languages.contains { c.label.text(in: $0) == label.text(in: $0) } }) {
            diagnostics.error(.duplicateChoice, "the label \"\(twin.label.text(in: languages[0]))\" of 'other' is also the label of choice \(twin.value)",
                              hint: "give 'other' its own label, such as \"Other, please specify\"", on: n)
        }
        return Choice(value: value, label: label)
    }

    mutating func decodeScale(_ q: inout Question, _ map: MapReader, position: Int, section: String) {
        let hasRange = map["from"] != nil || map["to"] != nil
        if map["choices"] != nil {
            if hasRange, let key = map.keyScalar("from") ?? map.keyScalar("to") {
                diagnostics.error(.misplacedKey, "a scale takes either 'choices' or 'from' and 'to', not both",
                                  hint: "keep 'choices' for labelled points, or 'from'/'to' for a numbered scale", at: key.start, length: key.text.count)
            }
            q.choices = choices(map, q: &q, position: position, section: section)
            return
        }
        guard hasRange else {
            diagnostics.error(.missingKey, "\(map.owner) has neither 'choices' nor 'from' and 'to'",
                              hint: "add 'choices: agree5' (a choice set), or 'from: 0' and 'to: 10'", at: map.node.start)
            return
        }
        guard let fromNode = map.require("from", diagnostics: &diagnostics), let toNode = map.require("to", diagnostics: &diagnostics),
              let from = code(fromNode, what: "from"), let to = code(toNode, what: "to") else { return }
        // Both are codes, far from Int's limits, so `to - from` cannot overflow.
        guard from < to, to - from <= 100 else {
            diagnostics.error(from >= to ? .minAboveMax : .outOfRange,
                              from >= to ? "'from' (\(from)) must be below 'to' (\(to))" : "a scale from \(from) to \(to) has more than 101 points",
                              hint: from >= to ? "a scale runs upwards, such as from: 0, to: 10" : "use a number question for wide ranges", on: fromNode)
            return
        }
        var labels: [Int: LocalizedText] = [:]
        if let n = map["labels"] {
            if case .mapping(let m) = n {
                for entry in m.entries {
                    guard let point = code(entry.key, what: "a scale point") else { continue }
                    if !(from...to).contains(point) {
                        diagnostics.error(.outOfRange, "the label for \(point) is outside the scale (\(from) to \(to))", on: entry.key)
                        continue
                    }
                    labels[point] = text(entry.value, position: position, owner: map.owner)
                }
            } else {
                diagnostics.error(.wrongType, "'labels' should map scale points to labels, such as {0: Not at all, 10: Extremely}", on: n)
            }
        }
        q.choices = (from...to).map { point in
            let label = labels[point] ?? LocalizedText(translations: Dictionary(uniqueKeysWithValues: (languages.isEmpty ? [""] : languages).map { ($0, String(point)) }))
            return Choice(value: point, label: label)
        }
    }

    mutating func decodeMatrix(_ q: inout Question, _ map: MapReader, position: Int, section: String) {
        q.choices = choices(map, q: &q, position: position, section: section)
        guard let node = map.require("rows", diagnostics: &diagnostics, hint: "add 'rows:' with {id, text} for each statement"),
              let items = list(node, what: "rows") else { return }
        if items.isEmpty { diagnostics.error(.emptyList, "\(map.owner) has no rows", on: node) }
        var rows: [MatrixRow] = []
        var seen: [String: Mark] = [:]
        var texts = UniqueLabels()
        for item in items {
            guard let row = MapReader(item, owner: "a row of \(map.owner)", expected: "a map with 'id' and 'text'", diagnostics: &diagnostics) else { continue }
            row.rejectUnknown(allowed: ["id", "text"], diagnostics: &diagnostics)
            guard let idNode = row.require("id", diagnostics: &diagnostics, hint: "each row needs an id; it is exported as \(q.id)_<id>"),
                  let id = variableID(idNode, what: "row") else { continue }
            if let first = seen[id] {
                diagnostics.error(.duplicateID, "the row id '\(id)' is already used at line \(first.line)", on: idNode)
            }
            seen[id] = idNode.start
            let rowText = row.require("text", diagnostics: &diagnostics).flatMap { text($0, position: position, owner: map.owner) }
            if let rowText {
                checkLabel(rowText, at: item.start, among: &texts, what: "row text", owner: map.owner, code: .duplicateRow,
                           hint: "each row is a statement of its own; say how the two differ")
            }
            rows.append(MatrixRow(id: id, text: rowText ?? LocalizedText(id)))
        }
        q.rows = rows
    }
}

extension InstrumentDecoder {
    /// The label `other: true` adds: "Other, please specify" in each of the instrument's languages,
    /// from the runner's catalogues. An instrument in English alone (or in no named language)
    /// keeps the one untranslated English label it always had, so its content hash is unchanged;
    /// a language without a catalogue needs the label written out.
    mutating func defaultOtherLabel(_ node: Node) -> LocalizedText {
        let english = Catalogues.english.messages["other_please_specify"] ?? "Other, please specify"
        guard !languages.isEmpty, languages != ["en"] else { return LocalizedText(english) }
        var translations: [String: String] = [:]
        for language in languages {
            guard let text = Catalogues.catalogue(for: language)?.messages["other_please_specify"] else {
                diagnostics.error(.missingTranslation, "'other: true' adds the label \"\(english)\", which Fieldwork has no '\(language)' words for",
                                  hint: "write other: {label: {" + languages.map { "\($0): ..." }.joined(separator: ", ") + "}}", on: node)
                return LocalizedText(english)
            }
            translations[language] = text
        }
        return LocalizedText(translations: translations)
    }
}

extension InstrumentDecoder {
    /// `{en: Yes, cy: Ydw}` as a choice: a map whose keys are all languages, with the fix
    /// `{label: {en: Yes, cy: Ydw}}`; nil for any other map.
    func translationsAlone(_ node: Node) -> String? {
        guard case .mapping(let m) = node, !m.entries.isEmpty else { return nil }
        var parts: [String] = []
        for entry in m.entries {
            guard case .scalar(let key) = entry.key, case .scalar(let value) = entry.value,
                  languages.isEmpty ? Slug.isLanguageCode(key.text) : languages.contains(key.text) else { return nil }
            parts.append("\(key.text): \(value.text)")
        }
        return "{label: {" + parts.joined(separator: ", ") + "}}"
    }
}
