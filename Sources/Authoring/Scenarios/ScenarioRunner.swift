import Expressions
import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine
import YAMLTree

/// Plays a scenario through the engine as a participant would, then checks its expectations.
public struct ScenarioRunner {
    let instrument: Instrument
    let hash: String
    let today: Int
    let questions: [String: Question]

    public init(instrument: Instrument, hash: String, today: Int) {
        self.instrument = instrument
        self.hash = hash
        self.today = today
        questions = instrument.questionsByID
    }

    /// The failures of one scenario; none when it passes.
    public func run(_ scenario: Scenario) -> [ScenarioProblem] {
        var failures: [ScenarioProblem] = []
        if let language = scenario.language, !instrument.languages.contains(language) {
            return [ScenarioProblem(at: scenario.at, "'\(language)' is not one of the instrument's languages (\(instrument.languages.joined(separator: ", ")))")]
        }
        // Every id must name a question; answers must suit their questions.
        var answers: [String: (Answer, Keyed)] = [:]
        // Each instance's answer, by slot, with how the scenario named the instance.
        var instances: [(slot: String, name: Scalar)] = []
        for item in scenario.answers {
            guard let q = question(item, into: &failures) else { continue }
            if let section = instrument.repeatingSection(of: q.id) {
                for (slot, a, name) in instanceAnswers(item, for: q, in: section, into: &failures) {
                    answers[slot] = (a, item)
                    instances.append((slot, name))
                }
                continue
            }
            switch ScenarioAnswers.answer(item.value, for: q) {
            case .success(let a): answers[q.id] = (a, item)
            case .failure(let p): failures.append(p)
            }
        }
        var rejected: [String: (Answer, String?, Keyed)] = [:]
        for item in scenario.rejected {
            guard let q = question(item, into: &failures) else { continue }
            var node = item.value
            var message: String?
            if case .mapping(let m) = item.value {
                let keyed = ScenarioFile.mapping(item.value, what: "a rejected answer", allowed: ["answer", "message"], into: &failures) ?? []
                guard let answer = keyed.first(where: { $0.key == "answer" }) else {
                    failures.append(ScenarioProblem(at: m.start, "write a rejected answer as {answer: ..., message: ...}"))
                    continue
                }
                node = answer.value
                if let m = keyed.first(where: { $0.key == "message" }), case .scalar(let s) = m.value { message = s.text }
            }
            switch ScenarioAnswers.answer(node, for: q) {
            case .success(let a): rejected[q.id] = (a, message, item)
            case .failure(let p): failures.append(p)
            }
        }
        for item in scenario.shown + scenario.hidden { _ = question(item, into: &failures) }
        for item in scenario.safeguarding ?? [] where instrument.safeguardingRule(item.key) == nil {
            let ids = instrument.safeguarding.map(\.id)
            failures.append(ScenarioProblem(at: item.at, "'\(item.key)' is not a safeguarding rule of the instrument"
                + (ids.isEmpty ? ", which has none" : " (it has \(ids.joined(separator: ", ")))")))
        }
        for item in scenario.calculated {
            if let q = question(item, into: &failures), q.type != .calculate {
                failures.append(ScenarioProblem(at: item.at, "'\(q.id)' is a \(q.type.rawValue), not a calculation; expect its answer under 'record' instead"))
            }
        }
        var launchValues: [String: String] = [:]
        for item in scenario.set {
            guard case .scalar(let raw) = item.value else {
                failures.append(ScenarioProblem(at: item.value.start, "'\(item.key)' is set to one value, such as 'site: north'"))
                continue
            }
            switch LaunchValues.value(raw.text, named: item.key, in: instrument) {
            case .success(let stored): launchValues[item.key] = stored
            case .failure(let problem): failures.append(ScenarioProblem(at: item.value.start, problem.message))
            }
        }
        if failures.isEmpty, let q = LaunchValues.missing(from: launchValues, in: instrument) {
            failures.append(ScenarioProblem(at: scenario.at, "'\(q.id)' is required and set at launch: add it under 'set:'"
                + (LaunchValues.allowed(q).map { " (\($0))" } ?? "")))
        }
        guard failures.isEmpty else { return failures }

        // Play the session.
        var session = Session(instrument: instrument, seed: scenario.seed, language: scenario.language ?? instrument.languages.first, today: today,
                              preset: LaunchValues.answers(launchValues, for: instrument))
        var shown: [String] = []
        var askedSlots: Set<String> = []
        var clock = 0.0
        // Every move goes through the one `apply`, as a participant's would (redaction included).
        func make(_ move: SessionMove) throws(AnswerProblem) { try session.apply(session.event(move, at: clock)) }
        if session.phase == .consent { try? make(.consent(agreed: !scenario.declines)) }
        var steps = 0
        let asked = instrument.questionCount + instrument.repeatedSections.reduce(0) { $0 + ($1.repeat?.max ?? 0) * ($1.questions.count + 1) }
        play: while let q = session.current, steps < 4 * asked + 4 {
            steps += 1
            clock += 10
            // An until_done repeat goes on while the scenario answers the next instance.
            if let (section, key) = Slot.anotherOf(q.id) {
                let more = answers.keys.contains { Slot.key(of: $0) == key + 1 && instrument.repeatingSection(of: Slot.question(of: $0))?.id == section }
                if (try? make(.answer(Answer(.choice(more ? 1 : 2))))) != nil { continue play }
                break play
            }
            // Shown, hidden and the answers given name questions; an instance counts for its question.
            let id = Slot.question(of: q.id)
            if !shown.contains(id) { shown.append(id) }
            askedSlots.insert(q.id)
            if let (answer, message, item) = rejected.removeValue(forKey: q.id) {
                do throws(AnswerProblem) {
                    try make(.answer(answer))
                    failures.append(ScenarioProblem(at: item.at, "expected the answer to '\(q.id)' to be refused, but it was accepted"))
                    continue play
                } catch {
                    if let message, message != error.message {
                        failures.append(ScenarioProblem(at: item.at, "expected the answer to '\(q.id)' to be refused with \"\(message)\", but the message was \"\(error.message)\""))
                    }
                }
            }
            if let (answer, item) = answers[q.id], q.type != .note {
                do throws(AnswerProblem) {
                    try make(.answer(answer))
                    continue play
                } catch {
                    failures.append(ScenarioProblem(at: item.at, "the answer to '\(q.id)' was refused: \(error.message)"))
                }
            }
            // No answer (or a refused one): skip if allowed; a required question ends the session here.
            if (try? make(.skip)) == nil { break play }
        }
        let status = session.status

        // Check what happened against what was expected.
        for item in scenario.answers where !shown.contains(item.key) && questions[item.key]?.type != .note {
            failures.append(ScenarioProblem(at: item.at, "an answer is given for '\(item.key)', but the question was never shown" + stopped(session)))
        }
        for (slot, name) in instances {
            if let problem = unaskedInstance(slot, named: name, asked: askedSlots, shown: shown, session: session) { failures.append(problem) }
        }
        for (id, (_, _, item)) in rejected.sorted(by: { $0.value.2.at < $1.value.2.at }) {
            failures.append(ScenarioProblem(at: item.at, "a refused answer is expected for '\(id)', but the question was never shown" + stopped(session)))
        }
        for item in scenario.shown where !shown.contains(item.key) {
            failures.append(ScenarioProblem(at: item.at, "expected '\(item.key)' to be shown, but it was not" + stopped(session)))
        }
        for item in scenario.hidden where shown.contains(item.key) {
            failures.append(ScenarioProblem(at: item.at, "expected '\(item.key)' to be hidden, but it was shown"))
        }
        for item in scenario.calculated {
            let actual = session.calculated[item.key] ?? .empty
            if !Self.matches(actual, item.value) {
                failures.append(ScenarioProblem(at: item.value.start, "expected '\(item.key)' to be \(Self.written(item.value)), but it was \(Self.describe(actual))"))
            }
        }
        if let expected = scenario.safeguarding {
            failures += Self.compareFired(expected, at: scenario.safeguardingAt, session.safeguardingFired.map(\.rule))
        }
        if let expected = scenario.status, case .scalar(let s) = expected.value, s.text != status.rawValue {
            failures.append(ScenarioProblem(at: s.start, "expected the response to be \(s.text), but it was \(status.rawValue)" + stopped(session)))
        }
        if let record = scenario.record {
            let bytes = responseRecord(for: session, hash: hash)
            let json = bytes.withUnsafeBytes { JSON.parse($0) } ?? .null
            failures += RecordMatch.compare(record.value, json, path: "")
        }
        return failures.sorted { $0.at < $1.at }
    }

    private func question(_ item: Keyed, into failures: inout [ScenarioProblem]) -> Question? {
        if let q = questions[item.key] { return q }
        let hint = Suggest.closest(to: item.key, in: questions.keys).map { " (did you mean '\($0)'?)" } ?? ""
        failures.append(ScenarioProblem(at: item.at, "'\(item.key)' is not a question of \(instrument.id)\(hint)"))
        return nil
    }

    /// Where a session that did not finish stopped, to explain a question never reached.
    private func stopped(_ session: Session) -> String {
        guard case .question(let id) = session.phase else { return "" }
        return " (the session stopped at '\(id)', which needs an answer)"
    }

    static func matches(_ value: Value, _ node: Node) -> Bool {
        guard case .scalar(let s) = node else { return false }
        switch value {
        case .number(let n): return TextEntry.number(s.text).map { abs($0 - n) < 1e-9 } ?? false
        case .text(let t): return t == s.text
        case .bool(let b): return s.text == (b ? "true" : "false")
        case .date(let d): return DateValue.format(d) == s.text
        case .time(let t): return TextEntry.time(s.text) == ClockTime.format(t)
        case .datetime(let t): return TextEntry.datetimeReading(s.text) == .date(DateTimeValue.format(t))
        case .empty: return s.isNull
        default: return false
        }
    }

    static func written(_ node: Node) -> String {
        if case .scalar(let s) = node { return s.isNull ? "empty" : s.text }
        return "a single value"
    }

    static func describe(_ value: Value) -> String {
        switch value {
        case .number(let n): return NumberText.canonical(n)
        case .text(let t): return "\"\(t)\""
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return DateValue.format(d)
        case .time(let t): return ClockTime.format(t)
        case .datetime(let t): return DateTimeValue.readable(DateTimeValue.format(t))
        case .empty: return "empty"
        default: return "\(value)"
        }
    }
}

/// A part of the response record written in YAML, compared with the record's JSON: maps need
/// only the keys written, lists must match item by item.
enum RecordMatch {
    static func compare(_ node: Node, _ json: JSON, path: String) -> [ScenarioProblem] {
        switch node {
        case .mapping(let m):
            guard let object = json.object else { return [ScenarioProblem(at: node.start, "\(name(path)) is \(show(json)), not a map")] }
            var out: [ScenarioProblem] = []
            for entry in m.entries {
                guard case .scalar(let key) = entry.key else { continue }
                guard let value = object[key.text] else {
                    // `~` expects nothing there: the store leaves absent members out.
                    if case .scalar(let s) = entry.value, s.isNull { continue }
                    out.append(ScenarioProblem(at: key.start, "the record has no \(join(path, key.text))"))
                    continue
                }
                out += compare(entry.value, value, path: join(path, key.text))
            }
            return out
        case .sequence(let seq):
            guard let array = json.array, array.count == seq.items.count else {
                return [ScenarioProblem(at: node.start, "\(name(path)) is \(show(json))")]
            }
            return zip(seq.items, array).enumerated().flatMap { compare($0.element.0, $0.element.1, path: path + "[\($0.offset)]") }
        case .scalar(let s):
            let same: Bool
            switch json {
            case .bool(let b): same = s.text == (b ? "true" : "false")
            case .number(let n): same = TextEntry.number(s.text) == n
            case .string(let t): same = t == s.text
            case .null: same = s.isNull
            case .array, .object: same = false
            }
            return same ? [] : [ScenarioProblem(at: s.start, "\(name(path)) is \(show(json)), not \(s.isNull ? "empty" : TextEntry.number(s.text) != nil ? s.text : "\"" + s.text + "\"")")]
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    private static func name(_ path: String) -> String { path.isEmpty ? "the record" : "the record's \(path)" }

    static func show(_ json: JSON) -> String {
        if case .null = json { return "empty" }
        return json.compactText
    }
}
