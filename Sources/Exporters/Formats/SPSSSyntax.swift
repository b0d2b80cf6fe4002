import Foundation
import InstrumentModel

enum SPSSSyntax {
    static func write(_ c: ExportContext, widths: [String: Int]) throws(ExportError) -> String {
        var s = header(c, comment: "*")
        s += "* Line breaks inside text are written as a pilcrow between spaces, since SPSS reads one line per case.\n\n"
        s += """
            GET DATA
              /TYPE=TXT
              /FILE='responses.csv'
              /ENCODING='UTF8'
              /ARRANGEMENT=DELIMITED
              /DELCASE=LINE
              /FIRSTCASE=2
              /DELIMITERS=","
              /QUALIFIER='"'
              /VARIABLES=

            """
        let fixedWidths = ["response_id": 32, "pseudonym": 18, "instrument_version": 32, "status": 8, "language": 16, "date": 17]
        for name in Codebook.fixed {
            s += name == "duration" ? "    duration F10.0\n" : "    \(name) A\(max(fixedWidths[name] ?? 16, widths[name] ?? 1))\n"
        }
        for v in c.codebook.variables {
            if isNumeric(v) {
                s += v.integer ? "    \(v.name) F8.0\n" : "    \(v.name) F12.\(max(2, v.decimals))\n"
            } else {
                s += "    \(v.name) A\(min(32767, max(8, widths[v.name] ?? 1)))\n"
            }
        }
        s += ".\n\nVARIABLE LABELS\n"
        s += c.codebook.variables.map { "  \($0.name) \(spss($0.label))" }.joined(separator: "\n  /") + ".\n\n"
        let coded = c.codebook.variables.filter(isNumeric)
        if !coded.isEmpty {
            s += "VALUE LABELS\n"
            s += coded.map { v in
                let pairs = (v.codes + v.missing).map { "\($0.code) \(spss($0.label))" } + ["\(MissingCode.skipped) \(spss("Skipped"))"]
                return "  \(v.name) " + pairs.joined(separator: " ")
            }.joined(separator: "\n  /") + ".\n\n"
            s += "MISSING VALUES\n"
            s += coded.map { v in
                let codes = [MissingCode.skipped] + v.missing.map(\.code)
                let list = codes.count <= 3 ? codes.map(String.init).joined(separator: ", ") : "LOWEST THRU -1"
                return "  \(v.name) (\(list))"
            }.joined(separator: "\n  /") + ".\n\n"
        }
        let text = c.codebook.variables.filter { !isNumeric($0) }
        if !text.isEmpty {
            s += "MISSING VALUES\n" + text.map { "  \($0.name) ('\(MissingCode.skipped)')" }.joined(separator: "\n  /") + ".\n\n"
        }
        s += "VARIABLE LEVEL\n"
        s += c.codebook.variables.map { v in
            let level = v.measure == .ordinal ? "ORDINAL" : v.measure == .scale ? "SCALE" : "NOMINAL"
            return "  \(v.name) (\(level))"
        }.joined(separator: "\n  /") + ".\n\n"
        s += "EXECUTE.\nSAVE OUTFILE='responses.sav'.\n"
        return try c.writeText("responses.sps", s)
    }
}
