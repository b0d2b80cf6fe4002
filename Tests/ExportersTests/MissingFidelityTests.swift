@testable import Exporters
import Expressions
import Foundation
import InstrumentCompiler
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// Missing codes that collide with answers on every side, ids that are SPSS command names, a name
/// too long for SPSS, dates of every precision and calculations of every type: exported, then read
/// back by PSPP, R and frictionless and compared with what the participants gave.
private let collisions = """
    format: 1
    id: collisions
    version: 1.0.0-rc.1+build.20240506.abcdefabcdefabcdef
    title: Collisions
    privacy: {timestamps: date}
    sections:
      - id: s
        questions:
          - {id: execute, type: single, text: Execute?, choices: [{value: -99, label: Minus ninety-nine}, {value: 1, label: One}]}
          - id: save
            type: single
            text: Save?
            choices:
              - {value: 1, label: Low}
              - {value: 2, label: Middle}
              - {value: 3, label: High}
              - {value: 97, label: Do not know, missing: true}
              - {value: 98, label: Refused, missing: true}
              - {value: 99, label: Not applicable, missing: true}
          - {id: compute, type: number, text: Compute?, min: -200, max: 2}
          - {id: string, type: multiple, text: String?, choices: [Tea, Talk, {value: 99, label: Prefer not to say, missing: true, exclusive: true}]}
          - {id: \(String(repeating: "a", count: 60)), type: single, text: Long?, choices: [A, B], other: true}
          - {id: day, type: date, text: Day?}
          - {id: month, type: date, text: Month?, precision: month}
          - {id: year, type: date, text: Year?, precision: year}
          - {id: begin, type: text, text: Begin?}
          - id: level
            type: single
            text: Level?
            choices: [{value: -2, label: Far below}, {value: -1, label: Below}, {value: 0, label: Level}, {value: 1, label: Above},
                      {value: 2, label: Far above}, {value: -3, label: Cannot say, missing: true}, {value: 97, label: Do not know, missing: true},
                      {value: 98, label: Refused, missing: true}]
          - {id: adult, type: calculate, value: "compute >= 0"}
          - {id: town, type: calculate, value: "begin"}
          - {id: next, type: calculate, value: "day"}
          - {id: doubled, type: calculate, value: "compute * 2"}
    """

private struct Sessions {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-collide-\(UUID().uuidString)").path
    let instrument: Instrument
    let store: InstrumentStore

    init() throws {
        let result = InstrumentCompiler.compile(Array(collisions.utf8))
        instrument = try #require(result.instrument, "\(result.diagnostics.map(\.message))")
        store = try InstrumentStore(root: folder, instrument: instrument, compiled: try #require(result.canonical),
                                    hash: try #require(result.contentHash))
        let other = instrument.questions.first { $0.other != nil }?.other?.value ?? 0
        func a(_ v: AnswerValue, other: String? = nil) -> Answer { Answer(v, other: other) }
        // Three participants: each missing code, each skip, and answers equal to the usual skip code.
        let sessions: [[SessionMove]] = [
            [.answer(a(.choice(-99))), .answer(a(.choice(98))), .answer(a(.number(-99))),
             .answer(a(.choices([99]))), .answer(a(.choice(other), other: "x")), .answer(a(.date("2024-05-06"))),
             .answer(a(.date("2024-05"))), .answer(a(.date("2024"))), .answer(a(.text("-99"))), .answer(a(.choice(-2)))],
            [.answer(a(.choice(1))), .answer(a(.choice(2))), .skip, .answer(a(.choices([1]))),
             .answer(a(.choice(1))), .skip, .skip, .skip, .skip, .answer(a(.choice(97)))],
            [.skip, .answer(a(.choice(97))), .answer(a(.number(2))), .skip, .skip,
             .answer(a(.date("2025-01-31"))), .skip, .answer(a(.date("2025"))), .answer(a(.text("hello"))), .answer(a(.choice(-3)))],
        ]
        let day = StoreClock.today()
        for (k, moves) in sessions.enumerated() {
            let writer = try store.begin(seed: UInt64(k + 1), language: nil, started: DateValue.format(day), pseudonym: nil, today: day)
            var session = Session(instrument: instrument, seed: UInt64(k + 1), today: day)
            for (i, move) in moves.enumerated() { try writer.record(try session.apply(session.event(move, at: Double(i + 1)))) }
            try writer.finish(session, duration: 10)
        }
    }

    func export(_ format: ExportFormat) throws -> (String, ExportReport) {
        let out = folder + "/out-" + format.rawValue
        return (out, try Exporter.run(try ResponseReader(path: folder + "/collisions"), ExportOptions(format: format, out: out)))
    }
}

@Suite(.serialized) struct MissingFidelityTests {
    @Test(.enabled(if: Tool.available("pspp"), "needs PSPP (apt-get install pspp)"))
    func psppReadsEveryAnswerAsValidAndEveryMissingCodeAsMissing() throws {
        let study = try Sessions()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, report) = try study.export(.spss)
        // -2..2 valid, and missing codes on both sides of them: SPSS can declare them only once moved.
        #expect(report.warnings == ["SPSS cannot declare the 4 missing codes of 'level' as they are; the SPSS syntax recodes them to -99 → -100, -3 → -101, 97 → -102, 98 → -103"])
        // Run from another folder: the syntax names its files by full path.
        let first = try run("pspp", [out + "/responses.sps"], in: "/")
        #expect(first.status == 0)
        #expect(!first.output.contains("warning") && !first.output.contains("error"), "\(first.output)")
        let long = String(repeating: "a", count: 59) + "_" + ExportNames.hash(String(repeating: "a", count: 60) + "_other")
        try """
            GET FILE='\(out)/responses.sav'.
            DISPLAY DICTIONARY /VARIABLES=level execute save compute string_1 string_99 adult town next day month year begin \(long).
            DESCRIPTIVES /VARIABLES=save compute level /STATISTICS=MEAN.
            COMPUTE m_execute = MISSING(execute).
            COMPUTE m_save = MISSING(save).
            COMPUTE m_compute = MISSING(compute).
            COMPUTE m_string = MISSING(string_1).
            COMPUTE v_day = day.
            FORMATS m_execute m_save m_compute m_string (F1.0) v_day (F14.0).
            LIST /VARIABLES=instrument_version.
            LIST /VARIABLES=execute m_execute save m_save compute m_compute string_1 m_string adult town next month year begin v_day.
            """.write(toFile: out + "/check.sps", atomically: false, encoding: .utf8)
        let check = try run("pspp", ["-O", "format=csv", out + "/check.sps"], in: "/")
        #expect(check.status == 0, "\(check.output)")
        let text = check.output
        // A 1–3 choice with 97, 98, 99 missing: the mean is of the one valid answer, 2.
        #expect(text.contains("Save?,1,2.00"), "\(text)")
        // A number of -99 and one of 2 are valid; the skip is not: (-99 + 2) / 2.
        #expect(text.contains("Compute?,2,-48.50"), "\(text)")
        #expect(text.contains("Level?,1,-2.00"), "only the one valid answer, -2: \(text)")
        #expect(text.contains("level,") && text.contains("-103 THRU -100"), "\(text)")
        #expect(text.contains("save,9,Save?,Nominal,Input,8,Right,F8.0,F8.0,97 THRU 99; -99"), "\(text)")
        #expect(text.contains("\(long),15,\"Long?: other, specified\""), "the name too long for SPSS, shortened")
        #expect(text.contains("\n1.0.0-rc.1+build.20240506.abcdefabcdefabcdef\n"), "a version longer than 32 characters, whole: \(text)")
        // execute, missing?, save, missing?, compute, missing?, string_1, missing?, adult, town, next, month, year, begin, day as a number;
        // text is exact (a typed -99 is -99), and a skipped text is empty (begin_skipped says why)
        let rows = Set(text.components(separatedBy: "\n").filter { $0.hasPrefix("-99,") || $0.hasPrefix("1,") || $0.hasPrefix("-999,") })
        #expect(rows == [
            "-99,0,98,1,-99,0,99,1,0,-99,2024/05/06,MAY 2024,2024,-99,13934332800",
            "1,0,2,0,-999,1,1,0,0,,.,.,-99,,.",
            "-999,1,97,1,2,0,-99,1,1,hello,2025/01/31,.,2025,hello,13957660800",
        ], "\(text)")
    }

    @Test func theCodebookListsTheNamesSPSSAndStataUse() throws {
        let study = try Sessions()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, _) = try study.export(.codebook)
        let full = String(repeating: "a", count: 60) + "_other"
        let spss = String(repeating: "a", count: 59) + "_" + ExportNames.hash(full)
        let stata = String(repeating: "a", count: 27) + "_" + ExportNames.hash(full)
        let csv = try String(contentsOfFile: out + "/codebook.csv", encoding: .utf8)
        #expect(csv.contains(",\(spss),\(stata)\r\n"), "\(csv)")
        let md = try String(contentsOfFile: out + "/codebook.md", encoding: .utf8)
        #expect(md.contains("### `\(full)`") && md.contains("- SPSS name: `\(spss)`") && md.contains("- Stata name: `\(stata)`"))
        #expect(md.contains("- Missing: empty = not asked; -999 = skipped"), "execute, whose code -99 is an answer")
    }

    @Test(.enabled(if: Tool.available("Rscript"), "needs R (apt-get install r-base-core)"))
    func rReadsTheReasonsAndTheTypes() throws {
        let study = try Sessions()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, _) = try study.export(.r)
        try """
            source("responses.R")
            # The three participants in the order they answered 'save': refused, 2, do not know.
            i <- match(c("Refused", NA, "Do not know"), attr(responses$save, "na_reason"))
            reason <- function(x) attr(x, "na_reason")[i]
            stopifnot(identical(as.character(responses$execute)[i], c("Minus ninety-nine", "One", NA)))
            stopifnot(identical(reason(responses$execute), c(NA, NA, "Skipped")))
            stopifnot(identical(as.numeric(responses$compute)[i], c(-99, NA, 2)))
            stopifnot(identical(reason(responses$compute), c(NA, "Skipped", NA)))
            stopifnot(identical(reason(responses$string_1), c("Prefer not to say", NA, "Skipped")))
            stopifnot(identical(as.character(responses$string_1)[i], c(NA, "Chosen", NA)))
            stopifnot(is.logical(responses$adult), identical(as.vector(responses$adult)[i], c(FALSE, FALSE, TRUE)))
            stopifnot(is.character(responses$town), identical(as.vector(responses$town)[i], c("-99", NA, "hello")))
            stopifnot(inherits(responses[["next"]], "Date"), identical(format(responses[["next"]])[i], c("2024-05-06", NA, "2025-01-31")))
            stopifnot(is.numeric(responses$doubled))
            cat("R checks passed\\n")
            """.write(toFile: out + "/check.R", atomically: false, encoding: .utf8)
        let result = try run("Rscript", ["check.R"], in: out)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("R checks passed"))
    }

    @Test(.enabled(if: Tool.available("frictionless"), "needs frictionless (pip install frictionless)"))
    func frictionlessReadsTheTypesAndTheSkipCodes() throws {
        let study = try Sessions()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, _) = try study.export(.datapackage)
        let result = try run("frictionless", ["validate", "--json", "datapackage.json"], in: out)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\"valid\": true"), "\(result.output)")
        let python = """
            from frictionless import Package
            rows = Package("datapackage.json").get_resource("responses").read_rows()
            print(sorted([(r["execute"] or 0, r["compute"], r["string_1"], r["adult"], r["town"], str(r["next"])) for r in rows], key=str))
            """
        let read = try run("python3", ["-c", python], in: out)
        // Missing codes read as None, answers of -99 as -99, true/false as booleans, dates as dates.
        #expect(read.output.contains("[(-99, -99, None, False, '-99', '2024-05-06'), (0, 2, None, True, 'hello', '2025-01-31'), (1, None, 1, False, None, 'None')]"), "\(read.output)")
    }
}
