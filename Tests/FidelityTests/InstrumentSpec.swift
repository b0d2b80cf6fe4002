import Foundation

/// What the generator meant an instrument to be, kept beside its YAML: the oracle reads this
/// (and the engine's session state), never the exporters' codebook.
struct ChoiceSpec: Equatable {
    var code: Int
    var label: String
    var welsh: String
    var missing = false
    var exclusive = false
}

enum Kind: String, CaseIterable {
    case single, multiple, scale, matrix, number, text, longText = "long_text", date, ranking
    /// A clock time and a local date and time (issue 14, item 4).
    case time, datetime
    case calcNumber, calcBool, calcText, calcDate
    /// Calculations that copy a time and a datetime.
    case calcTime, calcDatetime
    /// Set at launch (`--set`): a coded site and a numbered wave.
    case hiddenChoice, hiddenNumber
}

enum Precision: String { case day, month, year }

struct QuestionSpec: Equatable {
    var id: String
    var kind: Kind
    var text = ""
    var choices: [ChoiceSpec] = []
    /// The code of "Other", when the question has one.
    var other: Int?
    var rows: [String] = []
    var from = 0, to = 0
    var min: Double?, max: Double?
    var decimals = 0
    var precision = Precision.day
    var dateMin = "2000-01-01", dateMax: String? = "2024-12-31"
    var rank: Int?
    var expression = ""
    var showIf: String?
    /// For a calculation over a repeat: the arithmetic the oracle does itself, from the answers.
    var arithmetic: Arithmetic?

    var isCalculation: Bool { [.calcNumber, .calcBool, .calcText, .calcDate, .calcTime, .calcDatetime].contains(kind) }
    var isHidden: Bool { kind == .hiddenChoice || kind == .hiddenNumber }

    /// Every choice a participant can pick, "Other" included.
    var allChoices: [ChoiceSpec] {
        var all = choices
        if let other { all.append(ChoiceSpec(code: other, label: "Other, please specify", welsh: "Arall")) }
        if kind == .scale {
            // The end points carry the labels the YAML gives them; the points between, their numbers.
            all = (from...to).map { ChoiceSpec(code: $0, label: $0 == from ? "Lowest" : $0 == to ? "Highest" : "\($0)", welsh: "\($0)") }
        }
        return all
    }
}

/// A section asked once per instance: over the choices ticked in a multiple choice, a counted
/// number of times, or until the participant says there is no other.
struct RepeatSpec: Equatable {
    enum Rule: Equatable {
        case forEach(String)
        case count(String, max: Int?)
        case untilDone(max: Int)
    }
    var id: String
    var rule: Rule
    var questions: [QuestionSpec]
    /// The repeat's own condition (`widened != 2`): when it does not hold, no instance is asked.
    var condition: Condition?
    /// Written as a repeated block (`- block:`) at the start of the last section, `tail`, rather
    /// than as a section of its own.
    var block = false
}

/// A calculation the oracle works out from the participant's answers, not from the engine's:
/// one more than an instance's number (inside the repeat), or a function over the instances
/// of a repeated number (after it).
enum Arithmetic: Equatable {
    case plusOne(String)
    case sum(String), count(String), mean(String), min(String), max(String)
}

/// A condition on a single choice's code, kept as data so that the oracle decides it itself:
/// an unanswered question compares false both ways (the reference's "Empty answers").
struct Condition: Equatable {
    var question: String
    var equals: Bool
    var code: Int

    var text: String { "\(question) \(equals ? "==" : "!=") \(code)" }
}

struct InstrumentSpec {
    var id: String
    var version: String
    var questions: [QuestionSpec]
    /// Repeated sections, after the main one (a block among them is written in `tail`).
    var repeats: [RepeatSpec] = []
    /// The last section's questions, after its block if there is one: functions over the
    /// instances (`sum(r2_visits)`), which only a question after the repeat may use.
    var tail: [QuestionSpec] = []

    /// A question by id, or the yes-or-no question after an `until_done` instance by its slot
    /// (`rep3#1:another`), or an instance's question by its slot (`r1_q1#2`).
    func question(_ id: String) -> QuestionSpec? {
        if let slot = id.firstIndex(of: "#") {
            if id.hasSuffix(":another") {
                return QuestionSpec(id: id, kind: .single, choices: [ChoiceSpec(code: 1, label: "Yes", welsh: "Ie"),
                                                                    ChoiceSpec(code: 2, label: "No", welsh: "Na")])
            }
            return repeatOf(String(id[..<slot]))?.questions.first { $0.id == id[..<slot] }
        }
        return questions.first { $0.id == id } ?? tail.first { $0.id == id } ?? repeats.lazy.flatMap(\.questions).first { $0.id == id }
    }

    /// The repeated section that holds a question.
    func repeatOf(_ question: String) -> RepeatSpec? { repeats.first { $0.questions.contains { $0.id == question } } }

    /// The instance keys a repeat can have, in order, with their labels: the driver's choices
    /// that are neither exclusive nor missing ("Other" last), or 1 to the most.
    func possibleKeys(_ r: RepeatSpec) -> [(key: Int, label: String)] {
        switch r.rule {
        case .forEach(let driver):
            return question(driver)?.allChoices.filter { !$0.exclusive && !$0.missing }.map { ($0.code, $0.label) } ?? []
        case .count(let driver, let max):
            let most = max ?? Int(question(driver)?.max ?? 0)
            return (0..<most).map { ($0 + 1, String($0 + 1)) }
        case .untilDone(let max):
            return (0..<max).map { ($0 + 1, String($0 + 1)) }
        }
    }
}

/// One text in both languages, as YAML.
private func both(_ en: String, _ cy: String) -> String { "{en: \(quoted(en)), cy: \(quoted(cy))}" }

/// A YAML double-quoted scalar (JSON's escapes are a subset of YAML's).
func quoted(_ s: String) -> String {
    let data = try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
    let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
    return String(array.dropFirst().dropLast())
}

extension InstrumentSpec {
    var yaml: String {
        var y = """
            format: 1
            id: \(id)
            version: \(quoted(version))
            title: \(both("Fidelity \(id)", "Ffyddlondeb \(id)"))
            languages: [en, cy]
            consent:
              text: \(both("Your answers are kept without your name.", "Cedwir eich atebion heb eich enw."))
              agree: \(both("I agree", "Rwy'n cytuno"))
            privacy: {timestamps: date}
            sections:
              - id: main
                questions:

            """
        for q in questions { y += Self.yaml(q) }
        for r in repeats where !r.block {
            y += "  - id: \(r.id)\n" + Self.repeatYAML(r, indent: "    ")
            for q in r.questions { y += Self.yaml(q) }
        }
        let blocks = repeats.filter(\.block)
        guard !blocks.isEmpty || !tail.isEmpty else { return y }
        y += "  - id: tail\n    questions:\n"
        for r in blocks {
            y += "      - block: \(r.id)\n" + Self.repeatYAML(r, indent: "        ")
            // The block's questions, four spaces further in than a section's.
            for q in r.questions { y += Self.yaml(q).split(separator: "\n").map { "    " + $0 + "\n" }.joined() }
        }
        for q in tail { y += Self.yaml(q) }
        return y
    }

    /// A repeat's rule, title and condition, then `questions:`, at a section's or a block's indent.
    private static func repeatYAML(_ r: RepeatSpec, indent: String) -> String {
        var y = ""
        switch r.rule {
        case .forEach(let driver):
            y += indent + "title: \(both("{\(driver).label}", "{\(driver).label}"))\n" + indent + "repeat: {for_each: \(driver)}\n"
        case .count(let driver, let max):
            y += indent + "repeat: {count: \(driver)\(max.map { ", max: \($0)" } ?? "")}\n"
        case .untilDone(let max):
            y += indent + "repeat: {until_done: true, max: \(max)}\n"
        }
        if let c = r.condition { y += indent + "show_if: \(quoted(c.text))\n" }
        return y + indent + "questions:\n"
    }

    private static func yaml(_ q: QuestionSpec) -> String {
        var y = "      - id: \(q.id)\n"
        let type: String
        switch q.kind {
        case .calcNumber, .calcBool, .calcText, .calcDate, .calcTime, .calcDatetime: type = "calculate"
        case .hiddenChoice, .hiddenNumber: type = "hidden"
        default: type = q.kind.rawValue
        }
        y += "        type: \(type)\n"
        if q.isCalculation {
            y += "        value: \(quoted(q.expression))\n"
        } else if q.isHidden {
            y += "        label: \(both(q.text, "Label " + q.text))\n"
        } else {
            y += "        text: \(both(q.text, "Cwestiwn " + q.text))\n"
        }
        if let s = q.showIf { y += "        show_if: \(quoted(s))\n" }
        switch q.kind {
        case .single, .multiple, .matrix, .ranking, .hiddenChoice:
            y += "        choices:\n"
            for c in q.choices {
                y += "          - {value: \(c.code), label: \(both(c.label, c.welsh))"
                if c.missing { y += ", missing: true" }
                if c.exclusive { y += ", exclusive: true" }
                y += "}\n"
            }
            if let o = q.other { y += "        other: {value: \(o), label: \(both("Other, please specify", "Arall"))}\n" }
            if q.kind == .matrix {
                y += "        rows:\n"
                for r in q.rows { y += "          - {id: \(r), text: \(both("Row " + r, "Rhes " + r))}\n" }
            }
            if let k = q.rank { y += "        rank: \(k)\n" }
        case .scale:
            y += "        from: \(q.from)\n        to: \(q.to)\n"
            y += "        labels: {\(q.from): \(both("Lowest", "Isaf")), \(q.to): \(both("Highest", "Uchaf"))}\n"
        case .number, .hiddenNumber:
            if let m = q.min { y += "        min: \(number(m))\n" }
            if let m = q.max { y += "        max: \(number(m))\n" }
            if q.decimals > 0 { y += "        decimals: \(q.decimals)\n" }
        case .date:
            y += "        precision: \(q.precision.rawValue)\n        min: \(q.dateMin)\n"
            if let m = q.dateMax { y += "        max: \(m)\n" }
        case .datetime:
            // Limits at the ends of days, so that the edge answers (00:00, 23:59) are inside them.
            y += "        min: \"2000-01-01T00:00\"\n        max: \"2024-12-31T23:59\"\n"
        default: break
        }
        return y
    }

    private static func number(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }
}
