import Foundation
import InstrumentModel

enum StataDo {
    static func write(_ c: ExportContext) throws(ExportError) -> String {
        let names = c.codebook.names
        var s = header(c, comment: "*")
        s += "* In Stata, a skip (its code, below) becomes .s and each code labelled missing becomes .a, .b, ... (see the value labels).\n"
        s += "* Names longer than 32 characters keep 27 and gain '_' and 4 hex digits (the codebook lists them).\n\n"
        s += "import delimited using \"responses.csv\", varnames(nonames) rowrange(2) encoding(\"utf-8\") bindquote(strict) stringcols(_all) clear\n"
        for (i, n) in c.header.enumerated() { s += "rename v\(i + 1) \(names.stata(n))\n" }
        s += "destring duration, replace\n"
        for v in c.codebook.variables where isNumeric(v) {
            let n = names.stata(v.name)
            s += "destring \(n), replace\n"
            if let skipped = v.skipped { s += "replace \(n) = .s if \(n) == \(skipped)\n" }
            let letters = Array("abcdefghijklmnopqrtuvwxyz")
            var pairs = v.codes.map { "\($0.code) \(stataQuoted($0.label))" }
            for (j, m) in v.missing.prefix(letters.count).enumerated() {
                s += "replace \(n) = .\(letters[j]) if \(n) == \(m.code)\n"
                pairs.append(".\(letters[j]) \(stataQuoted(m.label))")
            }
            if v.skipped != nil { pairs.append(".s \(stataQuoted("Skipped"))") }
            guard !(v.codes.isEmpty && v.missing.isEmpty && v.skipped == nil) else { continue }
            let labelName = v.name.count > 28 ? n : v.name + "_lbl"
            s += "label define \(labelName) \(pairs.joined(separator: " ")), replace\n"
            s += "label values \(n) \(labelName)\n"
        }
        for v in c.codebook.variables {
            s += "label variable \(names.stata(v.name)) \(stataQuoted(v.label))\n"
        }
        return try c.writeText("responses.do", s)
    }
}
