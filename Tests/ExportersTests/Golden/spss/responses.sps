* Fieldwork export of 'fixture-survey' (Fixture survey — café ☕), versions 1.0.0, 1.1.0.
* Missing values: an empty cell was not asked (hidden by a condition, or not reached);
* a skip holds the variable's own skip code (-99 unless an answer could be -99: see the codebook);
* codes labelled as missing (such as Prefer not to say) were chosen, and in a multiple choice mark the choices not picked.
* Text is exactly as given. A skipped text is empty, as one not asked is: the column <name>_skipped beside it
* holds 1 when it was skipped, 0 when answered, and is empty when it was not asked.
* Line breaks inside text are written as a pilcrow between spaces, since SPSS reads one line per case.
* The files are named by their full path, so this runs from any folder; if you move the folder, change the two paths.

GET DATA
  /TYPE=TXT
  /FILE='/path/to/export/responses.csv'
  /ENCODING='UTF8'
  /ARRANGEMENT=DELIMITED
  /DELCASE=LINE
  /FIRSTCASE=2
  /DELIMITERS=","
  /QUALIFIER='"'
  /VARIABLES=
    response_id A32
    pseudonym A18
    instrument_version A5
    status A8
    language A1
    date A10
    duration F10.0
    visit F8.0
    visit_other A13
    used_1 F8.0
    used_2 F8.0
    used_9 F8.0
    used_10 F8.0
    used_other A8
    mood F8.0
    mood_v1_1_0 F8.0
    feel_safe F8.0
    feel_heard F8.0
    age F8.0
    hours F20.2
    extra A31
    extra_skipped F1.0
    place A8
    place_skipped F1.0
    story A34
    story_skipped F1.0
    fw_date_1 A10
    order_1 F8.0
    order_2 F8.0
    order_3 F8.0
    score F12.2
.

* Dates: ISO text in the CSV, SPSS dates here; a skip (-99 in the CSV) keeps -99.
NUMERIC since (MOYR8).
IF (fw_date_1 <> '' AND fw_date_1 <> '-99') since = NUMBER(CONCAT(RTRIM(fw_date_1), '-01'), SDATE10).
IF (fw_date_1 = '-99') since = -99.
MATCH FILES /FILE=* /KEEP=response_id pseudonym instrument_version status language date duration visit visit_other used_1 used_2 used_9 used_10 used_other mood mood_v1_1_0 feel_safe feel_heard age hours extra extra_skipped place place_skipped story story_skipped since order_1 order_2 order_3 score.
EXECUTE.

VARIABLE LABELS
  visit 'First visit?'
  /  visit_other 'First visit?: other, specified'
  /  used_1 'What did you use?: Tea'
  /  used_2 'What did you use?: Talk'
  /  used_9 'What did you use?: None of these'
  /  used_10 'What did you use?: Other, please specify'
  /  used_other 'What did you use?: other, specified'
  /  mood 'Mood?'
  /  mood_v1_1_0 'Mood?'
  /  feel_safe 'How do you feel?: Safe'
  /  feel_heard 'How do you feel?: Heard'
  /  age 'Age?'
  /  hours 'Hours?'
  /  extra 'Anything to add?'
  /  extra_skipped 'Anything to add?: skipped'
  /  place 'Where?'
  /  place_skipped 'Where?: skipped'
  /  story 'Tell us more'
  /  story_skipped 'Tell us more: skipped'
  /  since 'Since when?'
  /  order_1 'Order these: rank of Quiet'
  /  order_2 'Order these: rank of Company'
  /  order_3 'Order these: rank of Food'
  /  score 'score'.

VALUE LABELS
  visit 1 'Yes' 2 'No' 3 'Other, please specify' -99 'Skipped'
  /  used_1 0 'Not chosen' 1 'Chosen' -99 'Skipped'
  /  used_2 0 'Not chosen' 1 'Chosen' -99 'Skipped'
  /  used_9 0 'Not chosen' 1 'Chosen' -99 'Skipped'
  /  used_10 0 'Not chosen' 1 'Chosen' -99 'Skipped'
  /  mood 0 'Low' 1 '1' 2 '2' 3 '3' 4 'High' -99 'Skipped'
  /  mood_v1_1_0 1 'Low' 2 '2' 3 '3' 4 '4' 5 'High' -99 'Skipped'
  /  feel_safe 1 'Disagree' 2 'Agree' -9 'Prefer not to say' -99 'Skipped'
  /  feel_heard 1 'Disagree' 2 'Agree' -9 'Prefer not to say' -99 'Skipped'
  /  age -99 'Skipped'
  /  hours -1000000000000001 'Skipped'
  /  since -99 'Skipped'
  /  order_1 0 'Not ranked' -99 'Skipped'
  /  order_2 0 'Not ranked' -99 'Skipped'
  /  order_3 0 'Not ranked' -99 'Skipped'
  /  extra_skipped 0 'Answered' 1 'Skipped'
  /  place_skipped 0 'Answered' 1 'Skipped'
  /  story_skipped 0 'Answered' 1 'Skipped'.

MISSING VALUES
  visit (-99)
  /  used_1 (-99)
  /  used_2 (-99)
  /  used_9 (-99)
  /  used_10 (-99)
  /  mood (-99)
  /  mood_v1_1_0 (-99)
  /  feel_safe (-99, -9)
  /  feel_heard (-99, -9)
  /  age (-99)
  /  hours (-1000000000000001)
  /  since (-99)
  /  order_1 (-99)
  /  order_2 (-99)
  /  order_3 (-99).

VARIABLE LEVEL
  visit (NOMINAL)
  /  visit_other (NOMINAL)
  /  used_1 (NOMINAL)
  /  used_2 (NOMINAL)
  /  used_9 (NOMINAL)
  /  used_10 (NOMINAL)
  /  used_other (NOMINAL)
  /  mood (ORDINAL)
  /  mood_v1_1_0 (ORDINAL)
  /  feel_safe (ORDINAL)
  /  feel_heard (ORDINAL)
  /  age (SCALE)
  /  hours (SCALE)
  /  extra (NOMINAL)
  /  extra_skipped (NOMINAL)
  /  place (NOMINAL)
  /  place_skipped (NOMINAL)
  /  story (NOMINAL)
  /  story_skipped (NOMINAL)
  /  since (SCALE)
  /  order_1 (ORDINAL)
  /  order_2 (ORDINAL)
  /  order_3 (ORDINAL)
  /  score (SCALE).

EXECUTE.
SAVE OUTFILE='/path/to/export/responses.sav'.
