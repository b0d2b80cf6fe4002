import InstrumentModel

/// Which keys each type of question takes. A key of another type is reported as
/// misplaced, with the types it belongs to, rather than as unknown.
enum QuestionKeys {
    static let common: Set<String> = [
        "id", "type", "text", "help", "required", "show_if", "valid_if", "invalid_message",
        "sensitive", "identifying", "label", "soft_required", "warn_if", "warn_message",
    ]

    static func specific(_ type: QuestionType) -> Set<String> {
        switch type {
        case .note, .calculate: type == .note ? [] : ["value"]
        case .single: ["choices", "other", "shuffle"]
        case .multiple: ["choices", "other", "min", "max", "shuffle"]
        case .scale: ["choices", "from", "to", "labels"]
        case .matrix: ["rows", "choices"]
        case .number: ["min", "max", "decimals", "unit"]
        case .text: ["max_length", "pattern", "redact"]
        case .longText: ["max_length", "redact"]
        case .date: ["min", "max", "precision"]
        case .time, .datetime: ["min", "max"]
        case .ranking: ["choices", "rank"]
        case .open: ["probes", "instructions", "minutes"]
        case .hidden: ["choices", "min", "max", "decimals"]
        }
    }

    /// Built once: decoding asks for it on every question.
    private static let allowedByType: [QuestionType: Set<String>] =
        Dictionary(uniqueKeysWithValues: QuestionType.allCases.map { ($0, common.union(specific($0))) })

    static func allowed(_ type: QuestionType) -> Set<String> { allowedByType[type] ?? common }

    /// Every key a question of some type takes.
    static let all: Set<String> = allowedByType.values.reduce(common) { $0.union($1) }

    /// Keys every question of an interview guide takes.
    static let guide: Set<String> = ["instructions", "minutes"]

    /// Why a key does not fit this type, when it belongs to others.
    static func elsewhere(_ key: String) -> String? {
        if guide.contains(key) { return "'\(key)' belongs to questions of interview guides" }
        let types = QuestionType.allCases.filter { specific($0).contains(key) }.map(\.rawValue)
        guard !types.isEmpty else { return nil }
        return "'\(key)' belongs to questions of type " + types.joined(separator: ", ")
    }

    /// XLSForm's names for types (authors coming from ODK and Kobo write them), with ours.
    static func xlsFormHint(_ written: String) -> String? {
        let word = written.split(separator: " ").first.map(String.init) ?? written
        switch word {
        case "select_one": return "did you mean 'single'?"
        case "select_multiple": return "did you mean 'multiple'?"
        case "integer": return "did you mean 'number'?"
        case "decimal": return "did you mean 'number'? add 'decimals: 2' for answers with decimals"
        case "range": return "did you mean 'scale'?"
        case "rank": return "did you mean 'ranking'?"
        case "begin", "begin_group", "end", "end_group":
            return "a group is a section here: start a new item under 'sections:' with its own 'questions:'"
        default: return nil
        }
    }
}
