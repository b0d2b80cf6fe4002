@testable import Exporters
import Expressions
import Foundation
import InstrumentCompiler
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// Two or more versions of one instrument with a session each, stored as `fieldwork run` would.
private struct Study {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-versions-\(UUID().uuidString)").path
    let id: String

    /// `versions`: the YAML of each version, and the moves of each of its sessions.
    init(_ versions: [(yaml: String, sessions: [[SessionMove]])], seed: UInt64 = 1) throws {
        var id = ""
        for (yaml, sessions) in versions {
            let result = InstrumentCompiler.compile(Array(yaml.utf8))
            let instrument = try #require(result.instrument, "\(result.diagnostics.map(\.message))")
            id = instrument.id
            let store = try InstrumentStore(root: folder, instrument: instrument, compiled: try #require(result.canonical),
                                            hash: try #require(result.contentHash))
            let day = StoreClock.today()
            for (k, moves) in sessions.enumerated() {
                let writer = try store.begin(seed: seed + UInt64(k), language: nil, started: DateValue.format(day), pseudonym: nil, today: day)
                var session = Session(instrument: instrument, seed: seed + UInt64(k), today: day)
                for (i, move) in moves.enumerated() { try writer.record(try session.apply(session.event(move, at: Double(i + 1) * 2.5))) }
                try writer.finish(session, duration: 10)
            }
        }
        self.id = id
    }

    var path: String { folder + "/" + id }

    func export(_ format: ExportFormat, _ configure: (inout ExportOptions) -> Void = { _ in }) throws -> (TemporaryText, ExportReport) {
        let out = folder + "/out-" + format.rawValue + "-" + UUID().uuidString
        var options = ExportOptions(format: format, out: out)
        configure(&options)
        return (TemporaryText(folder: out), try Exporter.run(try ResponseReader(path: path), options))
    }
}

private struct TemporaryText {
    let folder: String
    func text(_ name: String) throws -> String { try String(contentsOfFile: folder + "/" + name, encoding: .utf8) }
    func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))) }
    func header(_ name: String = "responses.csv") throws -> [String] {
        try text(name).components(separatedBy: "\r\n")[0].split(separator: ",").map(String.init)
    }
}

private func survey(_ version: String, _ questions: String, extra: String = "") -> String {
    """
    format: 1
    id: travel
    version: \(version)
    title: Travel
    privacy: {timestamps: date}
    \(extra)sections:
      - id: s
        questions:
    \(questions)
    """
}

private let transportV1 = "      - {id: transport, type: single, text: Transport?, choices: [{value: 1, label: Car}, {value: 2, label: Bus}]}\n"
private let age = "      - {id: age, type: number, text: Age?, min: 16, max: 110}\n"

@Suite(.serialized) struct VersionsTests {
    @Test func anAddedChoiceKeepsOneVariable() throws {
        let v2 = "      - {id: transport, type: single, text: Transport?, choices: [{value: 1, label: Car}, {value: 2, label: Bus}, {value: 3, label: Bike}]}\n"
        let study = try Study([(survey("1.0.0", transportV1 + age), [[.answer(Answer(.choice(2))), .answer(Answer(.number(30)))]]),
                               (survey("2.0.0", v2 + age), [[.answer(Answer(.choice(3))), .answer(Answer(.number(40)))]])])
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, report) = try study.export(.csv)
        #expect(report.conflicts == [])
        #expect(try out.header().suffix(2) == ["transport", "age"])
        let rows = try out.text("responses.csv").components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.split(separator: ",").suffix(2).joined(separator: ",") }
        #expect(rows.dropFirst().sorted() == ["2,30", "3,40"])
        let (book, _) = try study.export(.codebook)
        let md = try book.text("codebook.md")
        #expect(md.contains("- Values: 1 = Car; 2 = Bus; 3 = Bike\n- Values by version: 1 = Car; 2 = Bus (version 1.0.0); 1 = Car; 2 = Bus; 3 = Bike (version 2.0.0)\n"))
    }

    @Test func aCodeThatChangesMeaningSplitsTheVariableInInstrumentOrder() throws {
        let v2 = "      - {id: transport, type: single, text: Transport?, choices: [{value: 1, label: Car}, {value: 2, label: Train}]}\n"
        let study = try Study([(survey("1.0.0", transportV1 + age), [[.answer(Answer(.choice(2))), .answer(Answer(.number(30)))]]),
                               (survey("2.0.0", v2 + age), [[.answer(Answer(.choice(2))), .answer(Answer(.number(40)))]])])
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, report) = try study.export(.csv)
        #expect(report.conflicts == ["'transport' changed in version 2.0.0 (against 1.0.0: 2 now means 'Train' (was 'Bus')); it is exported apart as 'transport_v2_0_0'"])
        #expect(try out.header().suffix(3) == ["transport", "transport_v2_0_0", "age"])
    }

    @Test func aCodeThatBecomesMissingSplitsTheVariable() throws {
        let v2 = "      - {id: transport, type: single, text: Transport?, choices: [{value: 1, label: Car}, {value: 2, label: Bus, missing: true}]}\n"
        let study = try Study([(survey("1.0.0", transportV1), [[.answer(Answer(.choice(2)))]]), (survey("2.0.0", v2), [[.answer(Answer(.choice(2)))]])])
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, _) = try study.export(.csv)
        #expect(try out.header().suffix(2) == ["transport", "transport_v2_0_0"])
    }

    @Test func laterVersionsColumnsGoInInstrumentOrder() throws {
        let bike = "      - {id: bike, type: single, text: Own a bike?, choices: [\"Yes\", \"No\"], other: true}\n"
        let study = try Study([(survey("1.0.0", transportV1 + age), [[.answer(Answer(.choice(1))), .answer(Answer(.number(30)))]]),
                               (survey("1.1.0", transportV1 + bike + age), [[.answer(Answer(.choice(1))), .answer(Answer(.choice(1))), .answer(Answer(.number(40)))]])])
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, _) = try study.export(.csv)
        #expect(try out.header().suffix(4) == ["transport", "bike", "bike_other", "age"])
    }

    /// F7 of the fidelity suite (seed 99, `fid4`): a question added between a multiple choice and a
    /// date, before a question whose codes change meaning, goes between them in both CSVs.
    @Test func anAddedQuestionGoesBeforeTheQuestionThatFollowsIt() throws {
        let used = "      - {id: compute, type: multiple, text: Used?, choices: [{value: -5, label: A}, {value: 0, label: B}, {value: 98, label: None, missing: true, exclusive: true}], other: true}\n"
        let day = "      - {id: string, type: date, text: Day?}\n"
        let added = "      - {id: added_q, type: single, text: Added?, choices: [\"Yes\", \"No\"], other: true}\n"
        let v2 = "      - {id: transport, type: single, text: Transport?, choices: [{value: 1, label: Car}, {value: 2, label: Train}]}\n"
        let study = try Study([(survey("1.0.0", used + day + transportV1), [[.answer(Answer(.choices([0]))), .skip, .answer(Answer(.choice(1)))]]),
                               (survey("2.0.0", used + added + day + v2), [[.skip, .skip, .skip, .answer(Answer(.choice(1)))]])])
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let order = ["compute_m5", "compute_0", "compute_98", "compute_99", "compute_other", "added_q", "added_q_other", "string", "transport", "transport_v2_0_0"]
        let header = try study.export(.csv).0.header()
        #expect(header.suffix(10) == order, "\(header)")
        #expect(try study.export(.stata).0.header().filter { !$0.hasSuffix("_skipped") }.suffix(10) == order)
    }

    @Test func theCodebookDescribesEveryVersion() throws {
        let v1 = age + transportV1 + """
                  - {id: since, type: date, text: Since?, precision: month}
                  - {id: note, type: text, text: Note?, max_length: 40}
                  - {id: older, type: calculate, value: "age + 1"}

            """
        let v2 = "      - {id: age, type: number, text: Age?, min: 18, max: 110, unit: years}\n"
            + transportV1.replacingOccurrences(of: "]}", with: "], other: true, show_if: \"age >= 18\"}") + """
                  - {id: since, type: date, text: Since?, precision: month}
                  - {id: note, type: text, text: Note?, max_length: 40}
                  - {id: older, type: calculate, value: "age + 1"}

            """
        let study = try Study([(survey("1.0.0", v1), []), (survey("1.1.0", v2), [])])
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, _) = try study.export(.codebook)
        let md = try out.text("codebook.md")
        #expect(md.contains("- Range: 16 to 110 (version 1.0.0); 18 to 110 (version 1.1.0)\n"))
        #expect(md.contains("- Unit: none (version 1.0.0); years (version 1.1.0)\n"))
        #expect(md.contains("- Date precision: month\n"))
        #expect(md.contains("- Maximum length: 40 characters\n"))
        #expect(md.contains("- Calculated as: `age + 1`, where `age` is *Age?*\n"))
        #expect(md.contains("- Asked: if *Age?* is at least 18, and *Transport?* is *Other, please specify*\n"), "the real condition of the 'Other' text")
        #expect(md.contains("## Changes between versions\n"))
        #expect(md.contains("- `age`: range 16 to 110 (version 1.0.0); 18 to 110 (version 1.1.0)\n"))
        #expect(md.contains("- `transport_other`: only in version 1.1.0 (empty, not asked, in the others)\n"))
        let csv = try out.text("codebook.csv")
        #expect(csv.hasPrefix("variable,label,question,type,measure,values,range,unit,max_length,date_precision,calculation,missing,asked_if,versions,spss_name,stata_name\r\n"))
    }

    @Test func anIdentifyingQuestionHasNoColumnAndTheCodebookSaysWhere() throws {
        let email = "      - {id: email, type: text, text: E-mail for the prize draw?, identifying: true}\n"
        let study = try Study([(survey("1.0.0", transportV1 + email), [[.answer(Answer(.choice(1))), .answer(Answer(.text("a@example.org")))]])])
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, _) = try study.export(.csv)
        #expect(try !out.header().contains("email"))
        let (book, _) = try study.export(.codebook)
        #expect(try book.text("codebook.md").contains("## Questions left out\n\n- 'email' (identifying, versions 1.0.0): its answers are stored apart from the responses, in the folder's identifying/ records"))
    }

    @Test func yearDatesGoInTheTextColumnOfTheLongExport() throws {
        let year = "      - {id: born, type: date, text: Year of birth?, precision: year}\n"
        let study = try Study([(survey("1.0.0", year), [[.answer(Answer(.date("1980")))]])])
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, _) = try study.export(.long)
        let row = try #require(try out.text("responses-long.csv").components(separatedBy: "\r\n").first { $0.contains(",born,") })
        #expect(row.hasSuffix(",born,,,1980"))
    }

    @Test func simulatedDataIsMarkedInEveryFormat() throws {
        let study = try Study([(survey("1.0.0", transportV1), [[.answer(Answer(.choice(1)))]])])
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        try Data("made up\n".utf8).write(to: URL(fileURLWithPath: InstrumentFolder(path: study.path).simulatedMarker))
        for format in [ExportFormat.csv, .long, .codebook, .spss, .stata, .r, .datapackage, .paradata, .jsonl] {
            let (out, report) = try study.export(format)
            #expect(report.files.contains(out.folder + "/" + Exporter.simulatedNote), "\(format)")
            #expect(try out.text(Exporter.simulatedNote).hasPrefix("SIMULATED DATA\n"))
        }
        #expect(try study.export(.spss).0.text("responses.sps").hasPrefix("* SIMULATED DATA: made up by 'fieldwork simulate', not real responses.\n"))
        #expect(try study.export(.stata).0.text("responses.do").hasPrefix("* SIMULATED DATA"))
        #expect(try study.export(.r).0.text("responses.R").hasPrefix("# SIMULATED DATA"))
        #expect(try study.export(.datapackage).0.text("datapackage.json").contains("Simulated data: made up by 'fieldwork simulate', not real responses."))
        #expect(try study.export(.codebook).0.text("codebook.md").contains("**Simulated data**"))
    }

    @Test func excelGetsAByteOrderMarkAndOnlyTheSpreadsheetCSVs() throws {
        let study = try Study([(survey("1.0.0", transportV1), [[.answer(Answer(.choice(1)))]])])
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        #expect(try study.export(.csv) { $0.excel = true }.0.bytes("responses.csv").prefix(4) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "r")])
        #expect(try study.export(.long) { $0.excel = true }.0.bytes("responses-long.csv").prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(try study.export(.csv).0.bytes("responses.csv").first == UInt8(ascii: "r"))
        #expect(throws: ExportError("--excel applies to --format csv, long and paradata (the CSV of spss, stata, r and datapackage is read by their scripts)")) {
            try study.export(.spss) { $0.excel = true }
        }
    }

    @Test func paradataIsOneRowPerResponseAndQuestionInPresentationOrder() throws {
        let shuffled = """
            format: 1
            id: travel
            version: 1.0.0
            title: Travel
            privacy: {timestamps: date}
            sections:
              - id: s
                shuffle: true
                questions:
                  - {id: a, type: single, text: A?, choices: [One, Two, Three, Four], shuffle: true}
                  - {id: b, type: number, text: B?}
                  - {id: c, type: text, text: C?}
                  - {id: d, type: text, text: D?}
            """
        let seed: UInt64 = 9_007_199_254_740_993  // beyond 2^53: a Double would round it
        let instrument = try #require(InstrumentCompiler.compile(Array(shuffled.utf8)).instrument)
        let session = Session(instrument: instrument, seed: seed, today: 0)
        let moves: [SessionMove] = session.order.map { id in
            switch id {
            case "a": .answer(Answer(.choice(2)))
            case "b": .answer(Answer(.number(3)))
            default: .skip
            }
        }
        let study = try Study([(shuffled, [moves])], seed: seed)
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let (out, report) = try study.export(.paradata)
        #expect(report.responses == 1)
        let rows = try out.text("paradata.csv").components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(rows[0] == ["response_id", "instrument_version", "status", "seed", "returns", "position", "question", "type", "visits", "seconds", "choice_order", "confirmed"])
        #expect(rows.dropFirst().allSatisfy { $0[11] == "0" }, "no soft check, none kept")
        #expect(rows.dropFirst().map { $0[6] } == session.order)
        #expect(rows.dropFirst().map { $0[5] } == ["1", "2", "3", "4"])
        #expect(Set(rows.dropFirst().map { $0[3] }) == ["9007199254740993"])
        let a = try #require(rows.first { $0[6] == "a" })
        #expect(a[10] == session.choiceOrder(instrument.questions[0]).map { String($0.value) }.joined(separator: " "))
        #expect(a[8] != "0" && a[9] != "0")
    }
}

@Suite struct SignedScaleVersionTests {
    /// Fidelity finding F6: an unchanged -2..2 scale was split in version 2, its labels "-1" and
    /// "1" read as the same words.
    @Test func aSignedScaleIsTheSameInEveryVersion() throws {
        func scale(_ version: String, extra: String = "") throws -> Question {
            let yaml = """
                format: 1
                id: signed
                version: \(version)
                title: Signed
                sections:
                  - id: s
                    questions:
                      - {id: mood, type: scale, text: Mood?, from: -2, to: 2}\(extra)
                """
            return try #require(try compiled(yaml).question("mood"))
        }
        let old = try scale("1.0.0")
        let new = try scale("2.0.0", extra: "\n      - {id: added, type: text, text: New?}")
        #expect(new.dataBreaks(from: old, languages: []).isEmpty)
    }
}
