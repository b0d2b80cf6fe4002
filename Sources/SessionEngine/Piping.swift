import Expressions
import Foundation
import InstrumentModel

/// Replaces `{id}` and `{id.row}` with earlier answers; `{{` and `}}` are braces.
enum Piping {
    static let dash = "–"

    static func render(_ text: String, session: Session, instance: InstanceKey? = nil) -> String {
        guard text.contains("{") || text.contains("}") else { return text }
        var out = ""
        var rest = Substring(text)
        while let i = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            out += rest[..<i]
            let after = rest.index(after: i)
            if after < rest.endIndex, rest[after] == rest[i] {
                out.append(rest[i])
                rest = rest[rest.index(after: after)...]
                continue
            }
            guard rest[i] == "{", let close = rest[after...].firstIndex(of: "}") else {
                out.append(rest[i])
                rest = rest[after...]
                continue
            }
            out += shown(String(rest[after..<close]).trimmingCharacters(in: .whitespaces), session, instance)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    private static func shown(_ name: String, _ session: Session, _ instance: InstanceKey?) -> String {
        var parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        if let instance, let section = session.instrument.sections.first(where: { $0.id == instance.section }) {
            // `{activities.label}`: this instance's choice of the question the repeat is over.
            if parts.count == 2, parts[1] == "label", section.repeat?.forEach == parts[0] {
                return session.instanceLabel(section, key: instance.key) ?? dash
            }
            if session.repeatedSectionOf[parts[0]] == instance.section { parts[0] = Slot.id(parts[0], key: instance.key) }
        }
        if let calc = session.calculated[parts[0]] { return describe(calc) }
        guard let q = session.question(parts[0]), let answer = session.answers[parts[0]] else { return dash }
        func label(_ code: Int) -> String {
            q.allChoices.first { $0.value == code }.map { $0.label.text(in: session.language) } ?? String(code)
        }
        switch answer.value {
        case .choice(let c):
            return c == q.other?.value ? (answer.other ?? label(c)) : label(c)
        case .choices(let codes), .ranking(let codes):
            return codes.map { $0 == q.other?.value ? (answer.other ?? label($0)) : label($0) }.joined(separator: ", ")
        case .rows(let rows):
            guard parts.count > 1, let code = rows[parts[1]] else { return dash }
            return label(code)
        case .number(let n): return Validation.format(n)
        case .text(let t): return t
        case .date(let d), .time(let d): return d
        case .datetime(let d): return DateTimeValue.readable(d)
        }
    }

    private static func describe(_ value: Expressions.Value) -> String {
        switch value {
        case .number(let n): return Validation.format(n)
        case .text(let t): return t
        case .bool(let b): return b ? "yes" : "no"
        default: return dash
        }
    }
}

