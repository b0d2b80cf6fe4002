import Expressions
import Foundation
import InstrumentCompiler
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport
import Testing

/// The fidelity suite: random instruments, random sessions through the engine (and some typed to
/// the real binary's plain driver), every export format (the repeats' own files too), each read
/// back by its real reader and compared cell by cell, missing or not and why, with what the
/// participant gave; and `fieldwork summary`'s counts with counts worked out from the sessions.
///
/// `swift test --filter FidelitySuite` runs it at CI's fixed seed and size;
/// `Tools/fidelity --seed N --instruments K` runs it at any seed and size.
struct FidelityConfig {
    var seed: UInt64 = 20_260_611
    var instruments = 3
    var sessions = 6
    var plain = 1
    /// How many unexplained differences the report lists in full.
    var listed = 40

    static var current: FidelityConfig {
        let env = ProcessInfo.processInfo.environment
        var c = FidelityConfig()
        if let s = env["FIDELITY_SEED"].flatMap(UInt64.init) { c.seed = s }
        if let n = env["FIDELITY_INSTRUMENTS"].flatMap(Int.init) { c.instruments = n }
        if let n = env["FIDELITY_SESSIONS"].flatMap(Int.init) { c.sessions = n }
        if let n = env["FIDELITY_PLAIN"].flatMap(Int.init) { c.plain = n }
        if let n = env["FIDELITY_LISTED"].flatMap(Int.init) { c.listed = n }
        return c
    }
}

/// The real binary, beside the test bundle in the build folder.
func fieldworkBinary() -> String {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.path != "/" {
        let candidate = folder.appendingPathComponent("fieldwork")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
        folder = folder.deletingLastPathComponent()
    }
    return Run.packageRoot.appendingPathComponent(".build/debug/fieldwork").path
}

struct FidelityRun {
    var config: FidelityConfig
    var differences: [Difference] = []
    var failures: [String] = []
    var cells = 0
    var cellsByReader: [String: Int] = [:]
    var sessions: [Behaviour: Int] = [:]
    var readers: Set<String> = []
    var interviewSessions = 0
    /// Cells of repeated sections' instances compared, and how many held an answer or a skip.
    var instanceCells = 0, instanceAnswers = 0
    /// What the generated repeats held, so the report shows the conditions and blocks were made.
    var repeatsMade = 0, blocksMade = 0, repeatsConditioned = 0, innerConditioned = 0

    mutating func instrument(_ index: Int) throws {
        var generator = InstrumentGenerator(random: FidelityRandom(seed: config.seed &+ UInt64(index) &* 1_000_003))
        let specs = generator.instrument(index: index)
        repeatsMade += specs[0].repeats.count
        blocksMade += specs[0].repeats.filter(\.block).count
        repeatsConditioned += specs[0].repeats.filter { $0.condition != nil }.count
        innerConditioned += specs[0].repeats.flatMap(\.questions).filter { $0.showIf != nil }.count
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-fidelity-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["FIDELITY_KEEP"] == nil { try? FileManager.default.removeItem(atPath: root) } }
        guard let populated = try populate(specs, index: index, root: root) else { return }
        let (simulated, hashes) = populated
        // Every other instrument's folder carries the marker `fieldwork simulate` leaves.
        let marked = index % 2 == 1
        if marked { try "made up by the fidelity suite\n".write(toFile: root + "/" + specs[0].id + "/SIMULATED.txt", atomically: false, encoding: .utf8) }
        try compare(specs: specs, root: root + "/" + specs[0].id, simulated: simulated, marked: marked, today: DateValue.format(StoreClock.today()),
                    hashes: hashes)
    }

    /// Writes an instrument's versions into a store under `root`, with random sessions through
    /// the engine (and `config.plain` typed to the real binary's plain driver); nil, with the
    /// failure noted, when a version does not compile. Each session by its seed; each version's hash.
    mutating func populate(_ specs: [InstrumentSpec], index: Int, root: String) throws -> ([UInt64: SimulatedSession], [String: String])? {
        let today = StoreClock.today()
        var random = FidelityRandom(seed: config.seed ^ (UInt64(index) &+ 0xF1DE))
        var simulated: [UInt64: SimulatedSession] = [:]
        var seedBase = UInt64(index) * 100_000 + 1
        var hashes: [String: String] = [:]
        for spec in specs {
            try spec.yaml.write(toFile: root + "/\(spec.id)-\(spec.version).yaml", atomically: false, encoding: .utf8)
            let result = InstrumentCompiler.compile(Array(spec.yaml.utf8))
            guard let instrument = result.instrument, let canonical = result.canonical, let hash = result.contentHash else {
                failures.append("seed \(config.seed) instrument \(index) v\(spec.version) does not compile: \(result.diagnostics.map(\.message))\n\(spec.yaml)")
                return nil
            }
            let store = try InstrumentStore(root: root, instrument: instrument, compiled: canonical, hash: hash)
            hashes[spec.version] = hash
            for _ in 0..<config.sessions {
                let behaviour = random.pick([Behaviour.complete, .complete, .partial, .changer, .declined])
                let language = random.pick(["en", "cy"])
                var sessions = SessionGenerator(random: FidelityRandom(seed: random.next()))
                var s = sessions.run(instrument, spec: spec, seed: seedBase, behaviour: behaviour, today: today, language: language)
                seedBase += 1
                if s.finished && random.chance(0.2) {
                    // As `fieldwork simulate` writes one: no journal, and marked simulated.
                    let id = String(format: "%016llx%016llx", UInt64(index) &+ 0xF1DE, s.seed)
                    try store.writeSimulated(s.session, responseID: id, identifyingID: id, started: DateValue.format(today), pseudonym: nil, duration: 10)
                    s.simulated = true
                } else {
                    let writer = try store.begin(seed: s.seed, language: language, started: DateValue.format(today), pseudonym: nil, today: today,
                                                 set: s.launch)
                    for e in s.events { try writer.record(e) }
                    if s.finished || s.declined { try writer.finish(s.session, duration: 10) }
                }
                simulated[s.seed] = s
                sessions_(behaviour)
            }
        }
        // A sample typed to the real binary's plain driver, as a participant would.
        if let last = specs.last, let instrument = InstrumentCompiler.compile(Array(last.yaml.utf8)).instrument {
            for _ in 0..<config.plain {
                var sessions = SessionGenerator(random: FidelityRandom(seed: random.next()))
                let s = sessions.run(instrument, spec: last, seed: seedBase, behaviour: .plain, today: today, language: "en")
                seedBase += 1
                let run = try Run.command(fieldworkBinary(), ["run", root + "/\(last.id)-\(last.version).yaml", "--plain", "--responses", root,
                                                              "--seed", String(s.seed), "--language", "en"]
                                                              + s.launch.sorted { $0.key < $1.key }.flatMap { ["--set", "\($0.key)=\($0.value)"] },
                                          input: s.typed.joined(separator: "\n") + "\n\n")  // the last Enter sends, at the review
                if run.status != 0 && run.status != 3 {
                    failures.append("seed \(config.seed) instrument \(index): the plain driver exited \(run.status): \(run.stderr.prefix(500))")
                }
                simulated[s.seed] = s
                sessions_(.plain)
            }
        }
        return (simulated, hashes)
    }

    private mutating func sessions_(_ b: Behaviour) { sessions[b, default: 0] += 1 }

    func export(_ folder: String, _ format: String) throws -> String {
        let out = folder + "/../export-" + format
        let r = try Run.command(fieldworkBinary(), ["export", folder, "--format", format, "--out", out])
        guard r.status == 0 else { throw ReaderFailure(reader: "fieldwork export --format \(format)", output: r.stdout + r.stderr) }
        return (out as NSString).standardizingPath
    }

    mutating func compare(specs: [InstrumentSpec], root: String, simulated: [UInt64: SimulatedSession], marked: Bool, today: String,
                          hashes: [String: String]) throws {
        let oracle = Oracle(specs)
        let codebook = try export(root, "codebook")
        let long = try export(root, "long")
        let jsonl = try export(root, "jsonl")
        let rows = try responses(root, simulated: simulated, instrument: specs[0].id, in: jsonl)
        var tables: [(String, ReadTable, (Intended, ColumnType, ReadCell) -> Bool)] = []
        let csv = try export(root, "csv")
        tables.append(("csv (Python csv)", try Readers.table("csv", [csv + "/responses.csv"], in: csv),
                       { Comparison.csv($0, $1, $2, spreadsheet: true) }))
        let stata = try export(root, "stata")
        tables.append(("stata csv (Python csv)", try Readers.table("csv", [stata + "/responses.csv"], in: stata),
                       { Comparison.csv($0, $1, $2, spreadsheet: false) }))
        let spss = try export(root, "spss")
        if Tool.available("pspp") {
            var names: [String: String] = [:]
            names = try spssNames(root + "/../export-codebook/codebook.csv", in: spss)
            let table = try Readers.pspp(spss)
            let renamed = table.mapValues { row in Dictionary(uniqueKeysWithValues: oracle.columns.compactMap { c in
                row[names[c.name] ?? c.name].map { (c.name, $0) } } + [("response_id", row["response_id"] ?? ReadCell(value: nil, missing: true))]) }
            tables.append(("spss (PSPP)", renamed, Comparison.pspp))
        }
        let r = try export(root, "r")
        if Tool.available("Rscript") { tables.append(("r (Rscript)", try Readers.r(r), Comparison.r)) }
        let dp = try export(root, "datapackage")
        var repeatResources: ReadTable?
        if Tool.available("frictionless") {
            let (table, repeats, invalid) = try Readers.frictionless(dp)
            if let invalid { failures.append("seed \(config.seed) \(specs[0].id): frictionless validate: \(invalid)") }
            tables.append(("datapackage (frictionless)", table, Comparison.frictionless))
            repeatResources = repeats
        }
        // Each version's columns in its instrument order, in both CSVs (later versions' columns too).
        for (kind, file) in [("csv", csv), ("stata", stata)] {
            let header = (try String(contentsOfFile: file + "/responses.csv", encoding: .utf8)).prefix { !$0.isNewline }
                .split(separator: ",").map(String.init)
            for spec in specs {
                let mine = Oracle.columns(of: spec, recodedFrom: specs[0].version)
                    .filter { kind != "csv" || !$0.statisticalOnly }.map(\.name)
                let shown = header.filter(Set(mine).contains)
                if shown != mine {
                    // A difference (so that a known one can be allow-listed), named by the first column out of place.
                    let first = zip(shown, mine).first { $0 != $1 }?.1 ?? mine.first { !shown.contains($0) } ?? ""
                    differences.append(Difference(reader: "\(kind) column order", seed: config.seed, instrument: specs[0].id, version: spec.version,
                                                  session: 0, behaviour: .complete, column: first, type: .text,
                                                  intended: .value(mine.joined(separator: " ")),
                                                  read: ReadCell(value: shown.joined(separator: " "), missing: false)))
                }
            }
        }
        try compareLong(long, oracle: oracle, rows: rows, instrument: specs[0].id)
        try compareJSONL(jsonl, rows: rows, instrument: specs[0].id, today: today, hashes: hashes, specs: oracle.specs)
        try compareRepeatFiles([("csv", csv), ("stata", stata), ("spss", spss)], frictionless: repeatResources, specs: specs, oracle: oracle, rows: rows)
        try compareSummary(root, specs: specs, oracle: oracle, rows: rows, simulated: simulated)
        try compareSummaryDisclosure(root, specs: specs, oracle: oracle, rows: rows, simulated: simulated)
        // A folder marked simulated has the note beside every format's files; no other has.
        for dir in [codebook, long, jsonl, csv, stata, spss, r, dp]
        where FileManager.default.fileExists(atPath: dir + "/README-SIMULATED.txt") != marked {
            failures.append("seed \(config.seed) \(specs[0].id): \(dir) \(marked ? "lacks" : "has") README-SIMULATED.txt")
        }
        for (reader, table, matches) in tables {
            readers.insert(reader)
            for (id, s) in rows {
                guard let row = table[id] else {
                    failures.append("seed \(config.seed) \(specs[0].id): \(reader) has no row \(id)")
                    continue
                }
                let status = s.finished ? "complete" : "partial"
                if reader.hasPrefix("csv"), row["status"]?.value != status || row["instrument_version"]?.value != s.version
                    || row["language"]?.value != s.session.language {
                    failures.append("seed \(config.seed) \(specs[0].id) \(id): status, version or language read as \(row["status"]?.value ?? "-"), \(row["instrument_version"]?.value ?? "-"), \(row["language"]?.value ?? "-")")
                }
                for c in oracle.columns {
                    // `<question>_skipped` is in the statistical CSV; R's script reads it into the text's reason.
                    if c.statisticalOnly && (reader.hasPrefix("csv") || reader.hasPrefix("r ")) { continue }
                    let intended = oracle.cell(c, s.session, version: s.version)
                    cells += 1
                    cellsByReader[reader, default: 0] += 1
                    if c.instance != nil {
                        instanceCells += 1
                        if case .value = intended { instanceAnswers += 1 } else if case .skipped = intended { instanceAnswers += 1 }
                    }
                    if let got = row[c.name], matches(intended, c.type, got) { continue }
                    differences.append(Difference(reader: reader, seed: config.seed, instrument: specs[0].id, version: s.version,
                                                  session: s.seed, behaviour: s.behaviour, column: c.name, type: c.type,
                                                  intended: intended, read: row[c.name]))
                }
            }
        }
    }

    /// Which response is which session: the seed each response (or journal) keeps in the store,
    /// read by Python (working in `dir`); declined consents are counted, never rows.
    mutating func responses(_ root: String, simulated: [UInt64: SimulatedSession], instrument: String, in dir: String) throws -> [String: SimulatedSession] {
        let ids = try Readers.table("store", [root], in: dir)
        var rows: [String: SimulatedSession] = [:]
        var declined = 0
        for (id, row) in ids {
            // A declined consent is stored with its status and nothing else: no seed, and never a row.
            if row["seed"]?.value == "None" { declined += 1; continue }
            guard let seed = row["seed"]?.value.flatMap(UInt64.init), let s = simulated[seed] else {
                failures.append("seed \(config.seed) \(instrument): response \(id) matches no simulated session")
                continue
            }
            rows[id] = s
        }
        let expected = simulated.values.filter { !$0.declined }
        if declined != simulated.count - expected.count {
            failures.append("seed \(config.seed) \(instrument): \(declined) declined records stored, \(simulated.count - expected.count) sessions declined")
        }
        if rows.count != expected.count {
            failures.append("seed \(config.seed) \(instrument): \(rows.count) rows exported, \(expected.count) sessions not declined"
                + " (missing: \(expected.map(\.seed).filter { seed in !rows.values.contains { $0.seed == seed } }))")
        }
        return rows
    }

    func spssNames(_ codebook: String, in dir: String) throws -> [String: String] {
        let text = try String(contentsOfFile: codebook, encoding: .utf8)
        let script = dir + "/fidelity-names.py"
        try """
            import csv, json, sys
            rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
            print(json.dumps({r["variable"]: r.get("spss_name") or r["variable"] for r in rows}))
            """.write(toFile: script, atomically: false, encoding: .utf8)
        _ = text
        let r = try Readers.run("python3", [script, codebook], in: dir)
        guard let names = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: String] else {
            throw ReaderFailure(reader: "codebook names", output: r.stdout + r.stderr)
        }
        return names
    }
}

@Suite(.serialized) struct FidelitySuite {
    @Test func everyReaderReadsWhatEachParticipantGave() throws {
        let config = FidelityConfig.current
        let started = Date()
        var run = FidelityRun(config: config)
        for i in 0..<config.instruments { try run.instrument(i) }
        for i in 0..<max(1, config.instruments / 3) { try run.interviews(i) }
        // Every defect of issue 11, as a named case of its own (RegressionCases.swift).
        let randomPart = Int(Date().timeIntervalSince(started))
        let casesStarted = Date()
        let regressions = RegressionRun.run(RegressionCases.all)
        run.failures += regressions.failures
        let (known, unknown) = KnownDifferences.split(run.differences)
        var report = "Fidelity: seed \(config.seed), \(config.instruments) instruments, \(run.sessions.values.reduce(0, +)) sessions "
            + "(\(run.sessions.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")); "
            + "\(run.interviewSessions) interviews), "
            + "\(run.cells) cells compared (\(run.cellsByReader.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; "))) "
            + "in \(Int(Date().timeIntervalSince(started))) s; \(run.instanceCells) of them in repeats' instances, "
            + "\(run.instanceAnswers) answered or skipped there; \(run.repeatsMade) repeats (\(run.blocksMade) blocks, "
            + "\(run.repeatsConditioned) with a condition, \(run.innerConditioned) questions inside with one)\n"
        report += "Known differences (allow-list, see FIDELITY-FINDINGS.md):\n"
        for k in KnownDifferences.all {
            let n = known.filter { $0.0.id == k.id }.count
            report += "  \(k.id) \(k.title): \(n) cells\n"
            if let example = known.first(where: { $0.0.id == k.id }) { report += "      e.g. \(example.1)\n" }
        }
        report += "Regression cases (issue 11), \(Int(Date().timeIntervalSince(casesStarted))) s (the random part took \(randomPart) s):\n" + regressions.lines.map { "  \($0)\n" }.joined()
        report += "Unexplained differences: \(unknown.count)\n" + unknown.prefix(config.listed).map { "  \($0)\n" }.joined()
        report += run.failures.isEmpty ? "" : "Failures:\n" + run.failures.map { "  \($0)\n" }.joined()
        print(report)
        if let path = ProcessInfo.processInfo.environment["FIDELITY_REPORT"] { try? report.write(toFile: path, atomically: false, encoding: .utf8) }
        #expect(run.failures.isEmpty, "\(run.failures.joined(separator: "\n"))")
        #expect(unknown.isEmpty, "\(unknown.count) unexplained differences; first: \(unknown.prefix(10).map(\.description).joined(separator: "\n"))")
    }
}
