import Expressions
import InstrumentModel

/// Conditions in words for people reading a codebook or a printed instrument:
/// `member_since != 1` becomes *How long have you been involved?* is not *Less than 6 months*.
public struct PlainWords {
    let questions: [String: Question]
    /// Labels are quoted in this language; by default the instrument's first.
    public let language: String?
    /// The instrument's expressions, parsed once; a damaged one is described as damaged.
    public let expressions: InstrumentExpressions

    public init(_ instrument: Instrument, language: String? = nil) {
        questions = instrument.questionsByID
        self.language = language ?? instrument.languages.first
        expressions = InstrumentExpressions(salvaging: instrument)
    }

    /// When a question is asked, combining its section's condition and its own; nil when always.
    public func condition(section: Section, question: Question) -> String? {
        let parts = [describe(at: .sectionShowIf(section: section.id)), describe(at: .showIf(question: question.id))].compactMap { $0 }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: ", and ")
    }

    /// The expression at `place` in words; nil when there is none. A damaged one is said to be
    /// damaged, with its stored text, so that a reader never takes it for "always".
    public func describe(at place: InstrumentExpressions.Place) -> String? {
        if let e = expressions[place] { return describe(e) }
        return expressions.damage(at: place).map(Self.damaged)
    }

    /// How a damaged expression reads in a document: what is stored, and that it cannot be used.
    public static func damaged(_ damage: DamagedExpression) -> String {
        "a damaged expression that cannot be read ('\(damage.text)'); compile the instrument again"
    }

    public func describe(_ e: Expr) -> String {
        switch e.kind {
        case .binary(.and, let a, let b): return describe(a) + " and " + describe(b)
        case .binary(.or, let a, let b): return "(" + describe(a) + " or " + describe(b) + ")"
        case .not(let inner):
            if case .binary(.in, let a, let b) = inner.kind { return name(b) + " does not include " + value(a, for: b) }
            if case .call("answered", let args) = inner.kind, let q = args.first { return name(q) + " was not answered" }
            return "not (" + describe(inner) + ")"
        case .binary(.in, let a, let b): return name(b) + " includes " + value(a, for: b)
        case .binary(let op, let a, let b) where op.isComparison:
            let words: [BinaryOperator: String] = [.equal: "is", .notEqual: "is not", .less: "is less than", .lessOrEqual: "is at most",
                                                   .greater: "is more than", .greaterOrEqual: "is at least"]
            if case .reference = a.kind { return name(a) + " " + (words[op] ?? op.rawValue) + " " + value(b, for: a) }
            return Printer.print(e)
        case .call("answered", let args):
            return args.first.map { name($0) + " was answered" } ?? Printer.print(e)
        default:
            return Printer.print(e)
        }
    }

    /// A question's label (or text), kept short, as conditions name it; nil for an unknown id.
    public func label(of id: String) -> String? {
        questions[id].map { ShortLabel.of(($0.label ?? $0.text)?.text(in: language) ?? id) }
    }

    /// A question named by its text (or label), in italics.
    func name(_ e: Expr) -> String {
        guard case .reference(let r) = e.kind, let id = r.id, let q = questions[id] else { return Printer.print(e) }
        var text = (q.label ?? q.text)?.text(in: language) ?? id
        if let row = r.row, let rowText = q.rows?.first(where: { $0.id == row })?.text.text(in: language) { text += " — " + rowText }
        return "*" + ShortLabel.of(text) + "*"
    }

    /// A literal, as the label of the choice it stands for where there is one.
    private func value(_ e: Expr, for question: Expr) -> String {
        guard case .reference(let r) = question.kind, let id = r.id, let q = questions[id] else { return Printer.print(e) }
        let choice: Choice?
        switch e.kind {
        case .number(let n): choice = q.allChoices.first { Double($0.value) == n }
        case .string(let s): choice = q.allChoices.first { $0.label.allTexts.contains(s) }
        case .list(let items): return items.map { value($0, for: question) }.joined(separator: " or ")
        default: choice = nil
        }
        if let choice, q.type != .scale || choice.label.text(in: language) != String(choice.value) { return "*" + choice.label.text(in: language) + "*" }
        return Printer.print(e)
    }
}
