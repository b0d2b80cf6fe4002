@testable import Exporters
import Expressions
import Foundation
import InstrumentCompiler
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// Item 20: dates of every precision, a calculated date, free text of every kind (text, long text,
/// "Other", a calculation that gives text), an identifying question, and two responses of one
/// participant, so that what a de-identified export leaves out and changes can be seen.
private let instrumentText = #"""
    format: 1
    id: deid-study
    version: 1.0.0
    title: De-identification
    privacy: {participant: code, timestamps: minute}
    sections:
      - id: s
        questions:
          - {id: born, type: date, text: Born?}
          - {id: visit, type: date, text: Visit?}
          - {id: moved, type: date, text: Moved?, precision: month}
          - {id: since, type: date, text: Since?, precision: year}
          - {id: age, type: number, text: Age?, min: 0, max: 120}
          - {id: transport, type: single, text: How?, choices: [Bus, Car], other: true}
          - {id: town, type: text, text: Town?}
          - {id: story, type: long_text, text: Tell us more}
          - {id: email, type: text, text: E-mail?, identifying: true}
          - {id: next, type: calculate, value: "visit"}
          - {id: echo, type: calculate, value: "town"}
    """#

/// The free text the study's participants typed: none of it may be in a de-identified export.
private let secrets = ["Sidewalk scooter", "Little Snoring", "my neighbour Jane", "jane@example.org"]

private struct DeidStudy {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-deid-\(UUID().uuidString)").path
    let instrument: Instrument
    /// Per session: the participant's pseudonym, the start, and the dates answered (born, visit, moved, since).
    static let sessions: [(pseudonym: String, started: String, dates: [String])] = [
        ("p_00000000000000aa", "2025-03-14T09:26Z", ["1980-02-29", "2025-03-01", "2019-07", "2001"]),
        ("p_00000000000000aa", "2025-09-30T23:59Z", ["1980-02-29", "2025-09-15", "2019-07", "2001"]),
        ("p_00000000000000bb", "2025-04-02T12:00Z", ["1999-12-31", "2025-01-01", "2020-01", "2010"]),
    ]

    init() throws {
        let result = InstrumentCompiler.compile(Array(instrumentText.utf8))
        instrument = try #require(result.instrument, "\(result.diagnostics.map(\.message))")
        let store = try InstrumentStore(root: folder, instrument: instrument, compiled: try #require(result.canonical),
                                        hash: try #require(result.contentHash))
        let other = try #require(instrument.question("transport")?.other?.value)
        for (k, s) in Self.sessions.enumerated() {
            let day = try #require(DateValue.parse(String(s.started.prefix(10))))
            let writer = try store.begin(seed: UInt64(k + 1), language: nil, started: s.started, pseudonym: s.pseudonym, today: day)
            var session = Session(instrument: instrument, seed: UInt64(k + 1), today: day)
            let moves: [SessionMove] = s.dates.map { .answer(Answer(.date($0))) } + [
                .answer(Answer(.number(Double(40 + k)))), .answer(Answer(.choice(other), other: secrets[0])),
                .answer(Answer(.text(secrets[1]))), .answer(Answer(.text(secrets[2]))), .answer(Answer(.text(secrets[3]))),
            ]
            for (i, move) in moves.enumerated() { try writer.record(try session.apply(session.event(move, at: Double(i + 1)))) }
            try writer.finish(session, duration: 95)
        }
    }

    func export(_ format: ExportFormat, _ deidentification: Deidentification, name: String = UUID().uuidString) throws -> (String, ExportReport) {
        let out = folder + "/out-" + name
        var options = ExportOptions(format: format, out: out)
        options.deidentification = deidentification
        return (out, try Exporter.run(try ResponseReader(path: folder + "/deid-study"), options))
    }

    /// The rows of an export's responses.csv, by column name.
    func rows(_ format: ExportFormat = .csv, _ deidentification: Deidentification) throws -> [[String: String]] {
        let (out, _) = try export(format, deidentification)
        let table = CSVTable(try String(contentsOfFile: out + "/responses.csv", encoding: .utf8))
        return table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.header, $0)) }
    }

    /// Every file an export wrote, as one text.
    static func allText(_ out: String) throws -> String {
        try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            .map { try String(contentsOfFile: out + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

private func days(_ date: String) throws -> Int { try #require(DateValue.parse(String(date.prefix(10)))) }

@Suite(.serialized) struct DeidentifyTests {
    @Test func leavesOutEveryFreeTextInEveryFormat() throws {
        let study = try DeidStudy()
        defer { study.remove() }
        for format in [ExportFormat.csv, .long, .jsonl, .spss, .stata, .r, .datapackage, .codebook] {
            let (plain, _) = try study.export(format, Deidentification())
            let (out, _) = try study.export(format, Deidentification(dropFreeText: true))
            if format != .codebook { #expect(try DeidStudy.allText(plain).contains(secrets[1]), "\(format): the plain export has the text") }
            let text = try DeidStudy.allText(out)
            for secret in secrets { #expect(!text.contains(secret), "\(format) holds '\(secret)'") }
        }
        let header = try #require(try study.rows(.csv, Deidentification(dropFreeText: true)).first).keys.sorted()
        #expect(header == ["age", "born", "date", "duration", "instrument_version", "language", "moved", "next", "pseudonym",
                           "response_id", "since", "status", "transport", "visit"])
        // "Other" was chosen: its code stays, its text goes.
        let statistical = try study.rows(.stata, Deidentification(dropFreeText: true))
        #expect(statistical.allSatisfy { $0["transport"] == "3" && $0["town"] == nil && $0["town_skipped"] == nil && $0["echo"] == nil })
    }

    /// The identifying answer is stored apart, and no export, de-identified or not, carries it.
    @Test func neverExportsTheIdentifyingAnswer() throws {
        let study = try DeidStudy()
        defer { study.remove() }
        for format in [ExportFormat.csv, .long, .jsonl, .spss, .stata, .r, .datapackage, .paradata] {
            let (out, _) = try study.export(format, Deidentification())
            #expect(!(try DeidStudy.allText(out)).contains(secrets[3]), "\(format)")
        }
    }

    @Test func shiftsEveryDateOfAParticipantByTheSameDays() throws {
        let study = try DeidStudy()
        defer { study.remove() }
        let rows = try study.rows(.csv, Deidentification(dates: .shift))
        #expect(rows.count == 3)
        var shifts: [String: Int] = [:]
        for row in rows {
            // Ages 40, 41 and 42 tell the sessions apart.
            let stored = DeidStudy.sessions[try #require(Int(row["age"] ?? "")) - 40]
            let shift = try days(stored.dates[1]) - days(try #require(row["visit"]))
            #expect((1...364).contains(shift))
            #expect(try days(stored.dates[0]) - days(try #require(row["born"])) == shift, "born")
            #expect(try days(stored.started) - days(try #require(row["date"])) == shift, "start")
            #expect(row["next"] == row["visit"], "a calculated date is shifted with the date it is made from")
            #expect(row["date"]?.count == 10, "the start keeps no time of day: \(row["date"] ?? "")")
            // A month cannot be moved by a number of days and stay a month: it is kept to the year.
            #expect(row["moved"] == String(stored.dates[2].prefix(4)))
            #expect(row["since"] == stored.dates[3])
            if let known = shifts[stored.pseudonym] { #expect(known == shift, "one shift per participant") }
            shifts[stored.pseudonym] = shift
        }
        // No column holds its own stored date. (Another column's date can be hit by chance, and
        // that is no leak: a start 15 days after the visit, shifted by 15 days, is the visit's
        // day; comparing every column with every date failed once in about 364 runs.)
        for row in rows {
            let own = DeidStudy.sessions[try #require(Int(row["age"] ?? "")) - 40]
            #expect(row["born"] != own.dates[0])
            #expect(row["visit"] != own.dates[1])
            #expect(row["date"] != String(own.started.prefix(10)))
        }
    }

    @Test func shiftsAfreshForEachExport() throws {
        let study = try DeidStudy()
        defer { study.remove() }
        // 364 possible shifts: five exports all alike would happen once in 364^4.
        let visits = try (0..<5).map { _ in try study.rows(.csv, Deidentification(dates: .shift)).map { $0["visit"] ?? "" }.sorted() }
        #expect(Set(visits).count > 1)
    }

    @Test(arguments: [(Deidentification.DateMethod.month, ["1980-02", "2025-03", "2019-07", "2001", "2025-03"]),
                      (.year, ["1980", "2025", "2019", "2001", "2025"])])
    func coarsensDates(method: Deidentification.DateMethod, expected: [String]) throws {
        let study = try DeidStudy()
        defer { study.remove() }
        let row = try #require(try study.rows(.csv, Deidentification(dates: method)).first { $0["age"] == "40" })
        #expect([row["born"], row["visit"], row["moved"], row["since"], row["date"]] == expected.map { Optional($0) })
        #expect(row["next"] == row["visit"])
    }

    /// A stored date is changed at the precision it was kept to, even where the question's has
    /// changed since; what is no date at all is left out rather than passed on unchanged.
    @Test func changesADateAtThePrecisionItWasKept() {
        #expect(Deidentifier.date("2024-05-06", precision: .day, method: .shift, shift: 6) == "2024-04-30")
        #expect(Deidentifier.date("2024-03-01", precision: .day, method: .shift, shift: 1) == "2024-02-29")
        #expect(Deidentifier.date("2024-05", precision: .day, method: .shift, shift: 6) == "2024")
        #expect(Deidentifier.date("2024-05-06", precision: .month, method: .month, shift: 6) == "2024-05")
        #expect(Deidentifier.date("2024", precision: .day, method: .month, shift: 6) == "2024")
        #expect(Deidentifier.date("2024-05-06", precision: .year, method: .year, shift: 6) == "2024")
        #expect(Deidentifier.date("soon", precision: .day, method: .year, shift: 6) == nil)
    }

    /// A response of a version it has no instrument for (which the filters never pass) keeps no
    /// string at all: text and dates cannot be told apart without the questions.
    @Test func keepsNoStringOfAnUnknownVersion() {
        let stored = StoredResponse(responseID: "r1", pseudonym: "p_1", version: "9.9", status: .complete, started: "2025-03-14T09:26Z",
                                    duration: 60, answers: ["town": .string(secrets[1]), "age": .number(40)], other: ["how": secrets[0]],
                                    calculated: ["echo": .string(secrets[1]), "n": .number(2)])
        let r = Deidentifier(Deidentification(dropFreeText: true), instruments: []).response(stored)
        #expect(r.answers == ["age": .number(40)] && r.calculated == ["n": .number(2)] && r.other.isEmpty)
        #expect(r.started == stored.started && r.duration == 60 && r.responseID == "r1")
    }

    @Test func rekeysPseudonymsAndIdsAfreshForEachExport() throws {
        let study = try DeidStudy()
        defer { study.remove() }
        let plain = try study.rows(.csv, Deidentification())
        let first = try study.rows(.csv, Deidentification(rekey: true))
        let second = try study.rows(.csv, Deidentification(rekey: true))
        let storedIDs = Set(plain.compactMap { $0["response_id"] })
        for rows in [first, second] {
            let pseudonyms = rows.compactMap { $0["pseudonym"] }
            #expect(Set(pseudonyms).count == 2, "the two responses of one participant keep one pseudonym")
            #expect(pseudonyms.allSatisfy { $0.hasPrefix("p_") && $0.count == 18 && !DeidStudy.sessions.map(\.pseudonym).contains($0) })
            #expect(Set(rows.compactMap { $0["response_id"] }).count == 3)
            #expect(Set(rows.compactMap { $0["response_id"] }).isDisjoint(with: storedIDs))
        }
        // In the store's order (by the real ids) two exports' rows would line up by position: a
        // rekeyed export's rows go in the order of their new ids, which differ with each key.
        for rows in [first, second] { #expect(rows.compactMap { $0["response_id"] } == rows.compactMap { $0["response_id"] }.sorted()) }
        #expect(Set(first.compactMap { $0["pseudonym"] }).isDisjoint(with: second.compactMap { $0["pseudonym"] }))
        #expect(Set(first.compactMap { $0["response_id"] }).isDisjoint(with: second.compactMap { $0["response_id"] }))
        // Paradata keep their order but not the seed, which is as unique as an id.
        let (paradata, _) = try study.export(.paradata, Deidentification(rekey: true))
        let timing = CSVTable(try String(contentsOfFile: paradata + "/paradata.csv", encoding: .utf8))
        #expect(timing.rows.map { $0[0] } == timing.rows.map { $0[0] }.sorted())
        #expect(timing.header[3] == "seed" && timing.rows.allSatisfy { $0[3] == "" && !$0[5].isEmpty && !storedIDs.contains($0[0]) })
        let (jsonl, _) = try study.export(.jsonl, Deidentification(rekey: true))
        let lines = try String(contentsOfFile: jsonl + "/responses.jsonl", encoding: .utf8).split(separator: "\n")
        let jsonIDs = try lines.map { try #require((try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["response_id"] as? String) }
        #expect(jsonIDs.count == 3 && jsonIDs == jsonIDs.sorted() && Set(jsonIDs).isDisjoint(with: storedIDs))
        // The long rows of one response share its new id.
        let (out, _) = try study.export(.long, Deidentification(rekey: true))
        let long = CSVTable(try String(contentsOfFile: out + "/responses-long.csv", encoding: .utf8))
        #expect(Set(long.rows.map { $0[0] }).count == 3 && long.rows.map { $0[0] } == long.rows.map { $0[0] }.sorted())
        #expect(Set(long.rows.map { $0[0] }).isDisjoint(with: storedIDs))
    }

    @Test func leavesOutParadata() throws {
        let study = try DeidStudy()
        defer { study.remove() }
        #expect(try study.rows(.csv, Deidentification()).allSatisfy { $0["duration"] == "95" })
        #expect(try study.rows(.csv, Deidentification(dropParadata: true)).allSatisfy { $0["duration"] == "" })
        let (out, _) = try study.export(.jsonl, Deidentification(dropParadata: true))
        let jsonl = try String(contentsOfFile: out + "/responses.jsonl", encoding: .utf8)
        #expect(!jsonl.contains("duration_seconds") && jsonl.contains("\"answers\""))
        #expect(throws: ExportError("--format paradata exports the paradata that --drop-paradata (part of --deidentify) leaves out; export it without that option, or not at all")) {
            try study.export(.paradata, .all)
        }
    }

    @Test func refusesTheQualitativeFormats() throws {
        let study = try DeidStudy()
        defer { study.remove() }
        for format in [ExportFormat.transcripts, .framework, .qdpx] {
            #expect(throws: ExportError("--format \(format.rawValue) cannot be de-identified: its free text is the data, and no option can make a transcript safe; remove names and details from the notes by hand")) {
                try study.export(format, Deidentification(rekey: true))
            }
        }
    }

    /// Each format says what was done (the options and the date method), and never the shift or the key.
    @Test func saysWhatWasDoneInEveryFormat() throws {
        let study = try DeidStudy()
        defer { study.remove() }
        let statement = Deidentifier.statement(.all, leftOut: ["transport_other", "town", "story", "echo"])
        #expect(statement == [
            "De-identified (--deidentify):",
            "- free text left out: text, long text and open answers, \"Other\" texts, and calculations that give text (transport_other, town, story, echo);",
            "- dates shifted back by a random number of days, 1 to 364, drawn for each participant and the same for all of a participant's dates (so intervals between them are kept), the start date too and without its time; dates kept to the month are kept to the year;",
            "- response ids and pseudonyms replaced by keyed ones new to this export, which match nothing outside it;",
            "- paradata left out: the duration is empty, and the start date has no time of day.",
            "The key behind the shifts and the new ids was drawn at random for this export and kept nowhere.",
        ])
        let (csv, _) = try study.export(.csv, .all)
        #expect(try String(contentsOfFile: csv + "/" + Exporter.deidentifiedNote, encoding: .utf8) == statement.joined(separator: "\n") + "\n")
        let (codebook, _) = try study.export(.codebook, .all)
        #expect(try String(contentsOfFile: codebook + "/codebook.md", encoding: .utf8).contains("\n## De-identification\n\n" + statement.joined(separator: "\n") + "\n"))
        let (spss, _) = try study.export(.spss, .all)
        let sps = try String(contentsOfFile: spss + "/responses.sps", encoding: .utf8)
        #expect(sps.contains("ADD DOCUMENT\n  'De-identified (--deidentify):'\n  '- free text left out: text, long text and open answers, \"Other\" texts, and'\n"))
        #expect(sps.contains("\n  'The key behind the shifts and the new ids was drawn at random for this export'\n  '  and kept nowhere.'.\n"))
        #expect(sps.contains("FILE LABEL 'De-identified (--deidentify)'.\n"))
        #expect(sps.hasPrefix("* De-identified (--deidentify):\n* - free text left out"))
        let (stata, _) = try study.export(.stata, .all)
        let doFile = try String(contentsOfFile: stata + "/responses.do", encoding: .utf8)
        #expect(doFile.contains("label data `\"De-identified (--deidentify)\"'\n"))
        #expect(doFile.contains("note: - paradata left out: the duration is empty, and the start date has no time of day.\n"))
        let (r, _) = try study.export(.r, .all)
        #expect(try String(contentsOfFile: r + "/responses.R", encoding: .utf8).contains("attr(responses, \"deidentification\") <- c(" + statement.map { "\"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: ", ") + ")\n"))
        let (package, _) = try study.export(.datapackage, .all)
        let descriptor = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: package + "/datapackage.json"))) as? [String: Any]
        #expect(descriptor?["description"] as? String == statement.joined(separator: "\n"))
        let fields = ((descriptor?["resources"] as? [[String: Any]])?.first?["schema"] as? [String: Any])?["fields"] as? [[String: Any]]
        #expect(fields?.first { $0["name"] as? String == "date" }?["description"] as? String
                == "Start of the response, shifted by the same number of days as the participant's other dates (de-identified)")
        let finer = Deidentifier.statement(Deidentification(dates: .month, rekey: true))
        #expect(finer == [
            "De-identified (--dates month --rekey):",
            "- dates kept to the month (those kept to the year stay so), the start date too;",
            "- response ids and pseudonyms replaced by keyed ones new to this export, which match nothing outside it.",
            "The key behind the new ids was drawn at random for this export and kept nowhere.",
        ])
    }

    /// The real readers still read a de-identified export: PSPP runs the syntax clean, R sources
    /// the script, frictionless validates the package.
    @Test(.enabled(if: Tool.available("pspp"), "needs PSPP (apt-get install pspp)"))
    func psppReadsTheDeidentifiedExport() throws {
        let study = try DeidStudy()
        defer { study.remove() }
        let (out, _) = try study.export(.spss, .all)
        let first = try run("pspp", [out + "/responses.sps"], in: "/")
        #expect(first.status == 0 && !first.output.contains("warning") && !first.output.contains("error"), "\(first.output)")
        try "GET FILE='\(out)/responses.sav'.\nDISPLAY DOCUMENTS.\nDISPLAY FILE LABEL.\nLIST /VARIABLES=moved since duration.\n"
            .write(toFile: out + "/check.sps", atomically: false, encoding: .utf8)
        let check = try run("pspp", ["-O", "format=csv", out + "/check.sps"], in: "/")
        #expect(check.output.contains("De-identified (--deidentify):"), "\(check.output)")
        #expect(check.output.contains("2019,2001,.") && check.output.contains("2020,2010,."), "\(check.output)")
    }

    /// Stata is not free to run: the do-file is run by the tests' interpreter of what the export writes.
    @Test func stataReadsTheDeidentifiedExport() throws {
        let study = try DeidStudy()
        defer { study.remove() }
        let (out, _) = try study.export(.stata, .all)
        let doFile = try String(contentsOfFile: out + "/responses.do", encoding: .utf8)
        var stata = try StataText.Interpreter(csv: String(contentsOfFile: out + "/responses.csv", encoding: .utf8))
        try stata.run(doFile, folder: URL(fileURLWithPath: out).standardizedFileURL.path)
        #expect(stata.dataLabel == "De-identified (--deidentify)")
        #expect(stata.notes == Deidentifier.statement(.all, leftOut: ["transport_other", "town", "story", "echo"]))
        #expect(stata.formats == ["born": "%td", "visit": "%td", "moved": "%ty", "since": "%ty", "next": "%td"])
        #expect(stata.rows.map { "\($0["moved"].map(String.init(describing:)) ?? "")" }.sorted() == ["2019.0", "2019.0", "2020.0"])
        #expect(stata.rows.allSatisfy { $0["town"] == nil && $0["duration"] == .missing("") })
    }

    @Test(.enabled(if: Tool.available("Rscript"), "needs R (apt-get install r-base-core)"))
    func rReadsTheDeidentifiedExport() throws {
        let study = try DeidStudy()
        defer { study.remove() }
        let (out, _) = try study.export(.r, .all)
        try #"""
            source("responses.R")
            stopifnot(nrow(responses) == 3, inherits(responses$visit, "Date"), inherits(responses$born, "Date"))
            stopifnot(identical(sort(as.vector(responses$moved)), c(2019L, 2019L, 2020L)), all(is.na(responses$duration)))
            stopifnot(is.null(responses$town), is.null(responses$transport_other), length(unique(responses$pseudonym)) == 2)
            stopifnot(any(grepl("--deidentify", attr(responses, "deidentification"))))
            cat("R checks passed\n")
            """#.write(toFile: out + "/check.R", atomically: false, encoding: .utf8)
        let result = try run("Rscript", ["check.R"], in: out)
        #expect(result.status == 0 && result.output.contains("R checks passed"), "\(result.output)")
    }

    @Test(.enabled(if: Tool.available("frictionless"), "needs frictionless (pip install frictionless)"))
    func frictionlessValidatesTheDeidentifiedExport() throws {
        let study = try DeidStudy()
        defer { study.remove() }
        for deidentification in [Deidentification.all, Deidentification(dates: .month), Deidentification(dates: .year)] {
            let (out, _) = try study.export(.datapackage, deidentification)
            let valid = try run("frictionless", ["validate", "--json", "datapackage.json"], in: out)
            #expect(valid.output.contains("\"valid\": true"), "\(deidentification.flags): \(valid.output)")
        }
    }
}
