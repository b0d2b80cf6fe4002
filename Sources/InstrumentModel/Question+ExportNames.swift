extension Question {
    /// The name a choice code takes in a column name: negative codes as `m` and the digits
    /// (`-9` is `m9`), since a minus sign is not allowed in SPSS, Stata or R names.
    public static func codeName(_ code: Int) -> String { code < 0 ? "m\(code.magnitude)" : "\(code)" }

    /// The column of one choice (a multiple choice's flag, a ranking's rank).
    public func columnName(code: Int) -> String { "\(id)_\(Self.codeName(code))" }
    /// The column of one matrix row.
    public func columnName(row: String) -> String { "\(id)_\(row)" }
    /// The column of the "Other" text.
    public var otherColumnName: String { "\(id)_other" }
    /// The column beside a free text, in the CSV for statistical packages, saying whether it was skipped.
    public var skippedColumnName: String { "\(id)_skipped" }

    /// The exported columns of this question whose names are made from its id, beside the one
    /// named the id itself, with what each holds in words (for a clash's message): a flag per
    /// choice of a multiple choice, a rank per option of a ranking, a column per matrix row, and
    /// the "Other" text, and a free text's skip column (in the statistical packages' CSV). Both the exporters' codebook and `check` use this rule.
    public var generatedColumns: [(name: String, what: String)] {
        var out: [(String, String)] = []
        switch type {
        case .multiple:
            out += allChoices.map { (columnName(code: $0.value), "choice \($0.value) of multiple choice '\(id)'") }
        case .ranking:
            out += allChoices.map { (columnName(code: $0.value), "the rank of choice \($0.value) of '\(id)'") }
        case .matrix:
            out += (rows ?? []).map { (columnName(row: $0.id), "row '\($0.id)' of matrix '\(id)'") }
        case .text, .longText, .open:
            out.append((skippedColumnName, "the column saying whether text question '\(id)' was skipped"))
        default:
            break
        }
        if other != nil, type == .single || type == .multiple { out.append((otherColumnName, "the 'Other' text of '\(id)'")) }
        return out
    }
}
