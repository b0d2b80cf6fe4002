import Expressions
import Foundation
import InstrumentModel
import YAMLTree

extension InstrumentDecoder {
    mutating func decodeQuestion(_ node: Node, section: String) -> Question? {
        guard var map = MapReader(node, owner: "a question", expected: "a map with 'id', 'type' and 'text'", diagnostics: &diagnostics) else { return nil }
        let position = questionCount
        questionCount += 1
        let idNode = map.require("id", diagnostics: &diagnostics, hint: "give the question a short id such as 'id: age'", known: QuestionKeys.all)
        let id = idNode.flatMap { variableID($0, what: "question") } ?? "question\(position + 1)"
        map.owner = "question '\(id)'"
        register(id, at: idNode, in: \.questionMarks, what: "question",
                 hint: "every question needs its own id; it becomes the variable name in exports")
        guard let typeNode = map.require("type", diagnostics: &diagnostics, hint: "add a type, such as 'type: single'", known: QuestionKeys.all),
              let typeScalar = scalar(typeNode, what: "'type'", expected: "a question type") else {
            return nil
        }
        guard let type = QuestionType(rawValue: typeScalar.text) else {
            let names = QuestionType.allCases.map(\.rawValue)
            diagnostics.error(.unknownType, "unknown question type '\(typeScalar.text)' in \(map.owner)",
                              hint: QuestionKeys.xlsFormHint(typeScalar.text)
                                  ?? Suggest.closest(to: typeScalar.text, in: names).map { "did you mean '\($0)'?" }
                                  ?? "the types are: " + names.joined(separator: ", "), on: typeNode)
            return nil
        }
        // A card sort or a show card needs the interviewer's instructions and planned time too.
        let allowed = kind == .interview ? QuestionKeys.allowed(type).union(QuestionKeys.guide) : QuestionKeys.allowed(type)
        map.rejectUnknown(allowed: allowed, elsewhere: QuestionKeys.elsewhere, diagnostics: &diagnostics)
        if type == .open && kind == .survey {
            diagnostics.error(.interviewOnly, "'open' questions belong to interview guides, but this instrument is a survey",
                              hint: "use 'type: long_text' for a written answer, or set 'kind: interview'", on: typeNode)
        }

        var q = Question(id: id, type: type)
        let owner = map.owner
        if let n = map["text"] {
            q.text = text(n, position: position, owner: owner)
        } else if !type.isNeverAsked {
            _ = map.require("text", diagnostics: &diagnostics, hint: "add the question as participants will read it", known: QuestionKeys.all)
        }
        q.help = map["help"].flatMap { text($0, position: position, owner: owner) }
        q.label = map["label"].flatMap { text($0, position: position, owner: owner) }
        q.required = map["required"].flatMap { bool($0, what: "required") } ?? false
        q.sensitive = map["sensitive"].flatMap { bool($0, what: "sensitive") } ?? false
        q.identifying = map["identifying"].flatMap { bool($0, what: "identifying") } ?? false
        if q.required, type == .note || type == .calculate, let key = map.keyScalar("required") {
            diagnostics.warning(.ignoredKey, "'required' has no effect on a \(type.rawValue), which takes no answer",
                                hint: "remove it", at: key.start, length: 8)
        }
        // A calculation is never shown (so there is nothing to handle gently) and never asked
        // (so nothing to keep apart); its inputs carry these marks.
        for key in type == .calculate ? ["sensitive", "identifying"] : [] where key == "sensitive" ? q.sensitive : q.identifying {
            if let k = map.keyScalar(key) {
                diagnostics.warning(.ignoredKey, "'\(key)' has no effect on a calculate, which is never shown or asked",
                                    hint: "mark the questions it is calculated from instead", at: k.start, length: key.count)
            }
        }
        q.showIf = map["show_if"].flatMap { expression($0, role: .showIf, question: id, position: position, section: section) }
        q.validIf = map["valid_if"].flatMap { expression($0, role: .validIf, question: id, position: position, section: section) }
        if q.showIf != nil, type == .hidden, let key = map.keyScalar("show_if") {
            diagnostics.warning(.ignoredKey, "'show_if' has no effect on a hidden question, which is never shown; its value is set at launch",
                                hint: "remove it", at: key.start, length: 7)
        }
        reportEmptyCondition("show_if", in: map)
        reportEmptyCondition("valid_if", in: map)
        q.invalidMessage = map["invalid_message"].flatMap { text($0, position: position, owner: owner) }
        decodeSoftChecks(&q, map, position: position, section: section)
        if q.validIf != nil, type == .note || type.isNeverAsked, let key = map.keyScalar("valid_if") {
            diagnostics.warning(.ignoredKey, "'valid_if' has no effect on a \(type.rawValue), which takes no answer", at: key.start, length: 8)
        }

        switch type {
        case .note: break
        case .single, .multiple, .ranking: decodeChoiceQuestion(&q, map, position: position, section: section)
        case .scale: decodeScale(&q, map, position: position, section: section)
        case .matrix: decodeMatrix(&q, map, position: position, section: section)
        case .number: decodeNumber(&q, map, position: position)
        case .text, .longText: decodeText(&q, map)
        case .date: decodeDate(&q, map)
        case .time, .datetime: decodeClock(&q, map)
        case .hidden:
            // Its kind follows from its keys (`Question.hiddenKind`): choices, or a range, or text.
            if map["choices"] != nil {
                q.choices = choices(map, q: &q, position: position, section: section)
                for key in ["min", "max", "decimals"] {
                    if let k = map.keyScalar(key) {
                        diagnostics.error(.misplacedKey, "'\(key)' belongs to a hidden number, but 'choices' make '\(id)' a hidden choice",
                                          hint: "keep either 'choices' or 'min', 'max' and 'decimals'", at: k.start, length: key.count)
                    }
                }
            } else {
                decodeNumber(&q, map, position: position)
            }
        case .calculate:
            if let n = map.require("value", diagnostics: &diagnostics, hint: "add the expression to calculate, such as 'value: sum(a, b)'") {
                q.value = expression(n, role: .value, question: id, position: position, section: section)
            }
        case .open:
            if let n = map["probes"], let items = list(n, what: "probes") {
                q.probes = items.compactMap { text($0, position: position, owner: owner) }
            }
        }
        if type == .open || kind == .interview {
            q.instructions = map["instructions"].flatMap { text($0, position: position, owner: owner) }
            if let n = map["minutes"], let m = number(n, what: "minutes") {
                if m < 0 { diagnostics.error(.outOfRange, "'minutes' cannot be negative", on: n) }
                q.minutes = m
            }
        }
        // One message for every rule the author set on the answer, so a participant reads the
        // study's words whichever rule the answer breaks.
        let authorRules = q.validIf != nil || q.pattern != nil || q.maxLength != nil
            || ([.number, .multiple].contains(type) && (q.min != nil || q.max != nil))
        if q.invalidMessage != nil, !authorRules, let key = map.keyScalar("invalid_message") {
            diagnostics.warning(.ignoredKey, "'invalid_message' is shown when an answer breaks 'valid_if', 'pattern', 'max_length', 'min' or 'max', and this question has none of them",
                                hint: "add a rule, or remove the message", at: key.start, length: 15)
        }
        return q
    }

    /// Notes where an id is defined, or reports it as a duplicate of an earlier one.
    mutating func register(_ id: String, at node: Node?, in marks: WritableKeyPath<InstrumentDecoder, [String: Mark]>, what: String, hint: String) {
        guard let node else { return }
        if let first = self[keyPath: marks][id] {
            diagnostics.error(.duplicateID, "the \(what) id '\(id)' is already used at line \(first.line)", hint: hint, on: node)
        } else {
            self[keyPath: marks][id] = node.start
        }
    }

    private mutating func decodeNumber(_ q: inout Question, _ map: MapReader, position: Int) {
        q.min = map["min"].flatMap { number($0, what: "min") }
        q.max = map["max"].flatMap { number($0, what: "max") }
        checkMinMax(q.min, q.max, map)
        if let n = map["decimals"], let d = integer(n, what: "decimals") {
            if !(0...10).contains(d) {
                diagnostics.error(.outOfRange, "'decimals' must be from 0 to 10, but it is \(d)", on: n)
            }
            q.decimals = d
        }
        let decimals = q.decimals ?? 0
        // Only a bound with a fraction can be wrong here; most have none, and need no look-up.
        let fractional = (q.min.map { $0 != $0.rounded() } ?? false) || (q.max.map { $0 != $0.rounded() } ?? false)
        for key in decimals == 0 && fractional ? ["min", "max"] : [] {
            guard let n = map[key], let v = key == "min" ? q.min : q.max, v != v.rounded() else { continue }
            diagnostics.error(.invalidValue, "'\(key)' is \(Self.format(v)), but answers are whole numbers",
                              hint: "add 'decimals: 1' (or more) to allow decimal answers", on: n)
        }
        q.unit = map["unit"].flatMap { text($0, position: position, owner: map.owner) }
    }

    private mutating func decodeText(_ q: inout Question, _ map: MapReader) {
        if let n = map["max_length"], let m = integer(n, what: "max_length") {
            if m < 1 { diagnostics.error(.outOfRange, "'max_length' must be at least 1, but it is \(m)", on: n) }
            q.maxLength = m
        }
        if let n = map["pattern"], let p = string(n, what: "pattern") {
            do {
                _ = try NSRegularExpression(pattern: p)
                q.pattern = p
                if let (message, hint) = PatternSafety.problem(in: p) {
                    diagnostics.error(.slowPattern, message, hint: hint, on: n)
                }
            } catch {
                diagnostics.error(.invalidPattern, "'\(p)' is not a valid regular expression",
                                  hint: "check brackets and backslashes; in YAML, put the pattern in single quotes: '^[0-9]+$'", on: n)
            }
        }
        if let n = map["redact"] {
            if case .scalar = n {
                if let on = bool(n, what: "redact") { q.redact = on ? nil : [] }
            } else {
                q.redact = redactPatterns(n)
            }
        }
    }

    private mutating func decodeDate(_ q: inout Question, _ map: MapReader) {
        var bounds: [String: Int] = [:]
        for key in ["min", "max"] {
            guard let n = map[key], let s = string(n, what: key) else { continue }
            if s == "today" {
                key == "min" ? (q.dateMin = s) : (q.dateMax = s)
                continue
            }
            guard let days = DateValue.parse(s, precision: .day) else {
                diagnostics.error(.invalidValue, "'\(key)' should be a date written YYYY-MM-DD, or 'today', but it is '\(s)'", on: n)
                continue
            }
            bounds[key] = days
            key == "min" ? (q.dateMin = s) : (q.dateMax = s)
        }
        if let lo = bounds["min"], let hi = bounds["max"], lo > hi, let n = map["min"] {
            diagnostics.error(.minAboveMax, "'min' (\(q.dateMin ?? "")) is after 'max' (\(q.dateMax ?? ""))",
                              hint: "swap them, or correct one of them", on: n)
        }
        q.precision = map["precision"].flatMap { enumeration($0, what: "precision") }
    }

    mutating func checkMinMax(_ min: Double?, _ max: Double?, _ map: MapReader, what: String = "") {
        guard let lo = min, let hi = max, lo > hi, let n = map["min"] else { return }
        diagnostics.error(.minAboveMax, "'min' (\(Self.format(lo))) is above 'max' (\(Self.format(hi)))\(what)",
                          hint: "swap them, or correct one of them", on: n)
    }

    static func format(_ v: Double) -> String { NumberText.canonical(v) }
}

