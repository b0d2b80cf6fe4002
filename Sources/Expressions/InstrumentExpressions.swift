import InstrumentModel

/// Every expression of a compiled instrument, parsed once: the one place the stored texts of
/// `show_if`, `valid_if`, `value` and choice `show_if` become syntax trees.
///
/// The compiler has checked each of them, so one that does not parse means a damaged compiled
/// file. Each caller used to re-parse with `try?`, and a failure quietly meant "always shown"
/// (or the raw text): a question that should have been hidden was asked. Here a failure is a
/// `DamagedExpression` that names the expression: thrown when the instrument is loaded, and kept
/// in `damaged` by those that salvage what they can, where a damaged condition never holds.
public struct InstrumentExpressions: Sendable {
    /// Where an expression stands in an instrument.
    public enum Place: Sendable, Hashable, CustomStringConvertible {
        case sectionShowIf(section: String)
        case showIf(question: String)
        case validIf(question: String)
        case warnIf(question: String)
        case value(question: String)
        case choiceShowIf(question: String, choice: Int)
        case safeguarding(rule: String)

        public var description: String {
            switch self {
            case .sectionShowIf(let s): "the show_if of section '\(s)'"
            case .showIf(let q): "the show_if of question '\(q)'"
            case .validIf(let q): "the valid_if of question '\(q)'"
            case .warnIf(let q): "the warn_if of question '\(q)'"
            case .value(let q): "the value of question '\(q)'"
            case .choiceShowIf(let q, let c): "the show_if of choice \(c) of question '\(q)'"
            case .safeguarding(let r): "the when of safeguarding rule '\(r)'"
            }
        }
    }

    private var parsed: [Place: Expr] = [:]
    private var choices: [String: [Int: Expr]] = [:]
    /// The expressions that did not parse, in the instrument's order; empty for a sound instrument.
    public private(set) var damaged: [DamagedExpression] = []
    /// Whether any question is calculated, so that the engine knows to settle calculations twice.
    public private(set) var hasValues = false

    /// Parses every expression of `instrument`; throws the first that does not parse.
    public init(_ instrument: Instrument) throws(DamagedExpression) {
        self.init(salvaging: instrument)
        if let first = damaged.first { throw first }
    }

    /// Parses every expression of `instrument`, keeping each that does not parse in `damaged`
    /// instead of stopping, for those that must go on (a session being replayed) or that
    /// describe the damage to their reader.
    public init(salvaging instrument: Instrument) {
        for section in instrument.sections {
            add(section.showIf, at: .sectionShowIf(section: section.id))
            for q in section.questions {
                add(q.showIf, at: .showIf(question: q.id))
                add(q.validIf, at: .validIf(question: q.id))
                add(q.warnIf, at: .warnIf(question: q.id))
                add(q.value, at: .value(question: q.id))
                for c in q.allChoices {
                    let place = Place.choiceShowIf(question: q.id, choice: c.value)
                    add(c.showIf, at: place)
                    if let e = condition(place) { choices[q.id, default: [:]][c.value] = e }
                }
            }
        }
        for rule in instrument.safeguarding { add(rule.when, at: .safeguarding(rule: rule.id)) }
        hasValues = instrument.questions.contains { $0.value != nil }
    }

    private mutating func add(_ text: String?, at place: Place) {
        guard let text else { return }
        do throws(ExpressionError) {
            parsed[place] = try Parser.parse(text)
        } catch {
            damaged.append(DamagedExpression(place: place, text: text, problem: error))
        }
    }

    /// The expression at `place` as parsed; nil when there is none or it is damaged.
    public subscript(_ place: Place) -> Expr? { parsed[place] }

    /// Why the expression at `place` could not be read, if it could not.
    public func damage(at place: Place) -> DamagedExpression? { damaged.first { $0.place == place } }

    /// The condition at `place` for deciding what is shown or accepted: as parsed, or, when it is
    /// damaged, one that never holds, so that a damaged file hides a question rather than asking it.
    public func condition(_ place: Place) -> Expr? {
        if let e = parsed[place] { return e }
        return damage(at: place) == nil ? nil : Expr(.bool(false), SourceSpan(0, 0))
    }

    /// The conditions of a question's choices, by choice value; empty when none has one.
    public func choiceConditions(of question: String) -> [Int: Expr] { choices[question] ?? [:] }
}

/// A stored expression that does not parse: only a damaged compiled file has one.
public struct DamagedExpression: Error, Sendable, Equatable, CustomStringConvertible {
    public var place: InstrumentExpressions.Place
    /// The text as stored.
    public var text: String
    public var problem: ExpressionError

    public init(place: InstrumentExpressions.Place, text: String, problem: ExpressionError) {
        self.place = place
        self.text = text
        self.problem = problem
    }

    public var description: String {
        "\(place) cannot be read (\(problem.message)): '\(text)'; the compiled instrument is damaged, so compile it again from its YAML"
    }
}
