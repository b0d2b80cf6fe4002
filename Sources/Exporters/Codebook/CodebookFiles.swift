import Foundation
import InstrumentModel

/// The data dictionary, as Markdown for people and CSV for tools.
enum CodebookFiles {
    static func values(_ v: Variable) -> String {
        v.codes.map { "\($0.code) = \($0.label)" }.joined(separator: "; ")
    }

    static func missing(_ v: Variable) -> String {
        (["empty = not asked"] + (v.skipped.map { ["\($0) = skipped"] } ?? []) + v.missing.map { "\($0.code) = \($0.label)" }).joined(separator: "; ")
    }

    static func write(_ c: ExportContext) throws(ExportError) -> [String] {
        let versions = c.codebook.variables.flatMap(\.versions).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var md = """
            # Codebook: \(c.instrument.title.text(in: c.instrument.languages.first))

            Instrument `\(c.instrument.id)`, versions \(versions.joined(separator: ", ")).

            ## Conventions

            - Each response is a row; the first columns are \(Codebook.fixed.map { "`\($0)`" }.joined(separator: ", ")).
            - A single choice or a scale is its code; a multiple choice is one column per choice, 1 if chosen and 0 if not;
              a matrix is one column per row (`question_row`); a ranking is one column per item holding its rank (0: not ranked);
              the text of "Other" is in `question_other`. Dates are ISO 8601 at the question's precision.
            - **Missing values stay apart, and never look like an answer.** An empty cell was *not asked* (hidden by a
              condition, or not reached). A question *seen and skipped* holds its variable's skip code: \(MissingCode.skipped) where no
              answer can be \(MissingCode.skipped), otherwise the first of −999, −9999, … (then 99, 999, …) that no answer can be; a number with
              no bounds gets \(MissingCode.beyondEveryNumber), beyond the ±10^15 that Fieldwork keeps. Text and dates use \(MissingCode.skipped).
              A calculation is never skipped. A choice marked missing (such as *Prefer not to say*) keeps its own code; when
              one is picked in a multiple choice, the choices not picked hold its code too, not 0. Each variable's codes are
              listed below; SPSS, Stata, R and the data package declare them missing, with their labels.
            - In the CSV for spreadsheets (`--format csv`), free text that starts with `=`, `+`, `-`, `@` or `'` has one
              apostrophe added in front, so that a spreadsheet never runs it as a formula; remove one leading apostrophe to
              get the text as written. The CSV written for SPSS, Stata, R and the data package holds text exactly as given:
              there a skipped text is empty, and the column `<question>_skipped` beside it holds 1 (0: answered).

            """
        if !c.codebook.conflicts.isEmpty {
            md += "\n## Changes between versions\n\n" + c.codebook.conflicts.map { "- " + $0 }.joined(separator: "\n") + "\n"
        }
        md += "\n## Variables\n"
        for v in c.codebook.variables {
            md += "\n### `\(v.name)`\n\n"
            md += "- Label: \(v.label)\n"
            if !v.questionText.isEmpty { md += "- Question: \(v.questionText.replacingOccurrences(of: "\n", with: " "))\n" }
            md += "- Type: \(v.type) (\(v.measure.rawValue))\n"
            if !v.codes.isEmpty { md += "- Values: \(values(v))\n" }
            md += "- Missing: \(missing(v))\n"
            let renamed = c.codebook.names.renamed(v.name)
            if let n = renamed.spss { md += "- SPSS name: `\(n)`\n" }
            if let n = renamed.stata { md += "- Stata name: `\(n)`\n" }
            md += "- Asked: " + (v.condition.map { "if " + $0 } ?? "always") + "\n"
            md += "- Versions: \(v.versions.joined(separator: ", "))\n"
        }
        let markdown = try c.writeText("codebook.md", md)
        let csvPath = c.path("codebook.csv")
        let csv = try CSVWriter(path: csvPath)
        try csv.row(["variable", "label", "question", "type", "measure", "values", "missing", "asked_if", "versions", "spss_name", "stata_name"])
        for v in c.codebook.variables {
            try csv.row([v.name, v.label, v.questionText, v.type, v.measure.rawValue, values(v), missing(v),
                         v.condition ?? "", v.versions.joined(separator: " "), c.codebook.names.spss(v.name), c.codebook.names.stata(v.name)])
        }
        try csv.close()
        return [markdown, csvPath]
    }
}
