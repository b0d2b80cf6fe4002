import Expressions
import Foundation
import InstrumentModel
import SessionEngine

/// The long CSV and the JSON lines, each read back by its real reader (Python's csv; Foundation's
/// JSON) and compared with the oracle, row by row and field by field.
extension FidelityRun {
    /// The long CSV's intended row of a column (nil: no row, the variable was not asked):
    /// codes and numbers in `code` (a missing choice with its label, a skip with "Skipped"), text
    /// and dates of every precision in `text`, written as the spreadsheet CSV writes text.
    static func longRow(_ i: Intended, _ t: ColumnType) -> [String]? {
        switch i {
        case .notAsked, .absent: return nil
        case .skipped(let code): return [code, "Skipped", ""]
        case .missingChoice(let k, let label): return [String(k), label, ""]
        case .value(let v):
            switch t {
            case .code(let labels): return [v, Int(v).flatMap { labels[$0] } ?? "", ""]
            case .flag: return [v, v == "1" ? "Chosen" : "Not chosen", ""]
            case .rank: return [v, v == "0" ? "Not ranked" : "", ""]
            case .bool: return [v, v == "1" ? "True" : "False", ""]
            case .number, .skippedFlag: return [v, "", ""]
            case .text: return ["", "", Comparison.raw(i, t, spreadsheet: true, spss: false)]
            case .date, .time, .datetime: return ["", "", v]
            }
        }
    }

    mutating func compareLong(_ dir: String, oracle: Oracle, rows: [String: SimulatedSession], instrument: String) throws {
        let reader = "long (Python csv)"
        readers.insert(reader)
        let table = try Readers.rows(dir + "/responses-long.csv", in: dir)
        // An instrument with repeats adds the repeat's id and the instance's key to each row.
        let repeats = oracle.columns.contains { $0.instance != nil }
        let header = ["response_id", "instrument_version", "status", "variable", "code", "label", "text"] + (repeats ? ["repeat", "instance"] : [])
        if table.first != header {
            failures.append("seed \(config.seed) \(instrument): long header is \(table.first ?? [])")
        }
        var read: [String: [String]] = [:]
        for row in table.dropFirst() where row.count == header.count {
            let key = row[0] + " " + row[3]
            if read[key] != nil { failures.append("seed \(config.seed) \(instrument): long has two rows for \(key)") }
            read[key] = row
        }
        var expectedRows = 0
        for (id, s) in rows {
            for c in oracle.columns where !c.statisticalOnly {
                let intended = oracle.cell(c, s.session, version: s.version)
                let want = Self.longRow(intended, c.type)
                let got = read[id + " " + c.name]
                cells += 1
                cellsByReader[reader, default: 0] += 1
                if want != nil { expectedRows += 1 }
                let status = s.finished ? "complete" : "partial"
                let same: Bool
                switch (want, got) {
                case (nil, nil): same = true
                case (let w?, let g?):
                    let code = c.type == .number || c.type == .rank ? Comparison.numbersEqual(g[4], w[0]) : g[4] == w[0]
                    let instance = repeats ? [oracle.specs[s.version]?.repeatOf(c.question)?.id ?? "", c.instance.map(String.init) ?? ""] : []
                    same = code && g[5] == w[1] && g[6] == w[2] && g[1] == s.version && g[2] == status && Array(g.dropFirst(7)) == instance
                default: same = false
                }
                if same { continue }
                differences.append(Difference(reader: reader, seed: config.seed, instrument: instrument, version: s.version, session: s.seed,
                                              behaviour: s.behaviour, column: c.name, type: c.type, intended: intended,
                                              read: got.map { ReadCell(value: "code=\($0[4]) label=\($0[5]) text=\($0[6])", missing: false) }
                                                  ?? ReadCell(value: nil, missing: true, reason: "no row")))
            }
        }
        if read.count != expectedRows {
            failures.append("seed \(config.seed) \(instrument): long has \(read.count) rows, \(expectedRows) intended")
        }
    }

    /// An answer as the JSON lines hold it.
    static func json(_ v: AnswerValue) -> Any {
        switch v {
        case .choice(let k): return k
        case .choices(let ks), .ranking(let ks): return ks
        case .number(let d): return d
        case .text(let t), .date(let t), .time(let t), .datetime(let t): return t
        case .rows(let rows): return rows
        }
    }

    static func json(_ v: Value) -> Any? {
        switch v {
        case .number(let d): return d
        case .bool(let b): return b
        case .text(let t): return t
        case .date(let days): return DateValue.format(days)
        case .time(let minutes): return ClockTime.format(minutes)
        case .datetime(let minutes): return DateTimeValue.format(minutes)
        default: return nil
        }
    }

    /// The intended line of a session: every field, the simulated marker too (only on responses
    /// `fieldwork simulate` would have written), and no pseudonym.
    static func jsonLine(_ s: SimulatedSession, id: String, today: String, hash: String?, spec: InstrumentSpec?) -> [String: Any] {
        // An instance's answers are under their slot (`q#key`) in the engine, and in `repeats` in the line.
        let once = s.session.answers.filter { !$0.key.contains("#") }
        var line: [String: Any] = [
            "response_id": id, "instrument_version": s.version, "status": s.finished ? "complete" : "partial",
            "answers": once.mapValues { json($0.value) },
            "other": once.compactMapValues(\.other),
            "skipped": s.session.skipped.filter { !$0.contains("#") }.sorted(),
            "calculated": s.session.calculated.filter { !$0.key.contains("#") }.compactMapValues(json),
            "date": today,
        ]
        if let spec, !spec.repeats.isEmpty {
            var repeats: [String: Any] = [:]
            for r in spec.repeats {
                let possible = spec.possibleKeys(r)
                let labels = Dictionary(possible.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
                let keys = possible.map(\.key).filter { Oracle.present($0, of: r, in: s.session, spec: spec) == true }
                repeats[r.id] = keys.map { key -> [String: Any] in
                    let slot = { (q: QuestionSpec) in "\(q.id)#\(key)" }
                    var o: [String: Any] = [
                        "key": key,
                        "answers": Dictionary(uniqueKeysWithValues: r.questions.compactMap { q in s.session.answers[slot(q)].map { (q.id, json($0.value)) } }),
                        "other": Dictionary(uniqueKeysWithValues: r.questions.compactMap { q in s.session.answers[slot(q)]?.other.map { (q.id, $0) } }),
                        "skipped": r.questions.filter { s.session.skipped.contains(slot($0)) }.map(\.id).sorted(),
                        "calculated": Dictionary(uniqueKeysWithValues: r.questions.compactMap { q in
                            s.session.calculated[slot(q)].flatMap(json).map { (q.id, $0) } }),
                    ]
                    if case .forEach = r.rule { o["label"] = labels[key] }
                    return o
                }
            }
            line["repeats"] = repeats
        }
        if let language = s.session.language { line["language"] = language }
        line["instrument_hash"] = hash
        // Every finished session is stored with 10 seconds; an interrupted one with its last event's time.
        if s.behaviour != .plain { line["duration_seconds"] = s.finished ? 10 : Int((s.events.last?.at ?? 0).rounded()) }
        if s.simulated { line["simulated"] = true }
        return line
    }

    mutating func compareJSONL(_ dir: String, rows: [String: SimulatedSession], instrument: String, today: String, hashes: [String: String],
                               specs: [String: InstrumentSpec]) throws {
        let reader = "jsonl (Foundation JSON)"
        readers.insert(reader)
        let text = try String(contentsOfFile: dir + "/responses.jsonl", encoding: .utf8)
        var read: [String: [String: Any]] = [:]
        for line in text.split(separator: "\n") {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any], let id = object["response_id"] as? String else {
                failures.append("seed \(config.seed) \(instrument): a jsonl line is not a JSON object with a response_id: \(line.prefix(200))")
                continue
            }
            read[id] = object
        }
        if read.count != rows.count { failures.append("seed \(config.seed) \(instrument): jsonl has \(read.count) lines, \(rows.count) intended") }
        for (id, s) in rows {
            guard let got = read[id] else { failures.append("seed \(config.seed) \(instrument): jsonl has no line \(id)"); continue }
            let want = Self.jsonLine(s, id: id, today: today, hash: hashes[s.version], spec: specs[s.version])
            // A session typed to the plain driver took the time it took: its duration is not the oracle's to know.
            for key in Set(want.keys).union(got.keys).subtracting(s.behaviour == .plain ? ["duration_seconds"] : []).sorted() {
                cells += 1
                cellsByReader[reader, default: 0] += 1
                let w = want[key], g = got[key]
                if let w, let g, Self.describe(w) == Self.describe(g) { continue }
                differences.append(Difference(reader: reader, seed: config.seed, instrument: instrument, version: s.version, session: s.seed,
                                              behaviour: s.behaviour, column: key, type: .text,
                                              intended: w.map { .value(Self.describe($0)) } ?? .notAsked,
                                              read: g.map { ReadCell(value: Self.describe($0), missing: false) }))
            }
        }
    }

    /// A JSON value in one spelling, whatever Foundation or Swift made of it: a number by its value
    /// (2 and 2.0 alike), a boolean apart from a number, keys sorted.
    static func describe(_ v: Any) -> String {
        if let n = v as? NSNumber {
            if String(cString: n.objCType) == "c" { return n.boolValue ? "true" : "false" }
            return number(n.doubleValue)
        }
        switch v {
        case let b as Bool: return b ? "true" : "false"
        case let i as Int: return String(i)
        case let d as Double: return number(d)
        case let t as String: return quoted(t)
        case let a as [Any]: return "[" + a.map(describe).joined(separator: ",") + "]"
        case let o as [String: Any]: return "{" + o.keys.sorted().map { quoted($0) + ":" + describe(o[$0] ?? "") }.joined(separator: ",") + "}"
        case let o as [String: Int]: return describe(o.mapValues { $0 as Any })
        case let o as [String: String]: return describe(o.mapValues { $0 as Any })
        case let a as [Int]: return describe(a.map { $0 as Any })
        case let a as [String]: return describe(a.map { $0 as Any })
        default: return "?\(v)"
        }
    }

    /// Foundation's JSONSerialization (corelibs) can read the last digit of a 17-digit number one
    /// step off (4.3100000000000005, the engine's 3.31 + 1, comes back as 4.310000000000001; seed 7
    /// found it), so numbers with a fraction are compared to 15 significant digits, both sides alike.
    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : d.isFinite ? String(format: "%.15g", d) : "\(d)"
    }
}
