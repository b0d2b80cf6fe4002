import Foundation
import TestSupport
import Testing

/// One instrument of CI's seed, with its sessions in a store, for the tests that plant a defect
/// in a copy of an export and show that the comparison reports it.
struct PlantedStudy {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-planted-\(UUID().uuidString)").path
    var run = FidelityRun(config: FidelityConfig(seed: 20_260_611, instruments: 1, sessions: 8, plain: 0))
    let specs: [InstrumentSpec]
    let oracle: Oracle
    let folder: String
    var simulated: [UInt64: SimulatedSession] = [:]
    var rows: [String: SimulatedSession] = [:]

    init() throws {
        var generator = InstrumentGenerator(random: FidelityRandom(seed: run.config.seed))
        specs = generator.instrument(index: 0)
        oracle = Oracle(specs)
        folder = root + "/" + specs[0].id
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        do {
            simulated = try #require(try run.populate(specs, index: 0, root: root)).0
            rows = try run.responses(folder, simulated: simulated, instrument: specs[0].id, in: root)
        } catch {
            // The caller removes the folder only once it has the study.
            try? FileManager.default.removeItem(atPath: root)
            throw error
        }
        #expect(run.failures.isEmpty, "\(run.failures)")
    }

    /// A run with no differences yet, for one comparison.
    var fresh: FidelityRun { FidelityRun(config: run.config) }

    /// A CSV every field quoted (RFC 4180), as Python's csv reads it back.
    static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}

extension FidelitySuite {
    /// A repeat's file read back clean has no difference; a copy of it with two instances' values
    /// swapped, with a row dropped, or with a row for an instance the response has not, each has
    /// the difference named (the session, the instance's column, or the instance).
    @Test func theRepeatFileComparisonFindsPlantedDefects() throws {
        let study = try PlantedStudy()
        defer { try? FileManager.default.removeItem(atPath: study.root) }
        let csv = try study.run.export(study.folder, "csv")
        let spec = try #require(study.specs.last)
        let files = spec.repeats.map { csv + "/responses-repeat-\($0.id).csv" }
        let read = try Readers.rows(files, in: study.root)
        var clean = study.fresh
        for r in spec.repeats {
            clean.compareRepeatFile(try #require(read[csv + "/responses-repeat-\(r.id).csv"]), kind: "csv", repeat: r, spec: spec,
                                    oracle: study.oracle, rows: study.rows)
        }
        #expect(clean.differences.isEmpty && clean.failures.isEmpty, "\(clean.differences.prefix(5)) \(clean.failures)")
        #expect(clean.cellsByReader["repeat csv (Python csv)", default: 0] > 20, "the file has rows to compare")

        // Two rows of one response whose values differ: the instances' values swapped.
        let (r, table, i, j) = try #require(spec.repeats.lazy.compactMap { r -> (RepeatSpec, [[String]], Int, Int)? in
            guard let t = read[csv + "/responses-repeat-\(r.id).csv"], t.count > 2 else { return nil }
            for a in 1..<t.count { for b in (a + 1)..<max(a + 1, t.count) where t[a][0] == t[b][0] && t[a].dropFirst(3) != t[b].dropFirst(3) {
                return (r, t, a, b)
            } }
            return nil
        }.first, "a response with two instances that differ")
        let planted = study.root + "/planted.csv"
        func compare(_ rows: [[String]]) throws -> FidelityRun {
            try PlantedStudy.csv(rows).write(toFile: planted, atomically: false, encoding: .utf8)
            var run = study.fresh
            run.compareRepeatFile(try #require(try Readers.rows([planted], in: study.root)[planted]), kind: "csv", repeat: r, spec: spec,
                                  oracle: study.oracle, rows: study.rows)
            return run
        }
        var swapped = table
        swapped[i] = Array(table[i].prefix(3) + table[j].dropFirst(3))
        swapped[j] = Array(table[j].prefix(3) + table[i].dropFirst(3))
        let session = try #require(study.rows[table[i][0]]).seed
        let found = try compare(swapped).differences
        let differing = zip(table[i], table[j]).enumerated().filter { $0.offset >= 3 && $0.element.0 != $0.element.1 }.map(\.offset)
        let key = { (row: Int) in Int(table[row][1]).map(FidelityRun.keyText) ?? "" }
        for k in differing {
            // The instance's own wide column (`r3_visits_2`) is named, for each of the two instances.
            for row in [i, j] {
                let name = table[0][k]
                let wide = study.oracle.columns.first { $0.instance == Int(table[row][1]) && $0.name.hasPrefix($0.question + "_" + key(row))
                    && $0.question + $0.name.dropFirst(($0.question + "_" + key(row)).count) == name }?.name
                #expect(found.contains { $0.session == session && $0.column == wide }, "\(name) of instance \(table[row][1]) not reported: \(found)")
            }
        }
        #expect(found.count == 2 * differing.count, "\(found)")

        // A row dropped: its instance is reported missing.
        var dropped = table
        dropped.remove(at: j)
        #expect(try compare(dropped).differences.map(\.column) == ["\(r.id) instance \(table[j][1])"])

        // A row for an instance the response has not: another key of the repeat, not among its rows.
        let keys = Set(table.filter { $0[0] == table[i][0] }.map { $0[1] })
        let other = try #require(spec.possibleKeys(r).map { String($0.key) }.first { !keys.contains($0) }, "a key the response has not")
        var added = table
        added.append([table[i][0], other] + table[i].dropFirst(2))
        let extra = try compare(added).differences
        #expect(extra.map(\.column) == ["\(r.id) instance \(other)"], "\(extra)")
        #expect(extra.first?.intended == .notAsked)
    }

    /// The summary read back clean has no difference; a copy of its Markdown with one count
    /// changed (a choice's, a number's skips, a version's completed responses) or an item left
    /// out has each difference named.
    @Test func theSummaryComparisonFindsPlantedDefects() throws {
        let study = try PlantedStudy()
        defer { try? FileManager.default.removeItem(atPath: study.root) }
        let summary = try Run.command(fieldworkBinary(), ["summary", study.folder, "--min-cell", "1", "--format", "markdown"])
        #expect(summary.status == 0, "\(summary.stderr)")
        let text = summary.stdout
        func compare(_ markdown: String) -> FidelityRun {
            var run = study.fresh
            run.compareSummary(SummaryReport(markdown: markdown), specs: study.specs, oracle: study.oracle, rows: study.rows, simulated: study.simulated)
            return run
        }
        let clean = compare(text)
        #expect(clean.differences.isEmpty && clean.failures.isEmpty, "\(clean.differences.prefix(5)) \(clean.failures)")
        #expect(clean.cellsByReader["summary (Markdown)", default: 0] > 50, "the summary has items to compare")

        var lines = text.components(separatedBy: "\n")
        // A choice counted once more than it was chosen: its item's rows (and that row's percentage).
        let row = try #require(lines.indices.first { lines[$0].hasPrefix("| ") && !lines[$0].hasPrefix("| version") && !lines[$0].hasPrefix("| answer")
            && !lines[$0].hasPrefix("| Skipped") && SummaryReport.fields(lines[$0]).count == 3 && lines[..<$0].last { $0.hasPrefix("## ") } != nil })
        let heading = try #require(lines[..<row].last { $0.hasPrefix("## ") })
        let item = try #require(SummaryReport(markdown: heading).order.first)
        var fields = SummaryReport.fields(lines[row])
        fields[1] = String(try #require(Int(fields[1])) + 1)
        var planted = lines
        planted[row] = "| " + fields.joined(separator: " | ") + " |"
        #expect(compare(planted.joined(separator: "\n")).differences.map(\.column).contains("\(item) rows"))

        // A number's skips one more.
        let statistics = try #require(lines.indices.first { lines[$0].hasPrefix("n ") && lines[$0].contains("; skipped ") })
        let numbers = try #require(lines[..<statistics].last { $0.hasPrefix("## ") })
        let name = try #require(SummaryReport(markdown: numbers).order.first)
        let skips = try #require(lines[statistics].range(of: "; skipped ")?.upperBound)
        let digits = lines[statistics][skips...].prefix { $0.isNumber }
        planted = lines
        planted[statistics] = String(lines[statistics][..<skips]) + String(try #require(Int(digits)) + 1) + lines[statistics][skips...].dropFirst(digits.count)
        #expect(compare(planted.joined(separator: "\n")).differences.map(\.column) == [name])

        // A version's complete responses one fewer.
        let status = try #require(lines.indices.first { lines[$0].hasPrefix("| 1.0.0 |") })
        var counts = SummaryReport.fields(lines[status])
        counts[1] = String(try #require(Int(counts[1])) - 1)
        planted = lines
        planted[status] = "| " + counts.joined(separator: " | ") + " |"
        #expect(compare(planted.joined(separator: "\n")).differences.map(\.column) == ["version 1.0.0 complete, partial, declined"])

        // An item left out.
        let last = try #require(lines.lastIndex { $0.hasPrefix("## ") })
        let gone = try #require(SummaryReport(markdown: lines[last]).order.first)
        lines.removeSubrange(last...)
        #expect(compare(lines.joined(separator: "\n")).differences.map(\.column) == ["\(gone) (an item)"])
    }
}

extension FidelitySuite {
    /// The summary at `--min-cell 5` read back clean has no difference; a copy with a count
    /// under 5 shown as it is, a number's statistics shown from fewer than 5 answers, or a
    /// range's end shown exact where fewer than 5 answers hold it, has each named.
    @Test func theDisclosureComparisonFindsPlantedDefects() throws {
        let study = try PlantedStudy()
        defer { try? FileManager.default.removeItem(atPath: study.root) }
        let summary = try Run.command(fieldworkBinary(), ["summary", study.folder, "--format", "markdown"])
        #expect(summary.status == 0, "\(summary.stderr)")
        func compare(_ markdown: String) -> [String] {
            var run = study.fresh
            run.compareSummaryDisclosure(SummaryReport(markdown: markdown), specs: study.specs, oracle: study.oracle, rows: study.rows,
                                         simulated: study.simulated)
            return run.differences.map(\.column)
        }
        let lines = summary.stdout.components(separatedBy: "\n")
        #expect(compare(summary.stdout) == [])
        func heading(_ at: Int) throws -> String {
            let line = try #require(lines[..<at].last { $0.hasPrefix("## ") })
            return try #require(SummaryReport(markdown: line).order.first)
        }
        func planted(_ at: Int, _ line: String) -> String {
            var copy = lines
            copy[at] = line
            return copy.joined(separator: "\n")
        }
        // A choice's count under 5 shown as it is.
        let small = try #require(lines.indices.first { lines[$0].hasPrefix("| ") && SummaryReport.fields(lines[$0]).count == 3
            && SummaryReport.fields(lines[$0])[1] == "<5" })
        let label = SummaryReport.fields(lines[small])[0]
        // (Shown as 1, it may also give away another count of its table: that is reported too.)
        let shown = compare(planted(small, "| \(label) | 1 |  |"))
        #expect(shown.first == "\(try heading(small)) \(label)", "\(shown)")
        // Statistics from fewer than 5 answers.
        let few = try #require(lines.firstIndex(of: "fewer than 5 answers: not shown"))
        #expect(compare(planted(few, "n 3, mean 1, median 1, sd 0, range 1–1; skipped 0")) == [try heading(few)])
        // A range's lower end shown exact where fewer than 5 answers hold it.
        let range = try #require(lines.indices.first { lines[$0].contains("range ≤") })
        #expect(compare(planted(range, lines[range].replacingOccurrences(of: "range ≤", with: "range "))) == ["\(try heading(range)) lowest"])
    }

    /// The check that no hidden count can be worked out from the rest of its table.
    @Test func aHiddenCountThatTheOthersGiveAwayIsFound() {
        #expect(FidelityRun.pinned(["<5", "7", "0"], total: "10") == "row 1", "10 - 7 - 0 = 3")
        #expect(FidelityRun.pinned(["<5", "<5", "7"], total: "10") == nil, "1 and 2, or 2 and 1")
        #expect(FidelityRun.pinned(["<5", "<5", "7"], total: "9") == "row 1", "only 1 and 1 add up to 2")
        #expect(FidelityRun.pinned(["x", "<5", "6"], total: "14") == nil, "5 and 3, 6 and 2, 7 and 1")
        #expect(FidelityRun.pinned(["x", "<5", "6"], total: "12") == "row 1", "only 5 and 1 add up to 6")
        #expect(FidelityRun.pinned(["0", "0"], total: "<5") == "the total", "a total under 5 of nothing shown is 0")
        #expect(FidelityRun.pinned(["<5", "0"], total: "<5") == nil)
        #expect(FidelityRun.pinned(["<5", "7"], total: "x") == nil, "an unknown total gives nothing away")
    }
}
