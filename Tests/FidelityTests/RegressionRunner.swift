import Dispatch
import Expressions
import Foundation
import InstrumentCompiler
import InstrumentModel
import ResponseStore
import SessionEngine
import TestSupport

/// The readers a regression case can ask for a cell.
enum CaseReader: String {
    case csv = "csv", stata = "stata csv", pspp = "PSPP", r = "R", frictionless = "frictionless", long = "long", jsonl = "jsonl"
}

/// What a regression case checks, each through the real binary and the real readers.
enum CaseCheck {
    /// The cell of participant `row` in `column` as the reader reads it: the value, "" (empty),
    /// "missing", "missing (reason)" (a reason R or PSPP gives), "no row" (long: no row for it).
    /// The long CSV's cell is "code|label|text"; the JSON lines' is a path such as `answers.age`.
    case cell(CaseReader, Int, String, String)
    /// `fieldwork` with these arguments (`$DIR` the responses folder, `$YAML` the newest version's
    /// file, `$OUT` a fresh folder) exits so and says this (stdout and stderr together).
    case command([String], status: Int32, says: String)
    /// A file of an export of `format` contains the text (or, `has: false`, does not).
    case file(String, String, contains: String, has: Bool = true)
    /// An R snippet run after `source("responses.R")` prints exactly this.
    case r(String, prints: String)
    /// The stored files under a part of the responses folder, as one text, contain (or not) this.
    case stored(String, contains: String, has: Bool = true)
    /// `frictionless validate` refuses the export once this cell is changed to an out-of-range value.
    case tampered(row: Int, column: String, value: String)
}

/// One participant of a case: moves through the engine (consent is agreed first when the
/// instrument asks for it), lines typed to the plain driver, or events journaled as they are.
struct CaseParticipant {
    var moves: [SessionMove] = []
    var typed: [String]?
    var events: [SessionEvent]?
    var finish = true
    var version = 0
    var group: Int?
    var language: String?
}

struct RegressionCase {
    var item: Int
    var name: String
    var versions: [String]
    var participants: [CaseParticipant] = []
    var checks: [CaseCheck]
}

/// A survey of `questions` (YAML list items, indented for a section).
func caseSurvey(_ questions: String, top: String = "", privacy: String = "{timestamps: date}", version: String = "1.0.0", id: String = "regression") -> String {
    "format: 1\nid: \(id)\nversion: \(quoted(version))\ntitle: Regression\nprivacy: \(privacy)\n\(top)sections:\n  - id: s\n    questions:\n"
        + questions.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") + "\n"
}

/// Runs the cases, each in a folder of its own, and says per case `ok` or what differed.
struct RegressionRun {
    var lines: [String] = []
    var failures: [String] = []

    /// Runs every case, a few at once (each has a folder of its own, and most of a case's time
    /// is spent waiting for PSPP, R, Python and the binary), reporting them in the list's order.
    static func run(_ cases: [RegressionCase]) -> RegressionRun {
        let results = Results(cases.count)
        DispatchQueue.concurrentPerform(iterations: cases.count) { i in
            let started = Date()
            do { results.set(i, .success(try check(cases[i]))) } catch { results.set(i, .failure(ReaderFailure(reader: "case", output: "\(error)"))) }
            results.time(i, Date().timeIntervalSince(started))
        }
        var run = RegressionRun()
        for (k, (c, result)) in zip(cases, results.all).enumerated() {
            let label = "item \(c.item) \(c.name)"
            let took = String(format: " (%.1f s)", results.seconds[k])
            switch result {
            case .success(let problems):
                run.lines.append(label + (problems.isEmpty ? " … ok" : " … FAILED") + took)
                run.failures += problems.map { "\(label): \($0)" }
            case .failure(let error):
                run.lines.append(label + " … FAILED" + took)
                run.failures.append("\(label): \(error)")
            }
        }
        return run
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<[String], ReaderFailure>]
        private var times: [Double]
        init(_ n: Int) { results = Array(repeating: .success([]), count: n); times = Array(repeating: 0, count: n) }
        func time(_ i: Int, _ t: Double) { lock.withLock { times[i] = t } }
        var seconds: [Double] { lock.withLock { times } }
        func set(_ i: Int, _ r: Result<[String], ReaderFailure>) { lock.withLock { results[i] = r } }
        var all: [Result<[String], ReaderFailure>] { lock.withLock { results } }
    }

    static func check(_ c: RegressionCase) throws -> [String] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldwork-regression-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["FIDELITY_KEEP"] == nil { try? FileManager.default.removeItem(atPath: root) } }
        var files: [String] = []
        var instruments: [InstrumentModel.Instrument] = []
        var stores: [InstrumentStore] = []
        for (k, yaml) in c.versions.enumerated() {
            let file = root + "/v\(k).yaml"
            try yaml.write(toFile: file, atomically: false, encoding: .utf8)
            files.append(file)
            let result = InstrumentCompiler.compile(Array(yaml.utf8))
            if let i = result.instrument, let canonical = result.canonical, let hash = result.contentHash {
                instruments.append(i)
                stores.append(try InstrumentStore(root: root + "/responses", instrument: i, compiled: canonical, hash: hash))
            }
        }
        let today = StoreClock.today()
        var problems: [String] = []
        for (k, p) in c.participants.enumerated() {
            let seed = UInt64(k + 1)
            guard p.version < stores.count else { problems.append("version \(p.version) does not compile"); continue }
            let instrument = instruments[p.version]
            if let typed = p.typed {
                let run = try Run.command(fieldworkBinary(), ["run", files[p.version], "--plain", "--responses", root + "/responses", "--seed", String(seed)]
                                          + (p.language.map { ["--language", $0] } ?? []),
                                          // The last empty line sends the answers from the review.
                                          input: (typed + [""]).joined(separator: "\n") + "\n")
                if run.status != 0 { problems.append("participant \(k) typed to the plain driver, which exited \(run.status): \(run.stdout.suffix(400))\(run.stderr)") }
                continue
            }
            let writer = try stores[p.version].begin(seed: seed, language: p.language, started: DateValue.format(today), pseudonym: nil, group: p.group, today: today)
            if let events = p.events {
                for e in events { try writer.record(e) }
                continue
            }
            var session = Session(instrument: instrument, seed: seed, language: p.language, today: today)
            var moves = p.moves
            if instrument.consent != nil, moves.first.map({ if case .consent = $0 { false } else { true } }) ?? true { moves.insert(.consent(agreed: true), at: 0) }
            for (i, m) in moves.enumerated() {
                do {
                    try writer.record(try session.apply(session.event(m, at: Double(i + 1) * 7)))
                } catch {
                    problems.append("participant \(k) move \(i) (\(m)) refused: \((error as? AnswerProblem)?.message ?? "\(error)")")
                }
            }
            if p.finish { try writer.finish(session, duration: 60) }
        }
        let folder = root + "/responses/" + (instruments.first?.id ?? "regression")
        // Placeholders: the day, each participant's response id, and its interview case name.
        var ids: [String] = []
        if FileManager.default.fileExists(atPath: folder) {
            let stored = try Readers.table("store", [folder], in: root)
            for k in c.participants.indices {
                ids.append(stored.first { $0.value["seed"]?.value == String(k + 1) }?.key ?? "none")
            }
        }
        func fill(_ s: String) -> String {
            var s = s.replacingOccurrences(of: "$TODAY", with: DateValue.format(today)).replacingOccurrences(of: "$DIR", with: folder)
                .replacingOccurrences(of: "$YAML", with: files.last ?? "")
            for (k, id) in ids.enumerated().reversed() {
                s = s.replacingOccurrences(of: "$CASE\(k)", with: "interview-" + id.prefix(8)).replacingOccurrences(of: "$ID\(k)", with: id)
            }
            return s
        }
        var exports: [String: String] = [:]
        func export(_ format: String) throws -> String {
            if let dir = exports[format] { return dir }
            let dir = root + "/export-" + format.replacingOccurrences(of: " ", with: "")
            let r = try Run.command(fieldworkBinary(), ["export", folder, "--format"] + format.split(separator: " ").map(String.init) + ["--out", dir])
            guard r.status == 0 else { throw ReaderFailure(reader: "fieldwork export --format \(format)", output: r.stdout + r.stderr) }
            exports[format] = dir
            return dir
        }
        var tables: [CaseReader: ReadTable] = [:]
        func table(_ reader: CaseReader) throws -> ReadTable {
            if let t = tables[reader] { return t }
            let t: ReadTable
            switch reader {
            case .csv: t = try Readers.table("csv", [try export("csv") + "/responses.csv"], in: root)
            case .stata: t = try Readers.table("csv", [try export("stata") + "/responses.csv"], in: root)
            case .r: t = try Readers.r(try export("r"))
            case .frictionless:
                let (rows, _, invalid) = try Readers.frictionless(try export("datapackage"))
                if let invalid { problems.append("frictionless validate: \(invalid)") }
                t = rows
            case .pspp:
                let names = try FidelityRun(config: FidelityConfig()).spssNames(try export("codebook") + "/codebook.csv", in: root)
                let back = Dictionary(names.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
                t = try Readers.pspp(try export("spss")).mapValues { row in
                    Dictionary(row.map { (back[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                }
            case .long:
                var rows: ReadTable = [:]
                for row in try Readers.rows(try export("long") + "/responses-long.csv", in: root).dropFirst() where row.count >= 7 {
                    rows[row[0], default: [:]][row[3]] = ReadCell(value: row[4...6].joined(separator: "|"), missing: false)
                }
                t = rows
            case .jsonl:
                var rows: ReadTable = [:]
                for line in try String(contentsOfFile: try export("jsonl") + "/responses.jsonl", encoding: .utf8).split(separator: "\n") {
                    guard let o = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any], let id = o["response_id"] as? String else { continue }
                    var cells: [String: ReadCell] = [:]
                    for (key, value) in o {
                        cells[key] = ReadCell(value: FidelityRun.describe(value), missing: false)
                        for (inner, v) in (value as? [String: Any]) ?? [:] { cells[key + "." + inner] = ReadCell(value: FidelityRun.describe(v), missing: false) }
                    }
                    rows[id] = cells
                }
                t = rows
            }
            tables[reader] = t
            return t
        }
        for check in c.checks {
            switch check {
            case .cell(let reader, let row, let column, let want):
                let id = row < ids.count ? ids[row] : "none"
                let cell = try table(reader)[id]?[column]
                let got = cell.map(Self.render) ?? "no row"
                if got != fill(want) { problems.append("\(reader.rawValue) participant \(row) \(column): wanted \(fill(want)), read \(got)") }
            case .command(let args, let status, let says):
                let out = root + "/out-\(UUID().uuidString.prefix(8))"
                let r = try Run.command(fieldworkBinary(), args.map { fill($0).replacingOccurrences(of: "$OUT", with: out) })
                if r.status != status || !(r.stdout + r.stderr).contains(fill(says)) {
                    problems.append("fieldwork \(args.joined(separator: " ")) exited \(r.status) (wanted \(status)), saying: \((r.stdout + r.stderr).prefix(1500)); wanted it to say: \(fill(says))")
                }
            case .file(let format, let name, let text, let has):
                let path = try export(format) + "/" + fill(name)
                // Bytes as they are (a byte order mark kept, a zip's names readable).
                let content = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? "(no file \(name))"
                if content.contains(fill(text)) != has { problems.append("\(format) \(name) \(has ? "lacks" : "has") \(fill(text)):\n\(content.prefix(1500))") }
            case .r(let snippet, let prints):
                let dir = try export("r")
                try ("source(\"responses.R\")\n" + fill(snippet) + "\n").write(toFile: dir + "/check.R", atomically: false, encoding: .utf8)
                let r = try Readers.run("Rscript", ["check.R"], in: dir)
                if r.stdout != fill(prints) { problems.append("R printed \(r.stdout) \(r.stderr.prefix(500)), wanted \(fill(prints))") }
            case .stored(let sub, let text, let has):
                // The files of that folder itself (the responses folder's own are the response files).
                var all = ""
                let dir = folder + (sub.isEmpty ? "" : "/" + sub)
                for f in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() where f.hasSuffix(".json") {
                    all += (try? String(contentsOfFile: dir + "/" + f, encoding: .utf8)) ?? ""
                }
                if all.contains(fill(text)) != has { problems.append("stored \(sub) \(has ? "lacks" : "has") \(fill(text)): \(all.prefix(1500))") }
            case .tampered(let row, let column, let value):
                let dir = try export("datapackage")
                let csv = try Readers.rows(dir + "/responses.csv", in: root)
                guard let header = csv.first, let col = header.firstIndex(of: column),
                      let r = csv.firstIndex(where: { $0.first == ids[row] }) else { problems.append("no cell \(column) of participant \(row)"); continue }
                var changed = csv
                changed[r][col] = value
                // The copy is written, and its file's sha256 and size dropped from the descriptor, so
                // that only the instrument's constraints can refuse it (the unchanged copy must pass).
                let script = """
                    import csv, json, sys
                    w = csv.writer(open(sys.argv[1] + "/responses.csv", "w", newline="", encoding="utf-8"), lineterminator="\\r\\n")
                    w.writerows(json.load(sys.stdin))
                    d = json.load(open(sys.argv[1] + "/datapackage.json", encoding="utf-8"))
                    for r in d["resources"]: r.pop("hash", None); r.pop("bytes", None)
                    json.dump(d, open(sys.argv[1] + "/datapackage.json", "w", encoding="utf-8"))
                    """
                try script.write(toFile: root + "/write.py", atomically: false, encoding: .utf8)
                for (copy, rows) in [("same", csv), ("changed", changed)] {
                    let target = root + "/tampered-" + copy
                    try? FileManager.default.removeItem(atPath: target)
                    try FileManager.default.copyItem(atPath: dir, toPath: target)
                    let data = try JSONSerialization.data(withJSONObject: rows)
                    _ = try Run.command(Tool.path("python3") ?? "python3", [root + "/write.py", target], input: String(decoding: data, as: UTF8.self))
                    let invalid = try Readers.frictionless(target).2
                    if copy == "same", let invalid { problems.append("frictionless refuses the unchanged copy: \(invalid)") }
                    if copy == "changed" && !(invalid ?? "").contains("constraint-error") {
                        problems.append("frictionless does not refuse \(column) = \(value) by a constraint: \(invalid ?? "valid")")
                    }
                }
            }
        }
        return problems
    }

    static func render(_ cell: ReadCell) -> String {
        guard cell.missing else { return cell.value ?? "" }
        if cell.value == nil && cell.reason == nil { return "missing" }
        return "missing" + (cell.reason.map { " (\($0))" } ?? "")
    }
}
