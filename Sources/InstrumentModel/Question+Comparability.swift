/// Whether a question's answers keep their meaning from one version of an instrument to another.
///
/// One rule serves both `fieldwork diff`, which rates such a change "not comparable", and the
/// exporters, which give the question's answers a separate variable in the versions where it
/// breaks: were they two rules, a change `diff` calls comparable could still split a column (or a
/// change it calls not comparable could be pooled in one), and analysts would trust the wrong one.
public enum DataBreak: Sendable, Equatable {
    /// The question's type changed.
    case type(from: QuestionType, to: QuestionType)
    /// A date is kept to another precision.
    case precision(from: DatePrecision, to: DatePrecision)
    /// A ranking asks for another number of ranks.
    case rank(from: Int?, to: Int?)
    /// A calculation computes its value differently.
    case calculation(from: String?, to: String?)
    /// A code now stands for another answer (`meanings`), or an answer now has another code (`recoded`).
    case codes(meanings: [ChoiceChanges.Meaning], recoded: [ChoiceChanges.Recoding])
    /// A code became a missing value, or stopped being one: it cannot be declared missing for
    /// some rows of a column and valid for others.
    case missing(code: Int, label: String, nowMissing: Bool)
}

/// How the choices of a question changed between two versions, matched by code, and by label to
/// tell a recoding from a new meaning (labels compared in every language, ignoring case, spacing
/// and punctuation).
public struct ChoiceChanges: Sendable, Equatable {
    public struct Meaning: Sendable, Equatable {
        public var code: Int
        public var was: LocalizedText
        public var now: LocalizedText
    }
    public struct Recoding: Sendable, Equatable {
        public var label: LocalizedText
        public var was: Int
        public var now: Int
    }

    /// Codes that now stand for a different answer.
    public var meanings: [Meaning] = []
    /// Answers that kept their label under another code.
    public var recoded: [Recoding] = []
    /// Codes whose label changed in spelling only (case, spacing, punctuation).
    public var tidied: [Choice] = []
    /// Codes that became missing values (true) or stopped being missing values (false).
    public var missingChanged: [(choice: Choice, nowMissing: Bool)] = []
    /// Choices given up (neither their code nor their label is used any more).
    public var removed: [Choice] = []
    /// New choices (neither their code nor their label was used before).
    public var added: [Choice] = []

    public static func == (a: ChoiceChanges, b: ChoiceChanges) -> Bool {
        a.meanings == b.meanings && a.recoded == b.recoded && a.tidied == b.tidied && a.removed == b.removed && a.added == b.added
            && a.missingChanged.map(\.choice) == b.missingChanged.map(\.choice) && a.missingChanged.map(\.nowMissing) == b.missingChanged.map(\.nowMissing)
    }

    public init(from old: [Choice], to new: [Choice], languages: [String]) {
        let afterByCode = Dictionary(new.map { ($0.value, $0) }, uniquingKeysWith: { a, _ in a })
        let beforeByCode = Dictionary(old.map { ($0.value, $0) }, uniquingKeysWith: { a, _ in a })
        for c in old {
            if let twin = new.first(where: { $0.label.sameWords(as: c.label, in: languages) }), twin.value != c.value {
                recoded.append(Recoding(label: c.label, was: c.value, now: twin.value))
            } else if let now = afterByCode[c.value] {
                if !now.label.sameWords(as: c.label, in: languages) {
                    meanings.append(Meaning(code: c.value, was: c.label, now: now.label))
                } else if now.label != c.label {
                    tidied.append(now)
                }
                if now.missing != c.missing { missingChanged.append((now, now.missing)) }
            } else if !new.contains(where: { $0.label.sameWords(as: c.label, in: languages) }) {
                removed.append(c)
            }
        }
        for c in new where beforeByCode[c.value] == nil && !old.contains(where: { $0.label.sameWords(as: c.label, in: languages) }) {
            added.append(c)
        }
    }
}

extension Question {
    /// What keeps this question's answers from meaning what `old`'s meant; empty when they can
    /// share one variable. Added and removed choices are fine; wording, conditions and ranges are
    /// a judgement (`diff` says "check") and do not split a variable.
    public func dataBreaks(from old: Question, languages: [String]) -> [DataBreak] {
        guard old.type == type else { return [.type(from: old.type, to: type)] }
        var out: [DataBreak] = []
        if old.precision != precision, type == .date {
            out.append(.precision(from: old.precision ?? .day, to: precision ?? .day))
        }
        if old.rank != rank, type == .ranking { out.append(.rank(from: old.rank, to: rank)) }
        if old.value != value, type == .calculate { out.append(.calculation(from: old.value, to: value)) }
        if type.hasChoices {
            let changes = ChoiceChanges(from: old.allChoices, to: allChoices, languages: languages)
            if !changes.meanings.isEmpty || !changes.recoded.isEmpty {
                out.append(.codes(meanings: changes.meanings, recoded: changes.recoded))
            }
            for (choice, nowMissing) in changes.missingChanged {
                out.append(.missing(code: choice.value, label: choice.label.text(in: languages.first), nowMissing: nowMissing))
            }
        }
        return out
    }
}

extension LocalizedText {
    /// Whether two texts say the same in every language, ignoring case, spacing and punctuation.
    public func sameWords(as other: LocalizedText, in languages: [String]) -> Bool {
        let keys = languages.isEmpty ? [nil] : languages.map(Optional.some)
        return keys.allSatisfy { Self.normalised(text(in: $0)) == Self.normalised(other.text(in: $0)) }
    }

    /// Letters and digits only, except that a sign or a decimal point before a digit is kept:
    /// the labels "-1" and "1" of a -2..2 scale are different points, not the same words tidied.
    private static func normalised(_ s: String) -> String {
        let scalars = Array(s.lowercased().unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, u) in scalars.enumerated() {
            let nextIsDigit = i + 1 < scalars.count && ("0"..."9").contains(scalars[i + 1])
            if u.properties.isAlphabetic || ("0"..."9").contains(u) || ((u == "-" || u == "." || u == "−") && nextIsDigit) {
                out.append(u == "−" ? "-" : u)
            }
        }
        return String(out)
    }
}
