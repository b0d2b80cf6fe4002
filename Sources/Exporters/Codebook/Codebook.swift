import Foundation
import InstrumentModel
import ResponseStore
import Wording

/// The exported variables of an instrument across its versions.
public struct Codebook: Sendable {
    public static let fixed = ["response_id", "pseudonym", "instrument_version", "status", "language", "date", "duration"]
    public var variables: [Variable] = []
    /// Variables whose type or codes changed between versions, said in words.
    public var conflicts: [String] = []

    /// Questions that have no column, and where their answers are instead (identifying ones).
    public var leftOut: [String] = []

    /// One variable per question and column for as long as its codes keep their meaning
    /// (`Question.dataBreaks`, the rule `fieldwork diff` rates changes by); a version that breaks
    /// it starts a variable of its own, `name_v<version>`. A later version's new variables go in
    /// its instrument order, before the next of its variables already placed, not at the end.
    public init(_ instruments: [Instrument]) {
        /// Per question id, the lines of versions that share its variables: the suffix their names
        /// take and the questions (one per version) they were made from.
        var lineages: [String: [(suffix: String, members: [(version: String, question: Question)])]] = [:]
        var leftOutNames: [String: [String]] = [:]
        for instrument in instruments {
            let words = PlainWords(instrument)
            let calculations = CalculationTypes.of(instrument)
            var made: [Variable] = []
            for section in instrument.sections {
                let before = made.count
                defer { if section.repeat != nil { Self.byInstance(&made, from: before) } }
                for q in section.questions where q.type != .note {
                    if q.identifying {
                        leftOutNames[q.id, default: []].append(instrument.version)
                        continue
                    }
                    // The first line of versions this one does not break, or a new one.
                    var lines = lineages[q.id] ?? []
                    let line = lines.firstIndex { line in
                        line.members.allSatisfy { q.dataBreaks(from: $0.question, languages: instrument.languages).isEmpty }
                    }
                    let suffix: String
                    if let line {
                        suffix = lines[line].suffix
                        lines[line].members.append((instrument.version, q))
                    } else {
                        suffix = lines.isEmpty ? "" : Self.versionSuffix(instrument.version)
                        if let first = lines.first?.members.last {
                            let reasons = q.dataBreaks(from: first.question, languages: instrument.languages).map { Self.words($0, instrument) }
                            conflicts.append("'\(q.id)' changed in version \(instrument.version) (against \(first.version): \(reasons.joined(separator: "; "))); "
                                             + "it is exported apart as '\(q.id + suffix)'")
                        }
                        lines.append((suffix, [(instrument.version, q)]))
                    }
                    lineages[q.id] = lines
                    let condition = words.condition(section: section, question: q)
                    let columns = section.repeat == nil
                        ? Self.variables(of: q, in: instrument, condition: condition, calculation: calculations[q.id])
                        : Self.instanceVariables(of: q, section: section, in: instrument, condition: condition, calculation: calculations[q.id])
                    for var v in columns {
                        v.name += suffix
                        v.versions = [instrument.version]
                        v.facts = [VersionFacts(version: instrument.version, question: q, variable: v, words: words)]
                        if let instance = v.instance { v.facts[0].facts.insert(Self.instanceFact(instance, section, instrument), at: 1) }
                        made.append(v)
                    }
                }
            }
            place(made)
        }
        for (id, versions) in leftOutNames.sorted(by: { $0.key < $1.key }) {
            leftOut.append("'\(id)' (identifying, versions \(versions.joined(separator: ", "))): its answers are stored apart from the responses, "
                           + "in the folder's identifying/ records, with nothing that links them to a response; it has no column here")
        }
        // Each skip code is chosen once every version's values are known, outside all of them.
        for i in variables.indices {
            // A calculation cannot be skipped, and "Other" is asked only when chosen: no skip code.
            if case .calculated = variables[i].source { variables[i].skipped = nil; continue }
            if case .other = variables[i].source { variables[i].skipped = nil; continue }
            variables[i].skipped = MissingCode.skipped(outside: variables[i].domain)
        }
        // An instance a response does not have gets its own code, outside the values and the skip.
        for i in variables.indices {
            guard let instance = variables[i].instance, !variables[i].measure.isText else { continue }
            let code = MissingCode.absent(outside: variables[i].domain, skipped: variables[i].skipped)
            variables[i].absent = code
            variables[i].missing.append((code, Variable.absentLabel(instance)))
        }
        names = ExportNames(variables.flatMap(\.statisticalColumns))
    }

    /// Adds one version's variables: each shared one is merged; each new one goes before the next
    /// variable of the same version that is already placed (at the end when none is).
    private mutating func place(_ made: [Variable]) {
        var newNames: [Int] = []
        for (k, v) in made.enumerated() {
            if let i = variables.firstIndex(where: { $0.name == v.name }) {
                if variables[i].question == v.question, variables[i].form == v.form {
                    variables[i].merge(v)
                    continue
                }
                // The same name from another question, or another form (a guard: the rule above
                // should have split it already).
                var renamed = v
                renamed.name = v.name + Self.versionSuffix(v.versions[0])
                conflicts.append("'\(v.name)' differs in version \(v.versions[0]) from version \(variables[i].versions.joined(separator: ", ")); it is exported apart as '\(renamed.name)'")
                if let j = variables.firstIndex(where: { $0.name == renamed.name }), variables[j].form == v.form {
                    variables[j].merge(renamed)
                    continue
                }
                newNames.append(k)
                continue
            }
            newNames.append(k)
        }
        for k in newNames {
            var v = made[k]
            if variables.contains(where: { $0.name == v.name }) { v.name += Self.versionSuffix(v.versions[0]) }
            var anchor = variables.count
            for next in made[(k + 1)...] {
                if let i = variables.firstIndex(where: { $0.name == next.name }) { anchor = i; break }
            }
            variables.insert(v, at: anchor)
        }
    }

    static func versionSuffix(_ version: String) -> String {
        "_v" + version.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    /// A break between versions in words, for the codebook and the export's warnings.
    static func words(_ b: DataBreak, _ instrument: Instrument) -> String {
        let language = instrument.languages.first
        switch b {
        case .type(let from, let to): return "its type changed from \(from.rawValue) to \(to.rawValue)"
        case .precision(let from, let to): return "dates are kept to the \(to.rawValue), were to the \(from.rawValue)"
        case .rank(let from, let to): return "the number of ranks changed from \(from.map(String.init) ?? "all") to \(to.map(String.init) ?? "all")"
        case .calculation(let from, let to): return "the calculation changed from '\(from ?? "")' to '\(to ?? "")'"
        case .codes(let meanings, let recoded):
            return (meanings.map { "\($0.code) now means '\($0.now.text(in: language))' (was '\($0.was.text(in: language))')" }
                    + recoded.map { "'\($0.label.text(in: language))' was \($0.was), now \($0.now)" }).joined(separator: "; ")
        case .missing(let code, let label, let nowMissing):
            return "\(code) '\(label)' " + (nowMissing ? "became a missing value" : "is no longer a missing value")
        }
    }

    /// The names each package can take, and where they had to differ from the variable's.
    public var names = ExportNames([])


    static func variables(of q: Question, in instrument: Instrument, condition: String?,
                          calculation: CalculationTypes.Kind? = nil) -> [Variable] {
        // Labels in the instrument's first language (a bare `text()` takes the first in sort order).
        let language = instrument.languages.first
        let label = (q.label ?? q.text).map { Self.short($0.text(in: language)) } ?? q.id
        let text = q.text?.text(in: language) ?? ""
        let all = q.allChoices
        let codes = all.filter { !$0.missing }.map { (code: $0.value, label: $0.label.text(in: language)) }
        let missing = all.filter(\.missing).map { (code: $0.value, label: $0.label.text(in: language)) }
        func make(_ name: String, _ source: Variable.Source, label: String, measure: Measure, integer: Bool = true,
                  codes: [(code: Int, label: String)] = [], missing: [(code: Int, label: String)] = [],
                  domain: Variable.Domain = .none) -> Variable {
            Variable(name: name, source: source, label: label, questionText: text, type: q.type.rawValue, measure: measure,
                     integer: integer, decimals: q.decimals ?? 0, codes: codes, missing: missing, condition: condition,
                     versions: [], precision: q.precision, domain: domain)
        }
        let choiceCodes = Variable.Domain.codes(Set(all.map(\.value)))
        var out: [Variable] = []
        switch q.type {
        case .single, .scale:
            out.append(make(q.id, .choice(question: q.id), label: label, measure: q.type == .scale ? .ordinal : .nominal, codes: codes, missing: missing,
                            domain: choiceCodes))
        case .multiple:
            // When a missing choice ("Prefer not to say") was picked, the flags not picked hold its code.
            for c in all {
                out.append(make(q.columnName(code: c.value), .flag(question: q.id, code: c.value), label: Self.short("\(label): \(c.label.text(in: language))"),
                                measure: .nominal, codes: [(0, "Not chosen"), (1, "Chosen")], missing: missing,
                                domain: .codes(Set([0, 1] + missing.map(\.code)))))
            }
        case .matrix:
            for row in q.rows ?? [] {
                out.append(make(q.columnName(row: row.id), .row(question: q.id, row: row.id), label: Self.short("\(label): \(row.text.text(in: language))"),
                                measure: .ordinal, codes: codes, missing: missing, domain: choiceCodes))
            }
        case .ranking:
            for c in all {
                out.append(make(q.columnName(code: c.value), .rank(question: q.id, code: c.value), label: Self.short("\(label): rank of \(c.label.text(in: language))"),
                                measure: .ordinal, codes: [(0, "Not ranked")], domain: .codes(Set(0...all.count))))
            }
        case .number:
            out.append(make(q.id, .value(question: q.id), label: label, measure: .scale, integer: (q.decimals ?? 0) == 0,
                            domain: .range(min: q.min, max: q.max)))
        case .text, .longText, .open:
            out.append(make(q.id, .value(question: q.id), label: label, measure: .text, integer: false))
        case .date:
            out.append(make(q.id, .value(question: q.id), label: label, measure: .date, integer: false))
        case .time:
            out.append(make(q.id, .value(question: q.id), label: label, measure: .time, integer: false))
        case .datetime:
            out.append(make(q.id, .value(question: q.id), label: label, measure: .datetime, integer: false))
        case .hidden:
            // Exported as the question it stands for: a coded choice, a number or a text.
            switch q.hiddenKind {
            case .choice:
                out.append(make(q.id, .choice(question: q.id), label: label, measure: .nominal, codes: codes, missing: missing, domain: choiceCodes))
            case .number:
                out.append(make(q.id, .value(question: q.id), label: label, measure: .scale, integer: (q.decimals ?? 0) == 0,
                                domain: .range(min: q.min, max: q.max)))
            case .text, nil:
                out.append(make(q.id, .value(question: q.id), label: label, measure: .text, integer: false))
            }
        case .calculate:
            switch calculation ?? .number {
            case .boolean:
                out.append(make(q.id, .calculated(question: q.id), label: label, measure: .nominal, codes: [(0, "False"), (1, "True")],
                                domain: .codes([0, 1])))
            case .text:
                out.append(make(q.id, .calculated(question: q.id), label: label, measure: .text, integer: false))
            case .date:
                var date = make(q.id, .calculated(question: q.id), label: label, measure: .date, integer: false)
                date.precision = .day
                out.append(date)
            case .time:
                out.append(make(q.id, .calculated(question: q.id), label: label, measure: .time, integer: false))
            case .datetime:
                out.append(make(q.id, .calculated(question: q.id), label: label, measure: .datetime, integer: false))
            case .number:
                out.append(make(q.id, .calculated(question: q.id), label: label, measure: .scale, integer: false,
                                domain: .range(min: nil, max: nil)))
            }
        case .note:
            break
        }
        if let other = q.other, q.type == .single || q.type == .multiple {
            // Asked only of those who chose "Other": the question's own condition is not all of it.
            var column = make(q.otherColumnName, .other(question: q.id), label: Self.short("\(label): other, specified"), measure: .text, integer: false)
            let chosen = "*\(label)* " + (q.type == .single ? "is" : "includes") + " *\(other.label.text(in: language))*"
            column.condition = condition.map { $0 + ", and " + chosen } ?? chosen
            out.append(column)
        }
        return out
    }

    /// A variable label kept short, by the rule the conditions in words share (`ShortLabel`).
    static func short(_ s: String) -> String { ShortLabel.of(s) }

    /// The cell of a variable in a response; `labels` writes labels instead of codes.
    func cell(_ v: Variable, _ r: StoredResponse, labels: Bool = false) -> Cell {
        // A version without this variable (or with another meaning of it) never asked it.
        guard v.versions.contains(r.version) else { return .notAsked }
        return cell(v, r, labels: labels, asked: true)
    }

    /// The cell, when the caller already knows that the response's version has the variable.
    func cell(_ v: Variable, _ r: StoredResponse, labels: Bool, asked: Bool) -> Cell {
        guard asked else { return .notAsked }
        var r = r
        if let instance = v.instance {
            if instance.present(in: r) == false { return .absent }
            // An instance listed but not reached, or not known yet: nothing of it was asked.
            guard let seen = r.instance(instance) else { return .notAsked }
            r = seen
        }
        let q = v.question
        let given = r.answers[q]
        if given == nil {
            if case .calculated = v.source {
                guard let value = r.calculated[q] else { return .notAsked }
                if v.measure == .text, let text = value.string { return .text(text) }
                return .value(Self.scalar(value))
            }
            // "Other" is asked only when it is chosen: for a skipped question it was never asked.
            if case .other = v.source { return .notAsked }
            return r.skipped.contains(q) ? .skipped : .notAsked
        }
        func code(_ c: Int) -> Cell {
            guard labels else { return .value(String(c)) }
            return .value((v.codes + v.missing).first { $0.code == c }?.label ?? String(c))
        }
        switch CellRule(v) {
        case .choice:
            return given?.int.map(code) ?? .notAsked
        case .flag(let c, let missing):
            let chosen = given?.array ?? []
            let picked = chosen.contains { $0.int == c }
            if !picked, let reason = missing.first(where: { m in chosen.contains { $0.int == m } }) { return code(reason) }
            return labels ? .value(picked ? "Chosen" : "Not chosen") : .value(CellRule.boolean(picked))
        case .row(let row):
            guard let c = given?[row]?.int else { return .skipped }
            return code(c)
        case .rank(let c):
            guard let order = given?.array else { return .notAsked }
            return .value(order.firstIndex { $0.int == c }.map { String($0 + 1) } ?? "0")
        case .other:
            guard let text = r.other[q] else { return .notAsked }
            return .text(text)
        case .text:
            if let text = given?.string { return .text(text) }
            return .value(given.map(Self.scalar) ?? "")
        case .value, .calculated:
            return .value(given.map(Self.scalar) ?? "")
        }
    }

    static func scalar(_ value: JSON) -> String {
        switch value {
        case .number(let d): return NumberText.canonical(d)
        case .string(let s): return s
        case .bool(let b): return CellRule.boolean(b)
        default: return ""
        }
    }
}
