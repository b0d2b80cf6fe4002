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

    /// The keys of `VersionFacts` shown between a variable's values and its missing codes.
    static let detailKeys = ["Range", "Decimals", "Unit", "Date precision", "Format", "Maximum length", "Pattern", "Calculated as"]

    /// A fact of a variable as the codebook says it: once when every version agrees, otherwise
    /// each value with the versions it holds in (`none` for a version without it); nil when no
    /// version has it.
    static func fact(_ key: String, of v: Variable) -> String? {
        let values = v.facts.map { f in (f.version, f.facts.first { $0.key == key }?.value) }
        guard values.contains(where: { $0.1 != nil }) else { return nil }
        var groups: [(value: String, versions: [String])] = []
        for (version, value) in values {
            let value = value ?? "none"
            if let i = groups.firstIndex(where: { $0.value == value }) { groups[i].versions.append(version) } else { groups.append((value, [version])) }
        }
        if groups.count == 1 { return groups[0].value }
        return groups.map { "\($0.value) (version \($0.versions.joined(separator: ", ")))" }.joined(separator: "; ")
    }

    /// What differs between the versions: variables split apart, present in some versions only,
    /// or asked differently (wording, values, range, condition, ...).
    static func changes(_ codebook: Codebook, versions: [String]) -> [String] {
        guard versions.count > 1 else { return [] }
        var out = codebook.conflicts
        var seen: Set<String> = []
        for v in codebook.variables {
            let whole = v.versions.count == versions.count
            if !whole, !v.versions.isEmpty {
                // One line for the columns of a question that share their versions.
                let key = v.question + "|" + v.versions.joined(separator: ",")
                if seen.insert(key).inserted {
                    let columns = codebook.variables.filter { $0.question == v.question && $0.versions == v.versions }.map { "`\($0.name)`" }
                    out.append(columns.joined(separator: ", ") + ": only in version " + v.versions.joined(separator: ", ")
                               + " (empty, not asked, in the others)")
                }
            }
            let keys = v.facts.flatMap { $0.facts.map(\.key) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            for key in keys where Set(v.facts.map { f in f.facts.first { $0.key == key }?.value ?? "" }).count > 1 {
                out.append("`\(v.name)`: \(key.lowercased()) \(fact(key, of: v) ?? "")")
            }
        }
        return out
    }

    static func write(_ c: ExportContext) throws(ExportError) -> [String] {
        let versions = c.codebook.variables.flatMap(\.versions).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var md = """
            # Codebook: \(c.instrument.title.text(in: c.instrument.languages.first))

            Instrument `\(c.instrument.id)`, versions \(versions.joined(separator: ", ")).\(c.simulated ? "\n\n**Simulated data**: these responses were made up by `fieldwork simulate`; they are not real responses." : "")

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
        let changes = changes(c.codebook, versions: versions)
        if !changes.isEmpty {
            md += "\n## Changes between versions\n\n" + changes.map { "- " + $0 }.joined(separator: "\n") + "\n"
        }
        if !c.deidentification.isEmpty {
            md += "\n## De-identification\n\n" + c.deidentification.joined(separator: "\n") + "\n"
        }
        if !c.codebook.leftOut.isEmpty {
            md += "\n## Questions left out\n\n" + c.codebook.leftOut.map { "- " + $0 }.joined(separator: "\n") + "\n"
        }
        md += "\n## Variables\n"
        for v in c.codebook.variables.flatMap(\.codebookEntries) {
            md += "\n### `\(v.name)`\n\n"
            md += "- Label: \(v.label)\n"
            if let question = fact("Question", of: v) { md += "- Question: \(question)\n" }
            // A column of a repeated section: which instance, and what decides the instances.
            if let instance = fact("Instance", of: v) { md += "- Instance: \(instance)\n" }
            md += "- Type: \(v.type) (\(v.measure.rawValue))\n"
            if !v.codes.isEmpty {
                md += "- Values: \(values(v))\n"
                if let each = fact("Values", of: v), each != values(v) { md += "- Values by version: \(each)\n" }
            }
            for key in detailKeys { if let value = fact(key, of: v) { md += "- \(key): \(value)\n" } }
            md += "- Missing: \(missing(v))\n"
            let renamed = c.codebook.names.renamed(v.name)
            if let n = renamed.spss { md += "- SPSS name: `\(n)`\n" }
            if let n = renamed.stata { md += "- Stata name: `\(n)`\n" }
            md += fact("Set at launch", of: v).map { "- Set at launch: " + $0 + "\n" } ?? "- Asked: " + (fact("Asked", of: v) ?? "always") + "\n"
            md += "- Versions: \(v.versions.joined(separator: ", "))\n"
        }
        let markdown = try c.writeText("codebook.md", md)
        let csvPath = c.path("codebook.csv")
        let csv = try CSVWriter(path: csvPath)
        try csv.row(["variable", "label", "question", "type", "measure", "values", "range", "unit", "max_length", "date_precision", "calculation",
                     "missing", "asked_if", "versions", "spss_name", "stata_name"])
        for v in c.codebook.variables.flatMap(\.codebookEntries) {
            let asked = fact("Asked", of: v).map { $0 == "always" ? "" : $0.hasPrefix("if ") ? String($0.dropFirst(3)) : $0 } ?? ""
            try csv.row([v.name, v.label, fact("Question", of: v) ?? "", v.type, v.measure.rawValue, values(v),
                         fact("Range", of: v) ?? "", fact("Unit", of: v) ?? "", fact("Maximum length", of: v) ?? "",
                         fact("Date precision", of: v) ?? "", fact("Calculated as", of: v) ?? "",
                         missing(v), asked, v.versions.joined(separator: " "), c.codebook.names.spss(v.name), c.codebook.names.stata(v.name)])
        }
        try csv.close()
        return [markdown, csvPath]
    }
}
