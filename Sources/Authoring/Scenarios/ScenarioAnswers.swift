import Expressions
import InstrumentModel
import SessionEngine
import YAMLTree

/// Answers as a scenario writes them (labels or codes, plain numbers and dates) turned into the
/// answers the engine takes.
enum ScenarioAnswers {
    static func answer(_ node: Node, for q: Question) -> Result<Answer, ScenarioProblem> {
        func fail(_ at: Node, _ message: String) -> Result<Answer, ScenarioProblem> { .failure(ScenarioProblem(at: at.start, message)) }
        // `{answer: ..., other: ...}` gives the text of "Other".
        if case .mapping(let m) = node, q.type == .single || q.type == .multiple {
            let answer = m.entries.first { if case .scalar(let k) = $0.key { k.text == "answer" } else { false } }
            let other = m.entries.first { if case .scalar(let k) = $0.key { k.text == "other" } else { false } }
            guard let answer else { return fail(node, "write the answer of '\(q.id)' as {answer: ..., other: ...}, or as the choice alone") }
            var result = self.answer(answer.value, for: q)
            if case .success(var a) = result, let other, case .scalar(let text) = other.value {
                a.other = text.text
                result = .success(a)
            }
            return result
        }
        switch q.type {
        case .single, .scale:
            guard case .scalar(let s) = node else { return fail(node, "the answer of '\(q.id)' should be one choice, by its label or code") }
            return choice(s, q).map { Answer(.choice($0)) }
        case .multiple, .ranking:
            let items: [Node]
            switch node {
            case .sequence(let seq): items = seq.items
            case .scalar: items = [node]
            case .mapping: return fail(node, "the answer of '\(q.id)' should be a list of choices, such as [1, 3]")
            }
            var codes: [Int] = []
            for item in items {
                guard case .scalar(let s) = item else { return fail(item, "each choice of '\(q.id)' should be a label or a code") }
                switch choice(s, q) {
                case .success(let c): codes.append(c)
                case .failure(let p): return .failure(p)
                }
            }
            return .success(Answer(q.type == .ranking ? .ranking(codes) : .choices(codes)))
        case .matrix:
            guard case .mapping(let m) = node else { return fail(node, "the answer of '\(q.id)' should map each row to a choice, such as {row_id: Agree}") }
            var rows: [String: Int] = [:]
            for entry in m.entries {
                guard case .scalar(let row) = entry.key, (q.rows ?? []).contains(where: { $0.id == row.text }) else {
                    let ids = (q.rows ?? []).map(\.id).joined(separator: ", ")
                    let written: String = if case .scalar(let k) = entry.key { k.text } else { "" }
                    let near = Suggest.closest(to: written, in: (q.rows ?? []).map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
                    return fail(entry.key, "'\(q.id)' has no row '\(written)'\(near); its rows are \(ids)")
                }
                guard case .scalar(let s) = entry.value else { return fail(entry.value, "the answer of row '\(row.text)' should be one choice") }
                switch choice(s, q) {
                case .success(let c): rows[row.text] = c
                case .failure(let p): return .failure(p)
                }
            }
            return .success(Answer(.rows(rows)))
        case .number:
            guard case .scalar(let s) = node, let n = TextEntry.number(s.text) else { return fail(node, "the answer of '\(q.id)' should be a number") }
            return .success(Answer(.number(n)))
        case .text, .longText, .open:
            guard case .scalar(let s) = node else { return fail(node, "the answer of '\(q.id)' should be a text") }
            return .success(Answer(.text(s.text)))
        case .date:
            let precision = q.precision ?? .day
            guard case .scalar(let s) = node, let d = TextEntry.date(s.text, precision: precision) else {
                return fail(node, "the answer of '\(q.id)' should be a date written \(TextEntry.datePattern(precision))")
            }
            return .success(Answer(.date(d)))
        case .time:
            guard case .scalar(let s) = node, let t = TextEntry.time(s.text) else {
                return fail(node, "the answer of '\(q.id)' should be a time written HH:MM on a 24-hour clock, such as \"09:30\"")
            }
            return .success(Answer(.time(t)))
        case .datetime:
            guard case .scalar(let s) = node, case .date(let t) = TextEntry.datetimeReading(s.text) else {
                return fail(node, "the answer of '\(q.id)' should be a date and time written YYYY-MM-DD HH:MM, such as \"2024-05-17 09:30\"")
            }
            return .success(Answer(.datetime(t)))
        case .note, .calculate, .hidden:
            return fail(node, "'\(q.id)' is a \(q.type.rawValue) and takes no answer")
        }
    }

    /// A choice by its code or by its label in any language.
    private static func choice(_ s: Scalar, _ q: Question) -> Result<Int, ScenarioProblem> {
        let all = q.allChoices
        if let code = Int(s.text), all.contains(where: { $0.value == code }) { return .success(code) }
        if let c = all.first(where: { $0.label.allTexts.contains(s.text) }) { return .success(c.value) }
        let list = all.prefix(8).map { "\($0.value) \($0.label.text())" }.joined(separator: ", ") + (all.count > 8 ? ", ..." : "")
        return .failure(ScenarioProblem(at: s.start, "'\(s.text)' is not a choice of '\(q.id)'; its choices are \(list)"))
    }
}
