import Expressions
import Foundation
import ResponseStore
import SessionEngine

/// Every defect of issue 11 (items 1–19) as a small fixed instrument and fixed participants, run
/// through the real binary's export and read back by the real readers, so that the report lists
/// `item 1 decimals … ok` and a return of any of them fails the suite. The intended values are
/// written here by hand from the issue and the README, not taken from the exporters.
enum RegressionCases {
    static let today = DateValue.format(StoreClock.today())

    static func answer(_ v: AnswerValue, other: String? = nil) -> SessionMove { .answer(Answer(v, other: other)) }

    static let all: [RegressionCase] = [
        RegressionCase(
            item: 1, name: "decimals (1.15, 4.35, 0.29 with decimals: 2, exactly as typed)",
            versions: [caseSurvey("- {id: amount, type: number, text: Amount?, decimals: 2}")],
            participants: [CaseParticipant(typed: ["1.15"]), CaseParticipant(moves: [answer(.number(4.35))]), CaseParticipant(moves: [answer(.number(0.29))])],
            checks: [.cell(.csv, 0, "amount", "1.15"), .cell(.pspp, 1, "amount", "4.35"), .cell(.r, 2, "amount", "0.29"),
                     .cell(.jsonl, 1, "answers.amount", "4.35"), .cell(.long, 2, "amount", "0.29||")]),
        RegressionCase(
            item: 2, name: "interrupted sessions replayed on their own day; an answer no longer valid kept and named",
            versions: [caseSurvey("- {id: visit, type: date, text: Visit?, max: today}\n- {id: town, type: text, text: Town?}\n- {id: age, type: number, text: Age?, min: 16, max: 110}")],
            participants: [
                CaseParticipant(moves: [answer(.date(today)), answer(.text("Leeds"))], finish: false),
                CaseParticipant(events: [SessionEvent(.answer(Answer(.date(today))), question: "visit", at: 1),
                                         SessionEvent(.answer(Answer(.text("York"))), question: "town", at: 2),
                                         SessionEvent(.answer(Answer(.number(250))), question: "age", at: 3)]),
            ],
            checks: [.cell(.csv, 0, "visit", "$TODAY"), .cell(.csv, 0, "town", "Leeds"), .cell(.csv, 0, "status", "partial"),
                     .cell(.r, 1, "age", "250"), .cell(.jsonl, 1, "answers.town", "\"York\""),
                     .command(["export", "$DIR", "--format", "csv", "--out", "$OUT"], status: 0,
                              says: "warning: response $ID1 ('$DIR/sessions/"),
                     .command(["summary", "$DIR"], status: 0,
                              says: "step 3 at question 'age': the answer no longer passes the question's checks (Please enter a number from 16 to 110.); it is kept as given")]),
        RegressionCase(
            item: 3, name: "the instrument's redact list leaves identifying answers as given",
            versions: [caseSurvey("- {id: email, type: text, text: E-mail for the draw?, identifying: true}\n- {id: comment, type: text, text: Comment?}",
                                  privacy: "{timestamps: date, redact: [email]}")],
            participants: [CaseParticipant(moves: [answer(.text("me@example.org")), answer(.text("write to me@example.org"))])],
            checks: [.cell(.csv, 0, "comment", "write to [email]"), .stored("identifying", contains: "me@example.org"),
                     .stored("identifying", contains: "[email]", has: false), .cell(.csv, 0, "email", "no row")]),
        RegressionCase(
            item: 4, name: "a declined consent stores its status and nothing else",
            versions: [caseSurvey("- {id: age, type: number, text: Age?}\n- {id: older, type: calculate, value: \"age + 1\"}",
                                  top: "consent: {text: Agree?, agree: I agree}\n")],
            participants: [CaseParticipant(moves: [.consent(agreed: false)])],
            checks: [.stored("", contains: "\"declined\""), .stored("", contains: "calculated", has: false), .stored("", contains: "seed", has: false),
                     .stored("", contains: "pseudonym", has: false), .stored("", contains: "started", has: false),
                     .file("csv", "responses.csv", contains: "declined", has: false)]),
        RegressionCase(
            item: 5, name: "numbers with commas read by the language, ambiguous ones refused; Other trimmed",
            versions: [caseSurvey("- {id: spent, type: number, text: Spent?, decimals: 2}\n- {id: came, type: single, text: Came by?, choices: [Bus, Car], other: true}")],
            participants: [CaseParticipant(typed: ["1,500", "3", " 45 "]), CaseParticipant(typed: ["12,5", "12.5", "1"])],
            checks: [.cell(.csv, 0, "spent", "1500"), .cell(.csv, 0, "came_other", "45"), .cell(.csv, 1, "spent", "12.5"), .cell(.csv, 1, "came", "1")]),
        RegressionCase(
            item: 6, name: "skip code collision (a choice and a number of -99 are answers; their skips are not)",
            versions: [caseSurvey("- {id: level, type: single, text: Level?, choices: [{value: -99, label: Minus ninety-nine}, {value: 1, label: One}]}\n- {id: cold, type: number, text: Coldest?, min: -200, max: 50}")],
            participants: [CaseParticipant(moves: [answer(.choice(-99)), answer(.number(-99))]), CaseParticipant(moves: [.skip, .skip])],
            checks: [.cell(.csv, 0, "level", "-99"), .cell(.csv, 1, "level", "-999"), .cell(.csv, 0, "cold", "-99"), .cell(.csv, 1, "cold", "-999"),
                     .cell(.pspp, 0, "level", "-99"), .cell(.pspp, 1, "level", "missing (Skipped)"), .cell(.pspp, 0, "cold", "-99"),
                     .cell(.pspp, 1, "cold", "missing (Skipped)"), .cell(.r, 0, "level", "Minus ninety-nine=-99/-99"), .cell(.r, 1, "level", "missing (Skipped)"),
                     .cell(.r, 0, "cold", "-99"), .cell(.frictionless, 0, "level", "-99"), .cell(.frictionless, 1, "cold", "missing"),
                     .cell(.long, 1, "level", "-999|Skipped|")]),
        RegressionCase(
            item: 7, name: "SPSS missing values with three codes and a negative scale",
            versions: [caseSurvey("- {id: help, type: single, text: Helpful?, choices: [Not, Somewhat, Very, {value: 97, label: Don't know, missing: true}, {value: 98, label: Refused, missing: true}, {value: 99, label: Not applicable, missing: true}]}\n- {id: mood, type: scale, text: Mood?, from: -2, to: 2}")],
            participants: [CaseParticipant(moves: [answer(.choice(98)), answer(.choice(-2))]), CaseParticipant(moves: [answer(.choice(3)), answer(.choice(2))])],
            checks: [.cell(.pspp, 0, "help", "missing (Refused)"), .cell(.pspp, 0, "mood", "-2"), .cell(.pspp, 1, "help", "3"), .cell(.pspp, 1, "mood", "2"),
                     .cell(.r, 0, "help", "missing (Refused)")]),
        RegressionCase(
            item: 8, name: "a missing option chosen in a multiple choice makes the other flags missing, not 0",
            versions: [caseSurvey("- {id: used, type: multiple, text: Used?, choices: [Tea, Talk, {value: 99, label: Prefer not to say, missing: true, exclusive: true}]}")],
            participants: [CaseParticipant(moves: [answer(.choices([99]))]), CaseParticipant(moves: [answer(.choices([2]))])],
            checks: [.cell(.csv, 0, "used_1", "99"), .cell(.pspp, 0, "used_1", "missing (Prefer not to say)"), .cell(.r, 0, "used_1", "missing (Prefer not to say)"),
                     .cell(.frictionless, 0, "used_2", "missing"), .cell(.csv, 1, "used_1", "0"), .cell(.pspp, 1, "used_2", "1")]),
        RegressionCase(
            item: 9, name: "SPSS names of 64 bytes and command names, a long version, a text past 32,767 bytes",
            versions: [caseSurvey("- {id: \(String(repeating: "x", count: 64)), type: single, text: Long?, choices: [A, B], other: true}\n- {id: execute, type: number, text: Execute?}\n- {id: story, type: long_text, text: Story?}",
                                  version: "1.0.0-rc.1+build.20240506.abcdefabcdef")],
            participants: [CaseParticipant(moves: [answer(.choice(3), other: "own words"), answer(.number(7)), answer(.text(String(repeating: "a long story ", count: 3000)))])],
            checks: [.cell(.pspp, 0, String(repeating: "x", count: 64), "3"), .cell(.pspp, 0, String(repeating: "x", count: 64) + "_other", "own words"),
                     .cell(.pspp, 0, "execute", "7"), .cell(.pspp, 0, "instrument_version", "1.0.0-rc.1+build.20240506.abcdefabcdef"),
                     .command(["export", "$DIR", "--format", "spss", "--out", "$OUT"], status: 0, says: "SPSS holds at most 32767 bytes of text: 'story'")]),
        RegressionCase(
            item: 10, name: "calculations declared with their own type (true/false, text, date)",
            versions: [caseSurvey("- {id: age, type: number, text: Age?}\n- {id: place, type: text, text: Town?}\n- {id: visit, type: date, text: Visit?}\n- {id: adult, type: calculate, value: \"age >= 18\"}\n- {id: town, type: calculate, value: \"place\"}\n- {id: next, type: calculate, value: \"visit\"}")],
            participants: [CaseParticipant(moves: [answer(.number(40)), answer(.text("Leeds")), answer(.date("2024-05-06"))])],
            checks: [.cell(.pspp, 0, "adult", "1"), .cell(.r, 0, "adult", "TRUE"), .cell(.frictionless, 0, "adult", "true"), .cell(.stata, 0, "adult", "1"),
                     .cell(.pspp, 0, "town", "Leeds"), .cell(.r, 0, "town", "Leeds"), .cell(.frictionless, 0, "next", "2024-05-06"),
                     .cell(.pspp, 0, "next", "05/06/2024"), .cell(.jsonl, 0, "calculated.adult", "true")]),
        RegressionCase(
            item: 11, name: "Stata: reserved words renamed, labels not expanded, skipped text empty, dates %td, save",
            versions: [caseSurvey("- {id: long, type: text, text: 'Home in $HOME, `x'' and \"quoted\"?'}\n- {id: int, type: date, text: Day?}")],
            participants: [CaseParticipant(moves: [.skip, answer(.date("2024-05-06"))])],
            checks: [.cell(.stata, 0, "long", ""), .cell(.stata, 0, "long_skipped", "1"), .cell(.stata, 0, "int", "2024-05-06"),
                     .file("stata", "responses.do", contains: "rename v8 long_\n"), .file("stata", "responses.do", contains: "\\$HOME"),
                     .file("stata", "responses.do", contains: "%td"), .file("stata", "responses.do", contains: "compress\nsave ")]),
        RegressionCase(
            item: 12, name: "the spreadsheet apostrophe only in the spreadsheet CSV",
            versions: [caseSurvey("- {id: place, type: text, text: Town?}")],
            participants: [CaseParticipant(moves: [answer(.text("=cmd|calc"))]), CaseParticipant(moves: [answer(.text("''quoted town"))])],
            checks: [.cell(.csv, 0, "place", "'=cmd|calc"), .cell(.stata, 0, "place", "=cmd|calc"), .cell(.pspp, 0, "place", "=cmd|calc"),
                     .cell(.r, 1, "place", "''quoted town"), .cell(.frictionless, 1, "place", "''quoted town"), .cell(.csv, 1, "place", "'''quoted town")]),
        RegressionCase(
            item: 13, name: "R: dates as Date, reasons survive subsetting, codes reachable",
            versions: [caseSurvey("- {id: visit, type: date, text: Visit?}\n- {id: mood, type: scale, text: Mood?, from: 0, to: 10}")],
            participants: [CaseParticipant(moves: [answer(.date("2024-05-06")), answer(.choice(0))]), CaseParticipant(moves: [.skip, .skip])],
            checks: [.r("""
                i <- match(c("$ID0", "$ID1"), responses$response_id)
                x <- responses$mood[rev(i)]
                cat(inherits(responses$visit, "Date"), format(responses$visit[i[1]]), attr(x, "na_reason")[1], fw_codes(responses$mood)[i[1]], "\\n")
                """, prints: "TRUE 2024-05-06 Skipped 0 \n")]),
        RegressionCase(
            item: 14, name: "frictionless carries the instrument's constraints",
            versions: [caseSurvey("- {id: age, type: number, text: Age?, min: 16, max: 110}\n- {id: place, type: text, text: Town?, max_length: 20}")],
            participants: [CaseParticipant(moves: [answer(.number(40)), answer(.text("Leeds"))])],
            checks: [.tampered(row: 0, column: "age", value: "250"), .tampered(row: 0, column: "place", value: String(repeating: "z", count: 21))]),
        RegressionCase(
            item: 15, name: "versions: an added choice keeps one variable, a later question in instrument order",
            versions: [caseSurvey("- {id: transport, type: single, text: Transport?, choices: [Car, Bus]}\n- {id: age, type: number, text: Age?}"),
                       caseSurvey("- {id: transport, type: single, text: Transport?, choices: [Car, Bus, Bike]}\n- {id: bike, type: single, text: Own a bike?, choices: [\"Yes\", \"No\"], other: true}\n- {id: age, type: number, text: Age?}",
                                  version: "2.0.0")],
            participants: [CaseParticipant(moves: [answer(.choice(2)), answer(.number(30))]),
                           CaseParticipant(moves: [answer(.choice(3)), answer(.choice(1)), answer(.number(40))], version: 1)],
            checks: [.cell(.csv, 0, "transport", "2"), .cell(.csv, 1, "transport", "3"), .cell(.csv, 0, "bike", ""), .cell(.pspp, 1, "bike", "1"),
                     .file("csv", "responses.csv", contains: ",transport,bike,bike_other,age\r\n"),
                     .file("codebook", "codebook.md", contains: "`bike`, `bike_other`: only in version 2.0.0")]),
        RegressionCase(
            item: 16, name: "check refuses a question id that is another question's column",
            versions: [caseSurvey("- {id: used, type: multiple, text: Used?, choices: [Tea, Talk]}\n- {id: used_1, type: text, text: Used one?}")],
            checks: [.command(["check", "$YAML"], status: 1,
                              says: "error: the question id 'used_1' is also the export name of choice 1 of multiple choice 'used' (line 9) [variable-clash]")]),
        RegressionCase(
            item: 17, name: "interview case names from the response, group size stated, a case per speaker",
            versions: ["format: 1\nid: regression\nversion: 1.0.0\nkind: interview\ntitle: Guide\nprivacy: {participant: none, timestamps: date}\nsections:\n  - id: s\n    title: Start\n    questions:\n      - {id: first, type: open, text: How did you start?}\n"],
            participants: [CaseParticipant(moves: [.notes("[00:10] P1: Through a friend\n[00:20] F: And then?\n[00:30] P2: By myself"), .end], group: 3),
                           CaseParticipant(moves: [.notes("[00:05] Alone, at first"), .end])],
            checks: [.file("framework", "framework-matrix.csv", contains: "\n$CASE0,,$TODAY,1.0.0,complete,3,"),
                     .file("framework", "framework-matrix.csv", contains: "\n$CASE1,,$TODAY,1.0.0,complete,,"),
                     .file("transcripts", "transcripts/$CASE0.txt", contains: "$CASE0 · group of 3 · $TODAY"),
                     .command(["export", "$DIR", "--format", "qdpx", "--out", "$OUT"], status: 0, says: "Exported 2 responses"),
                     .file("qdpx", "regression.qdpx", contains: "name=\"$CASE0 P3\""), .file("qdpx", "regression.qdpx", contains: "name=\"$CASE0 F\""),
                     .file("qdpx", "regression.qdpx", contains: "<IntegerValue>3</IntegerValue>"),
                     .file("qdpx", "regression.qdpx", contains: "name=\"$CASE1 P1\"", has: false)]),
        RegressionCase(
            item: 18, name: "dates refused, identifying left out, year in long's text, --excel, paradata",
            versions: [caseSurvey("- {id: email, type: text, text: E-mail?, identifying: true}\n- {id: born, type: date, text: Year?, precision: year}")],
            participants: [CaseParticipant(moves: [answer(.text("me@example.org")), answer(.date("1990"))])],
            checks: [.command(["export", "$DIR", "--format", "csv", "--out", "$OUT", "--since", "2026-13-45"], status: 2,
                              says: "--since takes a real date written YYYY-MM-DD, such as 2026-05-17 ('2026-13-45' is not one)"),
                     .file("csv", "responses.csv", contains: "email", has: false), .file("codebook", "codebook.md", contains: "'email' (identifying"),
                     .cell(.long, 0, "born", "||1990"), .file("csv --excel", "responses.csv", contains: "\u{FEFF}response_id"),
                     .file("paradata", "paradata.csv", contains: ",born,date,")]),
        RegressionCase(
            item: 20, name: "repeats (issue 16): a column per instance, 'no such instance' apart from the skip, a file per repeat",
            versions: [repeatSurvey],
            // Walking group and Swimming ticked (not Cooking club); two people; one service.
            participants: [CaseParticipant(moves: [answer(.choices([1, -1])), answer(.number(2)), answer(.number(4)), answer(.text("Nice")),
                                                   .skip, answer(.text("Cold")), answer(.number(40)), .skip, answer(.number(3)), answer(.choice(2))])],
            checks: [.cell(.csv, 0, "visits_1", "4"), .cell(.csv, 0, "visits_2", "-999"), .cell(.csv, 0, "visits_m1", "-99"),
                     .cell(.pspp, 0, "visits_1", "4"), .cell(.pspp, 0, "visits_2", "missing (Not asked: Cooking club not chosen)"),
                     .cell(.pspp, 0, "visits_m1", "missing (Skipped)"), .cell(.pspp, 0, "member_age_3", "missing (Not asked: fewer than 3)"),
                     .cell(.r, 0, "member_age_1", "40"), .cell(.r, 0, "wait_2", "missing (Not asked: fewer than 2)"),
                     .cell(.r, 0, "said_m1", "Cold"), .cell(.r, 0, "said_2", "missing (Not asked: Cooking club not chosen)"), .cell(.frictionless, 0, "visits_2", "missing"), .cell(.frictionless, 0, "wait_1", "3"),
                     .cell(.stata, 0, "visits_1", "4"), .cell(.long, 0, "said_1", "||Nice"), .cell(.long, 0, "visits_2", "no row"),
                     .file("csv", "responses-repeat-activity.csv", contains: "response_id,instance,instance_label,visits,said\r\n$ID0,1,Walking group,4,Nice\r\n$ID0,-1,Swimming,-99,Cold\r\n"),
                     .file("jsonl", "responses.jsonl", contains: "\"label\":\"Swimming\""),
                     .command(["summary", "$DIR", "--min-cell", "1", "--ascii"], status: 0, says: "Visits (every instance of 'activity'; each person counted once) (visits)\n  n 1 answer from 1 person, mean 4")]),
        RegressionCase(
            item: 21, name: "a repeated block inside a section (issue 16): its columns where it stands, the question after it after them, a file named after it",
            versions: [blockSurvey],
            // Walking group and Choir ticked (not Cooking club); Choir's visits skipped; 5 overall.
            participants: [CaseParticipant(moves: [answer(.choices([1, 3])), answer(.number(4)), .skip, answer(.choice(5))])],
            checks: [.cell(.csv, 0, "visits_1", "4"), .cell(.csv, 0, "visits_2", "-999"), .cell(.csv, 0, "visits_3", "-99"), .cell(.csv, 0, "overall", "5"),
                     .cell(.pspp, 0, "visits_2", "missing (Not asked: Cooking club not chosen)"), .cell(.pspp, 0, "visits_3", "missing (Skipped)"),
                     .cell(.r, 0, "visits_1", "4"), .cell(.frictionless, 0, "visits_2", "missing"), .cell(.stata, 0, "overall", "5"),
                     .cell(.long, 0, "visits_2", "no row"),
                     .file("csv", "responses-repeat-activity.csv", contains: "response_id,instance,instance_label,visits\r\n$ID0,1,Walking group,4\r\n$ID0,3,Choir,-99\r\n")]),
        RegressionCase(
            item: 19, name: "summary: no hidden count by subtraction, ranks without 'not ranked'",
            versions: [caseSurvey("- {id: agree, type: single, text: Agree?, choices: [\"Yes\", \"No\", Maybe, Unsure]}\n- {id: order, type: ranking, text: Order these, choices: [Quiet, Company, Food], rank: 2}")],
            participants: [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 4].enumerated().map { k, a in
                CaseParticipant(moves: [answer(.choice(a)), answer(.ranking(k < 6 ? [1, 2] : [3, 1]))])
            },
            checks: [.command(["summary", "$DIR", "--min-cell", "5", "--ascii"], status: 0, says: "x: hidden as well, so that a count under 5 cannot be worked out from the others."),
                     .command(["summary", "$DIR", "--min-cell", "5", "--ascii"], status: 0,
                              says: "(order_2)\n  n 6, mean 2, median 2, sd 0, range 2–2; skipped 0; not ranked 6\n")]),
    ]
}

/// The instrument of the repeats case: a repeat of each kind.
private let repeatSurvey = """
    format: 1
    id: regression
    version: 1.0.0
    title: Regression
    privacy: {timestamps: date}
    sections:
      - id: about
        questions:
          - id: activities
            type: multiple
            text: Which activities?
            choices: [{value: 1, label: Walking group}, {value: 2, label: Cooking club}, {value: -1, label: Swimming}, {value: 99, label: None of these, exclusive: true}]
          - {id: household_size, type: number, text: How many people live with you?, min: 0, max: 3}
      - id: activity
        repeat: {for_each: activities}
        questions:
          - {id: visits, type: number, text: "How many visits to {activities.label}?", label: Visits, min: 0, max: 31}
          - {id: said, type: text, text: What did you like?, label: Liked}
      - id: member
        repeat: {count: household_size}
        questions:
          - {id: member_age, type: number, text: Age?, label: Age, min: 0, max: 120}
      - id: service
        repeat: {until_done: true, max: 2}
        questions:
          - {id: wait, type: number, text: Weeks waited?, label: Wait, min: 0, max: 52}

    """

/// The instrument of the block case: a repeated block between two questions of one section.
private let blockSurvey = """
    format: 1
    id: regression
    version: 1.0.0
    title: Regression
    privacy: {timestamps: date}
    sections:
      - id: about
        title: About you
        questions:
          - {id: activities, type: multiple, text: Which activities?, choices: [Walking group, Cooking club, Choir]}
          - block: activity
            repeat: {for_each: activities}
            questions:
              - {id: visits, type: number, text: "How many visits to {activities.label}?", label: Visits, min: 0, max: 31}
          - {id: overall, type: scale, from: 1, to: 5, text: How much did it all help?}

    """
