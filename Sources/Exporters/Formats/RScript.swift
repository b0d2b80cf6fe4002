import Foundation
import InstrumentModel

/// The R script that reads responses.csv (the statistical CSV, text exact) with base R alone:
/// choices and scales as factors whose codes stay reachable, numbers as numbers, dates as `Date`,
/// true/false as logical, and every missing value `NA` with its reason beside it, kept when the
/// data are subset.
///
/// Why factors with their codes rather than numbers with labels: a factor is what R's tables,
/// models and plots expect of a choice, and shows its labels; but its integer form is the level's
/// position (1–11 for a 0–10 scale), so `as.integer()` and `as.numeric()` of these factors give the
/// instrument's codes instead (`fw_codes()` too), and `attr(x, "codes")` maps each level to its code.
enum RScript {
    static func write(_ c: ExportContext) throws(ExportError) -> String {
        var s = header(c, comment: "#")
        s += """
            # Read with: source("responses.R") (from this folder), with base R alone.
            # - A single choice, scale or matrix row is a factor (ordered for scales and matrices) whose codes stay
            #   reachable: as.integer(x) and fw_codes(x) give the instrument's codes (not the levels' positions),
            #   and attr(x, "codes") maps each level to its code. unclass(x) still gives positions, as for any factor.
            # - Every missing value is NA, with its reason in fw_reason(x) (attr(x, "na_reason")): "Not asked",
            #   "Skipped" or a missing code's label; the reason follows the rows when the data are subset
            #   (responses[responses$age > 30, ]), as the class "fw_variable" keeps it.
            # - Dates are Date; a month is the Date of its first day (attr(x, "precision") is "month");
            #   a year is a whole number. True/false is logical, text is exactly as given.

            """
        // Said, and defined, only where the export has times: other scripts stay as they were.
        let clocks = c.codebook.variables.contains { $0.measure == .time || $0.measure == .datetime }
        if clocks { s += clockNotes }
        s += """
            # Each variable's skip code is its own, outside the values it can take (see the codebook).

            fw_variable <- function(x, reason, codes = NULL, precision = NULL) {
              attr(x, "na_reason") <- reason
              attr(x, "codes") <- codes
              attr(x, "precision") <- precision
              class(x) <- c("fw_variable", setdiff(class(x), "fw_variable"))
              x
            }
            `[.fw_variable` <- function(x, ...) {
              kept <- attributes(x)[c("na_reason", "codes", "precision", "label")]
              y <- NextMethod()
              y <- fw_variable(y, kept$na_reason[...], kept$codes, kept$precision)
              attr(y, "label") <- kept$label
              y
            }
            fw_reason <- function(x) attr(x, "na_reason")
            fw_codes <- function(x) {
              codes <- attr(x, "codes")
              if (is.null(codes)) return(as.vector(unclass(x)))
              unname(codes[as.vector(unclass(x))])
            }
            as.integer.fw_variable <- function(x, ...) as.integer(fw_codes(x))
            as.double.fw_variable <- function(x, ...) as.double(fw_codes(x))

            fw_reasons <- function(x, skipped = "\(MissingCode.skipped)", missing = character(0), flag = NULL, absent = NA) {
              reason <- rep(NA_character_, length(x))
              reason[x == ""] <- "Not asked"
              if (!is.null(flag)) reason[x == "" & flag == "1"] <- "Skipped"
              if (!is.null(flag) && !is.na(absent)) reason[x == "" & flag == "2"] <- absent
              if (!is.na(skipped)) reason[x == skipped] <- "Skipped"
              for (code in names(missing)) reason[x == code] <- missing[[code]]
              reason
            }
            fw_factor <- function(x, codes, labels, skipped = "\(MissingCode.skipped)", missing = character(0), ordered = FALSE) {
              reason <- fw_reasons(x, skipped, missing)
              values <- suppressWarnings(as.integer(ifelse(is.na(reason), x, NA)))
              f <- factor(values, levels = codes, labels = labels, ordered = ordered)
              fw_variable(f, reason, codes = setNames(as.integer(codes), labels))
            }
            fw_number <- function(x, skipped = "\(MissingCode.skipped)", missing = character(0)) {
              reason <- fw_reasons(x, skipped, missing)
              fw_variable(suppressWarnings(as.numeric(ifelse(is.na(reason), x, NA))), reason)
            }
            fw_logical <- function(x) {
              reason <- fw_reasons(x, NA)
              fw_variable(ifelse(is.na(reason), x == "1", NA), reason)
            }
            fw_text <- function(x, flag = NULL, absent = NA) {
              reason <- fw_reasons(x, NA, flag = flag, absent = absent)
              fw_variable(ifelse(is.na(reason), x, NA_character_), reason)
            }
            fw_date <- function(x, precision = "day") {
              reason <- fw_reasons(x)
              kept <- ifelse(is.na(reason), x, NA_character_)
              if (precision == "year") return(fw_variable(as.integer(kept), reason))
              if (precision == "month") kept <- ifelse(is.na(kept), NA_character_, paste0(kept, "-01"))
              fw_variable(as.Date(kept), reason, precision = precision)
            }

            """
        if clocks { s += clockFunctions }
        s += """

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
            let target = "responses[[\(rString(v.name))]]"
            switch v.measure {
            case .nominal where v.isCalculated:
                s += "\(target) <- fw_logical(\(column))\n"
            case .nominal, .ordinal:
                guard !isRank(v) else {
                    s += "\(target) <- fw_number(\(column)\(missing))\n"
                    break
                }
                let codes = v.codes.map { String($0.code) }.joined(separator: ", ")
                let labels = v.codes.map { rString($0.label) }.joined(separator: ", ")
                s += "\(target) <- fw_factor(\(column), c(\(codes)), c(\(labels))\(missing)"
                    + (v.measure == .ordinal ? ", ordered = TRUE" : "") + ")\n"
            case .date:
                let precision = (v.precision ?? .day).rawValue
                s += "\(target) <- fw_date(\(column)" + (precision == "day" ? "" : ", precision = \"\(precision)\"") + ")\n"
            case .time:
                s += "\(target) <- fw_time(\(column))\n"
            case .datetime:
                s += "\(target) <- fw_datetime(\(column))\n"
            case .text:
                // A repeated text's flag says 2 where the response has no such instance: the reason is why.
                s += "\(target) <- fw_text(\(column)" + (v.skippedColumn.map { ", flag = raw[[\(rString($0))]]" } ?? "")
                    + (v.skippedColumn != nil ? v.instance.map { ", absent = \(rString(Variable.absentLabel($0)))" } ?? "" : "") + ")\n"
            case .scale:
                s += "\(target) <- fw_number(\(column)\(missing))\n"
            }
            s += "attr(\(target), \"label\") <- \(rString(v.label))\n"
        }
        s += deidentificationAttribute(c)
        s += "rm(raw)\n"
        return try c.writeText("responses.R", s)
    }

    /// Why these classes: a date-time in "UTC" is never moved by the analyst's zone or its clock
    /// changes (the answer has no zone: it is the participant's own clock); a time as an hms difftime
    /// is what readr and the tidyverse give for a time, and in base R it still sorts, subtracts and
    /// takes a median as a time, which "HH:MM" text would not.
    static let clockNotes = """
        # - A date-time is POSIXct in "UTC", which here means the local time the participant gave (no zone is
        #   stored): format(x) shows it as given, and no time zone or clock change of yours moves it.
        # - A time of day is seconds since midnight as a difftime of class "hms" (what hms and readr use):
        #   it sorts, subtracts and takes a median as a time, and shows as 09:05 (as 09:05:00 where hms is installed).

        """

    static let clockFunctions = """
        fw_datetime <- function(x) {
          reason <- fw_reasons(x)
          kept <- ifelse(is.na(reason), x, NA_character_)
          fw_variable(as.POSIXct(kept, format = "%Y-%m-%dT%H:%M", tz = "UTC"), reason)
        }
        fw_time <- function(x) {
          reason <- fw_reasons(x)
          kept <- ifelse(is.na(reason), x, NA_character_)
          seconds <- as.numeric(substr(kept, 1, 2)) * 3600 + as.numeric(substr(kept, 4, 5)) * 60
          fw_variable(structure(seconds, units = "secs", class = c("hms", "difftime")), reason)
        }
        # Without the hms package, times are still shown as clock times (hms, where installed, shows its own way).
        if (!requireNamespace("hms", quietly = TRUE)) {
          format.hms <- function(x, ...) {
            s <- as.numeric(unclass(x))
            ifelse(is.na(s), NA_character_, sprintf("%02d:%02d", s %/% 3600, s %% 3600 %/% 60))
          }
          print.hms <- function(x, ...) {
            print(format(x), quote = FALSE)
            invisible(x)
          }
        }

        """

    private static func isRank(_ v: Variable) -> Bool {
        if case .rank = v.source { return true }
        return false
    }
}
