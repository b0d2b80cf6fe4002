import Foundation
import InstrumentModel

enum RScript {
    static func write(_ c: ExportContext) throws(ExportError) -> String {
        var s = header(c, comment: "#")
        s += """
            # Read with: source("responses.R")  (from this folder). Every missing value is NA, with its
            # reason ("Not asked", "Skipped", or a missing code's label) in attr(x, "na_reason").
            # Each variable's skip code is its own, outside the values it can take (see the codebook).

            fw_reason <- function(x, skipped = "\(MissingCode.skipped)", missing = character(0)) {
              reason <- rep(NA_character_, length(x))
              reason[x == ""] <- "Not asked"
              if (!is.na(skipped)) reason[x == skipped] <- "Skipped"
              for (code in names(missing)) reason[x == code] <- missing[[code]]
              reason
            }
            fw_factor <- function(x, codes, labels, skipped = "\(MissingCode.skipped)", missing = character(0), ordered = FALSE) {
              reason <- fw_reason(x, skipped, missing)
              values <- suppressWarnings(as.integer(ifelse(is.na(reason), x, NA)))
              f <- factor(values, levels = codes, labels = labels, ordered = ordered)
              attr(f, "na_reason") <- reason
              f
            }
            fw_number <- function(x, skipped = "\(MissingCode.skipped)", missing = character(0)) {
              reason <- fw_reason(x, skipped, missing)
              v <- suppressWarnings(as.numeric(ifelse(is.na(reason), x, NA)))
              attr(v, "na_reason") <- reason
              v
            }
            fw_logical <- function(x) {
              reason <- fw_reason(x, NA)
              v <- ifelse(is.na(reason), x == "1", NA)
              attr(v, "na_reason") <- reason
              v
            }
            fw_text <- function(x) {
              reason <- fw_reason(x)
              v <- ifelse(is.na(reason), sub("^'", "", x), NA_character_)
              attr(v, "na_reason") <- reason
              v
            }
            fw_date <- function(x) {
              reason <- fw_reason(x)
              v <- as.Date(ifelse(is.na(reason), x, NA_character_))
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
            let missing = (v.skipped.map { $0 == MissingCode.skipped ? "" : ", skipped = \"\($0)\"" } ?? ", skipped = NA")
                + (v.missing.isEmpty ? "" : ", missing = c(" + v.missing.map { "`\($0.code)` = \(rString($0.label))" }.joined(separator: ", ") + ")")
            let column = "raw[[\(rString(v.name))]]"
            switch v.measure {
            case .nominal where v.isCalculated:
                s += "responses[[\(rString(v.name))]] <- fw_logical(\(column))\n"
            case .nominal, .ordinal:
                guard !isRank(v) else {
                    s += "responses[[\(rString(v.name))]] <- fw_number(\(column)\(missing))\n"
                    break
                }
                let codes = v.codes.map { String($0.code) }.joined(separator: ", ")
                let labels = v.codes.map { rString($0.label) }.joined(separator: ", ")
                s += "responses[[\(rString(v.name))]] <- fw_factor(\(column), c(\(codes)), c(\(labels))\(missing)"
                    + (v.measure == .ordinal ? ", ordered = TRUE" : "") + ")\n"
            case .date where (v.precision ?? .day) == .day:
                s += "responses[[\(rString(v.name))]] <- fw_date(\(column))\n"
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
