import Expressions
import InstrumentModel

/// The type each `calculate` of an instrument gives, inferred as the compiler infers it, so that a
/// calculation is declared as what it holds (true/false, a text, a date, a time or a number) in every format.
enum CalculationTypes {
    enum Kind: Equatable { case boolean, text, date, time, datetime, number }

    static func of(_ instrument: Instrument) -> [String: Kind] {
        let questions = instrument.questions
        var declared: [String: ValueType] = [:]
        var values: [String: Expr] = [:]
        let expressions = InstrumentExpressions(salvaging: instrument)
        for q in questions {
            if q.type == .calculate {
                values[q.id] = expressions[.value(question: q.id)]
            } else if let type = ValueType.declared(by: q) {
                declared[q.id] = type
            }
        }
        // Calculations may use one another (the compiler has refused cycles): infer them in rounds
        // until none changes, at most once per calculation.
        var inferred: [String: ValueType] = [:]
        for _ in 0...values.count {
            var changed = false
            for (id, expr) in values {
                let known = declared.merging(inferred) { a, _ in a }
                let type = TypeChecker.check(expr, expecting: .value) { name in known[name].map(Lookup.found) ?? .found(.unknown) }.type
                if inferred[id] != type { inferred[id] = type; changed = true }
            }
            if !changed { break }
        }
        return inferred.mapValues { type in
            switch type {
            case .bool: .boolean
            case .text: .text
            case .date: .date
            case .time: .time
            case .datetime: .datetime
            default: .number
            }
        }
    }
}
