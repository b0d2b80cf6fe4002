import Foundation
import InstrumentModel

/// Quoting for the scripts: SPSS and R take single quotes doubled or escaped; Stata takes compound quotes.
private func spss(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "\n", with: " ") + "'" }
private func stataQuoted(_ s: String) -> String { "`\"" + s.replacingOccurrences(of: "\n", with: " ") + "\"'" }
private func rString(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
}

private func header(_ c: ExportContext, comment: String) -> String {
    let versions = c.codebook.variables.flatMap(\.versions).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    return """
        \(comment) Fieldwork export of '\(c.instrument.id)' (\(c.instrument.title.text(in: c.instrument.languages.first))), versions \(versions.joined(separator: ", ")).
        \(comment) Missing values: an empty cell was not asked (hidden by a condition, or not reached);
        \(comment) \(MissingCode.skipped) was seen and skipped; codes labelled as missing (such as Prefer not to say) were chosen.
        \(comment) Free text starting with = + - @ or an apostrophe has one apostrophe added in front (spreadsheet safety).

        """
}

/// Numeric variables: codes, flags, ranks, numbers and calculations.
private func isNumeric(_ v: Variable) -> Bool {
    v.measure == .nominal || v.measure == .ordinal || v.measure == .scale
}

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

enum RScript {
    static func write(_ c: ExportContext) throws(ExportError) -> String {
        var s = header(c, comment: "#")
        s += """
            # Read with: source("responses.R")  (from this folder). Every missing value is NA, with its
            # reason ("Not asked", "Skipped", or a missing code's label) in attr(x, "na_reason").

            fw_reason <- function(x, missing = character(0)) {
              reason <- rep(NA_character_, length(x))
              reason[x == ""] <- "Not asked"
              reason[x == "\(MissingCode.skipped)"] <- "Skipped"
              for (code in names(missing)) reason[x == code] <- missing[[code]]
              reason
            }
            fw_factor <- function(x, codes, labels, missing = character(0), ordered = FALSE) {
              reason <- fw_reason(x, missing)
              values <- suppressWarnings(as.integer(ifelse(is.na(reason), x, NA)))
              f <- factor(values, levels = codes, labels = labels, ordered = ordered)
              attr(f, "na_reason") <- reason
              f
            }
            fw_number <- function(x, missing = character(0)) {
              reason <- fw_reason(x, missing)
              v <- suppressWarnings(as.numeric(ifelse(is.na(reason), x, NA)))
              attr(v, "na_reason") <- reason
              v
            }
            fw_text <- function(x) {
              reason <- fw_reason(x)
              v <- ifelse(is.na(reason), sub("^'", "", x), NA_character_)
              attr(v, "na_reason") <- reason
              v
            }

            raw <- read.csv("responses.csv", colClasses = "character", encoding = "UTF-8", na.strings = character(0), check.names = FALSE)
            responses <- data.frame(response_id = raw$response_id, stringsAsFactors = FALSE)
            responses$pseudonym <- ifelse(raw$pseudonym == "", NA_character_, raw$pseudonym)
            responses$instrument_version <- raw$instrument_version
            responses$status <- factor(raw$status, levels = c("complete", "partial"))
            responses$language <- raw$language
            responses$date <- raw$date
            responses$duration <- as.integer(raw$duration)

            """
        for v in c.codebook.variables {
            let missing = v.missing.isEmpty ? "" : ", missing = c(" + v.missing.map { "`\($0.code)` = \(rString($0.label))" }.joined(separator: ", ") + ")"
            let column = "raw[[\(rString(v.name))]]"
            switch v.measure {
            case .nominal, .ordinal:
                guard !isRank(v) else {
                    s += "responses[[\(rString(v.name))]] <- fw_number(\(column)\(missing))\n"
                    break
                }
                let codes = v.codes.map { String($0.code) }.joined(separator: ", ")
                let labels = v.codes.map { rString($0.label) }.joined(separator: ", ")
                s += "responses[[\(rString(v.name))]] <- fw_factor(\(column), c(\(codes)), c(\(labels))\(missing)"
                    + (v.measure == .ordinal ? ", ordered = TRUE" : "") + ")\n"
            case .text, .date:
                s += "responses[[\(rString(v.name))]] <- fw_text(\(column))\n"
            default:
                s += "responses[[\(rString(v.name))]] <- fw_number(\(column)\(missing))\n"
            }
            s += "attr(responses[[\(rString(v.name))]], \"label\") <- \(rString(v.label))\n"
        }
        s += "rm(raw)\n"
        return try c.writeText("responses.R", s)
    }

    private static func isRank(_ v: Variable) -> Bool {
        if case .rank = v.source { return true }
        return false
    }
}
