import Foundation
import InstrumentModel

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
