# Fieldwork export of 'fixture-survey' (Fixture survey — café ☕), versions 1.0.0, 1.1.0.
# Missing values: an empty cell was not asked (hidden by a condition, or not reached);
# a skip holds the variable's own skip code (-99 unless an answer could be -99: see the codebook);
# codes labelled as missing (such as Prefer not to say) were chosen, and in a multiple choice mark the choices not picked.
# Free text starting with = + - @ or an apostrophe has one apostrophe added in front (spreadsheet safety).
# Read with: source("responses.R")  (from this folder). Every missing value is NA, with its
# reason ("Not asked", "Skipped", or a missing code's label) in attr(x, "na_reason").
# Each variable's skip code is its own, outside the values it can take (see the codebook).

fw_reason <- function(x, skipped = "-99", missing = character(0)) {
  reason <- rep(NA_character_, length(x))
  reason[x == ""] <- "Not asked"
  if (!is.na(skipped)) reason[x == skipped] <- "Skipped"
  for (code in names(missing)) reason[x == code] <- missing[[code]]
  reason
}
fw_factor <- function(x, codes, labels, skipped = "-99", missing = character(0), ordered = FALSE) {
  reason <- fw_reason(x, skipped, missing)
  values <- suppressWarnings(as.integer(ifelse(is.na(reason), x, NA)))
  f <- factor(values, levels = codes, labels = labels, ordered = ordered)
  attr(f, "na_reason") <- reason
  f
}
fw_number <- function(x, skipped = "-99", missing = character(0)) {
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
responses[["extra"]] <- fw_text(raw[["extra"]])
attr(responses[["extra"]], "label") <- "Anything to add?"
responses[["place"]] <- fw_text(raw[["place"]])
attr(responses[["place"]], "label") <- "Where?"
responses[["story"]] <- fw_text(raw[["story"]])
attr(responses[["story"]], "label") <- "Tell us more"
responses[["since"]] <- fw_text(raw[["since"]])
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
