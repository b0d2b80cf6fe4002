@testable import Exporters
import Expressions
import Foundation
import InstrumentCompiler
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// Ids that Stata reserves, labels Stata would expand, text a spreadsheet would run, skipped text
/// and dates of every precision, a long text, and constraints: exported for SPSS, Stata, R and
/// Frictionless, and read back as each package reads it.
private let instrumentText = #"""
    format: 1
    id: stats-formats
    version: 1.0.0
    title: Statistical formats
    privacy: {timestamps: date}
    sections:
      - id: s
        questions:
          - {id: long, type: text, text: 'Home in $HOME, `x'' and "quoted"''?'}
          - {id: int, type: number, text: Age?, min: 16, max: 110}
          - {id: double, type: scale, text: 'Mood ($mood)?', from: 0, to: 10, labels: {0: Low, 10: High}}
          - {id: if, type: date, text: Day?}
          - {id: str5, type: date, text: Month?, precision: month}
          - {id: byte, type: date, text: Year?, precision: year}
          - {id: place, type: text, text: Town?, max_length: 20, pattern: '^[^0-9]*$'}
          - {id: story, type: long_text, text: Tell us more}
          - {id: minus, type: text, text: A text?}
    """#

private struct StatsStudy {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-stats-\(UUID().uuidString)").path
    let instrument: Instrument
    static let story = String(repeating: "a long story, ", count: 200)

    init() throws {
        let result = InstrumentCompiler.compile(Array(instrumentText.utf8))
        instrument = try #require(result.instrument, "\(result.diagnostics.map(\.message))")
        let store = try InstrumentStore(root: folder, instrument: instrument, compiled: try #require(result.canonical),
                                        hash: try #require(result.contentHash))
        let sessions: [[SessionMove]] = [
            [.answer(Answer(.text("@home"))), .answer(Answer(.number(40))), .answer(Answer(.choice(0))),
             .answer(Answer(.date("2024-05-06"))), .answer(Answer(.date("2024-05"))), .answer(Answer(.date("2024"))),
             .answer(Answer(.text("''quoted town"))), .answer(Answer(.text(Self.story))), .answer(Answer(.text("-99")))],
            [.skip, .skip, .answer(Answer(.choice(10))), .skip, .skip, .skip, .answer(Answer(.text("=cmd|calc"))), .skip, .skip],
        ]
        let day = StoreClock.today()
        for (k, moves) in sessions.enumerated() {
            let writer = try store.begin(seed: UInt64(k + 1), language: nil, started: DateValue.format(day), pseudonym: nil, today: day)
            var session = Session(instrument: instrument, seed: UInt64(k + 1), today: day)
            for (i, move) in moves.enumerated() { try writer.record(try session.apply(session.event(move, at: Double(i + 1)))) }
            try writer.finish(session, duration: 10)
        }
    }

    func export(_ format: ExportFormat, labels: Bool = false) throws -> String {
        let out = folder + "/out-" + format.rawValue + (labels ? "-labels" : "")
        var options = ExportOptions(format: format, out: out)
        options.labels = labels
        _ = try Exporter.run(try ResponseReader(path: folder + "/stats-formats"), options)
        return out
    }

    /// The rows of a CSV as dictionaries by column, in the order participants answered (by 'double').
    static func rows(_ path: String) throws -> [[String: String]] {
        let table = CSVTable(try String(contentsOfFile: path, encoding: .utf8))
        return table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.header, $0)) }
            .sorted { ($0["double"] ?? $0["double_"] ?? "") < ($1["double"] ?? $1["double_"] ?? "") }
    }
}

/// RFC 4180 fields, as the exports write them.
struct CSVTable {
    var header: [String] = []
    var rows: [[String]] = []

    init(_ text: String) {
        var all: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); all.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        header = all.first ?? []
        rows = Array(all.dropFirst())
    }
}

@Suite(.serialized) struct StatisticalFormatsTests {
    /// Item 12: the apostrophe that keeps a spreadsheet from running a formula belongs only in the
    /// CSV for spreadsheets; SPSS, Stata, R and Frictionless read the text exactly as given, and a
    /// skipped text is empty with its skip column saying so (a typed "-99" is an answer).
    @Test func onlyTheSpreadsheetCSVNeutralisesFormulas() throws {
        let study = try StatsStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        for format in [ExportFormat.spss, .stata, .r, .datapackage] {
            let rows = try StatsStudy.rows(try study.export(format) + "/responses.csv")
            #expect(rows.map { $0["long"] } == ["@home", ""], "\(format)")
            #expect(rows.map { $0["long_skipped"] } == ["0", "1"], "\(format)")
            #expect(rows.map { $0["place"] } == ["''quoted town", "=cmd|calc"], "\(format)")
            #expect(rows.map { $0["minus"] } == ["-99", ""], "\(format): a typed -99 is the answer")
            #expect(rows.map { $0["minus_skipped"] } == ["0", "1"], "\(format)")
            #expect(rows.map { $0["if"] } == ["2024-05-06", "-99"], "\(format): a date skip keeps its code, no date can be -99")
        }
        let sheet = try StatsStudy.rows(try study.export(.csv) + "/responses.csv")
        #expect(sheet.map { $0["long"] } == ["'@home", "-99"])
        #expect(sheet.map { $0["place"] } == ["'''quoted town", "'=cmd|calc"])
        #expect(sheet.map { $0["minus"] } == ["'-99", "-99"])
        #expect(sheet[0]["long_skipped"] == nil, "the spreadsheet CSV has no skip columns")
        let labelled = try StatsStudy.rows(try study.export(.csv, labels: true) + "/responses-labels.csv")
        #expect(Set(labelled.map { $0["place"] }) == ["'''quoted town", "'=cmd|calc"])
    }

    /// Item 11: Stata's reserved words are renamed the same way each time and listed in the codebook.
    @Test func stataNamesAvoidReservedWords() throws {
        let study = try StatsStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let names = Codebook([study.instrument]).names
        #expect(["long", "int", "double", "if", "str5", "byte", "place"].map(names.stata) == ["long_", "int_", "double_", "if_", "str5_", "byte_", "place"])
        #expect(ExportNames.stataSafe("_all") == "_all_" && ExportNames.stataSafe("in") == "in_" && ExportNames.stataSafe("strl") == "strl_")
        #expect(ExportNames.stataSafe("strong") == "strong" && ExportNames.stataSafe("str") == "str")
        let codebook = try String(contentsOfFile: try study.export(.codebook) + "/codebook.csv", encoding: .utf8)
        #expect(codebook.contains(",long,long_\r\n") && codebook.contains(",if,if_\r\n") && codebook.contains(",str5,str5_\r\n"), "\(codebook)")
        let doFile = try String(contentsOfFile: try study.export(.stata) + "/responses.do", encoding: .utf8)
        #expect(doFile.contains("rename v8 long_\n"))
        #expect(doFile.contains("rename v9 long_skipped\n"))
    }

    /// Item 11: every label in the do-file, read by Stata's rules for compound quotes and macro
    /// expansion (`\$`, `` \` `` and `\\` escape; `$name` and `` `name' `` expand), is the label itself.
    @Test func stataExpandsNothingInLabels() throws {
        let study = try StatsStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let doFile = try String(contentsOfFile: try study.export(.stata) + "/responses.do", encoding: .utf8)
        var labels: [String] = []
        for line in doFile.split(separator: "\n") where !line.hasPrefix("*") {
            var rest = Substring(line)
            while let open = rest.range(of: "`\"") {
                let after = rest[open.upperBound...]
                let close = try #require(after.range(of: "\"'"), "an unclosed compound quote: \(line)")
                labels.append(try StataText.read(String(after[..<close.lowerBound])))
                rest = after[close.upperBound...]
            }
        }
        #expect(labels.contains(#"Home in $HOME, `x' and "quoted"’?"#), "\(labels)")
        #expect(labels.contains("Mood ($mood)?"))
        #expect(labels.contains(#"Home in $HOME, `x' and "quoted"’?: skipped"#))
    }

    /// Item 11: the do-file's statements, run on the CSV by a small interpreter of the commands it
    /// uses (Stata itself is not free to run), give numbers, extended missing values, Stata dates,
    /// exact text, and no "-99" string; it ends with compress, strL for long text, and save.
    @Test func stataDoFileReadsTheIntendedValues() throws {
        let study = try StatsStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let out = try study.export(.stata)
        let doFile = try String(contentsOfFile: out + "/responses.do", encoding: .utf8)
        var stata = try StataText.Interpreter(csv: String(contentsOfFile: out + "/responses.csv", encoding: .utf8))
        try stata.run(doFile, folder: URL(fileURLWithPath: out).standardizedFileURL.path)
        let rows = stata.rows.sorted { "\($0["double_"]!)" < "\($1["double_"]!)" }
        #expect(rows.map { $0["long_"] } == [.text("@home"), .text("")])
        #expect(rows.map { $0["long_skipped"] } == [.number(0), .number(1)])
        #expect(rows.map { $0["int_"] } == [.number(40), .missing("s")])
        #expect(rows.map { $0["double_"] } == [.number(0), .number(10)])
        // 6 May 2024 is day 23,502 after 1 January 1960; May 2024 is month 772; a year is itself.
        #expect(rows.map { $0["if_"] } == [.number(23_502), .missing("s")])
        #expect(rows.map { $0["str5_"] } == [.number(772), .missing("s")])
        #expect(rows.map { $0["byte_"] } == [.number(2024), .missing("s")])
        #expect(rows.map { $0["minus"] } == [.text("-99"), .text("")])
        #expect(rows.map { $0["place"] } == [.text("''quoted town"), .text("=cmd|calc")])
        #expect(stata.formats == ["if_": "%td", "str5_": "%tm", "byte_": "%ty"])
        #expect(stata.strL == ["story"])
        let commands = doFile.split(separator: "\n").filter { !$0.hasPrefix("*") }.suffix(3).map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(commands == ["compress", "recast strL", "save \"\(URL(fileURLWithPath: out).standardizedFileURL.path)/responses.dta\","])
        #expect(stata.saved == URL(fileURLWithPath: out).standardizedFileURL.path + "/responses.dta")
    }

    /// Item 13: dates are Date, the reason survives subsetting, and the codes stay reachable.
    @Test(.enabled(if: Tool.available("Rscript"), "needs R (apt-get install r-base-core)"))
    func rKeepsCodesReasonsAndDates() throws {
        let study = try StatsStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let out = try study.export(.r)
        try #"""
            source("responses.R")
            responses <- responses[order(as.integer(responses$double)), ]
            stopifnot(is.ordered(responses$double), identical(as.integer(responses$double), c(0L, 10L)))
            stopifnot(identical(fw_codes(responses$double), c(0L, 10L)), identical(as.numeric(responses$double), c(0, 10)))
            stopifnot(identical(attr(responses$double, "codes")[["Low"]], 0L), identical(as.character(responses$double), c("Low", "High")))
            stopifnot(inherits(responses[["if"]], "Date"), identical(format(responses[["if"]]), c("2024-05-06", NA)))
            stopifnot(inherits(responses$str5, "Date"), identical(format(responses$str5), c("2024-05-01", NA)), identical(attr(responses$str5, "precision"), "month"))
            stopifnot(identical(as.vector(responses$byte), c(2024L, NA)))
            stopifnot(identical(as.vector(responses$long), c("@home", NA)), identical(fw_reason(responses$long), c(NA, "Skipped")))
            stopifnot(identical(as.vector(responses$place), c("''quoted town", "=cmd|calc")))
            stopifnot(identical(as.vector(responses$minus), c("-99", NA)), identical(fw_reason(responses$minus), c(NA, "Skipped")))
            stopifnot(identical(nchar(as.vector(responses$story)[1]), 2800L))
            # Subsetting rows keeps each reason with its row.
            later <- responses[is.na(responses$int), ]
            stopifnot(nrow(later) == 1, identical(fw_reason(later$int), "Skipped"), identical(fw_reason(later$long), "Skipped"))
            stopifnot(identical(fw_reason(later[["if"]]), "Skipped"), identical(as.integer(later$double), 10L))
            stopifnot(identical(fw_reason(responses$int[2:1]), c("Skipped", NA)), identical(attr(later$long, "label"), attr(responses$long, "label")))
            stopifnot(identical(mean(responses$int, na.rm = TRUE), 40))
            cat("R checks passed\n")
            """#.write(toFile: out + "/check.R", atomically: false, encoding: .utf8)
        let result = try run("Rscript", ["check.R"], in: out)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("R checks passed"))
    }

    /// Item 14: the data package carries the instrument's constraints: a copy with an age of 250,
    /// a town with a digit, or a mood of 11 fails validation, while the data as exported pass.
    @Test(.enabled(if: Tool.available("frictionless"), "needs frictionless (pip install frictionless)"))
    func frictionlessCatchesValuesOutsideTheInstrument() throws {
        let study = try StatsStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let out = try study.export(.datapackage)
        let valid = try run("frictionless", ["validate", "--json", "datapackage.json"], in: out)
        #expect(valid.output.contains("\"valid\": true"), "\(valid.output)")
        let python = #"""
            from frictionless import Package
            rows = sorted(Package("datapackage.json").get_resource("responses").read_rows(), key=lambda r: r["double"])
            print([(r["long"], r["long_skipped"], r["place"], r["minus"], r["int"], str(r["if"])) for r in rows])
            """#
        let read = try run("python3", ["-c", python], in: out)
        #expect(read.output.contains(#"[('@home', 0, "''quoted town", '-99', 40, '2024-05-06'), (None, 1, '=cmd|calc', None, None, 'None')]"#), "\(read.output)")
        let csv = try String(contentsOfFile: out + "/responses.csv", encoding: .utf8)
        for (from, to) in [(",40,", ",250,"), ("''quoted town", "town 9"), (",10,", ",11,")] {
            #expect(csv.contains(from))
            let copy = out + "/copy-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
            try csv.replacingOccurrences(of: from, with: to).write(toFile: copy + "/responses.csv", atomically: false, encoding: .utf8)
            // The hash would catch any change: drop it, so that only the constraints judge.
            var descriptor = try String(contentsOfFile: out + "/datapackage.json", encoding: .utf8)
            descriptor = descriptor.replacingOccurrences(of: #""hash":"sha256:[0-9a-f]+","#, with: "", options: .regularExpression)
            try descriptor.write(toFile: copy + "/datapackage.json", atomically: false, encoding: .utf8)
            let result = try run("frictionless", ["validate", "--json", "datapackage.json"], in: copy)
            #expect(result.output.contains("\"valid\": false") && result.output.contains("constraint-error"), "\(to): \(result.output)")
        }
    }

    /// Item 12 in PSPP: the exact text, and the skip column with its labels.
    @Test(.enabled(if: Tool.available("pspp"), "needs PSPP (apt-get install pspp)"))
    func psppReadsTheExactTextAndTheSkipColumn() throws {
        let study = try StatsStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let out = try study.export(.spss)
        let first = try run("pspp", [out + "/responses.sps"], in: "/")
        #expect(first.status == 0 && !first.output.contains("warning") && !first.output.contains("error"), "\(first.output)")
        try "GET FILE='\(out)/responses.sav'.\nSORT CASES BY double.\nLIST /VARIABLES=long long_skipped place minus minus_skipped.\nDISPLAY LABELS /VARIABLES=long_skipped.\n"
            .write(toFile: out + "/check.sps", atomically: false, encoding: .utf8)
        let check = try run("pspp", ["-O", "format=csv", out + "/check.sps"], in: "/")
        #expect(check.output.contains("@home,0,''quoted town,-99,0\n"), "\(check.output)")
        #expect(check.output.contains(",1,=cmd|calc,,1\n"), "\(check.output)")
    }
}
