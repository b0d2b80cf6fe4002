import Foundation
import InstrumentModel

enum StataDo {
    /// Stata names have at most 32 characters: longer ones keep 27 and gain '_' and 4 hex digits
    /// of a hash of the full name, so the same name always shortens the same way.
    static func name(_ n: String) -> String {
        guard n.count > 32 else { return n }
        var hash: UInt32 = 2_166_136_261
        for b in n.utf8 { hash = (hash ^ UInt32(b)) &* 16_777_619 }
        return String(n.prefix(27)) + "_" + String(format: "%04x", hash & 0xFFFF)
    }

    static func write(_ c: ExportContext) throws(ExportError) -> String {
        var s = header(c, comment: "*")
        s += "* In Stata, -99 (skipped) becomes .s and each code labelled missing becomes .a, .b, ... (see the value labels).\n\n"
        s += "import delimited using \"responses.csv\", varnames(nonames) rowrange(2) encoding(\"utf-8\") bindquote(strict) stringcols(_all) clear\n"
        for (i, n) in c.header.enumerated() { s += "rename v\(i + 1) \(name(n))\n" }
        s += "destring duration, replace\n"
        for v in c.codebook.variables where isNumeric(v) {
            let n = name(v.name)
            s += "destring \(n), replace\n"
            s += "replace \(n) = .s if \(n) == \(MissingCode.skipped)\n"
            let letters = Array("abcdefghijklmnopqrtuvwxyz")
            var pairs = v.codes.map { "\($0.code) \(stataQuoted($0.label))" }
            for (j, m) in v.missing.prefix(letters.count).enumerated() {
                s += "replace \(n) = .\(letters[j]) if \(n) == \(m.code)\n"
                pairs.append(".\(letters[j]) \(stataQuoted(m.label))")
            }
            pairs.append(".s \(stataQuoted("Skipped"))")
            let labelName = name(v.name.count > 28 ? n : v.name + "_lbl")
            s += "label define \(labelName) \(pairs.joined(separator: " ")), replace\n"
            s += "label values \(n) \(labelName)\n"
        }
        for v in c.codebook.variables {
            s += "label variable \(name(v.name)) \(stataQuoted(v.label))\n"
        }
        return try c.writeText("responses.do", s)
    }
}
