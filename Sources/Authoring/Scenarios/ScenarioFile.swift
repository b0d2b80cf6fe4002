import Expressions
import YAMLTree

/// Something wrong in a scenario file, or an expectation that did not hold, at its place.
public struct ScenarioProblem: Error, Sendable, Equatable {
    public var at: Mark
    public var message: String

    public init(at: Mark, _ message: String) {
        self.at = at
        self.message = message
    }
}

/// A key of the file and the node it names, kept with its position for messages.
public struct Keyed: Sendable, Equatable {
    public var key: String
    public var at: Mark
    public var value: Node
}

/// One scenario: a participant's answers, and what must follow from them.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var at: Mark
    public var language: String?
    public var seed: UInt64 = 1
    public var declines = false
    /// Values of hidden questions, as `run --set` gives them, by question id in the order written.
    public var set: [Keyed] = []
    /// Answers by question id, in the order written.
    public var answers: [Keyed] = []
    public var shown: [Keyed] = []
    public var hidden: [Keyed] = []
    public var calculated: [Keyed] = []
    /// Answers tried first when the question comes, which must be refused (with `message`, if given).
    public var rejected: [Keyed] = []
    public var status: Keyed?
    /// A part of the stored response record, which must match.
    public var record: Keyed?
    /// The safeguarding rules that must have fired, and no others; nil when the scenario does not say.
    public var safeguarding: [Keyed]?
    /// Where `safeguarding:` is written, for a failure about it as a whole.
    public var safeguardingAt: Mark?
}

/// A file of scenarios for one instrument (`<instrument>.scenarios.yaml`):
///
///     instrument: prosper-member-survey     # optional: the id it is for
///     scenarios:
///       - name: a new member who set up an activity
///         answers: {member_since: Less than 6 months, activities: [Setting up an activity of my own]}
///         expect:
///           shown: [started_activity]
///           hidden: [attendance]
///           status: complete
public struct ScenarioFile: Sendable, Equatable {
    public var instrumentID: Keyed?
    public var scenarios: [Scenario]

    /// Reads the file; structural problems are reported with their positions.
    public static func parse(_ bytes: [UInt8]) -> (ScenarioFile?, [ScenarioProblem]) {
        let document = YAMLReader.read(bytes)
        if let problem = document.problems.first {
            return (nil, [ScenarioProblem(at: problem.at, problem.message)])
        }
        guard let root = document.root else {
            return (nil, [ScenarioProblem(at: Mark(line: 1, column: 1), "the file is empty: it needs 'scenarios:', a list of scenarios")])
        }
        var problems: [ScenarioProblem] = []
        guard let top = mapping(root, what: "the file", allowed: ["instrument", "scenarios"], into: &problems) else { return (nil, problems) }
        var file = ScenarioFile(instrumentID: top.first { $0.key == "instrument" }, scenarios: [])
        guard let list = top.first(where: { $0.key == "scenarios" }) else {
            problems.append(ScenarioProblem(at: root.start, "the file needs 'scenarios:', a list of scenarios"))
            return (nil, problems)
        }
        guard case .sequence(let items) = list.value, !items.items.isEmpty else {
            problems.append(ScenarioProblem(at: list.value.start, "'scenarios' should be a list of scenarios, each starting with '- name:'"))
            return (nil, problems)
        }
        for item in items.items {
            if let scenario = self.scenario(item, into: &problems) { file.scenarios.append(scenario) }
        }
        return (problems.isEmpty ? file : nil, problems)
    }

    private static func scenario(_ node: Node, into problems: inout [ScenarioProblem]) -> Scenario? {
        let keys = ["name", "language", "seed", "consent", "set", "answers", "expect"]
        guard let entries = mapping(node, what: "a scenario", allowed: keys, into: &problems) else { return nil }
        guard let name = entries.first(where: { $0.key == "name" }), case .scalar(let nameText) = name.value, !nameText.text.isEmpty else {
            problems.append(ScenarioProblem(at: node.start, "each scenario needs a 'name' saying what it checks"))
            return nil
        }
        var s = Scenario(name: nameText.text, at: name.at)
        for entry in entries {
            switch entry.key {
            case "language":
                s.language = scalar(entry, into: &problems)
            case "seed":
                guard let text = scalar(entry, into: &problems) else { break }
                guard let seed = UInt64(text) else {
                    problems.append(ScenarioProblem(at: entry.value.start, "'seed' should be a whole number, such as 7"))
                    break
                }
                s.seed = seed
            case "consent":
                switch scalar(entry, into: &problems) {
                case "agree": s.declines = false
                case "decline": s.declines = true
                case nil: break
                default: problems.append(ScenarioProblem(at: entry.value.start, "'consent' should be agree or decline"))
                }
            case "set":
                s.set = mapping(entry.value, what: "'set'", allowed: nil, into: &problems) ?? []
            case "answers":
                s.answers = mapping(entry.value, what: "'answers'", allowed: nil, into: &problems) ?? []
            case "expect":
                expectations(entry.value, into: &s, &problems)
            default:
                break
            }
        }
        return s
    }

    private static func expectations(_ node: Node, into s: inout Scenario, _ problems: inout [ScenarioProblem]) {
        let keys = ["shown", "hidden", "calculated", "rejected", "status", "record", "safeguarding"]
        for entry in mapping(node, what: "'expect'", allowed: keys, into: &problems) ?? [] {
            switch entry.key {
            case "shown": s.shown = ids(entry, into: &problems)
            case "hidden": s.hidden = ids(entry, into: &problems)
            case "calculated": s.calculated = mapping(entry.value, what: "'calculated'", allowed: nil, into: &problems) ?? []
            case "rejected": s.rejected = mapping(entry.value, what: "'rejected'", allowed: nil, into: &problems) ?? []
            case "status":
                if let text = scalar(entry, into: &problems) {
                    if ["complete", "partial", "declined"].contains(text) { s.status = entry } else {
                        problems.append(ScenarioProblem(at: entry.value.start, "'status' should be complete, partial or declined"))
                    }
                }
            case "record":
                s.record = entry
            case "safeguarding":
                s.safeguarding = ids(entry, into: &problems)
                s.safeguardingAt = entry.value.start
            default: break
            }
        }
    }

    /// A list of question ids (or one id).
    private static func ids(_ entry: Keyed, into problems: inout [ScenarioProblem]) -> [Keyed] {
        switch entry.value {
        case .scalar(let s) where !s.isNull:
            return [Keyed(key: s.text, at: s.start, value: entry.value)]
        case .sequence(let seq):
            return seq.items.compactMap { item in
                guard case .scalar(let s) = item else {
                    problems.append(ScenarioProblem(at: item.start, "'\(entry.key)' should list question ids"))
                    return nil
                }
                return Keyed(key: s.text, at: s.start, value: item)
            }
        default:
            problems.append(ScenarioProblem(at: entry.value.start, entry.key == "safeguarding"
                ? "'safeguarding' should be a list of rule ids, such as [distress], or [] for none"
                : "'\(entry.key)' should be a list of question ids, such as [age, role]"))
            return []
        }
    }

    static func mapping(_ node: Node, what: String, allowed: [String]?, into problems: inout [ScenarioProblem]) -> [Keyed]? {
        guard case .mapping(let m) = node else {
            if case .scalar(let s) = node, s.isNull { return [] }
            problems.append(ScenarioProblem(at: node.start, "\(what) should be a map of 'key: value' lines"))
            return nil
        }
        var out: [Keyed] = []
        for entry in m.entries {
            guard case .scalar(let key) = entry.key else {
                problems.append(ScenarioProblem(at: entry.key.start, "a key in \(what) should be a plain word"))
                continue
            }
            if let allowed, !allowed.contains(key.text) {
                let hint = Suggest.closest(to: key.text, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                problems.append(ScenarioProblem(at: key.start, "'\(key.text)' is not a key of \(what)\(hint); it may have \(allowed.joined(separator: ", "))"))
                continue
            }
            out.append(Keyed(key: key.text, at: key.start, value: entry.value))
        }
        return out
    }

    private static func scalar(_ entry: Keyed, into problems: inout [ScenarioProblem]) -> String? {
        guard case .scalar(let s) = entry.value, !s.isNull else {
            problems.append(ScenarioProblem(at: entry.value.start, "'\(entry.key)' should be a single value"))
            return nil
        }
        return s.text
    }
}
