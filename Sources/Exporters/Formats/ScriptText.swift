import Foundation
import InstrumentModel

/// Quoting for the scripts: SPSS and R take single quotes doubled or escaped; Stata takes compound quotes.
/// Controls in labels are shown as `[U+001B]` (`SafeText`), as in the CSV, so a script is safe to read in a terminal.
func spss(_ s: String) -> String { "'" + SafeText.escaped(s).replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "\n", with: " ") + "'" }
/// A label in Stata's compound double quotes, in which Stata expands nothing: a backslash, `$` and
/// a backtick are escaped with a backslash (`\\`, `\$`, ``\` ``), so that `$HOME` and `` `x' `` stay as
/// written ([U] 18.3.11, Stata FAQ "Backslashes and macros"); the two sequences that open and close
/// compound quotes (`` `" `` and `"'`) are written with a typographic quote (`‘"`, `"’`).
func stataQuoted(_ s: String) -> String { "`\"" + stataEscaped(SafeText.escaped(s).replacingOccurrences(of: "\n", with: " ")) + "\"'" }

func stataEscaped(_ s: String) -> String {
    s.replacingOccurrences(of: "`\"", with: "‘\"").replacingOccurrences(of: "\"'", with: "\"’")
        .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "$", with: "\\$").replacingOccurrences(of: "`", with: "\\`")
}
func rString(_ s: String) -> String {
    "\"" + SafeText.escaped(s).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
}

func header(_ c: ExportContext, comment: String) -> String {
    let versions = c.codebook.variables.flatMap(\.versions).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    return c.simulatedComment(comment) + c.deidentifiedComment(comment) + """
        \(comment) Fieldwork export of '\(c.instrument.id)' (\(SafeText.escaped(c.instrument.title.text(in: c.instrument.languages.first), keeping: []))), versions \(versions.joined(separator: ", ")).
        \(comment) Missing values: an empty cell was not asked (hidden by a condition, or not reached);
        \(comment) a skip holds the variable's own skip code (\(MissingCode.skipped) unless an answer could be \(MissingCode.skipped): see the codebook);
        \(comment) codes labelled as missing (such as Prefer not to say) were chosen, and in a multiple choice mark the choices not picked.
        \(comment) Text is exactly as given. A skipped text is empty, as one not asked is: the column <name>_skipped beside it
        \(comment) holds 1 when it was skipped, 0 when answered, and is empty when it was not asked.

        """
}

/// Numeric variables: codes, flags, ranks, numbers and calculations.
func isNumeric(_ v: Variable) -> Bool {
    v.measure == .nominal || v.measure == .ordinal || v.measure == .scale
}
