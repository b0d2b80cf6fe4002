import InstrumentModel

extension ValueType {
    /// The type of a question's answer as declared: `.unknown` for a calculation (inferred from its
    /// expression later), nil for a note. One mapping, shared by the compiler and the exporters, so
    /// that a question is never typed one way in a check and another in an export.
    public static func declared(by q: Question) -> ValueType? {
        func options() -> [ChoiceOption] { q.allChoices.map { ChoiceOption(code: $0.value, labels: $0.label.allTexts) } }
        switch q.type {
        case .number: return .number(min: q.min, max: q.max, decimals: q.decimals ?? 0)
        case .text, .longText, .open: return .text
        case .date: return .date
        case .time: return .time
        case .datetime: return .datetime
        case .single, .scale: return .choice(options())
        case .multiple: return .choices(options())
        case .ranking: return .ranking(options())
        case .matrix: return .matrix(rows: (q.rows ?? []).map(\.id), options: options())
        case .calculate: return .unknown
        case .hidden:
            switch q.hiddenKind {
            case .choice: return .choice(options())
            case .number: return .number(min: q.min, max: q.max, decimals: q.decimals ?? 0)
            case .text, nil: return .text
            }
        case .note: return nil
        }
    }
}
