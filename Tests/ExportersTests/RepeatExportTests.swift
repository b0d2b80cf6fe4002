@testable import Exporters
import Expressions
import Foundation
import InstrumentCompiler
import InstrumentModel
import ResponseStore
import SessionEngine
import Testing

/// A repeat of each kind: for each activity ticked (one coded -1), a counted one, and one asked
/// until the participant says there are no more; then a question after them all.
let repeatsInstrument = """
    format: 1
    id: repeats
    version: 1.0.0
    title: Repeats
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
      - id: end
        questions:
          - {id: last, type: text, text: Anything else?}
    """

/// A responses folder of the repeats instrument, removed by the caller.
struct RepeatStudy {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-repeats-\(UUID().uuidString)").path
    let instrument: Instrument
    let store: InstrumentStore
    let day = StoreClock.today()
    let id: String

    init(_ source: String = repeatsInstrument, id: String = "repeats") throws {
        self.id = id
        let result = InstrumentCompiler.compile(Array(source.utf8))
        instrument = try #require(result.instrument, "\(result.diagnostics.map(\.message))")
        store = try InstrumentStore(root: folder, instrument: instrument, compiled: try #require(result.canonical),
                                    hash: try #require(result.contentHash))
    }

    /// Walking group and Swimming (not Cooking club), two people, one service; Swimming's visits
    /// and the second person's age skipped.
    static let moves: [SessionMove] = [
        .answer(Answer(.choices([1, -1]))), .answer(Answer(.number(2))),
        .answer(Answer(.number(4))), .answer(Answer(.text("Nice"))),
        .skip, .answer(Answer(.text("Cold"))),
        .answer(Answer(.number(40))), .skip,
        .answer(Answer(.number(3))), .answer(Answer(.choice(2))),
    ]

    @discardableResult
    func play(finish: Bool) throws -> SessionWriter {
        let writer = try store.begin(seed: 5, language: nil, started: DateValue.format(day), pseudonym: nil, today: day)
        var session = Session(instrument: instrument, seed: 5, today: day)
        for (i, move) in Self.moves.enumerated() {
            try writer.record(try session.apply(session.event(move, at: Double(i + 1))))
        }
        if finish {
            #expect(session.current?.id == "last")
            try writer.record(try session.apply(session.event(.answer(Answer(.text("No"))), at: 20)))
            try writer.finish(session, duration: 20)
        }
        return writer
    }

    func export(_ format: ExportFormat, labels: Bool = false) throws -> (out: String, report: ExportReport) {
        let out = folder + "/out-" + format.rawValue + (labels ? "-labels" : "")
        var options = ExportOptions(format: format, out: out)
        options.labels = labels
        return (out, try Exporter.run(try ResponseReader(path: folder + "/" + id), options))
    }

    func read(_ out: String, _ name: String) throws -> String { try String(contentsOfFile: out + "/" + name, encoding: .utf8) }
}

/// A CSV's rows as fields.
func repeatCSV(_ text: String) -> [[String]] {
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

@Suite struct RepeatExportTests {
    /// One column per repeated question per possible instance, instance by instance: the choice's
    /// code for `for_each` (−1 spelled `m1`), 1 to max for `count` and `until_done`.
    @Test func wideCSVHasAColumnPerInstance() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        try study.play(finish: true)
        let rows = repeatCSV(try study.read(try study.export(.csv).out, "responses.csv"))
        #expect(Array(rows[0].dropFirst(Codebook.fixed.count)) == [
            "activities_1", "activities_2", "activities_m1", "activities_99", "household_size",
            "visits_1", "said_1", "visits_2", "said_2", "visits_m1", "said_m1",
            "member_age_1", "member_age_2", "member_age_3", "wait_1", "wait_2", "last",
        ])
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["visits_1"] == "4")
        #expect(row["said_1"] == "Nice")
        #expect(row["visits_m1"] == "-99", "skipped in an instance that was asked")
        #expect(row["said_m1"] == "Cold")
        #expect(row["visits_2"] == "-999", "Cooking club was not chosen: no such instance, not a skip")
        #expect(row["said_2"] == "", "a text of an instance not present is empty")
        #expect(row["member_age_1"] == "40")
        #expect(row["member_age_2"] == "-99")
        #expect(row["member_age_3"] == "-999", "two people: no third")
        #expect(row["wait_1"] == "3")
        #expect(row["wait_2"] == "-999", "no other service")
    }

    /// The codebook labels each instance's column with the instance and says which code means
    /// that the instance does not exist, apart from the skip.
    @Test func codebookNamesEachInstance() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let byName = Dictionary(uniqueKeysWithValues: Codebook([study.instrument]).variables.map { ($0.name, $0) })
        #expect(byName["visits_2"]?.label == "Visits — Cooking club")
        #expect(byName["visits_m1"]?.label == "Visits — Swimming")
        #expect(byName["member_age_3"]?.label == "Age — 3")
        #expect(byName["visits_2"]?.skipped == -99)
        #expect(byName["visits_2"]?.missing.map(\.code) == [-999])
        #expect(byName["visits_2"]?.missing.map(\.label) == ["Not asked: Cooking club not chosen"])
        #expect(byName["member_age_3"]?.missing.map(\.label) == ["Not asked: fewer than 3"])
        #expect(byName["wait_2"]?.missing.map(\.label) == ["Not asked: fewer than 2"])
        #expect(byName["visits_2"]?.question == "visits")
        // A long choice label is kept short in the column's label, as every label is.
        let long = String(repeating: "Community allotment and gardening group ", count: 4)
        let edited = repeatsInstrument.replacingOccurrences(of: "label: Cooking club}", with: "label: \(long)}")
        let other = try RepeatStudy(edited, id: "repeats")
        defer { try? FileManager.default.removeItem(atPath: other.folder) }
        let label = try #require(Codebook([other.instrument]).variables.first { $0.name == "visits_2" }?.label)
        #expect(label == "Visits — " + String(long.trimmingCharacters(in: .whitespaces).prefix(79)) + "…")
    }

    /// A label that pipes the instance's choice ("What did you like about {activities.label}?")
    /// names the instance in its place, not after a raw pipe; the label of the question over
    /// every instance (the summary's, the data package's) says which question the instances follow.
    @Test func aPipedLabelNamesTheInstanceInItsPlace() throws {
        let edited = repeatsInstrument.replacingOccurrences(of: "{id: said, type: text, text: What did you like?, label: Liked}",
                                                             with: "{id: said, type: text, text: \"What did you like about {activities.label}?\"}")
        let study = try RepeatStudy(edited, id: "repeats")
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let byName = Dictionary(uniqueKeysWithValues: Codebook([study.instrument]).variables.map { ($0.name, $0) })
        #expect(byName["said_2"]?.label == "What did you like about Cooking club?")
        #expect(byName["said_m1"]?.label == "What did you like about Swimming?")
        #expect(byName["said_2"]?.instance?.columnLabel == "What did you like about [activities]?")
        #expect(byName["visits_2"]?.label == "Visits — Cooking club")
    }

    /// On one finished file, the byte scanner and the JSON tree give every cell alike, in codes
    /// and labels, for spreadsheets and for SPSS.
    @Test func scannerAndTreeAgreeOnOneFile() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let id = try study.play(finish: true).header.responseID
        let bytes = try #require(FileManager.default.contents(atPath: study.folder + "/repeats/" + id + ".json"))
        let probe = ResponseScanProbe([study.instrument])
        for (labels, spss, spreadsheet) in [(false, false, true), (true, false, true), (false, true, false)] {
            let (scanned, tree) = bytes.withUnsafeBytes { probe.cells($0, labels: labels, spss: spss, spreadsheet: spreadsheet) }
            #expect(scanned != nil && scanned == tree, "labels \(labels), spss \(spss)")
            #expect(scanned?.contains("-999") == !labels, "the code of an instance not present, read by both")
        }
    }

    /// The byte scanner (finished files) and the JSON tree (interrupted sessions) give every
    /// instance's cell alike, in codes and in labels, in both kinds of CSV.
    @Test func bothReadingPathsAgreeOnInstances() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        try study.play(finish: true)
        try study.play(finish: false)
        for (format, labels) in [(ExportFormat.csv, false), (.csv, true), (.spss, false)] {
            let (out, _) = try study.export(format, labels: labels)
            let rows = repeatCSV(try study.read(out, labels ? "responses-labels.csv" : "responses.csv"))
            let complete = try #require(rows.dropFirst().first { $0[3] == "complete" })
            let partial = try #require(rows.dropFirst().first { $0[3] == "partial" })
            var compared = 0
            // An unfinished response cannot say that no other service would follow: wait_2 is not known.
            let wait2 = try #require(rows[0].firstIndex(of: "wait_2"))
            #expect(partial[wait2] == "")
            for (i, name) in rows[0].enumerated().dropFirst(Codebook.fixed.count) where !name.hasPrefix("last") && name != "wait_2" {
                #expect(partial[i] == complete[i], "\(format) labels \(labels) \(name): partial \(partial[i]), complete \(complete[i])")
                compared += 1
            }
            #expect(compared >= 15)
            if labels {
                let row = Dictionary(uniqueKeysWithValues: zip(rows[0], complete))
                #expect(row["visits_2"] == "Not asked: Cooking club not chosen")
                #expect(row["visits_m1"] == "Skipped")
            }
            if format == .spss {
                let row = Dictionary(uniqueKeysWithValues: zip(rows[0], complete))
                #expect(row["said_2"] == "" && row["said_2_skipped"] == "2", "no such instance, in the skip column")
                #expect(row["said_m1_skipped"] == "0")
            }
        }
    }

    /// Beside the wide file, a file per repeat: one row per instance the response has, the
    /// questions under their own names, in codes, with the instance's key and label.
    @Test func exportWritesATidyFilePerRepeat() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let writer = try study.play(finish: true)
        let id = writer.header.responseID
        let (out, report) = try study.export(.csv)
        #expect(report.files.map { ($0 as NSString).lastPathComponent } == [
            "responses.csv", "responses-repeat-activity.csv", "responses-repeat-member.csv", "responses-repeat-service.csv",
        ])
        #expect(repeatCSV(try study.read(out, "responses-repeat-activity.csv")) == [
            ["response_id", "instance", "instance_label", "visits", "said"],
            [id, "1", "Walking group", "4", "Nice"],
            [id, "-1", "Swimming", "-99", "Cold"],
        ])
        #expect(repeatCSV(try study.read(out, "responses-repeat-member.csv")) == [
            ["response_id", "instance", "instance_label", "member_age"],
            [id, "1", "1", "40"],
            [id, "2", "2", "-99"],
        ])
        #expect(repeatCSV(try study.read(out, "responses-repeat-service.csv")) == [
            ["response_id", "instance", "instance_label", "wait"],
            [id, "1", "1", "3"],
        ])
        // The statistical packages' CSV has the skip column beside a text, as the wide one does.
        let spss = repeatCSV(try study.read(try study.export(.spss).out, "responses-repeat-activity.csv"))
        #expect(spss.first == ["response_id", "instance", "instance_label", "visits", "said", "said_skipped"])
    }

    /// The long CSV has a row per instance's answer, naming the repeat and the instance; an
    /// instance the response has not has no rows.
    @Test func longCSVNamesTheRepeatAndInstance() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        try study.play(finish: true)
        let rows = repeatCSV(try study.read(try study.export(.long).out, "responses-long.csv"))
        #expect(rows[0] == ["response_id", "instrument_version", "status", "variable", "code", "label", "text", "repeat", "instance"])
        let body = rows.dropFirst().map { Array($0.dropFirst(3)) }
        #expect(body.contains(["visits_1", "4", "", "", "activity", "1"]))
        #expect(body.contains(["said_m1", "", "", "Cold", "activity", "-1"]))
        #expect(body.contains(["visits_m1", "-99", "Skipped", "", "activity", "-1"]))
        #expect(body.contains(["household_size", "2", "", "", "", ""]))
        #expect(!body.contains { $0[0] == "visits_2" || $0[0] == "member_age_3" || $0[0] == "wait_2" }, "no rows for instances not present")
    }

    /// JSON lines keep each repeat's instances as objects in order, with their key and label and
    /// their answers under the questions' own ids, as the response file does; the top-level
    /// answers hold the rest.
    @Test func jsonLinesKeepAnObjectPerInstance() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        try study.play(finish: true)
        let line = try study.read(try study.export(.jsonl).out, "responses.jsonl").split(separator: "\n")[0]
        let object = try #require(Array(line.utf8).withUnsafeBytes { JSON.parse($0) })
        #expect(object["answers"]?.object?.keys.sorted() == ["activities", "household_size", "last"])
        let activity = try #require(object["repeats"]?["activity"]?.array)
        #expect(activity.map { $0["key"]?.int } == [1, -1])
        #expect(activity.map { $0["label"]?.string } == ["Walking group", "Swimming"])
        #expect(activity[0]["answers"] == .object(["visits": .number(4), "said": .string("Nice")]))
        #expect(activity[1]["skipped"] == .array([.string("visits")]))
        let service = try #require(object["repeats"]?["service"]?.array)
        #expect(service.count == 1)
    }

    /// The summary counts a repeated question once, over all its instances, says so, and counts
    /// alike from the bytes and from the tree.
    @Test func summaryCountsRepeatedQuestionsAcrossInstances() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        try study.play(finish: true)
        try study.play(finish: true)
        try study.play(finish: false)
        let reader = try ResponseReader(path: study.folder + "/repeats")
        let renderer = SummaryRenderer(minCell: 1, ascii: true)
        let fast = renderer.text(Summary(reader, scanning: true))
        let tree = renderer.text(Summary(reader, scanning: false))
        #expect(fast == tree)
        // Three responses, each with Walking group (4 visits) and Swimming (skipped): three answers of 4, three skips.
        #expect(fast.contains("Visits (every instance of 'activity'; each person counted once) (visits)\n  n 3 answers from 3 people, mean 4, median 4, sd 0, range 4–4; skipped 3"), "\(fast)")
        #expect(fast.contains("Age (every instance of 'member'; each person counted once) (member_age)\n  n 3 answers from 3 people, mean 40"), "\(fast)")
        #expect(!fast.contains("visits_2"), "one item per question, not per instance")
    }

    /// De-identification reaches into instances: free text dropped and dates moved there as in
    /// questions asked once, in every format (the JSON lines carry the instances whole).
    @Test func deidentificationReachesInstances() throws {
        let source = """
            format: 1
            id: visits
            version: 1.0.0
            title: Visits
            privacy: {timestamps: date}
            sections:
              - id: about
                questions:
                  - {id: n, type: number, text: How many visits?, max: 2}
              - id: visit
                repeat: {count: n}
                questions:
                  - {id: on, type: date, text: When?}
                  - {id: note, type: text, text: What happened?}
            """
        let study = try RepeatStudy(source, id: "visits")
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let writer = try study.store.begin(seed: 5, language: nil, started: DateValue.format(study.day), pseudonym: nil, today: study.day)
        var session = Session(instrument: study.instrument, seed: 5, today: study.day)
        for (i, move) in [SessionMove.answer(Answer(.number(1))), .answer(Answer(.date("2024-05-06"))), .answer(Answer(.text("Met Dr Jones")))].enumerated() {
            try writer.record(try session.apply(session.event(move, at: Double(i + 1))))
        }
        try writer.finish(session, duration: 3)
        for format in [ExportFormat.jsonl, .csv] {
            let out = study.folder + "/out-deid-" + format.rawValue
            var options = ExportOptions(format: format, out: out)
            options.deidentification = Deidentification(dropFreeText: true, dates: .shift)
            _ = try Exporter.run(try ResponseReader(path: study.folder + "/visits"), options)
            let name = format == .jsonl ? "responses.jsonl" : "responses.csv"
            let text = try study.read(out, name)
            #expect(!text.contains("Jones"), "\(format): \(text)")
            #expect(!text.contains("2024-05-06"), "\(format): \(text)")
            if format == .csv {
                #expect(!text.contains("note_1"), "the repeated text's column is left out too")
                let tidy = try study.read(out, "responses-repeat-visit.csv")
                #expect(!tidy.contains("Jones") && !tidy.contains("2024-05-06") && !tidy.contains("note"), "\(tidy)")
            }
        }
    }

    /// The codebook says which instance each column holds and what decides the instances.
    @Test func codebookExplainsTheInstances() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let markdown = try study.read(try study.export(.codebook).out, "codebook.md")
        #expect(markdown.contains("the instance for *Cooking club* (code 2); 'activity' is asked once for each choice ticked in `activities`"))
        #expect(markdown.contains("instance 3; 'member' is asked as many times as `household_size` says, at most 3"))
        #expect(markdown.contains("-999 = Not asked: Cooking club not chosen"))
    }

    /// A hand-edited compiled instrument with a repeat's max far above the limit (or below 1)
    /// gives at most `Repeat.maxInstances` columns per question (none below 1), not a hang.
    @Test func aDamagedMaxIsBounded() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        var instrument = study.instrument
        let member = try #require(instrument.sections.firstIndex { $0.id == "member" })
        instrument.sections[member].repeat?.max = 1_000_000_000
        #expect(Codebook.instances(of: instrument.sections[member], in: instrument).count == Repeat.maxInstances)
        instrument.sections[member].repeat?.max = -5
        #expect(Codebook.instances(of: instrument.sections[member], in: instrument).isEmpty)
    }
}


/// `summary`'s smallest-cell rule counts people for a repeated question (issue 16's privacy
/// intent): one person who gives the same answer about three activities is one, not three.
@Suite struct RepeatSummaryPeopleTests {
    static let source = """
        format: 1
        id: people
        version: 1.0.0
        title: People
        privacy: {timestamps: date}
        sections:
          - id: about
            questions:
              - {id: activities, type: multiple, text: Which activities?, choices: [Walking, Cooking, Swimming]}
          - id: activity
            repeat: {for_each: activities}
            questions:
              - {id: visits, type: number, text: How many visits?, label: Visits, min: 0, max: 31}
              - {id: liked, type: single, text: Did you like it?, label: Liked, choices: ["Yes", "No"]}
              - {id: said, type: text, text: Why?, label: Said}
              - {id: last, type: date, text: When last?, label: Last}
        """

    /// One person goes to all three activities (visits 4, 5, 6, liked each, a reason and a date
    /// each); another only walks (7 visits, not liked, a reason, a date).
    static func study() throws -> RepeatStudy {
        let study = try RepeatStudy(source, id: "people")
        let people: [[SessionMove]] = [
            [.answer(Answer(.choices([1, 2, 3])))] + [4, 5, 6].flatMap { n -> [SessionMove] in
                [.answer(Answer(.number(Double(n)))), .answer(Answer(.choice(1))), .answer(Answer(.text("fun"))),
                 .answer(Answer(.date("2024-05-0\(n)")))]
            },
            [.answer(Answer(.choices([1]))), .answer(Answer(.number(7))), .answer(Answer(.choice(2))), .answer(Answer(.text("cold"))),
             .answer(Answer(.date("2024-04-30")))],
        ]
        for (k, moves) in people.enumerated() {
            let writer = try study.store.begin(seed: UInt64(k + 1), language: nil, started: DateValue.format(study.day), pseudonym: nil, today: study.day)
            var session = Session(instrument: study.instrument, seed: UInt64(k + 1), today: study.day)
            for (i, move) in moves.enumerated() { try writer.record(try session.apply(session.event(move, at: Double(i + 1)))) }
            try writer.finish(session, duration: 20)
        }
        return study
    }

    /// Both readers (the byte scanner and the JSON tree) count people, alike.
    static func summaries(_ study: RepeatStudy, minCell: Int) throws -> String {
        let reader = try ResponseReader(path: study.folder + "/people")
        let renderer = SummaryRenderer(minCell: minCell, ascii: true)
        let fast = renderer.text(Summary(reader, scanning: true))
        #expect(fast == renderer.text(Summary(reader, scanning: false)))
        return fast
    }

    @Test func countsArePeopleNotAnswers() throws {
        let study = try Self.study()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let text = try Self.summaries(study, minCell: 1)
        // "Yes" was given three times, by one person; two people were asked.
        #expect(text.contains("""
            Liked (every instance of 'activity'; each person counted once) (liked, 2 asked)
              Yes      ##########              1   50%
              No       ##########              1   50%
              Skipped                          0    0%
            """), "\(text)")
        #expect(text.contains("""
            Visits (every instance of 'activity'; each person counted once) (visits)
              n 4 answers from 2 people, mean 5.50, median 5.50, sd 1.29, range 4–7; skipped 0
            """), "\(text)")
        #expect(text.contains("Said (every instance of 'activity'; each person counted once) (said)\n  written by 2 people; skipped 0"), "\(text)")
        #expect(text.contains("Last (every instance of 'activity'; each person counted once) (last)\n  given by 2 people; skipped 0"), "\(text)")
    }

    /// At `--min-cell 3`, four answers from two people are not shown, and three "Yes" from one person are "<3".
    @Test func smallestCellIsAboutPeople() throws {
        let study = try Self.study()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let text = try Self.summaries(study, minCell: 3)
        #expect(text.contains("Visits (every instance of 'activity'; each person counted once) (visits)\n  answers from fewer than 3 people: not shown"), "\(text)")
        #expect(text.contains("(liked, <3 asked)\n  Yes"), "\(text)")
        #expect(!text.contains("  Yes                          3"), "\(text)")
        #expect(text.contains("written by <3 people; skipped 0"), "\(text)")
        #expect(text.contains("(last)\n  given by <3 people; skipped 0"), "\(text)")
    }
}
