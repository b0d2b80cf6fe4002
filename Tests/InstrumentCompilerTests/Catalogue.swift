import Foundation
import InstrumentCompiler
import Messages
import Testing

/// One instrument per diagnostic code, with the exact text `check` shows for it.
/// The texts are the product: a change to any of them should be deliberate.
let catalogue: [(code: DiagnosticCode, source: [UInt8], expected: String)] = [
    (DiagnosticCode(rawValue: "yaml-syntax")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
        type: note
        text: Question: why?
"""#.utf8),
     #"""
t.yaml:10:23: error: a ':' here starts a new key where none is allowed [yaml-syntax]
        text: Question: why?
                      ^
  hint: if the text itself contains ': ', put the whole text in quotes: "like: this"
"""#),
    (DiagnosticCode(rawValue: "yaml-tab")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
	type: note
"""#.utf8),
     #"""
t.yaml:9:1: error: a tab is used for indentation; YAML needs spaces [yaml-tab]
	type: note
^
  hint: replace the tab with spaces (two per level is usual); most editors can convert tabs to spaces
"""#),
    (DiagnosticCode(rawValue: "invalid-utf8")!, Array("format: 1\nid: t\ntitle: caf".utf8) + [0xE9, 0x0A],
     #"""
t.yaml:3:11: error: the file is not valid UTF-8 text (byte 0xE9 cannot start or continue a character) [invalid-utf8]
title: caf�
          ^
  hint: save the file as UTF-8 in your editor ('Save with encoding' or 'Reopen with encoding')
"""#),
    (DiagnosticCode(rawValue: "empty-file")!, Array(#"""
# nothing yet
"""#.utf8),
     #"""
t.yaml:1:1: error: the file is empty [empty-file]
# nothing yet
^
  hint: an instrument starts with 'format: 1', then 'id', 'version', 'title' and 'sections'
"""#),
    (DiagnosticCode(rawValue: "duplicate-key")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
        type: note
        text: A
        text: B
"""#.utf8),
     #"""
t.yaml:11:9: error: the key 'text' appears twice in the same map (first at line 10) [duplicate-key]
        text: B
        ^~~~
  hint: remove one of them; YAML keeps only one value per key
"""#),
    (DiagnosticCode(rawValue: "limit-exceeded")!, Array(#"""
a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
"""#.utf8),
     #"""
t.yaml:1:67: error: lists and maps are nested more than 64 levels deep [limit-exceeded]
a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
                                                                  ^
  hint: an instrument needs about 6 levels; check for unclosed '[' or '{'
"""#),
    (DiagnosticCode(rawValue: "unknown-key")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: age
        type: number
        text: How old are you?
        requred: true
"""#.utf8),
     #"""
t.yaml:11:9: error: unknown key 'requred' in question 'age' [unknown-key]
        requred: true
        ^~~~~~~
  hint: did you mean 'required'?
"""#),
    (DiagnosticCode(rawValue: "misplaced-key")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
        type: single
        text: A?
        choices: [x, y]
        max_length: 4
"""#.utf8),
     #"""
t.yaml:12:9: error: 'max_length' does not apply to question 'a' [misplaced-key]
        max_length: 4
        ^~~~~~~~~~
  hint: 'max_length' belongs to questions of type text, long_text
"""#),
    (DiagnosticCode(rawValue: "missing-key")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
"""#.utf8),
     #"""
t.yaml:1:1: error: the instrument has no 'sections' [missing-key]
format: 1
^
  hint: add 'sections:' with at least one section of questions
"""#),
    (DiagnosticCode(rawValue: "wrong-type")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
        type: number
        text: A?
        min: ten
"""#.utf8),
     #"""
t.yaml:11:14: error: 'min' should be a number, but it is 'ten' [wrong-type]
        min: ten
             ^~~
  hint: write digits with a '.' for decimals, such as 2.5
"""#),
    (DiagnosticCode(rawValue: "invalid-value")!, Array(#"""
format: 1
id: t
version: 1.0.0
kind: interveiw
title: T
sections:
  - id: s
    questions:
      - {id: a, type: note, text: A}
"""#.utf8),
     #"""
t.yaml:4:7: error: 'interveiw' is not a valid kind [invalid-value]
kind: interveiw
      ^~~~~~~~~
  hint: did you mean 'interview'?
"""#),
    (DiagnosticCode(rawValue: "unsupported-format")!, Array(#"""
format: 2
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - {id: a, type: note, text: A}
"""#.utf8),
     #"""
t.yaml:1:9: error: format 2 is not supported; this version of Fieldwork reads format 1 [unsupported-format]
format: 2
        ^
  hint: write 'format: 1', or update Fieldwork
"""#),
    (DiagnosticCode(rawValue: "invalid-id")!, Array(#"""
format: 1
id: ../x
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - {id: a, type: note, text: A}
"""#.utf8),
     #"""
t.yaml:2:5: error: the instrument id '../x' must be lowercase letters, digits, '-' or '_', start with a letter, and be at most 64 characters [invalid-id]
id: ../x
    ^~~~
  hint: it names folders of responses; try 'x'
"""#),
    (DiagnosticCode(rawValue: "reserved-id")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: status
        type: text
        text: A?
"""#.utf8),
     #"""
t.yaml:8:13: error: the question id 'status' cannot be used: 'status' names a column that every export already has [reserved-id]
      - id: status
            ^~~~~~
  hint: choose another id, such as 'status_q'
"""#),
    (DiagnosticCode(rawValue: "duplicate-id")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
        type: note
        text: A
      - id: a
        type: note
        text: B
"""#.utf8),
     #"""
t.yaml:11:13: error: the question id 'a' is already used at line 8 [duplicate-id]
      - id: a
            ^
  hint: every question needs its own id; it becomes the variable name in exports
"""#),
    (DiagnosticCode(rawValue: "variable-clash")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: mood
        type: matrix
        text: M
        choices: [Low, High]
        rows:
          - {id: now, text: Now}
      - id: mood_now
        type: text
        text: B
"""#.utf8),
     #"""
t.yaml:14:13: error: the question id 'mood_now' is also the export name of row 'now' of matrix 'mood' (line 8) [variable-clash]
      - id: mood_now
            ^~~~~~~~
  hint: rename the question, so that every exported column has its own name
"""#),
    (DiagnosticCode(rawValue: "missing-code-clash")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: help
        type: multiple
        text: Who helped?
        choices:
          - {value: 1, label: Prefer not to say, missing: true, exclusive: true}
          - {value: 2, label: Family}
"""#.utf8),
     #"""
t.yaml:12:13: error: the missing choice "Prefer not to say" has the code 1, which means 'chosen' in the columns of a multiple choice [missing-code-clash]
          - {value: 1, label: Prefer not to say, missing: true, exclusive: true}
            ^
  hint: give it a code such as 97, 98 or 99: it marks the choices not picked when a participant picks it
"""#),
    (DiagnosticCode(rawValue: "unknown-type")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
        type: singel
        text: A?
"""#.utf8),
     #"""
t.yaml:9:15: error: unknown question type 'singel' in question 'a' [unknown-type]
        type: singel
              ^~~~~~
  hint: did you mean 'single'?
"""#),
    (DiagnosticCode(rawValue: "unknown-choice-set")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
choice_sets:
  agree5: [a, b, c, d, e]
sections:
  - id: s
    questions:
      - id: a
        type: single
        text: A?
        choices: agree_5
"""#.utf8),
     #"""
t.yaml:6:3: warning: the choice set 'agree5' is never used [unused-choice-set]
  agree5: [a, b, c, d, e]
  ^~~~~~
  hint: remove it, or use it with 'choices: agree5'
t.yaml:13:18: error: there is no choice set named 'agree_5' [unknown-choice-set]
        choices: agree_5
                 ^~~~~~~
  hint: did you mean 'agree5'?
"""#),
    (DiagnosticCode(rawValue: "duplicate-choice")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
        type: single
        text: A?
        choices:
          - {value: 1, label: Yes}
          - {value: 1, label: No}
"""#.utf8),
     #"""
t.yaml:13:13: error: the code 1 is used twice in question 'a' (first at line 12) [duplicate-choice]
          - {value: 1, label: No}
            ^
  hint: give each choice its own 'value'
"""#),
    (DiagnosticCode(rawValue: "min-above-max")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: age
        type: number
        text: Age?
        min: 110
        max: 16
"""#.utf8),
     #"""
t.yaml:11:14: error: 'min' (110) is above 'max' (16) [min-above-max]
        min: 110
             ^~~
  hint: swap them, or correct one of them
"""#),
    (DiagnosticCode(rawValue: "out-of-range")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
        type: multiple
        text: A?
        choices: [x, y]
        max: 3
"""#.utf8),
     #"""
t.yaml:12:14: error: 'max' counts the choices a participant may pick, so it must be from 0 to 2, but it is 3 [out-of-range]
        max: 3
             ^
"""#),
    (DiagnosticCode(rawValue: "invalid-pattern")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
        type: text
        text: A?
        pattern: '[0-9'
"""#.utf8),
     #"""
t.yaml:11:18: error: '[0-9' is not a valid regular expression [invalid-pattern]
        pattern: '[0-9'
                 ^~~~~~
  hint: check brackets and backslashes; in YAML, put the pattern in single quotes: '^[0-9]+$'
"""#),
    (DiagnosticCode(rawValue: "slow-pattern")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
        type: text
        text: A?
        pattern: '^(a+)+$'
"""#.utf8),
     #"""
t.yaml:11:18: error: the pattern repeats '(a+)+', which holds a part that repeats without limit ('a+'), so checking one answer could take hours [slow-pattern]
        pattern: '^(a+)+$'
                 ^~~~~~~~~
  hint: repeat only once: write '(a+)+' as 'a+', or give the inner part a fixed count such as {3}
"""#),
    (DiagnosticCode(rawValue: "missing-translation")!, Array(#"""
format: 1
id: t
version: 1.0.0
languages: [en, cy]
title: {en: T, cy: T}
sections:
  - id: s
    questions:
      - id: a
        type: note
        text: {en: Hello}
"""#.utf8),
     #"""
t.yaml:11:15: error: this text has no 'cy' translation [missing-translation]
        text: {en: Hello}
              ^
  hint: add 'cy: ...' beside the other languages
"""#),
    (DiagnosticCode(rawValue: "unknown-language")!, Array(#"""
format: 1
id: t
version: 1.0.0
languages: [en, cy]
title: {en: T, cy: T, fr: T}
sections:
  - id: s
    questions:
      - {id: a, type: note, text: {en: A, cy: A}}
"""#.utf8),
     #"""
t.yaml:5:23: error: 'fr' is not one of the instrument's languages [unknown-language]
title: {en: T, cy: T, fr: T}
                      ^~
  hint: the languages are: en, cy
"""#),
    (DiagnosticCode(rawValue: "empty-list")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections: []
"""#.utf8),
     #"""
t.yaml:5:11: error: 'sections' is empty [empty-list]
sections: []
          ^
  hint: an instrument needs at least one section with questions
"""#),
    (DiagnosticCode(rawValue: "interview-only")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
        type: open
        text: Tell me about your role
"""#.utf8),
     #"""
t.yaml:9:15: error: 'open' questions belong to interview guides, but this instrument is a survey [interview-only]
        type: open
              ^~~~
  hint: use 'type: long_text' for a written answer, or set 'kind: interview'
"""#),
    (DiagnosticCode(rawValue: "ignored-key")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
        type: note
        text: A
        required: true
"""#.utf8),
     #"""
t.yaml:11:9: warning: 'required' has no effect on a note, which takes no answer [ignored-key]
        required: true
        ^~~~~~~~
  hint: remove it
"""#),
    (DiagnosticCode(rawValue: "expression-syntax")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: age
        type: number
        text: Age?
      - id: b
        type: text
        text: B?
        show_if: age = 18
"""#.utf8),
     #"""
t.yaml:14:22: error: '=' on its own is not a comparison [expression-syntax]
        show_if: age = 18
                     ^
  hint: write '==' to test whether two values are equal
"""#),
    (DiagnosticCode(rawValue: "unknown-id")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: age
        type: number
        text: Age?
      - id: b
        type: text
        text: B?
        show_if: agee >= 18
"""#.utf8),
     #"""
t.yaml:14:18: error: there is no question with id 'agee' [unknown-id]
        show_if: agee >= 18
                 ^~~~
  hint: did you mean 'age'?
"""#),
    (DiagnosticCode(rawValue: "forward-reference")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: b
        type: text
        text: B?
        show_if: age >= 18
      - id: age
        type: number
        text: Age?
"""#.utf8),
     #"""
t.yaml:11:18: error: 'age' is asked later, so its answer is not known here [forward-reference]
        show_if: age >= 18
                 ^~~
  hint: a condition can only use answers given before it; move 'age' earlier or the condition later
"""#),
    (DiagnosticCode(rawValue: "unknown-choice")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: member_since
        type: single
        text: How long?
        choices: [Less than 6 months, 6 to 12 months]
      - id: b
        type: text
        text: B?
        show_if: member_since != "Less than 6 month"
"""#.utf8),
     #"""
t.yaml:15:34: error: 'member_since' has no choice labelled "Less than 6 month" [unknown-choice]
        show_if: member_since != "Less than 6 month"
                                 ^~~~~~~~~~~~~~~~~~~
  hint: did you mean "Less than 6 months"?
"""#),
    (DiagnosticCode(rawValue: "type-mismatch")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: age
        type: number
        text: Age?
      - id: b
        type: text
        text: B?
        show_if: age == "18"
"""#.utf8),
     #"""
t.yaml:14:18: error: this compares a number with a text [type-mismatch]
        show_if: age == "18"
                 ^~~~~~~~~~~
  hint: a number is written without quotes; text needs quotes
"""#),
    (DiagnosticCode(rawValue: "unknown-function")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: acts
        type: multiple
        text: A?
        choices: [x, y]
      - id: b
        type: text
        text: B?
        show_if: cout(acts) > 1
"""#.utf8),
     #"""
t.yaml:15:18: error: there is no function 'cout' [unknown-function]
        show_if: cout(acts) > 1
                 ^~~~~~~~~~
  hint: did you mean 'count'?
"""#),
    (DiagnosticCode(rawValue: "wrong-arguments")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: age
        type: number
        text: Age?
      - id: b
        type: text
        text: B?
        show_if: count(age) > 1
"""#.utf8),
     #"""
t.yaml:14:18: error: count() counts the choices of a multiple-choice question, a ranking or a matrix, but this is a number [wrong-arguments]
        show_if: count(age) > 1
                 ^~~~~~~~~~
  hint: to test whether a question was answered, use answered(...)
"""#),
    (DiagnosticCode(rawValue: "not-a-condition")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: age
        type: number
        text: Age?
      - id: b
        type: text
        text: B?
        show_if: age + 1
"""#.utf8),
     #"""
t.yaml:14:18: error: this gives a number, but a condition must be true or false [not-a-condition]
        show_if: age + 1
                 ^~~~~~~
  hint: compare it with something, such as: age + 1 == 1
"""#),
    (DiagnosticCode(rawValue: "never-fires")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: worry
        type: scale
        text: How worried are you?
        from: 0
        to: 3
safeguarding:
  - id: distress
    when: worry > 3
    message: Support is available.
"""#.utf8),
     #"""
t.yaml:15:11: warning: safeguarding rule 'distress' can never fire: its when can never be true [never-fires]
    when: worry > 3
          ^~~~~~~~~
  hint: check the numbers and choices it compares against the questions' limits
"""#),
    (DiagnosticCode(rawValue: "fires-before-answers")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: worry
        type: scale
        text: How worried are you?
        from: 0
        to: 3
safeguarding:
  - id: distress
    when: not(worry >= 1)
    message: Support is available.
"""#.utf8),
     #"""
t.yaml:15:11: error: safeguarding rule 'distress' is true before anything is answered [fires-before-answers]
    when: not(worry >= 1)
          ^~~~~~~~~~~~~~~
  hint: a rule fires on answers given; compare answers with values, such as 'phq9_9 >= 1'
"""#),
    (DiagnosticCode(rawValue: "scale-changed")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    use: phq2
    questions:
      - id: phq2_1
        type: single
        text: Not much interest in things
        choices: [{value: 0, label: Not at all}, {value: 1, label: Several days}, {value: 2, label: More than half the days}, {value: 3, label: Nearly every day}]
      - id: phq2_2
        type: single
        text: Feeling down, depressed, or hopeless
        choices: [{value: 0, label: Not at all}, {value: 1, label: Several days}, {value: 2, label: More than half the days}, {value: 3, label: Nearly every day}]
      - {id: phq2_total, type: calculate, value: "sum(phq2_1, phq2_2)"}
      - {id: phq2_positive, type: calculate, value: "phq2_total >= 3"}
"""#.utf8),
     #"""
t.yaml:9:13: warning: this section changes the validated scale 'phq2': the wording of item 1 ('phq2_1') is changed; it reads: Little interest or pleasure in doing things [scale-changed]
      - id: phq2_1
            ^
  hint: a validated scale is valid only as published; remove 'questions:' to use the library's items, or 'use:' if this is a new measure
"""#),
    (DiagnosticCode(rawValue: "fingerprint-missing")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: wellbeing
    validated:
      source: Stewart-Brown and colleagues (2009)
      licence: registered with the University of Warwick
    questions:
      - {id: wb_1, type: single, text: Useful?, choices: [No, Yes]}
"""#.utf8),
     #"""
t.yaml:7:5: warning: the validated block 'wellbeing' has no fingerprint to lock its wording; record it under 'validated:' as fingerprint: 99e403bc6c22e4b1 [fingerprint-missing]
    validated:
    ^~~~~~~~~
  hint: once recorded, check warns whenever a wording, an option or the order of the questions changes
"""#),
    (DiagnosticCode(rawValue: "never-shown")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: age
        type: number
        text: Age?
        min: 16
        max: 110
      - id: b
        type: text
        text: B?
        show_if: age > 200
"""#.utf8),
     #"""
t.yaml:16:18: warning: question 'b' is never shown: its show_if can never be true [never-shown]
        show_if: age > 200
                 ^~~~~~~~~
  hint: check the numbers and choices it compares against the questions' limits
"""#),
    (DiagnosticCode(rawValue: "unsatisfiable-valid-if")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: score
        type: number
        text: Score?
        min: 0
        max: 10
        valid_if: . > 10
"""#.utf8),
     #"""
t.yaml:13:19: error: no answer to 'score' can satisfy this valid_if [unsatisfiable-valid-if]
        valid_if: . > 10
                  ^~~~~~
  hint: compare it with the question's own limits (min, max, choices)
"""#),
    (DiagnosticCode(rawValue: "unused-choice-set")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
choice_sets:
  yesno: [Yes, No]
sections:
  - id: s
    questions:
      - {id: a, type: note, text: A}
"""#.utf8),
     #"""
t.yaml:6:3: warning: the choice set 'yesno' is never used [unused-choice-set]
  yesno: [Yes, No]
  ^~~~~
  hint: remove it, or use it with 'choices: yesno'
"""#),
    (DiagnosticCode(rawValue: "repeat-source")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - {id: activity, type: single, text: Which?, choices: [Walking group, Art club]}
  - id: each
    repeat: {for_each: activity}
    questions:
      - {id: visits, type: number, text: How often?}
"""#.utf8),
     #"""
t.yaml:10:24: error: 'activity' is a single choice, but for_each needs a multiple choice [repeat-source]
    repeat: {for_each: activity}
                       ^~~~~~~~
  hint: for_each repeats once per choice ticked in a 'type: multiple' question
"""#),
    (DiagnosticCode(rawValue: "repeat-without-max")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - {id: household_size, type: number, text: How many people live with you?}
  - id: person
    repeat: {count: household_size}
    questions:
      - {id: age, type: number, text: How old?}
"""#.utf8),
     #"""
t.yaml:10:21: error: the repeat of section 'person' counts 'household_size', which has no 'max', so it has no limit [repeat-without-max]
    repeat: {count: household_size}
                    ^~~~~~~~~~~~~~
  hint: give 'household_size' a 'max', or give the repeat one: 'repeat: {count: household_size, max: 10}'
"""#),
    (DiagnosticCode(rawValue: "instance-reference")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - {id: activities, type: multiple, text: Which?, choices: [Walking group, Art club]}
  - id: each
    repeat: {for_each: activities}
    questions:
      - {id: visits, type: number, text: How often?, max: 31}
  - id: after
    questions:
      - {id: busy, type: text, text: What keeps you busy?, show_if: visits > 10}
"""#.utf8),
     #"""
t.yaml:15:69: error: 'visits' is asked once per instance of section 'each', so on its own it does not say which instance [instance-reference]
      - {id: busy, type: text, text: What keeps you busy?, show_if: visits > 10}
                                                                    ^~~~~~
  hint: use a function over the instances, such as sum(visits), mean(visits) or count(visits), or use it inside section 'each'
"""#),
    (DiagnosticCode(rawValue: "calculate-cycle")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: a
        type: calculate
        value: b + 1
      - id: b
        type: calculate
        value: a + 1
"""#.utf8),
     #"""
t.yaml:10:16: error: the calculation of 'a' depends on itself: a → b → a [calculate-cycle]
        value: b + 1
               ^~~~~
  hint: a calculate cannot use its own value, directly or through others
"""#),
    (DiagnosticCode(rawValue: "no-catalogue")!, Array(#"""
format: 1
id: t
version: 1.0.0
languages: [en, pl]
title: {en: T, pl: T}
sections:
  - id: s
    questions:
      - {id: a, type: note, text: {en: Hi, pl: Cześć}}
"""#.utf8),
     #"""
t.yaml:4:17: warning: Fieldwork has no runner messages in 'pl', and 'messages' gives 0 of \#(Catalogues.english.keys.count): participants will read the rest in English [no-catalogue]
languages: [en, pl]
                ^~
  hint: add 'pl' texts under 'messages' for ambiguous_number_comma, ambiguous_number_point, answer_row and \#(Catalogues.english.keys.count - 3) more
"""#),
    (DiagnosticCode(rawValue: "empty-label")!, Array(#"""
format: 1
id: t
version: 1.0.0
languages: [en, cy]
title: {en: T, cy: T}
sections:
  - id: s
    questions:
      - id: a
        type: single
        text: {en: A?, cy: A?}
        choices:
          - {value: 1, label: {en: "Yes", cy: "Ie"}}
          - {value: 2, label: {en: "No", cy: " "}}
"""#.utf8),
     #"""
t.yaml:14:13: error: the 'cy' label is empty in question 'a' [empty-label]
          - {value: 2, label: {en: "No", cy: " "}}
            ^
  hint: write the label in every language
"""#),
    (DiagnosticCode(rawValue: "duplicate-row")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: m
        type: matrix
        text: How much?
        choices: [Little, Much]
        rows:
          - {id: bus, text: Buses}
          - {id: coach, text: Buses}
"""#.utf8),
     #"""
t.yaml:14:13: error: the row text "Buses" is used twice in question 'm' (first at line 13) [duplicate-row]
          - {id: coach, text: Buses}
            ^
  hint: each row is a statement of its own; say how the two differ
"""#),
    (DiagnosticCode(rawValue: "numeric-label")!, Array(#"""
format: 1
id: t
version: 1.0.0
title: T
sections:
  - id: s
    questions:
      - id: kids
        type: single
        text: Children?
        choices: [0, 1, 2, 3 or more]
      - id: b
        type: text
        text: B?
        show_if: kids == 1
"""#.utf8),
     #"""
t.yaml:15:26: warning: 1 is the code of the choice labelled "0", not of the choice labelled "1" (code 2) [numeric-label]
        show_if: kids == 1
                         ^
  hint: to mean the label, write it in quotes: kids == "1"; or give the choices codes equal to their labels, such as {value: 0, label: "0"}
"""#),
]
