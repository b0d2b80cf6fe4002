import Expressions
import InstrumentModel
import YAMLTree

/// Readers for single values. Each reports its own problem and returns nil, so decoding goes on.
extension InstrumentDecoder {
    /// `what` is made only for the message: built for every value read, its text was an allocation each.
    mutating func scalar(_ node: Node, what: @autoclosure () -> String, expected: String) -> Scalar? {
        guard case .scalar(let s) = node else {
            diagnostics.error(.wrongType, "\(what()) should be \(expected), but this is \(node.kindName)", on: node)
            return nil
        }
        return s
    }

    mutating func string(_ node: Node, what: String) -> String? {
        guard let s = scalar(node, what: what, expected: "a text"), !s.isNull else { return nil }
        return s.text
    }

    /// A whole number within ±`InstrumentNumbers.maxMagnitude`, so that arithmetic on it cannot overflow.
    mutating func integer(_ node: Node, what: String) -> Int? {
        guard let (text, n) = wholeNumber(node, what: what) else { return nil }
        guard let n, Double(n).magnitude <= InstrumentNumbers.maxMagnitude else { return tooLarge(node, what: what, text: text) }
        return n
    }

    /// A choice code or scale point: a whole number every export format keeps exactly.
    mutating func code(_ node: Node, what: String) -> Int? {
        guard let (text, n) = wholeNumber(node, what: what) else { return nil }
        guard let n, InstrumentNumbers.isCode(n) else {
            diagnostics.error(.outOfRange, "'\(what)' is \(text), outside the codes every export keeps exactly (\(InstrumentNumbers.codeRangeText))",
                              hint: "codes are labels for answers, not amounts; use a smaller code such as 97 or 99", on: node)
            return nil
        }
        return n
    }

    /// A scalar written as a whole number: its text, and its value when it fits an Int.
    private mutating func wholeNumber(_ node: Node, what: String) -> (text: String, value: Int?)? {
        guard let s = scalar(node, what: "'\(what)'", expected: "a whole number") else { return nil }
        let text = s.text.trimmingSpaces
        if let n = Int(text) { return (text, n) }
        // Digits alone that do not fit an Int are a whole number too large, not a wrong kind of value.
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return (text, nil) }
        diagnostics.error(.wrongType, "'\(what)' should be a whole number, but it is '\(s.text)'", on: node)
        return nil
    }

    /// A finite number within ±`InstrumentNumbers.maxMagnitude`.
    mutating func number(_ node: Node, what: String) -> Double? {
        guard let s = scalar(node, what: "'\(what)'", expected: "a number") else { return nil }
        // "nan" and "inf(inity)" parse as Doubles but are not numbers an author means; any text
        // that parses is ASCII, so looking for an 'n' among its bytes finds them with no copy.
        guard let n = Double(s.text.trimmingSpaces), !s.text.utf8.contains(where: { $0 == 0x6E || $0 == 0x4E }) else {
            diagnostics.error(.wrongType, "'\(what)' should be a number, but it is '\(s.text)'",
                              hint: "write digits with a '.' for decimals, such as 2.5", on: node)
            return nil
        }
        guard InstrumentNumbers.isInRange(n) else { return tooLarge(node, what: what, text: s.text) }
        return n
    }

    private mutating func tooLarge<T>(_ node: Node, what: String, text: String) -> T? {
        diagnostics.error(.outOfRange, "'\(what)' is \(text.trimmingSpaces), beyond the largest number an instrument may hold (\(InstrumentNumbers.limitText), plus or minus)",
                          hint: "numbers this large cannot be kept exactly in the data; use a smaller one", on: node)
        return nil
    }

    /// true or false. YAML 1.1's yes/no/on/off are refused rather than guessed.
    mutating func bool(_ node: Node, what: String) -> Bool? {
        guard let s = scalar(node, what: "'\(what)'", expected: "true or false") else { return nil }
        // As written, most often: no lowercased copy.
        if s.text == "true" { return true }
        if s.text == "false" { return false }
        switch s.text.lowercased() {
        case "true": return true
        case "false": return false
        default:
            let guess = ["yes", "y", "on"].contains(s.text.lowercased()) ? "true" : ["no", "n", "off"].contains(s.text.lowercased()) ? "false" : nil
            diagnostics.error(.wrongType, "'\(what)' should be true or false, but it is '\(s.text)'",
                              hint: guess.map { "write '\(what): \($0)'" } ?? "write true or false", on: node)
            return nil
        }
    }

    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ node: Node, what: String) -> E? where E.RawValue == String {
        guard let s = scalar(node, what: "'\(what)'", expected: "one of " + E.allCases.map(\.rawValue).joined(separator: ", ")) else { return nil }
        if let value = E(rawValue: s.text) { return value }
        let names = E.allCases.map(\.rawValue)
        diagnostics.error(.invalidValue, "'\(s.text)' is not a valid \(what)",
                          hint: Suggest.closest(to: s.text, in: names).map { "did you mean '\($0)'?" }
                              ?? "use one of: " + names.joined(separator: ", "), on: node)
        return nil
    }

    mutating func list(_ node: Node, what: String) -> [Node]? {
        guard case .sequence(let seq) = node else {
            diagnostics.error(.wrongType, "'\(what)' should be a list, but this is \(node.kindName)",
                              hint: "start each item on its own line with '- ', or write [a, b, c]", on: node)
            return nil
        }
        return seq.items
    }

    mutating func instrumentID(_ node: Node) -> String? {
        guard let id = string(node, what: "the id") else { return nil }
        if !Slug.isInstrumentID(id) {
            diagnostics.error(.invalidID, "the instrument id '\(id)' must be lowercase letters, digits, '-' or '_', start with a letter, and be at most \(Slug.maxLength) characters",
                              hint: "it names folders of responses; try '\(Slug.suggestion(for: id, allowHyphen: true))'", on: node)
        }
        return id
    }

    /// A question, section or row id: a slug that is also a valid variable name.
    mutating func variableID(_ node: Node, what: String) -> String? {
        guard let id = string(node, what: "the id") else { return nil }
        if !Slug.isVariableID(id) {
            diagnostics.error(.invalidID, "the \(what) id '\(id)' must be lowercase letters, digits or '_', start with a letter, and be at most \(Slug.maxLength) characters",
                              hint: "ids become variable names in SPSS, Stata and R; try '\(Slug.suggestion(for: id, allowHyphen: false))'", on: node)
        } else if let reason = Slug.reservedReason(id) {
            diagnostics.error(.reservedID, "the \(what) id '\(id)' cannot be used: \(reason)",
                              hint: "choose another id, such as '\(id)_q'", on: node)
        }
        return id
    }

    /// A text in one language or a map of translations, checked against `languages`.
    /// Piping placeholders are noted for checking once all questions are known.
    mutating func text(_ node: Node, position: Int, owner: String) -> LocalizedText? {
        switch node {
        case .scalar(let s):
            if s.isNull { return nil }
            if languages.count > 1 {
                diagnostics.error(.missingTranslation, "this text has no translations, but the instrument is in \(languages.joined(separator: " and "))",
                                  hint: "write it as {" + languages.map { "\($0): ..." }.joined(separator: ", ") + "}", on: node)
            }
            notePiping(s, position: position, owner: owner)
            return LocalizedText(s.text)
        case .mapping(let m):
            var translations: [String: String] = [:]
            for entry in m.entries {
                guard case .scalar(let key) = entry.key, let value = string(entry.value, what: "a translation") else { continue }
                if !languages.contains(key.text) {
                    // The list at the top is wrong already, and said so; every text would repeat it.
                    if languagesInvalid { continue }
                    let hint = languages.isEmpty
                        ? "list the instrument's languages at the top, such as 'languages: [en, cy]'"
                        : Suggest.closest(to: key.text, in: languages).map { "did you mean '\($0)'?" } ?? "the languages are: " + languages.joined(separator: ", ")
                    diagnostics.error(.unknownLanguage, "'\(key.text)' is not one of the instrument's languages", hint: hint, at: key.start, length: key.text.count)
                    continue
                }
                if case .scalar(let vs) = entry.value { notePiping(vs, position: position, owner: owner) }
                translations[key.text] = value
            }
            let missing = languages.filter { translations[$0] == nil }
            if !missing.isEmpty, !translations.isEmpty {
                diagnostics.error(.missingTranslation, "this text has no '\(missing.joined(separator: "', '"))' translation",
                                  hint: "add '\(missing[0]): ...' beside the other languages", at: m.start)
            }
            return translations.isEmpty ? nil : LocalizedText(translations: translations)
        case .sequence:
            diagnostics.error(.wrongType, "a text should be a single value or a map of translations, but this is a list", on: node)
            return nil
        }
    }

    private mutating func notePiping(_ s: Scalar, position: Int, owner: String) {
        // Scanned as one buffer where the text has one (byte by byte through the view was a
        // hundredth of `check`).
        let brace = { (b: UInt8) in b == UInt8(ascii: "{") || b == UInt8(ascii: "}") }
        if s.text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: brace) }) ?? s.text.utf8.contains(where: brace) {
            pipings.append(PipingSite(scalar: s, position: position, owner: owner, section: currentSection))
        }
    }

    /// Parses an expression and notes it for checking once all questions are known.
    /// Returns its canonical text, so that layout does not change the content hash.
    /// Reports `show_if:` (or `valid_if:`) written with nothing after it: YAML reads that as null,
    /// and a null condition was dropped without a word, so the question was always shown.
    mutating func reportEmptyCondition(_ key: String, in map: MapReader) {
        guard map[key] == nil, let k = map.keyScalar(key) else { return }
        diagnostics.error(.expressionSyntax, "'\(key)' has no condition, so it would be ignored",
                          hint: "write a condition, such as '\(key): age >= 18', or remove the key", at: k.start, length: key.count)
    }

    mutating func expression(_ node: Node, role: ExpressionSite.Role, question: String?, position: Int, section: String) -> String? {
        guard let s = scalar(node, what: "a condition", expected: "an expression") else { return nil }
        let parsed = Result { () throws(ExpressionError) in try Parser.parse(s.text) }
        expressions.append(ExpressionSite(role: role, scalar: s, parsed: parsed, question: question, position: position, sectionID: section))
        return (try? parsed.get()).map(Printer.print) ?? s.text
    }
}

extension String {
    var trimmingSpaces: String {
        guard utf8.first == 0x20 || utf8.last == 0x20 else { return self }
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
