import InstrumentModel

/// The wide CSV comes in two kinds, and each export says which it writes.
///
/// - For spreadsheets (`--format csv`, and `--labels`): free text that a spreadsheet would run as a
///   formula gets one apostrophe in front, and a skipped text holds the skip mark (-99), which typed
///   text never equals there, since typed text starting with `-` always gets its apostrophe.
/// - For statistical packages (`spss`, `stata`, `r`, `datapackage`): every text is exactly as given
///   (no package runs a cell as a formula), so a typed "-99" is "-99" and no text value can serve as
///   the skip mark. A skipped text is empty, as a text not asked is, and the column beside it,
///   `<name>_skipped`, tells them apart: 1 skipped, 0 answered, empty not asked (as in every column).
enum WideKind: Sendable, Equatable {
    case spreadsheet, statistical

    init(_ format: ExportFormat) { self = format == .csv ? .spreadsheet : .statistical }
}

extension Variable {
    /// The column beside a free-text answer that says whether it was skipped, in the statistical
    /// CSV; nil for every other variable ("Other" texts and calculations are never skipped, and
    /// every other variable's skip code is outside its values).
    var skippedColumn: String? {
        guard case .value = source, measure == .text else { return nil }
        return name + "_skipped"
    }

    /// The variable's columns in the statistical CSV: its own, and the skip column of a free text.
    var statisticalColumns: [String] { [name] + (skippedColumn.map { [$0] } ?? []) }

    /// The skip column as the codebook describes it, so that its SPSS and Stata names (shortened
    /// like any other's) can be looked up: labelled as the scripts label it, 0 answered and 1
    /// skipped, asked whenever its text is; of the text's facts it keeps the question and the condition.
    var skippedEntry: Variable? {
        guard let column = skippedColumn else { return nil }
        var v = self
        v.name = column
        v.label = label + ": skipped"
        v.measure = .nominal
        v.integer = true
        v.codes = [(0, "Answered"), (1, "Skipped")] + (instance.map { [(2, Variable.absentLabel($0))] } ?? [])
        v.missing = []
        v.skipped = nil
        let values = v.codes.map { "\($0.code) = \($0.label)" }.joined(separator: "; ")
        v.facts = facts.map { f in
            var f = f
            f.facts = f.facts.filter { ["Question", "Asked", "Instance"].contains($0.key) } + [VersionFacts.Fact(key: "Values", value: values)]
            return f
        }
        return v
    }

    /// The codebook's entries of the variable: itself, and its skip column in the statistical CSV.
    var codebookEntries: [Variable] { [self] + (skippedEntry.map { [$0] } ?? []) }
}

extension Cell {
    /// The cell of a free text's skip column: 1 skipped, 0 answered, empty not asked, 2 an
    /// instance of a repeat the response does not have.
    var skippedFlag: String {
        switch self {
        case .notAsked: ""
        case .absent: "2"
        case .skipped: "1"
        case .value, .text: "0"
        }
    }
}

extension ExportContext {
    /// Which wide CSV this export writes.
    var wideKind: WideKind { WideKind(options.format) }

    /// The wide CSV's header: the statistical CSV has a skip column beside each free text.
    var header: [String] {
        Codebook.fixed + (wideKind == .spreadsheet ? codebook.variables.map(\.name) : codebook.variables.flatMap(\.statisticalColumns))
    }
}
