@testable import Exporters
import Expressions
import Foundation
import InstrumentCompiler
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// Issue 14, item 4: `time` and `datetime` answers in every format, read back by the real readers
/// as their own time types, at the edges of the day (00:00, 23:59) and on a leap day.
private let instrumentText = #"""
    format: 1
    id: clock-times
    version: 1.0.0
    title: Clock times
    privacy: {timestamps: date}
    sections:
      - id: s
        questions:
          - {id: order, type: number, text: Order?}
          - {id: woke, type: time, text: When did you wake up?, min: "00:00", max: "23:59"}
          - {id: onset, type: datetime, text: When did it start?, min: "2000-01-01T00:00", max: "2024-12-31T23:59"}
          - {id: visit, type: date, text: Visit?}
          - {id: woke_again, type: calculate, value: "woke"}
          - {id: onset_again, type: calculate, value: "onset"}
    """#

private struct ClockStudy {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-clock-\(UUID().uuidString)").path
    /// Per participant: the order, then the time and the datetime (nil: skipped) and the visit day.
    static let answers: [(order: Double, woke: String?, onset: String?, visit: String)] = [
        (1, "00:00", "2024-02-29T23:59", "2024-03-01"),
        (2, "23:59", "2000-01-01T00:00", "2024-03-02"),
        (3, nil, nil, "2024-03-03"),
    ]

    init() throws {
        let result = InstrumentCompiler.compile(Array(instrumentText.utf8))
        let instrument = try #require(result.instrument, "\(result.diagnostics.map(\.message))")
        let store = try InstrumentStore(root: folder, instrument: instrument, compiled: try #require(result.canonical),
                                        hash: try #require(result.contentHash))
        let day = StoreClock.today()
        for (k, a) in Self.answers.enumerated() {
            let writer = try store.begin(seed: UInt64(k + 1), language: nil, started: DateValue.format(day), pseudonym: "p_\(k)", today: day)
            var session = Session(instrument: instrument, seed: UInt64(k + 1), today: day)
            let moves: [SessionMove] = [.answer(Answer(.number(a.order))), a.woke.map { .answer(Answer(.time($0))) } ?? .skip,
                                        a.onset.map { .answer(Answer(.datetime($0))) } ?? .skip, .answer(Answer(.date(a.visit)))]
            for (i, move) in moves.enumerated() { try writer.record(try session.apply(session.event(move, at: Double(i + 1)))) }
            try writer.finish(session, duration: 10)
        }
    }

    func export(_ format: ExportFormat, _ deidentification: Deidentification = Deidentification()) throws -> String {
        let out = folder + "/out-" + format.rawValue + "-" + UUID().uuidString
        var options = ExportOptions(format: format, out: out)
        options.deidentification = deidentification
        _ = try Exporter.run(try ResponseReader(path: folder + "/clock-times"), options)
        return URL(fileURLWithPath: out).standardizedFileURL.path
    }

    /// The rows of an export's CSV by column, in the participants' order.
    static func rows(_ path: String) throws -> [[String: String]] {
        let table = CSVTable(try String(contentsOfFile: path, encoding: .utf8))
        return table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.header, $0)) }.sorted { ($0["order"] ?? "") < ($1["order"] ?? "") }
    }
}

/// Seconds from 1970-01-01T00:00 to a local civil time, as if it were UTC: the oracle every reader's
/// own epoch is counted from (PSPP 14 Oct 1582, Stata 1 Jan 1960, R and Python 1970).
private func unixSeconds(_ datetime: String) throws -> Double {
    let p = datetime.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
    try #require(p.count == 5)
    var utc = Calendar(identifier: .gregorian)
    utc.timeZone = try #require(TimeZone(identifier: "UTC"))
    return try #require(utc.date(from: DateComponents(year: p[0], month: p[1], day: p[2], hour: p[3], minute: p[4]))).timeIntervalSince1970
}

private func secondsOfDay(_ time: String) -> Double {
    let p = time.split(separator: ":").compactMap { Double($0) }
    return p[0] * 3600 + p[1] * 60
}

@Suite(.serialized) struct TimeExportTests {
    /// Wide, long and JSON Lines keep the answer as stored: "00:00", "2024-02-29T23:59", never moved by a zone.
    @Test func wideLongAndJSONLinesKeepTheAnswerAsStored() throws {
        let study = try ClockStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        for format in [ExportFormat.csv, .spss, .stata, .r, .datapackage] {
            let rows = try ClockStudy.rows(try study.export(format) + "/responses.csv")
            #expect(rows.map { $0["woke"] } == ["00:00", "23:59", "-99"], "\(format)")
            #expect(rows.map { $0["onset"] } == ["2024-02-29T23:59", "2000-01-01T00:00", "-99"], "\(format)")
        }
        let long = CSVTable(try String(contentsOfFile: try study.export(.long) + "/responses-long.csv", encoding: .utf8))
        let cells = long.rows.filter { ["woke", "onset"].contains($0[3]) }.map { $0[3] + ":" + $0[4...6].joined(separator: "|") }
        #expect(Set(cells) == ["woke:||00:00", "woke:||23:59", "woke:-99|Skipped|", "onset:||2024-02-29T23:59", "onset:||2000-01-01T00:00",
                               "onset:-99|Skipped|"])
        let jsonl = try String(contentsOfFile: try study.export(.jsonl) + "/responses.jsonl", encoding: .utf8)
        for text in [#""woke":"00:00""#, #""woke":"23:59""#, #""onset":"2024-02-29T23:59""#, #""onset":"2000-01-01T00:00""#] {
            #expect(jsonl.contains(text), "\(text) in \(jsonl)")
        }
    }

    /// PSPP reads a time as seconds since midnight (TIME5) and a datetime as seconds since 14 October
    /// 1582 (DATETIME17), exactly; a skip is -99 declared missing, labelled "Skipped".
    @Test(.enabled(if: Tool.available("pspp"), "needs PSPP (apt-get install pspp)"))
    func psppReadsTimesAsTimes() throws {
        let study = try ClockStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let out = try study.export(.spss)
        let syntax = try String(contentsOfFile: out + "/responses.sps", encoding: .utf8)
        #expect(syntax.contains("NUMERIC woke (TIME5).\n"), "\(syntax)")
        #expect(syntax.contains("NUMERIC onset (DATETIME17).\n"), "\(syntax)")
        let first = try run("pspp", [out + "/responses.sps"], in: "/")
        #expect(first.status == 0 && !first.output.contains("warning") && !first.output.contains("error"), "\(first.output)")
        try """
            GET FILE='\(out)/responses.sav'.
            COMPUTE skipped = MISSING(woke) + MISSING(onset).
            FORMATS woke onset (F14.0) skipped (F1.0).
            LIST /VARIABLES=order woke onset skipped.

            """.write(toFile: out + "/check.sps", atomically: false, encoding: .utf8)
        let check = try run("pspp", ["-O", "format=csv", out + "/check.sps"], in: "/")
        let epoch = 12_219_379_200.0 // 14 October 1582 to 1 January 1970, in seconds
        for a in ClockStudy.answers {
            let woke = a.woke.map { String(Int(secondsOfDay($0))) } ?? "-99"
            let onset = try a.onset.map { String(Int(try unixSeconds($0) + epoch)) } ?? "-99"
            let line = "\(Int(a.order)),\(woke),\(onset),\(a.woke == nil ? 2 : 0)\n"
            #expect(check.output.contains(line), "\(line) in \(check.output)")
        }
        try """
            GET FILE='\(out)/responses.sav'.
            DISPLAY DICTIONARY /VARIABLES=woke onset.

            """.write(toFile: out + "/dict.sps", atomically: false, encoding: .utf8)
        let dictionary = try run("pspp", ["-O", "format=csv", out + "/dict.sps"], in: "/").output
        // Scale variables in the time formats, -99 declared missing and labelled (the formats cannot show -99 itself).
        #expect(dictionary.contains("woke,9,When did you wake up?,Scale,Input,8,Right,TIME5.0,TIME5.0,-99\n"), "\(dictionary)")
        #expect(dictionary.contains("onset,10,When did it start?,Scale,Input,8,Right,DATETIME17.0,DATETIME17.0,-99\n"), "\(dictionary)")
        #expect(dictionary.contains("When did you wake up?,*****[a],Skipped\n") && dictionary.contains("When did it start?,.[a],Skipped\n"), "\(dictionary)")
    }

    /// The do-file makes a datetime a %tc clock value and a time the %tc of that time on 1 January
    /// 1960 (shown %tcHH:MM), both doubles, a skip .s.
    @Test func stataReadsTimesAsClockValues() throws {
        let study = try ClockStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let out = try study.export(.stata)
        var stata = try StataText.Interpreter(csv: String(contentsOfFile: out + "/responses.csv", encoding: .utf8))
        try stata.run(try String(contentsOfFile: out + "/responses.do", encoding: .utf8), folder: out)
        let rows = stata.rows.sorted { "\($0["order"]!)" < "\($1["order"]!)" }
        let fromUnix = 315_619_200.0 // 1 January 1960 to 1 January 1970, in seconds
        #expect(rows.map { $0["woke"] } == ClockStudy.answers.map { a in a.woke.map { .number(secondsOfDay($0) * 1000) } ?? .missing("s") })
        #expect(rows.map { $0["onset"] } == (try ClockStudy.answers.map { a in try a.onset.map { .number((try unixSeconds($0) + fromUnix) * 1000) } ?? .missing("s") }))
        #expect(stata.formats["woke"] == "%tcHH:MM")
        #expect(stata.formats["onset"] == "%tcCCYY-NN-DD_HH:MM")
        #expect(stata.types["woke"] == "double" && stata.types["onset"] == "double")
    }

    /// R: a datetime is POSIXct in UTC, which shows the civil time given whatever the analyst's own
    /// zone; a time is an hms difftime of seconds since midnight; a skip is NA with its reason.
    @Test(.enabled(if: Tool.available("Rscript"), "needs R (apt-get install r-base-core)"))
    func rReadsTimesWithTheirClasses() throws {
        let study = try ClockStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let out = try study.export(.r)
        try #"""
            source("responses.R")
            responses <- responses[order(as.vector(responses$order)), ]
            stopifnot(inherits(responses$woke, "difftime"), inherits(responses$woke, "hms"), identical(units(responses$woke), "secs"))
            stopifnot(identical(as.numeric(responses$woke), c(0, 86340, NA)))
            stopifnot(identical(fw_reason(responses$woke), c(NA, NA, "Skipped")))
            # Shown as clock times in base R too (hms, where installed, shows them its own way).
            if (!requireNamespace("hms", quietly = TRUE)) stopifnot(identical(format(responses$woke), c("00:00", "23:59", NA)))
            if (!requireNamespace("hms", quietly = TRUE)) stopifnot(any(grepl("23:59", capture.output(print(responses$woke)))))
            stopifnot(inherits(responses$onset, "POSIXct"), identical(attr(responses$onset, "tzone"), "UTC"))
            stopifnot(identical(format(responses$onset, "%Y-%m-%dT%H:%M"), c("2024-02-29T23:59", "2000-01-01T00:00", NA)))
            stopifnot(identical(as.numeric(responses$onset), c(1709251140, 946684800, NA)))
            stopifnot(identical(fw_reason(responses$onset), c(NA, NA, "Skipped")))
            stopifnot(identical(attr(responses$onset, "label"), "When did it start?"))
            cat("R checks passed\n")
            """#.write(toFile: out + "/check.R", atomically: false, encoding: .utf8)
        // The analyst's zone must not move the answers: a zone far from UTC, with its own clock changes.
        let result = try Run.command(Tool.path("Rscript") ?? "Rscript", ["check.R"], environment: ["TZ": "Pacific/Chatham"],
                                     in: URL(fileURLWithPath: out))
        #expect(result.status == 0, "\(result.stdout + result.stderr)")
        #expect(result.stdout.contains("R checks passed"))
    }

    /// Frictionless: `time` and `datetime` fields with the format the data have, validated by the
    /// real tool, and read back as Python times.
    @Test(.enabled(if: Tool.available("frictionless"), "needs frictionless (pip install frictionless)"))
    func frictionlessValidatesTimeFields() throws {
        let study = try ClockStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let out = try study.export(.datapackage)
        let validation = try run("frictionless", ["validate", "datapackage.json"], in: out)
        #expect(validation.status == 0 && validation.output.contains("VALID"), "\(validation.output)")
        try """
            from frictionless import Package
            rows = sorted(Package("datapackage.json").get_resource("responses").read_rows(), key=lambda r: r["order"])
            fields = {f.name: (f.type, f.format) for f in Package("datapackage.json").get_resource("responses").schema.fields}
            print(fields["woke"], fields["onset"])
            print([None if r["woke"] is None else r["woke"].isoformat() for r in rows])
            print([None if r["onset"] is None else r["onset"].isoformat() for r in rows])
            """.write(toFile: out + "/check.py", atomically: false, encoding: .utf8)
        let read = try run("python3", ["check.py"], in: out)
        #expect(read.output == """
            ('time', '%H:%M') ('datetime', '%Y-%m-%dT%H:%M')
            ['00:00:00', '23:59:00', None]
            ['2024-02-29T23:59:00', '2000-01-01T00:00:00', None]

            """, "\(read.output)")
    }

    /// The codebook says what a time is: its type, its format and its limits.
    @Test func codebookGivesTypeFormatAndLimits() throws {
        let study = try ClockStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let md = try String(contentsOfFile: try study.export(.codebook) + "/codebook.md", encoding: .utf8)
        #expect(md.contains("""
            ### `woke`

            - Label: When did you wake up?
            - Question: When did you wake up?
            - Type: time (time)
            - Range: 00:00 to 23:59
            - Format: HH:MM, a 24-hour clock time, local, no zone
            - Missing: empty = not asked; -99 = skipped
            """), "\(md)")
        #expect(md.contains("""
            - Type: datetime (datetime)
            - Range: 2000-01-01T00:00 to 2024-12-31T23:59
            - Format: YYYY-MM-DDTHH:MM, a local date and time, no zone
            """), "\(md)")
    }

    /// De-identified dates: a datetime moves with the participant's other dates, its clock time
    /// kept; cut to the month it is a month, read as one (SPSS MOYR8); a time of day is no date and stays.
    @Test func deidentificationChangesADatetimeAsItsDay() throws {
        let study = try ClockStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        func days(_ date: String?) throws -> Int {
            let text = try #require(date)
            return try #require(DateValue.parse(String(text.prefix(10))))
        }
        let shifted = try ClockStudy.rows(try study.export(.csv, Deidentification(dates: .shift)) + "/responses.csv")
        #expect(shifted.count == 3)
        for (row, a) in zip(shifted, ClockStudy.answers) {
            #expect(row["woke"] == a.woke ?? "-99")
            guard let onset = a.onset else { #expect(row["onset"] == "-99"); continue }
            let shift = try days(a.visit) - days(row["visit"])
            #expect((1...364).contains(shift))
            #expect(try days(onset) - days(row["onset"]) == shift, "\(row)")
            #expect(row["onset"]?.suffix(6) == onset.suffix(6), "the clock time is kept: \(row)")
            #expect(row["onset_again"] == row["onset"], "a calculated datetime moves with the rest: \(row)")
        }
        let month = try study.export(.spss, Deidentification(dates: .month))
        #expect(try ClockStudy.rows(month + "/responses.csv").map { $0["onset"] } == ["2024-02", "2000-01", "-99"])
        #expect(try ClockStudy.rows(month + "/responses.csv").map { $0["onset_again"] } == ["2024-02", "2000-01", ""])
        #expect(try String(contentsOfFile: month + "/responses.sps", encoding: .utf8).contains("NUMERIC onset (MOYR8).\n"))
        let md = try String(contentsOfFile: try study.export(.codebook, Deidentification(dates: .month)) + "/codebook.md", encoding: .utf8)
        #expect(md.contains("""
            - Type: datetime (date)
            - Range: 2000-01-01T00:00 to 2024-12-31T23:59
            - Date precision: month
            - Missing: empty = not asked; -99 = skipped
            """), "\(md)")
    }

    /// A calculation that gives a time or a datetime is declared as one, as a calculated date is a
    /// date: not a number column holding "09:05", which SPSS and Stata could not read.
    @Test(.enabled(if: Tool.available("pspp"), "needs PSPP (apt-get install pspp)"))
    func calculatedTimesAreTimes() throws {
        let study = try ClockStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let out = try study.export(.spss)
        let rows = try ClockStudy.rows(out + "/responses.csv")
        #expect(rows.map { $0["woke_again"] } == ["00:00", "23:59", ""])
        #expect(rows.map { $0["onset_again"] } == ["2024-02-29T23:59", "2000-01-01T00:00", ""])
        let syntax = try String(contentsOfFile: out + "/responses.sps", encoding: .utf8)
        #expect(syntax.contains("NUMERIC woke_again (TIME5).\n") && syntax.contains("NUMERIC onset_again (DATETIME17).\n"), "\(syntax)")
        let first = try run("pspp", [out + "/responses.sps"], in: "/")
        #expect(first.status == 0 && !first.output.contains("warning") && !first.output.contains("error"), "\(first.output)")
        let md = try String(contentsOfFile: try study.export(.codebook) + "/codebook.md", encoding: .utf8)
        #expect(md.contains("### `woke_again`\n\n- Label: woke_again\n- Type: calculate (time)\n"), "\(md)")
    }

    /// A datetime's limits are the field's constraints, in its own format, so that `frictionless
    /// validate` catches a moment no participant could have given; shifted dates (de-identified)
    /// lie up to 364 days earlier than the real ones, so then only the maximum still holds.
    @Test func datapackageConstrainsADatetimeToItsLimits() throws {
        let study = try ClockStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        func constraints(_ deidentification: Deidentification) throws -> [String: [String: String]] {
            let data = try Data(contentsOf: URL(fileURLWithPath: try study.export(.datapackage, deidentification) + "/datapackage.json"))
            let package = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let resource = try #require((package["resources"] as? [[String: Any]])?.first)
            let fields = try #require((resource["schema"] as? [String: Any])?["fields"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: fields.compactMap { f in
                (f["name"] as? String).map { ($0, (f["constraints"] as? [String: String]) ?? [:]) }
            })
        }
        let plain = try constraints(Deidentification())
        #expect(plain["onset"] == ["minimum": "2000-01-01T00:00", "maximum": "2024-12-31T23:59"])
        #expect(plain["woke"] == ["minimum": "00:00", "maximum": "23:59"])
        #expect(plain["visit"] == [:], "no limits, no constraints")
        #expect(plain["onset_again"] == [:], "a calculation has no limits of its own")
        let shifted = try constraints(Deidentification(dates: .shift))
        #expect(shifted["onset"] == ["maximum": "2024-12-31T23:59"])
        #expect(shifted["woke"] == ["minimum": "00:00", "maximum": "23:59"], "a time of day is no date: never shifted")
    }
}
