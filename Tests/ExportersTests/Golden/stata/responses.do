* Fieldwork export of 'fixture-survey' (Fixture survey — café ☕), versions 1.0.0, 1.1.0.
* Missing values: an empty cell was not asked (hidden by a condition, or not reached);
* a skip holds the variable's own skip code (-99 unless an answer could be -99: see the codebook);
* codes labelled as missing (such as Prefer not to say) were chosen, and in a multiple choice mark the choices not picked.
* Text is exactly as given. A skipped text is empty, as one not asked is: the column <name>_skipped beside it
* holds 1 when it was skipped, 0 when answered, and is empty when it was not asked.
* In Stata, a skip (its code, below) becomes .s and each code labelled missing becomes .a, .b, ... (see the value labels).
* Dates are Stata dates: %td for a day, %tm for a month, the year as a number (%ty) for a year.
* Names longer than 32 characters keep 27 and gain '_' and 4 hex digits; names Stata reserves (long, int, if, ...) gain '_'
* (the codebook lists them). The files are named by their full path: if you move the folder, change the two paths.

version 14
import delimited using "/path/to/export/responses.csv", varnames(nonames) rowrange(2) encoding("utf-8") bindquote(strict) stringcols(_all) clear
rename v1 response_id
rename v2 pseudonym
rename v3 instrument_version
rename v4 status
rename v5 language
rename v6 date
rename v7 duration
rename v8 visit
rename v9 visit_other
rename v10 used_1
rename v11 used_2
rename v12 used_9
rename v13 used_10
rename v14 used_other
rename v15 mood
rename v16 mood_v1_1_0
rename v17 feel_safe
rename v18 feel_heard
rename v19 age
rename v20 hours
rename v21 extra
rename v22 extra_skipped
rename v23 place
rename v24 place_skipped
rename v25 story
rename v26 story_skipped
rename v27 since
rename v28 order_1
rename v29 order_2
rename v30 order_3
rename v31 score
destring duration, replace
destring visit, replace
replace visit = .s if visit == -99
label define visit_lbl 1 `"Yes"' 2 `"No"' 3 `"Other, please specify"' .s `"Skipped"', replace
label values visit visit_lbl
destring used_1, replace
replace used_1 = .s if used_1 == -99
label define used_1_lbl 0 `"Not chosen"' 1 `"Chosen"' .s `"Skipped"', replace
label values used_1 used_1_lbl
destring used_2, replace
replace used_2 = .s if used_2 == -99
label define used_2_lbl 0 `"Not chosen"' 1 `"Chosen"' .s `"Skipped"', replace
label values used_2 used_2_lbl
destring used_9, replace
replace used_9 = .s if used_9 == -99
label define used_9_lbl 0 `"Not chosen"' 1 `"Chosen"' .s `"Skipped"', replace
label values used_9 used_9_lbl
destring used_10, replace
replace used_10 = .s if used_10 == -99
label define used_10_lbl 0 `"Not chosen"' 1 `"Chosen"' .s `"Skipped"', replace
label values used_10 used_10_lbl
destring mood, replace
replace mood = .s if mood == -99
label define mood_lbl 0 `"Low"' 1 `"1"' 2 `"2"' 3 `"3"' 4 `"High"' .s `"Skipped"', replace
label values mood mood_lbl
destring mood_v1_1_0, replace
replace mood_v1_1_0 = .s if mood_v1_1_0 == -99
label define mood_v1_1_0_lbl 1 `"Low"' 2 `"2"' 3 `"3"' 4 `"4"' 5 `"High"' .s `"Skipped"', replace
label values mood_v1_1_0 mood_v1_1_0_lbl
destring feel_safe, replace
replace feel_safe = .s if feel_safe == -99
replace feel_safe = .a if feel_safe == -9
label define feel_safe_lbl 1 `"Disagree"' 2 `"Agree"' .a `"Prefer not to say"' .s `"Skipped"', replace
label values feel_safe feel_safe_lbl
destring feel_heard, replace
replace feel_heard = .s if feel_heard == -99
replace feel_heard = .a if feel_heard == -9
label define feel_heard_lbl 1 `"Disagree"' 2 `"Agree"' .a `"Prefer not to say"' .s `"Skipped"', replace
label values feel_heard feel_heard_lbl
destring age, replace
replace age = .s if age == -99
label define age_lbl .s `"Skipped"', replace
label values age age_lbl
destring hours, replace
replace hours = .s if hours == -1000000000000001
label define hours_lbl .s `"Skipped"', replace
label values hours hours_lbl
label define fw_skipped 0 `"Answered"' 1 `"Skipped"', replace
destring extra_skipped, replace
label values extra_skipped fw_skipped
destring place_skipped, replace
label values place_skipped fw_skipped
destring story_skipped, replace
label values story_skipped fw_skipped
generate long fw_date = monthly(since, "YM") if since != "" & since != "-99", after(since)
replace fw_date = .s if since == "-99"
drop since
rename fw_date since
format since %tm
label define fw_date_skipped .s `"Skipped"', replace
label values since fw_date_skipped
destring order_1, replace
replace order_1 = .s if order_1 == -99
label define order_1_lbl 0 `"Not ranked"' .s `"Skipped"', replace
label values order_1 order_1_lbl
destring order_2, replace
replace order_2 = .s if order_2 == -99
label define order_2_lbl 0 `"Not ranked"' .s `"Skipped"', replace
label values order_2 order_2_lbl
destring order_3, replace
replace order_3 = .s if order_3 == -99
label define order_3_lbl 0 `"Not ranked"' .s `"Skipped"', replace
label values order_3 order_3_lbl
destring score, replace
label variable visit `"First visit?"'
label variable visit_other `"First visit?: other, specified"'
label variable used_1 `"What did you use?: Tea"'
label variable used_2 `"What did you use?: Talk"'
label variable used_9 `"What did you use?: None of these"'
label variable used_10 `"What did you use?: Other, please specify"'
label variable used_other `"What did you use?: other, specified"'
label variable mood `"Mood?"'
label variable mood_v1_1_0 `"Mood?"'
label variable feel_safe `"How do you feel?: Safe"'
label variable feel_heard `"How do you feel?: Heard"'
label variable age `"Age?"'
label variable hours `"Hours?"'
label variable extra `"Anything to add?"'
label variable extra_skipped `"Anything to add?: skipped"'
label variable place `"Where?"'
label variable place_skipped `"Where?: skipped"'
label variable story `"Tell us more"'
label variable story_skipped `"Tell us more: skipped"'
label variable since `"Since when?"'
label variable order_1 `"Order these: rank of Quiet"'
label variable order_2 `"Order these: rank of Company"'
label variable order_3 `"Order these: rank of Food"'
label variable score `"score"'
compress
recast strL story
save "/path/to/export/responses.dta", replace
