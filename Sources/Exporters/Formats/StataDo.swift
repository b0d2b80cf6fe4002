import Foundation
import InstrumentModel

/// The Stata do-file that reads responses.csv (the statistical CSV, text exact): names Stata takes,
/// each skip and missing code as an extended missing value with its label, dates as Stata dates,
/// long text as strL, labels quoted so that Stata expands nothing in them; it ends with `compress`
/// and `save`. Stata 14 or later (`import delimited` with an encoding, strL).
enum StataDo {
    /// Stata's longest str#; a longer text must be a strL.
    static let longestString = 2045
    /// The letters of extended missing values for missing codes: .s is kept for a skip.
    static let letters = Array("abcdefghijklmnopqrtuvwxyz")

    static func write(_ c: ExportContext, widths: [String: Int]) throws(ExportError) -> String {
        let names = c.codebook.names
        let folder = URL(fileURLWithPath: c.options.out).standardizedFileURL.path
        var s = header(c, comment: "*")
        s += "* In Stata, a skip (its code, below) becomes .s and each code labelled missing becomes .a, .b, ... (see the value labels).\n"
        s += "* Dates are Stata dates: %td for a day, %tm for a month, the year as a number (%ty) for a year.\n"
        if c.codebook.variables.contains(where: { $0.measure == .time || $0.measure == .datetime }) {
            s += "* Date-times are %tc clock values (milliseconds, the local time given, no zone); a time of day is the %tc\n"
            s += "* of that time on 1 January 1960, shown %tcHH:MM, so that times subtract and sort as times.\n"
        }
        s += "* Names longer than 32 characters keep 27 and gain '_' and 4 hex digits; names Stata reserves (long, int, if, ...) gain '_'\n"
        s += "* (the codebook lists them). The files are named by their full path: if you move the folder, change the two paths.\n\n"
        s += "version 14\n"
        s += "import delimited using \(quoted(folder + "/responses.csv")), varnames(nonames) rowrange(2) encoding(\"utf-8\") bindquote(strict) stringcols(_all) clear\n"
        for (i, n) in c.header.enumerated() { s += "rename v\(i + 1) \(names.stata(n))\n" }
        s += "destring duration, replace\n"
        var skipLabel = false
        for v in c.codebook.variables {
            let n = names.stata(v.name)
            if v.measure.isDateOrTime {
                s += date(v, n)
                continue
            }
            if let column = v.skippedColumn {
                let k = names.stata(column)
                if !skipLabel { s += "label define fw_skipped 0 `\"Answered\"' 1 `\"Skipped\"', replace\n"; skipLabel = true }
                s += "destring \(k), replace\n"
                s += "label values \(k) fw_skipped\n"
            }
            guard isNumeric(v) else { continue }
            s += "destring \(n), replace\n"
            if let skipped = v.skipped { s += "replace \(n) = .s if \(n) == \(skipped)\n" }
            var pairs = v.codes.map { "\($0.code) \(stataQuoted($0.label))" }
            for (j, m) in v.missing.prefix(letters.count).enumerated() {
                s += "replace \(n) = .\(letters[j]) if \(n) == \(m.code)\n"
                pairs.append(".\(letters[j]) \(stataQuoted(m.label))")
            }
            if v.skipped != nil { pairs.append(".s \(stataQuoted("Skipped"))") }
            guard !(v.codes.isEmpty && v.missing.isEmpty && v.skipped == nil) else { continue }
            let labelName = n.count > 28 ? n : n + "_lbl"
            s += "label define \(labelName) \(pairs.joined(separator: " ")), replace\n"
            s += "label values \(n) \(labelName)\n"
        }
        for v in c.codebook.variables {
            s += "label variable \(names.stata(v.name)) \(stataQuoted(v.label))\n"
            if let column = v.skippedColumn { s += "label variable \(names.stata(column)) \(stataQuoted(v.label + ": skipped"))\n" }
        }
        // compress would make a strL a str# where the values fit: long texts are made strL after it.
        let long = c.codebook.variables.filter { v in
            v.measure == .text && (v.type == "long_text" || v.type == "open" || (widths[v.name] ?? 0) > longestString)
        }
        s += deidentificationNotes(c)
        s += "compress\n"
        if !long.isEmpty { s += "recast strL " + long.map { names.stata($0.name) }.joined(separator: " ") + "\n" }
        s += "save \(quoted(folder + "/responses.dta")), replace\n"
        return try c.writeText("responses.do", s)
    }

    /// A date or time read from its ISO text into a Stata date or clock value under the same name
    /// and in the same place: a skip (the text's skip code) becomes .s. A clock value needs a double.
    private static func date(_ v: Variable, _ n: String) -> String {
        let (type, expression, format): (String, String, String) = switch (v.measure, v.precision ?? .day) {
        case (.time, _): ("double", "clock(\(n), \"hm\")", "%tcHH:MM")
        // clock() reads the date and time parts by the mask; ISO's 'T' between them is made a space first.
        case (.datetime, _): ("double", "clock(subinstr(\(n), \"T\", \" \", 1), \"YMDhm\")", "%tcCCYY-NN-DD_HH:MM")
        case (_, .day): ("long", "date(\(n), \"YMD\")", "%td")
        case (_, .month): ("long", "monthly(\(n), \"YM\")", "%tm")
        case (_, .year): ("int", "real(\(n))", "%ty")
        }
        let skip = v.skippedText
        return """
            generate \(type) fw_date = \(expression) if \(n) != "" & \(n) != "\(skip)", after(\(n))
            replace fw_date = .s if \(n) == "\(skip)"
            drop \(n)
            rename fw_date \(n)
            format \(n) \(format)
            label define fw_date_skipped .s `"Skipped"', replace
            label values \(n) fw_date_skipped

            """
    }

    /// A path in double quotes (a path holds no `"`; `$` and backslashes are escaped as in labels).
    private static func quoted(_ path: String) -> String {
        "\"" + stataEscaped(path) + "\""
    }
}
