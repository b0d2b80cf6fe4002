import Foundation
import Expressions
import InstrumentModel

/// Values given when a session is started (`fieldwork run x.yaml --set site=north`) for the
/// instrument's `type: hidden` questions: a site, a wave, a batch that the participant is never
/// asked. They are checked against their declaration before anything is asked or written, and
/// become answers like any other, so conditions, piping and every export treat them alike.
public enum LaunchValues {
    /// Why a value cannot be used, in a sentence for whoever starts the session.
    public struct Problem: Error, Equatable, Sendable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    /// The values of `name=value` pairs, by question id, written as the journal keeps them
    /// (a choice by its code), after every check; a required hidden question left out is a problem.
    /// `requiring: false` leaves required ones to the caller (a simulation draws them).
    public static func read(_ pairs: [String], for instrument: Instrument, requiring: Bool = true) throws(Problem) -> [String: String] {
        var values: [String: String] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw Problem("--set \(pair): write NAME=VALUE, as in --set site=north")
            }
            let name = String(pair[..<equals])
            guard values[name] == nil else { throw Problem("--set \(name) is given twice") }
            switch value(String(pair[pair.index(after: equals)...]), named: name, in: instrument) {
            case .success(let stored): values[name] = stored
            case .failure(let problem): throw Problem("--set \(pair): " + problem.message)
            }
        }
        if requiring, let q = missing(from: values, in: instrument) {
            throw Problem("'\(q.id)' is required and set at launch: add --set \(q.id)=VALUE" + (allowed(q).map { " (\($0))" } ?? ""))
        }
        return values
    }

    /// One value for the question named, as the journal keeps it, or why it cannot be used.
    public static func value(_ raw: String, named name: String, in instrument: Instrument) -> Result<String, Problem> {
        guard let q = instrument.question(name) else {
            let hidden = instrument.questions.filter { $0.type == .hidden }.map(\.id)
            let hint = Suggest.closest(to: name, in: hidden).map { "; did you mean '\($0)'?" }
                ?? (hidden.isEmpty ? "; it declares none" : " (it has " + hidden.joined(separator: ", ") + ")")
            return .failure(Problem("the instrument has no hidden question '\(name)'" + hint))
        }
        guard q.type == .hidden else {
            return .failure(Problem("'\(name)' is asked of the participant; only a 'type: hidden' question is set at launch"))
        }
        return answer(raw, for: q).map(stored)
    }

    /// The first required hidden question without a value.
    public static func missing(from values: [String: String], in instrument: Instrument) -> Question? {
        instrument.questions.first { $0.type == .hidden && $0.required && values[$0.id] == nil }
    }

    /// The answers that stored values stand for: the one reading used on starting, resuming and
    /// exporting. A value that no longer fits (a damaged journal) is left out, never guessed at.
    public static func answers(_ values: [String: String], for instrument: Instrument) -> [String: Answer] {
        var out: [String: Answer] = [:]
        for (id, raw) in values {
            guard let q = instrument.question(id), q.type == .hidden, case .success(let a) = answer(raw, for: q) else { continue }
            out[id] = a
        }
        return out
    }

    /// What a hidden question accepts, in words ("North or South"; "a whole number from 1 to 4").
    public static func allowed(_ q: Question) -> String? {
        switch q.hiddenKind {
        case .choice: return or((q.choices ?? []).map { $0.label.text() })
        case .number: return number(q)
        case .text, nil: return nil
        }
    }

    /// One value checked against its question's declaration.
    public static func answer(_ raw: String, for q: Question) -> Result<Answer, Problem> {
        let value = raw.trimmingCharacters(in: .whitespaces)
        switch q.hiddenKind {
        case .choice:
            let choices = q.choices ?? []
            if let code = Int(value), choices.contains(where: { $0.value == code }) { return .success(Answer(.choice(code))) }
            if let choice = choices.first(where: { c in c.label.allTexts.contains { $0.lowercased() == value.lowercased() } }) {
                return .success(Answer(.choice(choice.value)))
            }
            return .failure(Problem("'\(raw)' is not one of the choices of '\(q.id)' (\(or(choices.map { $0.label.text() })), or their codes \(or(choices.map { String($0.value) })))"))
        case .number:
            let decimals = q.decimals ?? 0
            guard let n = Double(value), n.isFinite, value.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }),
                  q.min.map({ n >= $0 }) ?? true, q.max.map({ n <= $0 }) ?? true,
                  (n * pow10(decimals)).rounded() == n * pow10(decimals) else {
                return .failure(Problem("'\(q.id)' takes " + number(q)))
            }
            return .success(Answer(.number(n)))
        case .text, nil:
            guard !value.isEmpty, value.count <= 200, !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                return .failure(Problem("'\(q.id)' takes a text of 1 to 200 characters, on one line"))
            }
            return .success(Answer(.text(value)))
        }
    }

    /// An answer as the journal's header keeps it.
    static func stored(_ answer: Answer) -> String {
        switch answer.value {
        case .choice(let c): String(c)
        case .number(let n): NumberText.canonical(n)
        case .text(let t): t
        default: ""
        }
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1) { r, _ in r * 10 } }

    private static func number(_ q: Question) -> String {
        let decimals = q.decimals ?? 0
        let kind = decimals == 0 ? "a whole number" : "a number with up to \(decimals) decimal\(decimals == 1 ? "" : "s")"
        switch (q.min, q.max) {
        case let (min?, max?): return kind + " from \(NumberText.canonical(min)) to \(NumberText.canonical(max))"
        case let (min?, nil): return kind + " of \(NumberText.canonical(min)) or more"
        case let (nil, max?): return kind + " of \(NumberText.canonical(max)) or less"
        case (nil, nil): return kind
        }
    }

    private static func or(_ words: [String]) -> String {
        words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
    }
}
