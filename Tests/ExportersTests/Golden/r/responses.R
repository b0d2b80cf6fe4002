# Fieldwork export of 'fixture-survey' (Fixture survey — café ☕), versions 1.0.0, 1.1.0.
# Missing values: an empty cell was not asked (hidden by a condition, or not reached);
# a skip holds the variable's own skip code (-99 unless an answer could be -99: see the codebook);
# codes labelled as missing (such as Prefer not to say) were chosen, and in a multiple choice mark the choices not picked.
# Text is exactly as given. A skipped text is empty, as one not asked is: the column <name>_skipped beside it
# holds 1 when it was skipped, 0 when answered, and is empty when it was not asked.
# Read with: source("responses.R") (from this folder), with base R alone.
# - A single choice, scale or matrix row is a factor (ordered for scales and matrices) whose codes stay
#   reachable: as.integer(x) and fw_codes(x) give the instrument's codes (not the levels' positions),
#   and attr(x, "codes") maps each level to its code. unclass(x) still gives positions, as for any factor.
# - Every missing value is NA, with its reason in fw_reason(x) (attr(x, "na_reason")): "Not asked",
#   "Skipped" or a missing code's label; the reason follows the rows when the data are subset
#   (responses[responses$age > 30, ]), as the class "fw_variable" keeps it.
# - Dates are Date; a month is the Date of its first day (attr(x, "precision") is "month");
#   a year is a whole number. True/false is logical, text is exactly as given.
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

fw_reasons <- function(x, skipped = "-99", missing = character(0), flag = NULL, absent = NA) {
  reason <- rep(NA_character_, length(x))
  reason[x == ""] <- "Not asked"
  if (!is.null(flag)) reason[x == "" & flag == "1"] <- "Skipped"
  if (!is.null(flag) && !is.na(absent)) reason[x == "" & flag == "2"] <- absent
  if (!is.na(skipped)) reason[x == skipped] <- "Skipped"
  for (code in names(missing)) reason[x == code] <- missing[[code]]
  reason
}
fw_factor <- function(x, codes, labels, skipped = "-99", missing = character(0), ordered = FALSE) {
  reason <- fw_reasons(x, skipped, missing)
  values <- suppressWarnings(as.integer(ifelse(is.na(reason), x, NA)))
  f <- factor(values, levels = codes, labels = labels, ordered = ordered)
  fw_variable(f, reason, codes = setNames(as.integer(codes), labels))
}
fw_number <- function(x, skipped = "-99", missing = character(0)) {
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

raw <- read.csv("responses.csv", colClasses = "character", encoding = "UTF-8", na.strings = character(0), check.names = FALSE)
responses <- data.frame(response_id = raw$response_id, stringsAsFactors = FALSE)
responses$pseudonym <- ifelse(raw$pseudonym == "", NA_character_, raw$pseudonym)
responses$instrument_version <- raw$instrument_version
responses$status <- factor(raw$status, levels = c("complete", "partial"))
responses$language <- raw$language
responses$date <- raw$date
responses$duration <- as.integer(raw$duration)
responses[["visit"]] <- fw_factor(raw[["visit"]], c(1, 2, 3), c("Yes", "No", "Other, please specify"))
attr(responses[["visit"]], "label") <- "First visit?"
responses[["visit_other"]] <- fw_text(raw[["visit_other"]])
attr(responses[["visit_other"]], "label") <- "First visit?: other, specified"
responses[["used_1"]] <- fw_factor(raw[["used_1"]], c(0, 1), c("Not chosen", "Chosen"))
attr(responses[["used_1"]], "label") <- "What did you use?: Tea"
responses[["used_2"]] <- fw_factor(raw[["used_2"]], c(0, 1), c("Not chosen", "Chosen"))
attr(responses[["used_2"]], "label") <- "What did you use?: Talk"
responses[["used_9"]] <- fw_factor(raw[["used_9"]], c(0, 1), c("Not chosen", "Chosen"))
attr(responses[["used_9"]], "label") <- "What did you use?: None of these"
responses[["used_10"]] <- fw_factor(raw[["used_10"]], c(0, 1), c("Not chosen", "Chosen"))
attr(responses[["used_10"]], "label") <- "What did you use?: Other, please specify"
responses[["used_other"]] <- fw_text(raw[["used_other"]])
attr(responses[["used_other"]], "label") <- "What did you use?: other, specified"
responses[["mood"]] <- fw_factor(raw[["mood"]], c(0, 1, 2, 3, 4), c("Low", "1", "2", "3", "High"), ordered = TRUE)
attr(responses[["mood"]], "label") <- "Mood?"
responses[["mood_v1_1_0"]] <- fw_factor(raw[["mood_v1_1_0"]], c(1, 2, 3, 4, 5), c("Low", "2", "3", "4", "High"), ordered = TRUE)
attr(responses[["mood_v1_1_0"]], "label") <- "Mood?"
responses[["feel_safe"]] <- fw_factor(raw[["feel_safe"]], c(1, 2), c("Disagree", "Agree"), missing = c(`-9` = "Prefer not to say"), ordered = TRUE)
attr(responses[["feel_safe"]], "label") <- "How do you feel?: Safe"
responses[["feel_heard"]] <- fw_factor(raw[["feel_heard"]], c(1, 2), c("Disagree", "Agree"), missing = c(`-9` = "Prefer not to say"), ordered = TRUE)
attr(responses[["feel_heard"]], "label") <- "How do you feel?: Heard"
responses[["age"]] <- fw_number(raw[["age"]])
attr(responses[["age"]], "label") <- "Age?"
responses[["hours"]] <- fw_number(raw[["hours"]], skipped = "-1000000000000001")
attr(responses[["hours"]], "label") <- "Hours?"
responses[["extra"]] <- fw_text(raw[["extra"]], flag = raw[["extra_skipped"]])
attr(responses[["extra"]], "label") <- "Anything to add?"
responses[["place"]] <- fw_text(raw[["place"]], flag = raw[["place_skipped"]])
attr(responses[["place"]], "label") <- "Where?"
responses[["story"]] <- fw_text(raw[["story"]], flag = raw[["story_skipped"]])
attr(responses[["story"]], "label") <- "Tell us more"
responses[["since"]] <- fw_date(raw[["since"]], precision = "month")
attr(responses[["since"]], "label") <- "Since when?"
responses[["order_1"]] <- fw_number(raw[["order_1"]])
attr(responses[["order_1"]], "label") <- "Order these: rank of Quiet"
responses[["order_2"]] <- fw_number(raw[["order_2"]])
attr(responses[["order_2"]], "label") <- "Order these: rank of Company"
responses[["order_3"]] <- fw_number(raw[["order_3"]])
attr(responses[["order_3"]], "label") <- "Order these: rank of Food"
responses[["score"]] <- fw_number(raw[["score"]], skipped = NA)
attr(responses[["score"]], "label") <- "score"
rm(raw)
