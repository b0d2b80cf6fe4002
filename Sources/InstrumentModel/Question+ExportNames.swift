extension Question {
    /// The name a choice code takes in a column name: negative codes as `m` and the digits
    /// (`-9` is `m9`), since a minus sign is not allowed in SPSS, Stata or R names.
    public static func codeName(_ code: Int) -> String { code < 0 ? "m\(code.magnitude)" : "\(code)" }

    /// The exported columns of this question whose names are made from its id, beside the one
    /// named the id itself, with what each holds in words (for a clash's message): a flag per
    /// choice of a multiple choice, a rank per option of a ranking, a column per matrix row, and
    /// the "Other" text. Both the exporters' codebook and `check` use this rule.
    public var generatedColumns: [(name: String, what: String)] {
        var out: [(String, String)] = []
        switch type {
        case .multiple:
            out += allChoices.map { ("\(id)_\(Self.codeName($0.value))", "choice \($0.value) of multiple choice '\(id)'") }
        case .ranking:
            out += allChoices.map { ("\(id)_\(Self.codeName($0.value))", "the rank of choice \($0.value) of '\(id)'") }
        case .matrix:
            out += (rows ?? []).map { ("\(id)_\($0.id)", "row '\($0.id)' of matrix '\(id)'") }
        default:
            break
        }
        if other != nil, type == .single || type == .multiple { out.append(("\(id)_other", "the 'Other' text of '\(id)'")) }
        return out
    }
}
