import Expressions
import InstrumentModel
import YAMLTree

extension InstrumentChecks {
    /// A safeguarding rule that can never fire protects nobody (a warning, as for a question never
    /// shown); one that holds before anything is answered would greet every participant with a
    /// distress message, which is an error.
    mutating func checkRule(_ site: ExpressionSite, _ expr: Expr, types: @escaping (Reference) -> ValueType?) {
        let rule = site.rule ?? ""
        let width = Diagnostics.width(of: .scalar(site.scalar))
        if !Satisfiability.canBeTrue(expr, types: types) {
            diagnostics.warning(.neverFires, "safeguarding rule '\(rule)' can never fire: its when can never be true",
                                hint: "check the numbers and choices it compares against the questions' limits", at: site.scalar.start, length: width)
        } else if Evaluator.isTrue(expr, in: NothingAnswered(instrument: instrument)) {
            diagnostics.error(.firesBeforeAnswers, "safeguarding rule '\(rule)' is true before anything is answered",
                              hint: "a rule fires on answers given; compare answers with values, such as 'phq9_9 >= 1'",
                              at: site.scalar.start, length: width)
        }
    }
}

/// The answers as they stand when a session starts: none.
private struct NothingAnswered: EvaluationContext {
    let instrument: Instrument
    func value(of reference: Reference) -> Value { .empty }
    func code(forLabel label: String, of reference: Reference) -> Int? {
        reference.id.flatMap { instrument.question($0) }?.allChoices.first { $0.label.allTexts.contains(label) }?.value
    }
    /// The day makes no difference to an expression over no answers but `today()` itself.
    var today: Int { 0 }
    /// With nothing answered there is no text to match.
    func matches(_ text: String, pattern: String) -> Bool { false }
}
