@testable import Exporters
import Expressions
import Foundation
import InstrumentCompiler
import InstrumentModel
import ResponseStore
import SessionEngine
import Testing

/// One instrument with every kind of exported value: codes, flags, rows, ranks, "Other" text,
/// numbers, texts, dates limited by `today`, and calculations of every type.
private let everyKind = """
    format: 1
    id: every-kind
    version: 1.0.0
    title: Every kind of value
    privacy: {timestamps: date}
    sections:
      - id: s
        questions:
          - {id: visit, type: single, text: First visit?, choices: ["Yes", "No"], other: true}
          - {id: used, type: multiple, text: Used?, choices: [Tea, Talk, {value: 9, label: None, exclusive: true}], other: true}
          - id: feel
            type: matrix
            text: How do you feel?
            choices: [{value: 1, label: "No"}, {value: 2, label: "Yes"}, {value: -9, label: Rather not say, missing: true}]
            rows: [{id: safe, text: Safe}, {id: heard, text: Heard}]
          - {id: order, type: ranking, text: Order these, choices: [Quiet, Company, Food], rank: 2}
          - {id: hours, type: number, text: Hours?, decimals: 1}
          - {id: age, type: number, text: Age?}
          - {id: visit_on, type: date, text: Next visit?, min: today}
          - {id: since, type: date, text: Since when?, max: today, precision: month}
          - {id: place, type: text, text: Where?}
          - {id: story, type: long_text, text: Tell us more}
          - {id: neg, type: single, text: Below zero?, choices: [{value: -99, label: Minus ninety-nine}, {value: 1, label: One}]}
          - {id: neg_skip, type: single, text: Below zero again?, choices: [{value: -99, label: Minus ninety-nine}, {value: 1, label: One}]}
          - {id: temp, type: number, text: Coldest?, min: -200, max: 50}
          - {id: temp_skip, type: number, text: Coldest again?, min: -200, max: 50}
          - {id: help, type: multiple, text: Help from?, choices: [Family, Friends, {value: 99, label: Prefer not to say, missing: true, exclusive: true}]}
          - {id: any, type: number, text: Any number?}
          - {id: minus, type: text, text: A text?}
          - {id: adult, type: calculate, value: "age >= 18"}
          - {id: next_visit, type: calculate, value: "visit_on"}
          - {id: doubled, type: calculate, value: "hours * 2"}
          - {id: town, type: calculate, value: "place"}
          - {id: woke, type: time, text: Woke?}
          - {id: onset, type: datetime, text: Onset?, max: today}
          - {id: woke_copy, type: calculate, value: "woke"}
          - {id: last, type: text, text: Anything else?}
    """

private struct Study {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-agree-\(UUID().uuidString)").path
    let instrument: Instrument
    let store: InstrumentStore
    /// The day the sessions were run: three days ago, so that a replay judged by today differs.
    let day = StoreClock.today() - 3

    init() throws {
        let result = InstrumentCompiler.compile(Array(everyKind.utf8))
        instrument = try #require(result.instrument, "\(result.diagnostics.map(\.message))")
        store = try InstrumentStore(root: folder, instrument: instrument, compiled: try #require(result.canonical),
                                    hash: try #require(result.contentHash))
    }

    var moves: [SessionMove] {
        let other = instrument.question("visit")?.other?.value ?? 0
        return [
            .answer(Answer(.choice(other), other: "=a friend's")), .answer(Answer(.choices([1, 2]))),
            .answer(Answer(.rows(["safe": 2, "heard": -9]))), .answer(Answer(.ranking([3, 1]))),
            .answer(Answer(.number(2.5))), .answer(Answer(.number(40))),
            .answer(Answer(.date(DateValue.format(day)))), .answer(Answer(.date(String(DateValue.format(day).prefix(7))))),
            .answer(Answer(.text("Leeds, \"north\""))), .skip,
            .answer(Answer(.choice(-99))), .skip, .answer(Answer(.number(-99))), .skip, .answer(Answer(.choices([99]))), .skip,
            .answer(Answer(.text("-99"))), .answer(Answer(.time("00:00"))), .answer(Answer(.datetime(DateValue.format(day) + "T23:59"))),
        ]
    }

    /// The last answer carries controls a terminal or spreadsheet would act on (a title, a clear,
    /// a C1 CSI, a bidi override), as an answer given before input refused them would.
    static let hostile = "no\u{1B}]0;pwned\u{07} \u{1B}[2J\u{9B}\u{202E}\tend"
    static let hostileCell = "no[U+001B]]0;pwned[U+0007] [U+001B][2J[U+009B][U+202E]\tend"

    /// Runs the moves; a finished session answers the last question too.
    @discardableResult
    func play(finish: Bool) throws -> SessionWriter {
        let writer = try store.begin(seed: 5, language: nil, started: DateValue.format(day), pseudonym: nil, today: day)
        var session = Session(instrument: instrument, seed: 5, today: day)
        for (i, move) in moves.enumerated() {
            try writer.record(try session.apply(session.event(move, at: Double(i + 1))))
        }
        if finish {
            try writer.record(try session.apply(session.event(.answer(Answer(.text(Study.hostile))), at: 20)))
            try writer.finish(session, duration: 20)
        }
        return writer
    }

    func export(_ format: ExportFormat) throws -> String {
        let out = folder + "/out-" + format.rawValue
        _ = try Exporter.run(try ResponseReader(path: folder + "/every-kind"), ExportOptions(format: format, out: out))
        let name = format == .long ? "responses-long.csv" : "responses.csv"
        return try String(contentsOfFile: out + "/" + name, encoding: .utf8)
    }
}

/// A CSV's rows as fields (the exports quote only what needs it).
private func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
        } else if c == "\"" { quoted = true }
        else if c == "," { row.append(field); field = "" }
        else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
        else { field.append(c) }
    }
    return rows
}

@Suite struct ReplayAgreementTests {
    /// A partial response exports what the journal holds, judged on the day it was given: a date
    /// limited by `today`, true/false and date calculations, and every answer after them.
    @Test func exportsAnInterruptedSessionAsResumeRebuildsIt() throws {
        let study = try Study()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        try study.play(finish: true)
        let writer = try study.play(finish: false)

        let contents = try #require(study.store.interrupted().first)
        let rebuilt = contents.rebuilt(with: study.instrument, fallbackDay: StoreClock.today())
        #expect(rebuilt.unapplied.isEmpty)
        #expect(rebuilt.session.current?.id == "last")

        let rows = parseCSV(try study.export(.csv))
        let header = rows[0]
        let partial = try #require(rows.first { $0.first == writer.header.responseID })
        let complete = try #require(rows.dropFirst().first { $0.first != writer.header.responseID })
        func cell(_ row: [String], _ name: String) throws -> String { row[try #require(header.firstIndex(of: name), "\(name)")] }
        #expect(try cell(partial, "status") == "partial")
        #expect(try cell(partial, "visit_on") == DateValue.format(study.day), "a date limited by today survives the replay")
        #expect(try cell(partial, "adult") == "1")
        #expect(try cell(partial, "next_visit") == DateValue.format(study.day))
        #expect(try cell(partial, "town") == "Leeds, \"north\"")
        #expect(try cell(partial, "story") == "-99", "the skip after the dates is kept")
        // Every variable the partial session reached is exported as the finished one's is.
        for (i, name) in header.enumerated() where !["response_id", "status", "duration", "last"].contains(name) {
            #expect(partial[i] == complete[i], "\(name): partial \(partial[i]), complete \(complete[i])")
        }
    }

    /// The wide and the long CSV write the same value for every variable of every response.
    @Test func wideAndLongCSVAgreeOnEveryKindOfValue() throws {
        let study = try Study()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        try study.play(finish: true)
        try study.play(finish: false)
        let wide = parseCSV(try study.export(.csv))
        let long = parseCSV(try study.export(.long)).dropFirst()
        var compared = 0
        for row in wide.dropFirst() {
            for (i, name) in wide[0].enumerated().dropFirst(7) where !row[i].isEmpty {
                let line = try #require(long.first { $0[0] == row[0] && $0[3] == name }, "\(name) missing from the long CSV")
                let value = line[4].isEmpty ? line[6] : line[4]
                #expect(value == row[i], "\(name): wide \(row[i]), long \(value)")
                compared += 1
            }
        }
        #expect(compared > 30)
    }

    /// The byte scanner (the fast path for finished files) and the JSON tree (journals, long CSV,
    /// summaries) give the same cell for every variable, in codes and in labels, in the CSV for
    /// spreadsheets and in the one for statistical packages (text exact, skip columns beside free
    /// texts), a skipped text and one answered "-99" included.
    @Test func bothReadingPathsGiveTheSameCells() throws {
        let study = try Study()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let path = try study.play(finish: true).header.responseID.description
        let bytes = try #require(FileManager.default.contents(atPath: study.folder + "/every-kind/" + path + ".json"))
        let codebook = Codebook([study.instrument])
        let variables = codebook.variables
        let ids = variables.map(\.question).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let slots = RawResponse.Slots(ids)
        let slotOf = variables.map { v in ids.firstIndex(of: v.question) ?? 0 }
        var flags: [String: String] = [:]
        for (labels, spss, kind) in [(false, false, WideKind.spreadsheet), (true, false, .spreadsheet), (false, true, .statistical), (false, false, .statistical)] {
            var rows = RawRows(variables: variables, slotOf: slotOf, labels: labels, spss: spss, kind: kind)
            try bytes.withUnsafeBytes { b in
                var raw = RawResponse(slots: ids.count)
                let found = raw.read(b, slots: slots)
                #expect(found)
                let tree = try #require(StoredResponse.read(b))
                for (i, v) in variables.enumerated() {
                    var out: [UInt8] = []
                    rows.cell(i, asked: true, raw, b, into: &out)
                    var expected: [UInt8] = []
                    let treeCell = codebook.cell(v, tree, labels: labels)
                    let text = treeCell.written(v, labels: labels, spss: spss, kind: kind)
                    CSVWriter.field(Array(text.utf8), into: &expected)
                    let cell = String(decoding: out, as: UTF8.self)
                    #expect(cell == String(decoding: expected, as: UTF8.self), "\(v.name), labels \(labels), spss \(spss), \(kind)")
                    if rows.hasSkippedColumn[i] {
                        var flag: [UInt8] = []
                        rows.skippedFlag(i, asked: true, raw, b, into: &flag)
                        #expect(String(decoding: flag, as: UTF8.self) == treeCell.skippedFlag, "\(v.name)'s skip column")
                        flags[v.name] = treeCell.skippedFlag
                    }
                    if kind == .statistical, v.name == "minus" { #expect(cell == "-99", "a typed -99 is exact") }
                    if kind == .statistical, v.name == "story" { #expect(cell == "", "a skipped text is empty") }
                    if kind == .spreadsheet, !labels, v.name == "minus" { #expect(cell == "'-99") }
                    if v.name == "last" { #expect(cell == Study.hostileCell, "controls are shown, tab kept") }
                    if ["woke", "woke_copy"].contains(v.name) { #expect(cell == "00:00", "\(v.name): a time as stored") }
                    if v.name == "onset" { #expect(cell == DateValue.format(study.day) + "T23:59", "a datetime as stored") }
                    #expect(!cell.unicodeScalars.contains { SafeText.isControl($0) && $0 != "\t" }, "\(v.name): \(cell.debugDescription)")
                }
            }
        }
        #expect(flags == ["place": "0", "story": "1", "minus": "0", "last": "0"])
    }
}

@Suite struct MissingCodeTests {
    /// A skip is written with a code no answer of that variable can be: −99 where −99 is an answer
    /// (a choice's code, a number's range) becomes −999; a number with no bounds gets a code beyond
    /// every number kept; a multiple choice's "Prefer not to say" marks the choices not picked.
    @Test func skipCodesNeverCollideWithAnswers() throws {
        let study = try Study()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        try study.play(finish: true)
        try study.play(finish: false)
        let rows = parseCSV(try study.export(.csv))
        let header = rows[0]
        for row in rows.dropFirst() {
            func cell(_ name: String) throws -> String { row[try #require(header.firstIndex(of: name), "\(name)")] }
            #expect(try cell("neg") == "-99", "an answer of -99")
            #expect(try cell("neg_skip") == "-999", "a skip, where -99 is a code")
            #expect(try cell("temp") == "-99", "an answer of -99")
            #expect(try cell("temp_skip") == "-999", "a skip, where -99 is in the range")
            #expect(try cell("help_1") == "99", "not picked beside Prefer not to say: missing for that reason, not 0")
            #expect(try cell("help_2") == "99")
            #expect(try cell("help_99") == "1")
            #expect(try cell("any") == "-1000000000000001", "a number with no bounds: beyond every number kept")
            #expect(try cell("minus") == "'-99", "a text of -99 is not the skip mark")
            #expect(try cell("story") == "-99")
        }
        let codebook = Codebook([study.instrument])
        let byName = Dictionary(uniqueKeysWithValues: codebook.variables.map { ($0.name, $0) })
        #expect(byName["neg"]?.skipped == -999)
        #expect(byName["help_1"]?.missing.map(\.code) == [99])
        #expect(byName["adult"]?.skipped == nil, "a calculation is never skipped")
    }

    /// Each calculation is declared as what it gives.
    @Test func calculationsKeepTheirType() throws {
        let study = try Study()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let byName = Dictionary(uniqueKeysWithValues: Codebook([study.instrument]).variables.map { ($0.name, $0) })
        #expect(byName["adult"]?.measure == .nominal)
        #expect(byName["adult"]?.codes.map(\.label) == ["False", "True"])
        #expect(byName["next_visit"]?.measure == .date)
        #expect(byName["town"]?.measure == .text)
        #expect(byName["doubled"]?.measure == .scale)
    }

    /// Strings are as wide as the data, and where SPSS's own limit cuts one, the export says so.
    @Test func spssStringsAreSizedFromTheDataAndTheLimitIsSaid() {
        var warnings: [String] = []
        #expect(SPSSSyntax.stringFormat("instrument_version", width: 45, floor: 1, warnings: &warnings) == "A45")
        #expect(SPSSSyntax.stringFormat("story", width: 3, floor: 8, warnings: &warnings) == "A8")
        #expect(warnings.isEmpty)
        #expect(SPSSSyntax.stringFormat("story", width: 40_000, floor: 8, warnings: &warnings) == "A32767")
        #expect(warnings == ["SPSS holds at most 32767 bytes of text: 'story' has values of up to 40000 bytes, which SPSS cuts"])
    }

    /// SPSS takes three discrete missing codes, or one range and one code; what fits neither is moved.
    @Test func spssMissingValuesNeverSwapValidAndMissing() {
        #expect(SPSSMissing.of(missing: [-99, 97, 98, 99], valid: [1, 2, 3])?.declaration == "97 THRU 99, -99")
        #expect(SPSSMissing.of(missing: [-99, -9], valid: [1, 2])?.declaration == "-99, -9")
        // -2..2 valid, missing on both sides of it: a range may not cover a valid code.
        #expect(SPSSMissing.of(missing: [-99, -9, -3, 97], valid: [-2, -1, 0, 1, 2])?.declaration == "-99 THRU -3, 97")
        let moved = SPSSMissing.of(missing: [-99, -3, 97, 98], valid: [-4, -2, 0, 2, 99])
        #expect(moved?.declaration == "-103 THRU -100")
        #expect(moved?.recoded.map(\.to) == [-100, -101, -102, -103])
    }
}

@Suite struct DamagedNumberTests {
    /// A stored number of 30 digits (written by hand, or by an older version without limits)
    /// is summarised and exported without a crash.
    @Test func summarisesAndExportsANumberBeyondEveryLimit() throws {
        let study = try Study()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let writer = try study.play(finish: true)
        let path = study.folder + "/every-kind/" + writer.header.responseID + ".json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"age\": 40"))
        text = text.replacingOccurrences(of: "\"age\": 40", with: "\"age\": 123456789012345678901234567890")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let summary = Summary(try ResponseReader(path: study.folder + "/every-kind"))
        #expect(!SummaryRenderer(minCell: 1, ascii: true).text(summary).isEmpty)
        let rows = parseCSV(try study.export(.csv))
        let age = try #require(rows[0].firstIndex(of: "age"))
        #expect(rows[1][age] == "123456789012345678901234567890")
    }
}
