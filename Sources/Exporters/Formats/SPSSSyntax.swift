import Foundation
import InstrumentModel

/// The SPSS syntax that reads responses.csv: names SPSS takes, formats sized from the data, dates
/// as SPSS dates, each variable's missing codes declared as SPSS can hold them, and paths that
/// work from any folder.
enum SPSSSyntax {
    /// SPSS's longest string.
    static let longestString = 32_767

    static func write(_ c: ExportContext, widths: [String: Int], warnings: inout [String]) throws(ExportError) -> String {
        let names = c.codebook.names
        let variables = c.codebook.variables
        let folder = URL(fileURLWithPath: c.options.out).standardizedFileURL.path
        var s = header(c, comment: "*")
        s += "* Line breaks inside text are written as a pilcrow between spaces, since SPSS reads one line per case.\n"
        s += "* The files are named by their full path, so this runs from any folder; if you move the folder, change the two paths.\n"
        let renamed = variables.filter { names.spss($0.name) != $0.name }
        if !renamed.isEmpty {
            s += "* Names longer than SPSS's 64 bytes are shortened (the codebook lists them all):\n"
            s += renamed.map { "*   \(names.spss($0.name)) is \($0.name).\n" }.joined()
        }
        s += """

            GET DATA
              /TYPE=TXT
              /FILE=\(spss(folder + "/responses.csv"))
              /ENCODING='UTF8'
              /ARRANGEMENT=DELIMITED
              /DELCASE=LINE
              /FIRSTCASE=2
              /DELIMITERS=","
              /QUALIFIER='"'
              /VARIABLES=

            """
        func string(_ name: String, width: Int?, floor: Int) -> String { stringFormat(name, width: width, floor: floor, warnings: &warnings) }
        // One variable a line, but never a name that would open a comment at a line's start: that
        // one goes on the line before (there is always one: the fixed columns come first).
        func variable(_ name: String, _ format: String) {
            if opensComment(name) { s.removeLast(); s += " \(name) \(format)\n" } else { s += "    \(name) \(format)\n" }
        }
        for name in Codebook.fixed {
            s += name == "duration" ? "    duration F10.0\n" : "    \(name) \(string(name, width: widths[name], floor: 1))\n"
        }
        // Dates and times are read as text, then made SPSS dates and times under their own name (`dates` below).
        var dates: [(variable: Variable, text: String)] = []
        for v in variables {
            let name = names.spss(v.name)
            if v.measure.isDateOrTime {
                let text = "fw_date_\(dates.count + 1)"
                dates.append((v, text))
                s += "    \(text) A\(max(10, widths[v.name] ?? 1))\n"
            } else if isNumeric(v) {
                variable(name, numericFormat(v, width: widths[v.name]))
            } else {
                variable(name, string(v.name, width: widths[v.name], floor: 8))
            }
            if let skip = v.skippedColumn { variable(names.spss(skip), "F1.0") }
        }
        s += ".\n\n"
        if !dates.isEmpty {
            s += "* Dates: ISO text in the CSV, SPSS dates here; a skip (\(MissingCode.skipped) in the CSV) keeps \(MissingCode.skipped).\n"
            if dates.contains(where: { $0.variable.measure != .date }) {
                s += "* Times are seconds since midnight (TIME5), date-times SPSS date-times (DATETIME17), both the local time given, no zone.\n"
            }
            for (v, text) in dates {
                let name = names.spss(v.name)
                let (format, value) = reading(v, from: text)
                s += "NUMERIC \(name) (\(format)).\n"
                s += "IF (\(text) <> '' AND \(text) <> '\(MissingCode.skipped)') \(name) = \(value).\n"
                s += "IF (\(text) = '\(MissingCode.skipped)') \(name) = \(MissingCode.skipped).\n"
            }
            // Put every variable back in the CSV's order, leaving out the text the dates were read from.
            s += "MATCH FILES /FILE=* /KEEP=" + (Codebook.fixed + variables.flatMap(\.statisticalColumns).map(names.spss)).joined(separator: " ") + ".\n"
            s += "EXECUTE.\n\n"
        }
        // Missing codes SPSS cannot declare as they are are moved, and said so.
        var declared: [(name: String, missing: SPSSMissing)] = []
        var recodes: [String: [Int: Int]] = [:]
        for v in variables where isNumeric(v) || v.measure.isDateOrTime {
            let codes = v.measure.isDateOrTime ? [MissingCode.skipped] : v.missingCodes
            guard let m = SPSSMissing.of(missing: codes, valid: v.validCodes) else { continue }
            declared.append((names.spss(v.name), m))
            if !m.recoded.isEmpty {
                recodes[v.name] = Dictionary(uniqueKeysWithValues: m.recoded.map { ($0.from, $0.to) })
                warnings.append("SPSS cannot declare the \(codes.count) missing codes of '\(v.name)' as they are; the SPSS syntax recodes them to "
                                + m.recoded.map { "\($0.from) → \($0.to)" }.joined(separator: ", "))
            }
        }
        if !recodes.isEmpty {
            s += "* SPSS declares at most three missing codes, or one range and one code; these variables' missing codes\n"
            s += "* are moved to one range below every valid code (the labels say which is which).\n"
            for v in variables {
                guard let moves = recodes[v.name] else { continue }
                let pairs = v.missingCodes.compactMap { code in moves[code].map { "(\(code)=\($0))" } }
                s += "RECODE \(names.spss(v.name)) \(pairs.joined(separator: " ")).\n"
            }
            s += "EXECUTE.\n\n"
        }
        s += command("VARIABLE LABELS", variables.flatMap { v in
            ["  \(names.spss(v.name)) \(spss(v.label))"] + (v.skippedColumn.map { ["  \(names.spss($0)) \(spss(v.label + ": skipped"))"] } ?? [])
        })
        let labelled: [String] = variables.filter { isNumeric($0) || $0.measure.isDateOrTime }.compactMap { v in
            let moved = recodes[v.name] ?? [:]
            var pairs: [(Int, String)] = v.measure.isDateOrTime ? [] : (v.codes + v.missing).map { (moved[$0.code] ?? $0.code, $0.label) }
            if let skipped = v.measure.isDateOrTime ? MissingCode.skipped : v.skipped { pairs.append((moved[skipped] ?? skipped, "Skipped")) }
            guard !pairs.isEmpty else { return nil }
            return "  \(names.spss(v.name)) " + pairs.map { "\($0.0) \(spss($0.1))" }.joined(separator: " ")
        } + variables.compactMap(\.skippedColumn).map { "  \(names.spss($0)) 0 'Answered' 1 'Skipped'" }
        if !labelled.isEmpty {
            s += command("VALUE LABELS", labelled)
        }
        if !declared.isEmpty {
            s += command("MISSING VALUES", declared.map { "  \($0.name) (\($0.missing.declaration))" })
        }
        // Text is exact (no string can mark a skip): a skipped text is empty, and its skip column says so.
        s += command("VARIABLE LEVEL", variables.map { v in
            let level = v.measure == .ordinal ? "ORDINAL" : v.measure == .scale || v.measure.isDateOrTime ? "SCALE" : "NOMINAL"
            return "  \(names.spss(v.name)) (\(level))" + (v.skippedColumn.map { "\n  /  \(names.spss($0)) (NOMINAL)" } ?? "")
        })
        s += deidentificationDocument(c)
        s += "EXECUTE.\nSAVE OUTFILE=\(spss(folder + "/responses.sav")).\n"
        return try c.writeText("responses.sps", s)
    }

    /// Whether PSPP would read a line that starts with `name` as the start of a comment or a
    /// document: COMMENT or DOCUMENT, or an abbreviation of either (COMM, DOC, ...), begins one even
    /// in the middle of a command, and everything up to the next full stop is skipped. So a
    /// question called `comment` must never start a line of the syntax.
    static func opensComment(_ name: String) -> Bool {
        let word = name.lowercased()
        return (word.count >= 4 && "comment".hasPrefix(word)) || (word.count >= 3 && "document".hasPrefix(word))
    }

    /// A command that lists one entry a line, `/` between them (each entry starts with two spaces
    /// and a variable's name). A first entry whose name would open a comment goes on the command's own line.
    static func command(_ name: String, _ entries: [String]) -> String {
        let first = entries.first.map { $0.drop { $0 == " " }.prefix { $0 != " " } } ?? ""
        let start = opensComment(String(first)) ? name + " " + entries[0].drop { $0 == " " } : name + "\n" + entries[0]
        return ([start] + entries.dropFirst()).joined(separator: "\n  /") + ".\n\n"
    }

    /// The SPSS format of a date or time variable, and the expression that reads it from its ISO text.
    static func reading(_ v: Variable, from text: String) -> (format: String, value: String) {
        switch (v.measure, v.precision ?? .day) {
        case (.time, _):
            return ("TIME5", "NUMBER(\(text), TIME5)")
        case (.datetime, _):
            // The day and the time apart: SDATE10 and TIME5 read the same in every SPSS (YMDHMS, which
            // reads both at once, only in recent ones), and neither takes ISO's 'T' between them.
            return ("DATETIME17", "NUMBER(SUBSTR(\(text), 1, 10), SDATE10) + NUMBER(SUBSTR(\(text), 12, 5), TIME5)")
        case (_, .day): return ("SDATE10", "NUMBER(\(text), SDATE10)")
        case (_, .month): return ("MOYR8", "NUMBER(CONCAT(RTRIM(\(text)), '-01'), SDATE10)")
        case (_, .year): return ("F4.0", "NUMBER(\(text), F4.0)")
        }
    }

    /// A string format as wide as the widest value, within SPSS's limit, saying where the limit cuts.
    static func stringFormat(_ name: String, width: Int?, floor: Int, warnings: inout [String]) -> String {
        let w = max(floor, width ?? 1)
        if w > longestString {
            warnings.append("SPSS holds at most \(longestString) bytes of text: '\(name)' has values of up to \(w) bytes, which SPSS cuts")
        }
        return "A\(min(longestString, w))"
    }

    /// A numeric format wide enough for the variable's values and codes (SPSS shows a value too
    /// wide for its format as asterisks).
    static func numericFormat(_ v: Variable, width: Int?) -> String {
        let codes = (v.codes + v.missing).map { String($0.code).count } + [v.skipped.map { String($0).count } ?? 0]
        if v.integer {
            return "F\(min(40, max(8, width ?? 0, codes.max() ?? 0))).0"
        }
        let decimals = max(2, v.decimals)
        return "F\(min(40, max(12, (width ?? 0) + 1, (codes.max() ?? 0) + decimals + 1))).\(decimals)"
    }
}
