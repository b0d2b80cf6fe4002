// Generated from Catalogues/*.messages by CatalogueFileTests; do not edit.
// Regenerate with: FIELDWORK_RECORD_GOLDEN=1 swift test --filter CatalogueFileTests
enum EmbeddedCatalogues {
    static let files: [String: String] = [
        "cy.messages": #"""
# Fieldwork's own words in Welsh (Cymraeg). The format is described in en.messages; this file
# has exactly its keys. Lines marked "# review:" are simple renderings a Welsh speaker should
# check before a study relies on them. Welsh nouns stay singular after a number; the plural
# forms differ only where the number mutates the noun (dau: "2 le degol").

@language cy
@name Cymraeg
@decimal_mark .
@group_mark ,
@plural zero: n = 0
@plural one: n = 1
@plural two: n = 2
@plural few: n = 3
@plural many: n = 6

# Answers refused
# review: the label 'other: true' adds
other_please_specify = Arall (nodwch)
say_what_other_is = Dywedwch beth yw "{label}", os gwelwch yn dda.
choose_one = Dewiswch un o'r opsiynau.
choose_from_options = Dewiswch o blith yr opsiynau.
cannot_combine = Does dim modd cyfuno "{label}" â dewisiadau eraill.
choose_at_least = Dewiswch o leiaf {count}.
choose_no_more_than = Dewiswch ddim mwy na {count}.
choose_for_each_row = Dewiswch un o'r opsiynau ar gyfer pob rhes.
answer_row = Atebwch "{row}", os gwelwch yn dda.
# review: soft checks (said, and passed by giving the same answer again)
soft_unanswered = Rydych wedi gadael y cwestiwn hwn heb ei ateb.
soft_rows_empty.zero = Rydych wedi gadael {count} rhes yn wag.
soft_rows_empty.one = Rydych wedi gadael {count} rhes yn wag.
soft_rows_empty.two = Rydych wedi gadael {count} res yn wag.
soft_rows_empty.few = Rydych wedi gadael {count} rhes yn wag.
soft_rows_empty.many = Rydych wedi gadael {count} rhes yn wag.
soft_rows_empty.other = Rydych wedi gadael {count} rhes yn wag.
soft_keep_keys = Pwyswch Enter eto i'w gadael fel y mae, neu newidiwch eich ateb.
soft_keep_plain = I'w gadael fel y mae, rhowch yr un ateb eto; neu rhowch un arall.
# review: "rank" rendered as "put in order"
rank_each_once = Rhowch bob opsiwn yn y drefn unwaith yn unig.
put_in_order.zero = Rhowch {count} opsiwn mewn trefn.
put_in_order.one = Rhowch {count} opsiwn mewn trefn.
put_in_order.two = Rhowch {count} opsiwn mewn trefn.
put_in_order.few = Rhowch {count} opsiwn mewn trefn.
put_in_order.many = Rhowch {count} opsiwn mewn trefn.
put_in_order.other = Rhowch {count} opsiwn mewn trefn.
# review: "nod" for a character of text
too_long.zero = Cadwch hwn i {max} nod neu lai (mae'n {length}).
too_long.one = Cadwch hwn i {max} nod neu lai (mae'n {length}).
too_long.two = Cadwch hwn i {max} nod neu lai (mae'n {length}).
too_long.few = Cadwch hwn i {max} nod neu lai (mae'n {length}).
too_long.many = Cadwch hwn i {max} nod neu lai (mae'n {length}).
too_long.other = Cadwch hwn i {max} nod neu lai (mae'n {length}).
check_format = Dydy hyn ddim yn edrych yn iawn. Gwiriwch y fformat.
wrong_kind = Dydy'r math hwn o ateb ddim yn addas i'r cwestiwn.
not_accepted = Does dim modd derbyn yr ateb hwn yma. Gwiriwch ef.
whole_number = Rhowch rif cyfan.
at_most_decimals.zero = Defnyddiwch {count} lle degol ar y mwyaf.
at_most_decimals.one = Defnyddiwch {count} lle degol ar y mwyaf.
at_most_decimals.two = Defnyddiwch {count} le degol ar y mwyaf.
at_most_decimals.few = Defnyddiwch {count} lle degol ar y mwyaf.
at_most_decimals.many = Defnyddiwch {count} lle degol ar y mwyaf.
at_most_decimals.other = Defnyddiwch {count} lle degol ar y mwyaf.
number_too_large = Mae'r rhif hwn yn rhy fawr i'w gadw. Gwiriwch ef.
number_between = Rhowch rif o {min} i {max}.
number_at_least = Rhowch {min} neu fwy.
number_at_most = Rhowch {max} neu lai.
write_date = Ysgrifennwch y dyddiad ar y ffurf {pattern}.
# review: BBBB-MM-DD (blwyddyn, mis, diwrnod) for YYYY-MM-DD
date_pattern_day = BBBB-MM-DD, er enghraifft 2024-05-17
date_pattern_month = BBBB-MM, er enghraifft 2024-05
date_pattern_year = BBBB, er enghraifft 2024
no_such_day = Does dim {day} {month} yn {year}. Gwiriwch y dyddiad.
# review: times (amser) and dates with times; AA:MM (awr, munud) for HH:MM, as BBBB-MM-DD for dates
time_pattern = AA:MM ar gloc 24 awr, er enghraifft 09:30
datetime_pattern = BBBB-MM-DD AA:MM, er enghraifft 2024-05-17 09:30
write_time = Ysgrifennwch yr amser ar y ffurf {pattern}.
write_datetime = Ysgrifennwch y dyddiad a'r amser ar y ffurf {pattern}.
month_1 = Ionawr
month_2 = Chwefror
month_3 = Mawrth
month_4 = Ebrill
month_5 = Mai
month_6 = Mehefin
month_7 = Gorffennaf
month_8 = Awst
month_9 = Medi
month_10 = Hydref
month_11 = Tachwedd
month_12 = Rhagfyr
date_from = Rhowch ddyddiad o {date} ymlaen.
date_until = Rhowch ddyddiad heb fod yn hwyrach na {date}.
# review: a time's limits, built as date_from and date_until ("o … ymlaen" needs no choice of "na"
# or "nag"; the "na" kept from date_until may want "nag" before a number read with a vowel)
time_from = Rhowch amser o {time} ymlaen.
time_until = Rhowch amser heb fod yn hwyrach na {time}.
# review: a datetime's limits
datetime_from = Rhowch ddyddiad ac amser o {time} ymlaen.
datetime_until = Rhowch ddyddiad ac amser heb fod yn hwyrach na {time}.
type_a_number = Teipiwch rif, er enghraifft 42.
ambiguous_number_point = Ysgrifennwch ddegolion gyda phwynt (12.5), a miloedd fel 1500 neu 1,500.
ambiguous_number_comma = Ysgrifennwch ddegolion gyda choma (12,5), a miloedd fel 1500 neu 1.500.
type_position = Teipiwch rif o 1 i {count}.
type_value = Teipiwch rif o {min} i {max}.
type_positions = Teipiwch rifau o 1 i {count}, gyda bwlch rhwng pob un.
press_enter_to_continue = Pwyswch Enter i barhau.
# review: new, a simple rendering
screen_takes_no_typing = Does dim teipio ar y sgrin hon (fe deipioch "{typed}"): defnyddiwch yr allweddi isod.

# Moves refused
no_question_to_answer = Does dim cwestiwn i'w ateb.
no_question_to_skip = Does dim cwestiwn i'w hepgor.
needs_an_answer = Mae angen ateb i'r cwestiwn hwn.
no_going_back = Dydy'r arolwg hwn ddim yn caniatáu mynd yn ôl.
nothing_to_go_back_to = Does dim byd i fynd yn ôl ato.
first_question = Dyma'r cwestiwn cyntaf.
no_interview = Does dim cyfweliad ar y gweill.
not_on_route = Dydy'r cwestiwn hwnnw ddim ar y llwybr.
notes_on_open_questions = Mae nodiadau'n cael eu cymryd ar gwestiynau agored.
# review: "cwestiwn ychwanegol" (additional question) for an interviewer's probe
no_such_probe = Does dim cwestiwn ychwanegol o'r fath yma.
no_probes = Does dim cwestiynau ychwanegol gan y cwestiwn hwn.

# Around the questions
# review
study_code_prompt = Cod yr astudiaeth (fel y'i rhoddwyd gan y tîm ymchwil; nid yw'n cael ei gadw):
choose_whether_to_take_part = Dewiswch a ydych am gymryd rhan.
not_taking_part = Dydw i ddim eisiau cymryd rhan
saved = Mae eich atebion wedi'u cadw. Diolch.
interview_saved = Mae'r cyfweliad wedi'i gadw.
declined = Rydych wedi dewis peidio â chymryd rhan. Does dim byd a deipiwyd gennych wedi'i gadw. Diolch am eich amser.
saved_for_later = Mae eich atebion hyd yma wedi'u cadw. Gallwch barhau yn nes ymlaen gyda: {command}
interviewer = Cyfwelydd: {text}
progress = {number} o {total}
# review: "Rhif" (number), as in repeat_remove_count
instance_number = Rhif {number}
leave_prompt = Gadael nawr? Mae eich atebion hyd yma wedi'u cadw, a gallwch barhau yn nes ymlaen.
# review: the keys stay y and n
leave_keys = y gadael · n aros
window_too_small = Gwnewch y ffenestr hon yn fwy, os gwelwch yn dda.

# Plain mode (numbered prompts, read aloud by screen readers)
type_one_or_two = Teipiwch 1 neu 2.
type_one_to_take_part = Teipiwch 1 i gymryd rhan neu 2 i beidio.
ask_what_other_is = Dywedwch beth yw "{label}":
required = (rhaid ateb)
probe = Cwestiwn ychwanegol: {text}
each_statement = Ar gyfer pob datganiad, teipiwch rif eich ateb (mae Enter yn ei adael heb ateb):
given_answer = Eich ateb: {answer}
row_position = Teipiwch rif o 1 i {count}, neu Enter i'w adael.
typing_note = Pwyswch Enter i barhau.
typing_single = Teipiwch rif eich ateb.
typing_multiple = Teipiwch rifau pob un sy'n berthnasol, gyda bwlch rhwng pob un.
typing_ranking = Teipiwch y rhifau mewn trefn, y pwysicaf yn gyntaf, gyda bwlch rhwng pob un.
typing_number = Teipiwch rif.
typing_number_between = Teipiwch rif o {min} i {max}.
typing_number_at_least = Teipiwch rif o {min} neu fwy.
typing_number_at_most = Teipiwch rif hyd at {max}.
typing_date = Teipiwch ddyddiad ar y ffurf {pattern}.
# review: built as typing_date
typing_time = Teipiwch amser ar y ffurf {pattern}.
typing_datetime = Teipiwch ddyddiad ac amser ar y ffurf {pattern}.
typing_long = Teipiwch eich ateb; gorffennwch gyda llinell wag.
typing_text = Teipiwch eich ateb.

# Limits, said before the answer
limit_whole = Rhif cyfan
limit_decimals.zero = Rhif gyda hyd at {count} lle degol
limit_decimals.one = Rhif gyda hyd at {count} lle degol
limit_decimals.two = Rhif gyda hyd at {count} le degol
limit_decimals.few = Rhif gyda hyd at {count} lle degol
limit_decimals.many = Rhif gyda hyd at {count} lle degol
limit_decimals.other = Rhif gyda hyd at {count} lle degol
limit_between = {kind} o {min} i {max}.
limit_at_least = {kind} o {min} neu fwy.
limit_at_most = {kind} hyd at {max}.
limit_only = {kind}.
limit_choose_exactly = Dewiswch {count}.
limit_choose_either = Dewiswch {min} neu {max}.
limit_choose_range = Dewiswch o {min} i {max}.
limit_choose_at_least = Dewiswch o leiaf {count}.
limit_choose_up_to = Dewiswch hyd at {count}.
# review
limit_rank_top = Rhowch eich {count} uchaf mewn trefn.
limit_characters.zero = Hyd at {count} nod.
limit_characters.one = Hyd at {count} nod.
limit_characters.two = Hyd at {count} nod.
limit_characters.few = Hyd at {count} nod.
limit_characters.many = Hyd at {count} nod.
limit_characters.other = Hyd at {count} nod.
limit_date_between = Dyddiad o {min} i {max}.
limit_date_from = Dyddiad o {min} ymlaen.
limit_date_up_to = Dyddiad hyd at {max}.
# review: a time's or a datetime's limits, built as the date lines without their noun (it may be
# either); "o … i …" where "rhwng … a …" would need "ac" before a number read with a vowel
limit_time_between = O {min} i {max}.
limit_time_from = O {min} ymlaen.
limit_time_up_to = Hyd at {max}.
today = heddiw

# Keys on the full screen
key_back = Esc yn ôl
key_leave = Ctrl-C gadael
# review: new, a simple rendering
key_pause = Ctrl-P saib
# review
key_skip = Enter yn unig i hepgor
key_close = Pwyswch unrhyw fysell i gau
# review: a unit of measure, such as "Mewn cilogramau"
unit = Mewn {unit}
personal_typing = Mae'r cwestiwn hwn yn un personol. Gallwch ei hepgor: pwyswch Enter heb deipio dim.
personal_keys = Mae'r cwestiwn hwn yn un personol. Gallwch ei hepgor: pwyswch Enter heb ateb.

# Keys of the answer widgets
# review: "Bylchwr" for the space bar; other key names as printed on the keys
keys_choose_single = ↑↓ symud · {choose} dewis · Backspace clirio · Enter nesaf
keys_choose_multiple = ↑↓ symud · {choose} ticio · Backspace clirio · Enter nesaf
keys_space = Bylchwr
keys_space_or = Bylchwr neu {keys}
keys_a_number = rif
keys_scale = ←→ symud · Bylchwr neu rif dewis · Backspace clirio · Enter nesaf
keys_matrix = ↑↓ rhes · ←→ symud · {choose} dewis · Backspace clirio · Enter nesaf
keys_ranking_holding = ↑↓ symud yr eitem · Bylchwr ei gosod i lawr · Enter nesaf
keys_ranking_touched = ↑↓ symud · Bylchwr codi eitem · Enter nesaf
keys_ranking_fresh = ↑↓ symud · Bylchwr codi eitem (ddwywaith i gadw'r drefn hon) · Enter nesaf
keys_note = Enter parhau
keys_text = teipiwch eich ateb · Enter nesaf
keys_long_text = Enter llinell newydd · Tab nesaf

# The interviewer's screen
interview_confirm_leave = Gadael nawr? Mae popeth a deipiwyd wedi'i gadw; gallwch barhau yn nes ymlaen gyda fieldwork resume.
interview_confirm_end = Gorffen y cyfweliad nawr? Bydd y cwestiynau na chyrhaeddwyd heb eu gofyn.
interview_keys_outline = ↑↓ dewis cwestiwn · Enter mynd yno · Esc yn ôl
# review: "cwestiwn ychwanegol" for a probe
interview_keys_probes = Cwestiwn ychwanegol wedi'i ofyn? {keys} ticio neu ddad-dicio · Esc canslo
interview_key_keep_paragraph = Enter cadw'r paragraff
interview_key_go_on = Enter ymlaen
interview_key_answer = Enter ateb
interview_key_next = Tab nesaf
interview_key_previous = Shift-Tab blaenorol
interview_key_outline = Ctrl-O amlinelliad
interview_key_probes = Ctrl-P cwestiynau ychwanegol
interview_key_end = Ctrl-X gorffen
# review: "hwylusydd" for the facilitator, "cyfraniad" for a turn
interview_group = Grŵp o {count}: P1 i P{count}, F ar gyfer yr hwylusydd; dechreuwch gyfraniad gyda 3: neu F:
interview_probes_press = Cwestiynau ychwanegol (pwyswch {keys}):
interview_probes_tick = Cwestiynau ychwanegol (Ctrl-P i dicio):
interview_notes = Nodiadau
speaker_not_in_group = Dydy {speaker} ddim yn y grŵp hwn: y siaradwyr yw P1 i P{count}, ac F ar gyfer yr hwylusydd.
interview_confirm_leave_drops = Gadael nawr? Ni fydd yr ateb yma'n cael ei gadw (byddai ei gadw'n gorffen y cyfweliad); mae popeth arall wedi'i gadw; gallwch barhau yn nes ymlaen gyda fieldwork resume.
# review: new, a simple rendering
interview_confirm_leave_drops_typed = Gadael nawr? Ni fydd yr hyn a deipiwyd ar y sgrin hon yn cael ei gadw (does dim nodiadau yma); mae popeth arall wedi'i gadw; gallwch barhau yn nes ymlaen gyda fieldwork resume.
# review: new, a simple rendering
interview_no_notes_here = Does dim nodiadau'n cael eu cadw ar y sgrin hon: mae'r hyn rydych chi'n ei deipio'n mynd gyda chi i'r cwestiwn nesaf sydd â nodiadau.
# review: new, a simple rendering
interview_typed_needs_notes = Dim ond i gwestiwn sydd â nodiadau y gall yr hyn a deipiwyd fynd: dewiswch un (Ctrl-O), neu ei glirio.
interview_end_keys = y gorffen · n parhau
interview_probes_numbered = Mae'r cwestiynau ychwanegol wedi'u rhifo o 1 i {count}.
interview_answer_ends = Byddai cadw'r ateb hwn yn gorffen y cyfweliad (does dim cwestiwn ar ei ôl): mae Enter yn ei gadw ac yn gorffen; dewiswch yr ateb fel yr oedd i symud ymlaen hebddo.
interview_this_question = Y cwestiwn hwn
# review: "mun" for minutes, as on a timetable
interview_budget = {time} o {minutes} mun
interview_budget_over = {time} o {minutes} mun, {over} dros amser
interview_lines_above.zero = ↑ {count} llinell uwchben
interview_lines_above.one = ↑ {count} llinell uwchben
interview_lines_above.two = ↑ {count} llinell uwchben
interview_lines_above.few = ↑ {count} llinell uwchben
interview_lines_above.many = ↑ {count} llinell uwchben
interview_lines_above.other = ↑ {count} llinell uwchben
interview_lines_below.zero = ↓ {count} llinell islaw
interview_lines_below.one = ↓ {count} llinell islaw
interview_lines_below.two = ↓ {count} llinell islaw
interview_lines_below.few = ↓ {count} llinell islaw
interview_lines_below.many = ↓ {count} llinell islaw
interview_lines_below.other = ↓ {count} llinell islaw

# Online surveys (fieldwork serve): said over the participant's SSH connection
# review
serve_busy = Mae'r arolwg yn brysur ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig funudau.
serve_too_many_connections = Gormod o gysylltiadau o'ch cyfeiriad chi. Arhoswch funud a rhowch gynnig arall arni.
serve_only_the_survey = Dim ond yr arolwg '{survey}' mae'r gweinydd hwn yn ei redeg. Cysylltwch heb orchymyn: {command}
serve_stopping_try_later = Mae gweinydd yr arolwg yn stopio am y tro. Rhowch gynnig arall arni yn nes ymlaen.
serve_stopping = Mae gweinydd yr arolwg yn stopio am y tro.
serve_nothing_to_continue = Does dim ar ôl i'w barhau yn y sesiwn hon: mae ei hatebion wedi'u hanfon.
serve_cannot_save = Mae'n ddrwg gennym, does dim modd cadw'r arolwg ar hyn o bryd, felly mae wedi stopio. Rhowch gynnig arall arni yn nes ymlaen.
serve_closed_idle = Caewyd y sesiwn hon ar ôl {duration} heb bwyso bysell.
serve_closed_time_limit = Caewyd y sesiwn hon: cyrhaeddodd ei therfyn amser o {duration}.
serve_closed_input_rate = Caewyd y sesiwn hon: anfonwyd mwy nag y mae neb yn ei deipio.
serve_resume_invited = {command}, a'ch cod gwahoddiad eto
serve_resume_session_code = {command}, a chod y sesiwn hon pan ofynnir am gyfrinair: {code}
# review: "awr", "munud" and "eiliad" stay singular after a number
duration_hours.zero = {count} awr
duration_hours.one = {count} awr
duration_hours.two = {count} awr
duration_hours.few = {count} awr
duration_hours.many = {count} awr
duration_hours.other = {count} awr
duration_minutes.zero = {count} munud
duration_minutes.one = {count} munud
duration_minutes.two = {count} munud
duration_minutes.few = {count} munud
duration_minutes.many = {count} munud
duration_minutes.other = {count} munud
duration_seconds.zero = {count} eiliad
duration_seconds.one = {count} eiliad
duration_seconds.two = {count} eiliad
duration_seconds.few = {count} eiliad
duration_seconds.many = {count} eiliad
duration_seconds.other = {count} eiliad

# Drafts and idle sessions
no_draft_here = Dim ond ateb wedi'i deipio y gellir ei gadw fel drafft.
# review: "munud" stays singular after a number; no mutation is written after digits
left_idle.zero = Cafodd y sesiwn ei gadael ar ôl {count} munud heb bwyso bysell, a chliriwyd y sgrin.
left_idle.one = Cafodd y sesiwn ei gadael ar ôl {count} munud heb bwyso bysell, a chliriwyd y sgrin.
left_idle.two = Cafodd y sesiwn ei gadael ar ôl {count} munud heb bwyso bysell, a chliriwyd y sgrin.
left_idle.few = Cafodd y sesiwn ei gadael ar ôl {count} munud heb bwyso bysell, a chliriwyd y sgrin.
left_idle.many = Cafodd y sesiwn ei gadael ar ôl {count} munud heb bwyso bysell, a chliriwyd y sgrin.
left_idle.other = Cafodd y sesiwn ei gadael ar ôl {count} munud heb bwyso bysell, a chliriwyd y sgrin.
draft_kept = Roeddech wedi teipio: {text}

# The review before sending
review_intro = Gwiriwch eich atebion cyn eu hanfon, os gwelwch yn dda.
review_skipped = (wedi'i hepgor)
review_send = Anfon fy atebion
key_review = ↑↓ symud · Enter newid, neu anfon
key_review_fixed = Enter anfon
review_typing_change = Teipiwch rif i newid yr ateb hwnnw, neu pwyswch Enter i anfon eich atebion. < i fynd yn ôl, q i gadw a gadael.
review_typing_send = Pwyswch Enter i anfon eich atebion, neu q i gadw a gadael.
review_position = Teipiwch rif o 1 i {count}, neu pwyswch Enter i anfon.

# The welcome, scrolling and the help key
key_start = Enter dechrau
key_help = ? cymorth
key_help_typing = F1 cymorth
more_above = ↑ mwy uwchben (PgUp)
more_below = ↓ mwy islaw (PgDn)
how_skip_typing = I hepgor cwestiwn, pwyswch Enter heb deipio dim. Mae angen ateb i'r cwestiynau sydd wedi'u marcio (rhaid ateb).
how_skip_keys = I hepgor cwestiwn, pwyswch Enter heb ateb. Mae angen ateb i'r cwestiynau sydd wedi'u marcio (rhaid ateb).
how_all_required = Mae angen ateb i bob cwestiwn.
how_back_typing = I fynd yn ôl i'r cwestiwn blaenorol, teipiwch <.
how_back_keys = I fynd yn ôl i'r cwestiwn blaenorol, pwyswch Esc.
how_leave_typing = I stopio a pharhau yn nes ymlaen, teipiwch q: mae eich atebion hyd yma wedi'u cadw.
how_leave_keys = I stopio a pharhau yn nes ymlaen, pwyswch Ctrl-C: mae eich atebion hyd yma wedi'u cadw.
# review: "anogwr" for a prompt
how_help_typing = Teipiwch ? wrth unrhyw anogwr i weld y bysellau.
how_help_typing_support = Teipiwch ? wrth unrhyw anogwr i weld y bysellau a phwy i gysylltu â nhw am gymorth.
how_help_keys = Pwyswch ? neu F1 unrhyw bryd i weld y bysellau.
how_help_keys_support = Pwyswch ? neu F1 unrhyw bryd i weld y bysellau a phwy i gysylltu â nhw am gymorth.
how_language_typing = I newid yr iaith, teipiwch L.
how_language_keys = I newid yr iaith, pwyswch ? ac yna L.
help_title = Bysellau'r sgrin hon
help_support = Cymorth
help_close = Pwyswch unrhyw fysell i gau'r cymorth hwn
help_scroll = PgUp PgDn sgrolio
help_leave = Ctrl-C gadael: mae eich atebion hyd yma wedi'u cadw
help_pause = Ctrl-P oedi ar unwaith: mae eich atebion hyd yma wedi'u cadw, a chewch wybod ble i gael cymorth a sut i barhau
help_key_help = ? neu F1 y cymorth hwn
help_key_help_typing = F1 y cymorth hwn (mae ? yn cael ei deipio yn eich ateb)
plain_key_skip = Enter yn unig: hepgor y cwestiwn hwn
plain_key_back = <  mynd yn ôl i'r cwestiwn blaenorol
plain_key_leave = q  cadw a gadael; gallwch barhau yn nes ymlaen
plain_key_help = ?  dangos y cymorth hwn

# Around the questions: the study code, resuming, a matrix answer told in words
study_code_again = Teipiwch god yr astudiaeth eto, i'w wirio:
study_code_empty = Teipiwch god yr astudiaeth, os gwelwch yn dda.
study_code_differ = Mae'r ddau god yn wahanol. Teipiwch god yr astudiaeth eto.
resume_continuing = Yn parhau o'r man lle gwnaethoch chi stopio.
resume_already_complete = Roedd y sesiwn hon eisoes wedi'i chwblhau: mae ei hatebion wedi'u cadw.
rows_answered = {count} o {total} rhes wedi'u hateb

# Steps of a saved session that cannot be replayed
replay_consent_given = Roedd cydsyniad eisoes wedi'i roi.
replay_only_interview_jumps = Dim ond cyfweliad sy'n symud yn rhydd rhwng cwestiynau.
# review: for "Only an interview is ended by the interviewer"
replay_only_interview_ends = Dim ond y cyfwelydd sy'n gallu gorffen cyfweliad.
replay_no_question = Does dim cwestiwn ar y gweill.
replay_elsewhere = Gwnaed hyn wrth '{done}', ond mae'r sesiwn wrth '{here}'.

# Choosing the language (the chooser shows choose_language in every language of the study)
no_such_language = Dydy'r astudiaeth hon ddim ar gael yn "{language}".
choose_language = Dewiswch eich iaith
help_language = L  newid iaith

# Plain mode, read aloud: words rather than symbols
plain_keep_answer = Pwyswch Enter i'w gadw, neu teipiwch un newydd.
plain_send_draft = Pwyswch Enter i'w anfon, neu teipiwch ateb newydd.
plain_section = Adran: {title}
plain_question = Cwestiwn {number} o {total}
plain_reminder = Teipiwch ? am gymorth.
plain_matrix_row = {row} (1 i {count}):
plain_review_item = {number}. {question} Eich ateb: {answer}
plain_review_skipped = {number}. {question} Heb ei ateb.

# review: the repeated-section messages
repeat_another = Ychwanegu un arall?
repeat_yes = Ie
repeat_no = Na
repeat_remove = Mae hyn yn dileu eich atebion am {instances}.
repeat_remove_count.zero = Mae gostwng hwn i {to} yn dileu eich atebion ar gyfer rhifau {instances}.
repeat_remove_count.one = Mae gostwng hwn i {to} yn dileu eich atebion ar gyfer rhif {instances}.
repeat_remove_count.two = Mae gostwng hwn i {to} yn dileu eich atebion ar gyfer rhifau {instances}.
repeat_remove_count.few = Mae gostwng hwn i {to} yn dileu eich atebion ar gyfer rhifau {instances}.
repeat_remove_count.many = Mae gostwng hwn i {to} yn dileu eich atebion ar gyfer rhifau {instances}.
repeat_remove_count.other = Mae gostwng hwn i {to} yn dileu eich atebion ar gyfer rhifau {instances}.
repeat_remove_done.zero = Mae ateb na yn dileu eich atebion ar gyfer rhifau {instances}.
repeat_remove_done.one = Mae ateb na yn dileu eich atebion ar gyfer rhif {instances}.
repeat_remove_done.two = Mae ateb na yn dileu eich atebion ar gyfer rhifau {instances}.
repeat_remove_done.few = Mae ateb na yn dileu eich atebion ar gyfer rhifau {instances}.
repeat_remove_done.many = Mae ateb na yn dileu eich atebion ar gyfer rhifau {instances}.
repeat_remove_done.other = Mae ateb na yn dileu eich atebion ar gyfer rhifau {instances}.
repeat_list_and = {list} a {last}
repeat_remove_keys = Pwyswch Enter i'w dileu, neu Esc i newid eich ateb.
repeat_remove_typing = Pwyswch Enter i'w dileu, neu teipiwch < i newid eich ateb.
interview_repeat_remove = Mae hyn yn dileu'r nodiadau a'r atebion am {instances}.
interview_repeat_remove_keys = y eu dileu · n cadw'r ateb fel yr oedd
"""#,
        "en.messages": #"""
# Fieldwork's own words, in English: everything a participant or an interviewer reads that is
# not the instrument's text. This file is the reference: every other catalogue has exactly its
# keys, with the same {placeholders}.
#
# Format (one line each; blank lines and lines starting with # are skipped):
#   @language CODE          the language code, as in an instrument's 'languages:'
#   @name NAME              the language named in itself
#   @decimal_mark C         how a decimal is written (12.5 or 12,5)
#   @group_mark C           between thousands (100,000 or 100.000)
#   @plural CATEGORY: RULE  CLDR plural rules for whole numbers, tried in order; 'other' is
#                           what matches none (operands n and i, '%', '=', '!=', '..', ',',
#                           'and', 'or')
#   key = text              a message; {name} is filled in by the runner
#   key.CATEGORY = text     one plural form of a message counted by {count} (or {max})
# After editing, run `FIELDWORK_RECORD_GOLDEN=1 swift test --filter CatalogueFileTests` to
# embed the catalogues in the binary (Sources/Messages/EmbeddedCatalogues.swift).

@language en
@name English
@decimal_mark .
@group_mark ,
@plural one: n = 1

# Answers refused
other_please_specify = Other, please specify
say_what_other_is = Please say what "{label}" is.
choose_one = Please choose one of the options.
choose_from_options = Please choose from the options.
cannot_combine = "{label}" cannot be combined with other choices.
choose_at_least = Please choose at least {count}.
choose_no_more_than = Please choose no more than {count}.
choose_for_each_row = Please choose one of the options for each row.
answer_row = Please answer "{row}".
# Soft checks: said, and passed by giving the same answer again
soft_unanswered = You left this question unanswered.
soft_rows_empty.one = You left {count} row empty.
soft_rows_empty.other = You left {count} rows empty.
soft_keep_keys = Press Enter again to keep it as it is, or change your answer.
soft_keep_plain = To keep it as it is, give the same answer again; or give another.
rank_each_once = Please rank each option once.
put_in_order.one = Please put {count} option in order.
put_in_order.other = Please put {count} options in order.
too_long.one = Please keep this to {max} character or fewer (it is {length}).
too_long.other = Please keep this to {max} characters or fewer (it is {length}).
check_format = This does not look right. Please check the format.
wrong_kind = This kind of answer does not fit the question.
not_accepted = This answer is not accepted here. Please check it.
whole_number = Please enter a whole number.
at_most_decimals.one = Please use at most {count} decimal place.
at_most_decimals.other = Please use at most {count} decimal places.
number_too_large = This number is too large to keep. Please check it.
number_between = Please enter a number from {min} to {max}.
number_at_least = Please enter {min} or more.
number_at_most = Please enter {max} or less.
write_date = Please write the date as {pattern}.
date_pattern_day = YYYY-MM-DD, for example 2024-05-17
date_pattern_month = YYYY-MM, for example 2024-05
date_pattern_year = YYYY, for example 2024
no_such_day = There is no {day} {month} in {year}. Please check the date.
time_pattern = HH:MM on a 24-hour clock, for example 09:30
datetime_pattern = YYYY-MM-DD HH:MM, for example 2024-05-17 09:30
write_time = Please write the time as {pattern}.
write_datetime = Please write the date and time as {pattern}.
month_1 = January
month_2 = February
month_3 = March
month_4 = April
month_5 = May
month_6 = June
month_7 = July
month_8 = August
month_9 = September
month_10 = October
month_11 = November
month_12 = December
date_from = Please give a date from {date} onwards.
date_until = Please give a date no later than {date}.
time_from = Please give a time no earlier than {time}.
time_until = Please give a time no later than {time}.
datetime_from = Please give a date and time no earlier than {time}.
datetime_until = Please give a date and time no later than {time}.
type_a_number = Please type a number, such as 42.
ambiguous_number_point = Please write decimals with a point (12.5), and thousands as 1500 or 1,500.
ambiguous_number_comma = Please write decimals with a comma (12,5), and thousands as 1500 or 1.500.
type_position = Please type a number from 1 to {count}.
type_value = Please type a number from {min} to {max}.
type_positions = Please type numbers from 1 to {count}, separated by spaces.
press_enter_to_continue = Press Enter to continue.
screen_takes_no_typing = This screen takes no typing (you typed "{typed}"): use the keys below.

# Moves refused
no_question_to_answer = There is no question to answer.
no_question_to_skip = There is no question to skip.
needs_an_answer = This question needs an answer.
no_going_back = This survey does not allow going back.
nothing_to_go_back_to = There is nothing to go back to.
first_question = This is the first question.
no_interview = There is no interview under way.
not_on_route = That question is not on the route.
notes_on_open_questions = Notes are taken on open questions.
no_such_probe = There is no such probe here.
no_probes = This question has no probes.

# Around the questions
study_code_prompt = Study code (as given by the research team; it is not stored):
choose_whether_to_take_part = Please choose whether to take part.
not_taking_part = I do not want to take part
saved = Your answers have been saved. Thank you.
interview_saved = The interview is saved.
declined = You chose not to take part. Nothing you typed has been kept. Thank you for your time.
saved_for_later = Your answers so far are saved. You can carry on later with: {command}
interviewer = Interviewer: {text}
progress = {number} of {total}
# Which instance of an 'until_done' repeat, where the total is not known yet ("2 of 3" for the others)
instance_number = Number {number}
leave_prompt = Leave now? Your answers so far are saved, and you can carry on later.
leave_keys = y leave · n stay
window_too_small = Please make this window larger.

# Plain mode (numbered prompts, read aloud by screen readers)
type_one_or_two = Type 1 or 2.
type_one_to_take_part = Please type 1 to take part or 2 not to.
ask_what_other_is = Please say what "{label}" is:
required = (required)
probe = Probe: {text}
each_statement = For each statement, type the number of your answer (Enter leaves it unanswered):
given_answer = Your answer: {answer}
row_position = Please type a number from 1 to {count}, or Enter to leave it.
typing_note = Press Enter to continue.
typing_single = Type the number of your answer.
typing_multiple = Type the numbers of all that apply, separated by spaces.
typing_ranking = Type the numbers in order, most important first, separated by spaces.
typing_number = Type a number.
typing_number_between = Type a number from {min} to {max}.
typing_number_at_least = Type a number of {min} or more.
typing_number_at_most = Type a number up to {max}.
typing_date = Type a date as {pattern}.
typing_time = Type a time as {pattern}.
typing_datetime = Type a date and time as {pattern}.
typing_long = Type your answer; finish with an empty line.
typing_text = Type your answer.

# Limits, said before the answer ({kind} is limit_whole or limit_decimals)
limit_whole = A whole number
limit_decimals.one = A number with up to {count} decimal place
limit_decimals.other = A number with up to {count} decimal places
limit_between = {kind} from {min} to {max}.
limit_at_least = {kind} of {min} or more.
limit_at_most = {kind} up to {max}.
limit_only = {kind}.
limit_choose_exactly = Choose {count}.
limit_choose_either = Choose {min} or {max}.
limit_choose_range = Choose from {min} to {max}.
limit_choose_at_least = Choose at least {count}.
limit_choose_up_to = Choose up to {count}.
limit_rank_top = Put your top {count} in order.
limit_characters.one = Up to {count} character.
limit_characters.other = Up to {count} characters.
limit_date_between = A date from {min} to {max}.
limit_date_from = A date from {min} on.
limit_date_up_to = A date up to {max}.
limit_time_between = Between {min} and {max}.
limit_time_from = No earlier than {min}.
limit_time_up_to = No later than {max}.
today = today

# Keys on the full screen
key_back = Esc back
key_leave = Ctrl-C leave
key_pause = Ctrl-P pause
key_skip = Enter alone skips
key_close = Press any key to close
unit = In {unit}
personal_typing = This question is personal. You can skip it: press Enter without typing anything.
personal_keys = This question is personal. You can skip it: press Enter without answering.

# Keys of the answer widgets (the " · " between keys is kept: a narrow screen drops keys one by one)
keys_choose_single = ↑↓ move · {choose} choose · Backspace clears · Enter next
keys_choose_multiple = ↑↓ move · {choose} tick · Backspace clears · Enter next
keys_space = Space
keys_space_or = Space or {keys}
keys_a_number = a number
keys_scale = ←→ move · Space or a number choose · Backspace clears · Enter next
keys_matrix = ↑↓ row · ←→ move · {choose} choose · Backspace clears · Enter next
keys_ranking_holding = ↑↓ move the item · Space put it down · Enter next
keys_ranking_touched = ↑↓ move · Space pick up an item · Enter next
keys_ranking_fresh = ↑↓ move · Space pick up an item (twice keeps this order) · Enter next
keys_note = Enter continue
keys_text = type your answer · Enter next
keys_long_text = Enter new line · Tab next

# The interviewer's screen
interview_confirm_leave = Leave now? Everything typed is saved; carry on later with fieldwork resume.
interview_confirm_end = End the interview now? Questions not reached stay unasked.
interview_keys_outline = ↑↓ choose a question · Enter go there · Esc back
interview_keys_probes = Probe asked? {keys} tick or untick it · Esc cancel
interview_key_keep_paragraph = Enter keep paragraph
interview_key_go_on = Enter go on
interview_key_answer = Enter answer
interview_key_next = Tab next
interview_key_previous = Shift-Tab previous
interview_key_outline = Ctrl-O outline
interview_key_probes = Ctrl-P probes
interview_key_end = Ctrl-X end
interview_group = Group of {count}: P1 to P{count}, F for the facilitator; start a turn with 3: or F:
interview_probes_press = Probes (press {keys}):
interview_probes_tick = Probes (Ctrl-P to tick):
interview_notes = Notes
speaker_not_in_group = {speaker} is not in this group: the speakers are P1 to P{count}, and F for the facilitator.
interview_confirm_leave_drops = Leave now? The answer here is not kept (keeping it ends the interview); everything else is saved; carry on later with fieldwork resume.
interview_confirm_leave_drops_typed = Leave now? What you typed on this screen is not kept (no notes are kept here); everything else is saved; carry on later with fieldwork resume.
interview_no_notes_here = No notes are kept on this screen: what you type goes on with you to the next question with notes.
interview_typed_needs_notes = What you typed can only go on to a question with notes: choose one (Ctrl-O), or clear it.
interview_end_keys = y end · n carry on
interview_probes_numbered = The probes are numbered 1 to {count}.
interview_answer_ends = Keeping this answer ends the interview (no question follows it): Enter keeps it and ends; choose the answer as it was to move without it.
interview_this_question = This question
interview_budget = {time} of {minutes} min
interview_budget_over = {time} of {minutes} min, {over} over
interview_lines_above.one = ↑ {count} line above
interview_lines_above.other = ↑ {count} lines above
interview_lines_below.one = ↓ {count} line below
interview_lines_below.other = ↓ {count} lines below

# Online surveys (fieldwork serve): said over the participant's SSH connection
serve_busy = The survey is busy just now. Please try again in a few minutes.
serve_too_many_connections = Too many connections from your address. Please wait a minute and try again.
serve_only_the_survey = This server only runs the survey '{survey}'. Connect without a command: {command}
serve_stopping_try_later = The survey server is stopping for now. Please try again later.
serve_stopping = The survey server is stopping for now.
serve_nothing_to_continue = This session has nothing left to continue: its answers have been sent.
serve_cannot_save = Sorry, the survey cannot be saved just now, so it has stopped. Please try again later.
serve_closed_idle = This session was closed after {duration} without a key.
serve_closed_time_limit = This session was closed: it reached its time limit of {duration}.
serve_closed_input_rate = This session was closed: more was sent than anyone types.
serve_resume_invited = {command}, and your invitation code again
serve_resume_session_code = {command}, and this session code when asked for a password: {code}
duration_hours.one = {count} hour
duration_hours.other = {count} hours
duration_minutes.one = {count} minute
duration_minutes.other = {count} minutes
duration_seconds.one = {count} second
duration_seconds.other = {count} seconds

# Drafts and idle sessions
no_draft_here = Only a typed answer can be kept as a draft.
left_idle.one = The session was left after {count} minute without a key, and the screen cleared.
left_idle.other = The session was left after {count} minutes without a key, and the screen cleared.
draft_kept = You had typed: {text}

# The review before sending
review_intro = Please check your answers before you send them.
review_skipped = (skipped)
review_send = Send my answers
key_review = ↑↓ move · Enter change, or send
key_review_fixed = Enter send
review_typing_change = Type a number to change that answer, or press Enter to send your answers. < to go back, q to save and leave.
review_typing_send = Press Enter to send your answers, or q to save and leave.
review_position = Please type a number from 1 to {count}, or press Enter to send.

# The welcome, scrolling and the help key
key_start = Enter start
key_help = ? help
key_help_typing = F1 help
more_above = ↑ more above (PgUp)
more_below = ↓ more below (PgDn)
how_skip_typing = To skip a question, press Enter without typing anything. Questions marked (required) need an answer.
how_skip_keys = To skip a question, press Enter without answering. Questions marked (required) need an answer.
how_all_required = Every question needs an answer.
how_back_typing = To go back to the previous question, type <.
how_back_keys = To go back to the previous question, press Esc.
how_leave_typing = To stop and carry on later, type q: your answers so far are saved.
how_leave_keys = To stop and carry on later, press Ctrl-C: your answers so far are saved.
how_help_typing = Type ? at any prompt to see the keys.
how_help_typing_support = Type ? at any prompt to see the keys and who to contact for support.
how_help_keys = Press ? or F1 at any time to see the keys.
how_help_keys_support = Press ? or F1 at any time to see the keys and who to contact for support.
how_language_typing = To change the language, type L.
how_language_keys = To change the language, press ? and then L.
help_title = Keys on this screen
help_support = Support
help_close = Press any key to close this help
help_scroll = PgUp PgDn scroll
help_leave = Ctrl-C leave: your answers so far are saved
help_pause = Ctrl-P pause at once: your answers so far are saved, and you are told where to find support and how to carry on
help_key_help = ? or F1 this help
help_key_help_typing = F1 this help (? is typed into your answer)
plain_key_skip = Enter alone: skip this question
plain_key_back = <  go back to the previous question
plain_key_leave = q  save and leave; you can carry on later
plain_key_help = ?  show this help

# Around the questions: the study code, resuming, a matrix answer told in words
study_code_again = Type the study code again, to check it:
study_code_empty = Please type the study code.
study_code_differ = The two codes differ. Please type the study code again.
resume_continuing = Continuing where you stopped.
resume_already_complete = This session was already complete: its answers are saved.
rows_answered = {count} of {total} rows answered

# Steps of a saved session that cannot be replayed
replay_consent_given = Consent was already given.
replay_only_interview_jumps = Only an interview moves between questions freely.
replay_only_interview_ends = Only an interview is ended by the interviewer.
replay_no_question = There is no question under way.
replay_elsewhere = This was done at '{done}', but the session is at '{here}'.

# Choosing the language (the chooser shows choose_language in every language of the study)
no_such_language = This study is not offered in "{language}".
choose_language = Choose your language
help_language = L  change language

# Plain mode, read aloud: words rather than symbols
plain_keep_answer = Press Enter to keep it, or type a new one.
plain_send_draft = Press Enter to send it, or type a new answer.
plain_section = Section: {title}
plain_question = Question {number} of {total}
plain_reminder = Type ? for help.
plain_matrix_row = {row} (1 to {count}):
plain_review_item = {number}. {question} Your answer: {answer}
plain_review_skipped = {number}. {question} Not answered.

# Repeated sections: the question after each instance of an 'until_done' repeat, its answers,
# and the confirmation before a changed answer removes instances that hold answers.
repeat_another = Add another?
repeat_yes = Yes
repeat_no = No
repeat_remove = This removes your answers about {instances}.
repeat_remove_count.one = Lowering this to {to} removes your answers for number {instances}.
repeat_remove_count.other = Lowering this to {to} removes your answers for numbers {instances}.
repeat_remove_done.one = Answering no removes your answers for number {instances}.
repeat_remove_done.other = Answering no removes your answers for numbers {instances}.
repeat_list_and = {list} and {last}
repeat_remove_keys = Press Enter to remove them, or Esc to change your answer.
repeat_remove_typing = Press Enter to remove them, or type < to change your answer.
interview_repeat_remove = This removes the notes and answers about {instances}.
interview_repeat_remove_keys = y remove them · n keep the answer as it was
"""#,
        "es.messages": #"""
# Fieldwork's own words in Spanish (español). The format is described in en.messages; this
# file has exactly its keys. Lines marked "# review:" are simple renderings a Spanish speaker
# should check. The participant is addressed as usted.

@language es
@name Español
@decimal_mark ,
@group_mark .
@plural one: n = 1

# Answers refused
other_please_specify = Otro (especifique)
say_what_other_is = Indique qué es «{label}».
choose_one = Elija una de las opciones.
choose_from_options = Elija entre las opciones.
cannot_combine = «{label}» no se puede combinar con otras respuestas.
choose_at_least = Elija al menos {count}.
choose_no_more_than = Elija {count} como máximo.
choose_for_each_row = Elija una de las opciones en cada fila.
answer_row = Responda a «{row}».
# Soft checks: said, and passed by giving the same answer again
soft_unanswered = Ha dejado esta pregunta sin responder.
soft_rows_empty.one = Ha dejado {count} fila vacía.
soft_rows_empty.other = Ha dejado {count} filas vacías.
soft_keep_keys = Pulse Enter otra vez para dejarla así, o cambie su respuesta.
soft_keep_plain = Para dejarla así, dé la misma respuesta otra vez; o dé otra.
rank_each_once = Ordene cada opción una sola vez.
put_in_order.one = Ordene {count} opción.
put_in_order.other = Ordene {count} opciones.
too_long.one = Escriba como máximo {max} carácter (ahora hay {length}).
too_long.other = Escriba como máximo {max} caracteres (ahora hay {length}).
check_format = Esto no parece correcto. Revise el formato.
wrong_kind = Este tipo de respuesta no corresponde a la pregunta.
not_accepted = Esta respuesta no se acepta aquí. Revísela.
whole_number = Escriba un número entero.
at_most_decimals.one = Use como máximo {count} decimal.
at_most_decimals.other = Use como máximo {count} decimales.
number_too_large = Este número es demasiado grande para guardarlo. Revíselo.
number_between = Escriba un número entre {min} y {max}.
number_at_least = Escriba {min} o más.
number_at_most = Escriba {max} o menos.
write_date = Escriba la fecha con el formato {pattern}.
date_pattern_day = AAAA-MM-DD, por ejemplo 2024-05-17
date_pattern_month = AAAA-MM, por ejemplo 2024-05
date_pattern_year = AAAA, por ejemplo 2024
no_such_day = No existe el {day} de {month} de {year}. Revise la fecha.
time_pattern = HH:MM (reloj de 24 horas), por ejemplo 09:30
datetime_pattern = AAAA-MM-DD HH:MM, por ejemplo 2024-05-17 09:30
write_time = Escriba la hora con el formato {pattern}.
write_datetime = Escriba la fecha y la hora con el formato {pattern}.
month_1 = enero
month_2 = febrero
month_3 = marzo
month_4 = abril
month_5 = mayo
month_6 = junio
month_7 = julio
month_8 = agosto
month_9 = septiembre
month_10 = octubre
month_11 = noviembre
month_12 = diciembre
date_from = Indique una fecha a partir de {date}.
date_until = Indique una fecha no posterior a {date}.
time_from = Indique una hora no anterior a {time}.
time_until = Indique una hora no posterior a {time}.
datetime_from = Indique una fecha y hora no anterior a {time}.
datetime_until = Indique una fecha y hora no posterior a {time}.
type_a_number = Escriba un número, por ejemplo 42.
ambiguous_number_point = Escriba los decimales con punto (12.5) y los millares como 1500 o 1,500.
ambiguous_number_comma = Escriba los decimales con coma (12,5) y los millares como 1500 o 1.500.
type_position = Escriba un número del 1 al {count}.
type_value = Escriba un número entre {min} y {max}.
type_positions = Escriba números del 1 al {count}, separados por espacios.
press_enter_to_continue = Pulse Enter para continuar.
screen_takes_no_typing = En esta pantalla no se escribe (ha escrito "{typed}"): use las teclas de abajo.

# Moves refused
no_question_to_answer = No hay ninguna pregunta que responder.
no_question_to_skip = No hay ninguna pregunta que saltar.
needs_an_answer = Esta pregunta necesita una respuesta.
no_going_back = Esta encuesta no permite volver atrás.
nothing_to_go_back_to = No hay nada a lo que volver.
first_question = Esta es la primera pregunta.
no_interview = No hay ninguna entrevista en curso.
not_on_route = Esa pregunta no está en el recorrido.
notes_on_open_questions = Las notas se toman en las preguntas abiertas.
# review: "pregunta de sondeo" for an interviewer's probe
no_such_probe = Aquí no existe esa pregunta de sondeo.
no_probes = Esta pregunta no tiene preguntas de sondeo.

# Around the questions
study_code_prompt = Código del estudio (el que le dio el equipo de investigación; no se guarda):
choose_whether_to_take_part = Indique si desea participar.
not_taking_part = No deseo participar
saved = Sus respuestas se han guardado. Gracias.
interview_saved = La entrevista se ha guardado.
declined = Ha decidido no participar. No se ha guardado nada de lo que escribió. Gracias por su tiempo.
saved_for_later = Sus respuestas hasta ahora están guardadas. Puede continuar más tarde con: {command}
# review: the masculine generic; "Persona entrevistadora" is an alternative
interviewer = Entrevistador: {text}
progress = {number} de {total}
instance_number = Número {number}
leave_prompt = ¿Salir ahora? Sus respuestas hasta ahora están guardadas y puede continuar más tarde.
# review: the keys stay y and n
leave_keys = y salir · n quedarse
window_too_small = Amplíe esta ventana, por favor.

# Plain mode (numbered prompts, read aloud by screen readers)
type_one_or_two = Escriba 1 o 2.
type_one_to_take_part = Escriba 1 para participar o 2 para no participar.
ask_what_other_is = Indique qué es «{label}»:
required = (obligatoria)
probe = Sondeo: {text}
each_statement = Para cada afirmación, escriba el número de su respuesta (Enter la deja sin responder):
given_answer = Su respuesta: {answer}
row_position = Escriba un número del 1 al {count}, o Enter para dejarla sin responder.
typing_note = Pulse Enter para continuar.
typing_single = Escriba el número de su respuesta.
typing_multiple = Escriba los números de todas las que correspondan, separados por espacios.
typing_ranking = Escriba los números en orden, el más importante primero, separados por espacios.
typing_number = Escriba un número.
typing_number_between = Escriba un número entre {min} y {max}.
typing_number_at_least = Escriba un número de {min} o más.
typing_number_at_most = Escriba un número hasta {max}.
typing_date = Escriba una fecha con el formato {pattern}.
typing_time = Escriba una hora con el formato {pattern}.
typing_datetime = Escriba una fecha y una hora con el formato {pattern}.
typing_long = Escriba su respuesta; termine con una línea vacía.
typing_text = Escriba su respuesta.

# Limits, said before the answer
limit_whole = Un número entero
limit_decimals.one = Un número con hasta {count} decimal
limit_decimals.other = Un número con hasta {count} decimales
limit_between = {kind} entre {min} y {max}.
limit_at_least = {kind} de {min} o más.
limit_at_most = {kind} hasta {max}.
limit_only = {kind}.
limit_choose_exactly = Elija {count}.
limit_choose_either = Elija {min} o {max}.
limit_choose_range = Elija entre {min} y {max}.
limit_choose_at_least = Elija al menos {count}.
limit_choose_up_to = Elija hasta {count}.
# review
limit_rank_top = Ordene sus {count} primeras opciones.
limit_characters.one = Hasta {count} carácter.
limit_characters.other = Hasta {count} caracteres.
limit_date_between = Una fecha entre {min} y {max}.
limit_date_from = Una fecha a partir de {min}.
limit_date_up_to = Una fecha hasta {max}.
limit_time_between = Entre {min} y {max}.
limit_time_from = No antes de {min}.
limit_time_up_to = No después de {max}.
today = hoy

# Keys on the full screen
key_back = Esc volver
key_leave = Ctrl-C salir
key_pause = Ctrl-P pausa
# review
key_skip = Enter sin escribir salta
key_close = Pulse cualquier tecla para cerrar
unit = En {unit}
personal_typing = Esta pregunta es personal. Puede saltarla: pulse Enter sin escribir nada.
personal_keys = Esta pregunta es personal. Puede saltarla: pulse Enter sin responder.

# Keys of the answer widgets
# review: "Espacio" and "Retroceso" for the space bar and backspace; other key names as printed
keys_choose_single = ↑↓ mover · {choose} elegir · Retroceso borra · Enter siguiente
keys_choose_multiple = ↑↓ mover · {choose} marcar · Retroceso borra · Enter siguiente
keys_space = Espacio
keys_space_or = Espacio o {keys}
keys_a_number = un número
keys_scale = ←→ mover · Espacio o un número elegir · Retroceso borra · Enter siguiente
keys_matrix = ↑↓ fila · ←→ mover · {choose} elegir · Retroceso borra · Enter siguiente
keys_ranking_holding = ↑↓ mover el elemento · Espacio soltarlo · Enter siguiente
keys_ranking_touched = ↑↓ mover · Espacio seleccionar un elemento · Enter siguiente
keys_ranking_fresh = ↑↓ mover · Espacio seleccionar un elemento (dos veces mantiene este orden) · Enter siguiente
keys_note = Enter continuar
keys_text = escriba su respuesta · Enter siguiente
keys_long_text = Enter nueva línea · Tab siguiente

# The interviewer's screen
interview_confirm_leave = ¿Salir ahora? Todo lo escrito está guardado; continúe más tarde con fieldwork resume.
interview_confirm_end = ¿Terminar la entrevista ahora? Las preguntas no alcanzadas quedan sin hacer.
interview_keys_outline = ↑↓ elegir una pregunta · Enter ir allí · Esc volver
# review: "sondeo" for a probe
interview_keys_probes = ¿Sondeo hecho? {keys} marcar o desmarcar · Esc cancelar
interview_key_keep_paragraph = Enter guardar párrafo
interview_key_go_on = Enter seguir
interview_key_answer = Enter responder
interview_key_next = Tab siguiente
interview_key_previous = Shift-Tab anterior
interview_key_outline = Ctrl-O esquema
interview_key_probes = Ctrl-P sondeos
interview_key_end = Ctrl-X terminar
interview_group = Grupo de {count}: P1 a P{count}, F para quien modera; empiece un turno con 3: o F:
interview_probes_press = Sondeos (pulse {keys}):
interview_probes_tick = Sondeos (Ctrl-P para marcar):
interview_notes = Notas
speaker_not_in_group = {speaker} no está en este grupo: quienes hablan son P1 a P{count}, y F para quien modera.
interview_confirm_leave_drops = ¿Salir ahora? La respuesta de aquí no se guarda (guardarla terminaría la entrevista); todo lo demás está guardado; continúe más tarde con fieldwork resume.
interview_confirm_leave_drops_typed = ¿Salir ahora? Lo escrito en esta pantalla no se guarda (aquí no se guardan notas); todo lo demás está guardado; continúe más tarde con fieldwork resume.
interview_no_notes_here = En esta pantalla no se guardan notas: lo que escriba pasa con usted a la siguiente pregunta con notas.
interview_typed_needs_notes = Lo escrito solo puede pasar a una pregunta con notas: elija una (Ctrl-O) o bórrelo.
interview_end_keys = y terminar · n continuar
interview_probes_numbered = Los sondeos están numerados del 1 al {count}.
interview_answer_ends = Guardar esta respuesta termina la entrevista (no le sigue ninguna pregunta): Enter la guarda y termina; elija la respuesta como estaba para avanzar sin ella.
interview_this_question = Esta pregunta
interview_budget = {time} de {minutes} min
interview_budget_over = {time} de {minutes} min, {over} de más
interview_lines_above.one = ↑ {count} línea más arriba
interview_lines_above.other = ↑ {count} líneas más arriba
interview_lines_below.one = ↓ {count} línea más abajo
interview_lines_below.other = ↓ {count} líneas más abajo

# Online surveys (fieldwork serve): said over the participant's SSH connection
serve_busy = La encuesta está ocupada en este momento. Vuelva a intentarlo en unos minutos.
serve_too_many_connections = Demasiadas conexiones desde su dirección. Espere un minuto y vuelva a intentarlo.
serve_only_the_survey = Este servidor solo ofrece la encuesta '{survey}'. Conéctese sin ningún comando: {command}
serve_stopping_try_later = El servidor de la encuesta se detiene por ahora. Vuelva a intentarlo más tarde.
serve_stopping = El servidor de la encuesta se detiene por ahora.
serve_nothing_to_continue = Esta sesión no tiene nada pendiente: sus respuestas ya se enviaron.
serve_cannot_save = Lo sentimos, ahora no se puede guardar la encuesta, así que se ha detenido. Vuelva a intentarlo más tarde.
serve_closed_idle = Esta sesión se cerró tras {duration} sin pulsar ninguna tecla.
serve_closed_time_limit = Esta sesión se cerró: llegó a su límite de tiempo de {duration}.
serve_closed_input_rate = Esta sesión se cerró: se envió más de lo que nadie escribe.
serve_resume_invited = {command}, y de nuevo su código de invitación
serve_resume_session_code = {command}, y este código de sesión cuando se le pida una contraseña: {code}
duration_hours.one = {count} hora
duration_hours.other = {count} horas
duration_minutes.one = {count} minuto
duration_minutes.other = {count} minutos
duration_seconds.one = {count} segundo
duration_seconds.other = {count} segundos

# Drafts and idle sessions
no_draft_here = Solo una respuesta escrita se puede guardar como borrador.
left_idle.one = La sesión se cerró tras {count} minuto sin pulsar ninguna tecla, y se borró la pantalla.
left_idle.other = La sesión se cerró tras {count} minutos sin pulsar ninguna tecla, y se borró la pantalla.
draft_kept = Había escrito: {text}

# The review before sending
review_intro = Revise sus respuestas antes de enviarlas.
review_skipped = (sin responder)
review_send = Enviar mis respuestas
key_review = ↑↓ mover · Enter cambiar o enviar
key_review_fixed = Enter enviar
review_typing_change = Escriba un número para cambiar esa respuesta, o pulse Enter para enviar sus respuestas. < para volver, q para guardar y salir.
review_typing_send = Pulse Enter para enviar sus respuestas, o q para guardar y salir.
review_position = Escriba un número del 1 al {count}, o pulse Enter para enviar.

# The welcome, scrolling and the help key
key_start = Enter empezar
key_help = ? ayuda
key_help_typing = F1 ayuda
# review: PgUp and PgDn as printed on most keyboards (RePág and AvPág on some Spanish ones)
more_above = ↑ hay más arriba (PgUp)
more_below = ↓ hay más abajo (PgDn)
how_skip_typing = Para saltar una pregunta, pulse Enter sin escribir nada. Las preguntas marcadas (obligatoria) necesitan una respuesta.
how_skip_keys = Para saltar una pregunta, pulse Enter sin responder. Las preguntas marcadas (obligatoria) necesitan una respuesta.
how_all_required = Todas las preguntas necesitan una respuesta.
how_back_typing = Para volver a la pregunta anterior, escriba <.
how_back_keys = Para volver a la pregunta anterior, pulse Esc.
how_leave_typing = Para parar y continuar más tarde, escriba q: sus respuestas hasta ahora quedan guardadas.
how_leave_keys = Para parar y continuar más tarde, pulse Ctrl-C: sus respuestas hasta ahora quedan guardadas.
how_help_typing = Escriba ? en cualquier momento para ver las teclas.
how_help_typing_support = Escriba ? en cualquier momento para ver las teclas y a quién dirigirse para pedir apoyo.
how_help_keys = Pulse ? o F1 en cualquier momento para ver las teclas.
how_help_keys_support = Pulse ? o F1 en cualquier momento para ver las teclas y a quién dirigirse para pedir apoyo.
how_language_typing = Para cambiar de idioma, escriba L.
how_language_keys = Para cambiar de idioma, pulse ? y luego L.
help_title = Teclas de esta pantalla
help_support = Apoyo
help_close = Pulse cualquier tecla para cerrar esta ayuda
help_scroll = PgUp PgDn desplazarse
help_leave = Ctrl-C salir: sus respuestas hasta ahora quedan guardadas
help_pause = Ctrl-P pausar enseguida: sus respuestas hasta ahora quedan guardadas, y se le indica dónde encontrar apoyo y cómo continuar
help_key_help = ? o F1 esta ayuda
help_key_help_typing = F1 esta ayuda (? se escribe en su respuesta)
plain_key_skip = Enter sin escribir: saltar esta pregunta
plain_key_back = <  volver a la pregunta anterior
plain_key_leave = q  guardar y salir; puede continuar más tarde
plain_key_help = ?  mostrar esta ayuda

# Around the questions: the study code, resuming, a matrix answer told in words
study_code_again = Escriba de nuevo el código del estudio, para comprobarlo:
study_code_empty = Escriba el código del estudio.
study_code_differ = Los dos códigos no coinciden. Escriba de nuevo el código del estudio.
resume_continuing = Continuamos donde lo dejó.
resume_already_complete = Esta sesión ya estaba completa: sus respuestas están guardadas.
rows_answered = {count} de {total} filas respondidas

# Steps of a saved session that cannot be replayed
replay_consent_given = El consentimiento ya se había dado.
replay_only_interview_jumps = Solo en una entrevista se pasa libremente de una pregunta a otra.
# review: for "Only an interview is ended by the interviewer"
replay_only_interview_ends = Solo quien entrevista puede terminar una entrevista.
replay_no_question = No hay ninguna pregunta en curso.
replay_elsewhere = Esto se hizo en '{done}', pero la sesión está en '{here}'.

# Choosing the language (the chooser shows choose_language in every language of the study)
no_such_language = Este estudio no se ofrece en «{language}».
choose_language = Elija su idioma
help_language = L  cambiar de idioma

# Plain mode, read aloud: words rather than symbols
plain_keep_answer = Pulse Enter para mantenerla o escriba otra.
plain_send_draft = Pulse Enter para enviarlo o escriba otra respuesta.
plain_section = Sección: {title}
plain_question = Pregunta {number} de {total}
plain_reminder = Escriba ? para pedir ayuda.
plain_matrix_row = {row} (del 1 al {count}):
plain_review_item = {number}. {question} Su respuesta: {answer}
plain_review_skipped = {number}. {question} Sin responder.

# Secciones repetidas.
repeat_another = ¿Añadir otro?
repeat_yes = Sí
repeat_no = No
repeat_remove = Esto borra sus respuestas sobre {instances}.
repeat_remove_count.one = Bajar esto a {to} borra sus respuestas del número {instances}.
repeat_remove_count.other = Bajar esto a {to} borra sus respuestas de los números {instances}.
repeat_remove_done.one = Responder que no borra sus respuestas del número {instances}.
repeat_remove_done.other = Responder que no borra sus respuestas de los números {instances}.
repeat_list_and = {list} y {last}
repeat_remove_keys = Pulse Enter para borrarlas, o Esc para cambiar su respuesta.
repeat_remove_typing = Pulse Enter para borrarlas, o escriba < para cambiar su respuesta.
interview_repeat_remove = Esto borra las notas y respuestas sobre {instances}.
interview_repeat_remove_keys = y borrarlas · n dejar la respuesta como estaba
"""#,
    ]
}
