import Foundation

/// The repeats' own files, `responses-repeat-<section>.csv` (a row per instance a response has,
/// the section's questions under their own names), read back by Python's csv (the spreadsheet,
/// Stata and SPSS CSVs) and by frictionless (the data package's `repeat-<section>` resources),
/// and compared with the oracle row by row and cell by cell. The cells are the wide file's, by
/// the same oracle, so an instance's value, skip or missing reason reads alike in both files.
extension FidelityRun {
    /// A column of a repeat's file: its name there (`visits`, `used_1`, `said_skipped`) and the
    /// wide column it stands for in each instance (`visits_2`, `used_2_1`, `said_2_skipped`).
    struct RepeatFileColumn {
        var name: String
        var byKey: [Int: Column]
    }

    /// A row a repeat's file should have: a response's instance, with its key, its label and its cells.
    struct RepeatFileRow {
        var response: String
        var session: SimulatedSession
        var key: Int
        var label: String
        var cells: [(RepeatFileColumn, Column, Intended)]
    }

    static func keyText(_ key: Int) -> String { key < 0 ? "m\(key.magnitude)" : "\(key)" }

    /// A repeat's file's columns after `response_id`, `instance` and `instance_label`, in the
    /// order of the instrument (the first instance's columns); `statistical` adds the
    /// `<text>_skipped` flags, as in the wide statistical CSV.
    static func repeatFileColumns(_ r: RepeatSpec, spec: InstrumentSpec, oracle: Oracle, statistical: Bool) -> [RepeatFileColumn] {
        let questions = Set(r.questions.map(\.id))
        var out: [RepeatFileColumn] = []
        var index: [String: Int] = [:]
        for (key, _) in spec.possibleKeys(r) {
            for c in oracle.columns where c.instance == key && questions.contains(c.question) && (statistical || !c.statisticalOnly) {
                // `r1_visits_2` is `r1_visits` in the file; `r1_1_multiple_2_m5` is `r1_1_multiple_m5`.
                let prefix = c.question + "_" + keyText(key)
                guard c.name.hasPrefix(prefix) else { continue }
                let name = c.question + c.name.dropFirst(prefix.count)
                if let i = index[name] { out[i].byKey[key] = c; continue }
                index[name] = out.count
                out.append(RepeatFileColumn(name: name, byKey: [key: c]))
            }
        }
        return out
    }

    /// The rows a repeat's file should have, per response in the order of its instances: one for
    /// each instance the response has with anything of it asked. An instance the answers do not
    /// make (a choice not ticked, past the count or the last "another") has no row, nor one the
    /// participant never reached or the repeat's condition hid: the wide file has no value for it.
    static func repeatFileRows(_ r: RepeatSpec, spec: InstrumentSpec, oracle: Oracle, columns: [RepeatFileColumn],
                               rows: [String: SimulatedSession]) -> [RepeatFileRow] {
        var out: [RepeatFileRow] = []
        for (id, s) in rows.sorted(by: { $0.key < $1.key }) {
            for (key, label) in spec.possibleKeys(r) {
                let cells = columns.compactMap { f in f.byKey[key].map { (f, $0, oracle.cell($0, s.session, version: s.version)) } }
                let said = cells.filter { !$0.1.statisticalOnly }.map(\.2)
                let absent = said.contains { if case .absent = $0 { true } else { false } }
                guard !absent, said.contains(where: { $0 != .notAsked }) else { continue }
                out.append(RepeatFileRow(response: id, session: s, key: key, label: label, cells: cells))
            }
        }
        return out
    }

    /// Every repeat's file of the spreadsheet CSV, the Stata CSV and the SPSS CSV, each read by
    /// Python's csv (one process for them all), and the data package's repeats as frictionless
    /// read them (nil when frictionless is not installed).
    mutating func compareRepeatFiles(_ exports: [(kind: String, dir: String)], frictionless: ReadTable?, specs: [InstrumentSpec], oracle: Oracle,
                                     rows: [String: SimulatedSession]) throws {
        guard let spec = specs.last, !spec.repeats.isEmpty, let work = exports.first?.dir else { return }
        let files = exports.flatMap { e in spec.repeats.map { e.dir + "/responses-repeat-\($0.id).csv" } }
        let read = try Readers.rows(files, in: work)
        for (kind, dir) in exports {
            for r in spec.repeats {
                let file = dir + "/responses-repeat-\(r.id).csv"
                guard let table = read[file] else {
                    failures.append("seed \(config.seed) \(spec.id): \(kind) has no \((file as NSString).lastPathComponent)")
                    continue
                }
                compareRepeatFile(table, kind: kind, repeat: r, spec: spec, oracle: oracle, rows: rows)
            }
        }
        if let frictionless {
            for r in spec.repeats { compareRepeatResource(frictionless, repeat: r, spec: spec, oracle: oracle, rows: rows) }
        }
    }

    /// One repeat's file as Python's csv read it (the header first), in the terms of the wide file of
    /// `kind` (`csv`: the spreadsheet's apostrophe and skip code in a text; `stata`, `spss`: exact text
    /// and `_skipped` beside it; `spss`: line breaks as ¶).
    mutating func compareRepeatFile(_ table: [[String]], kind: String, repeat r: RepeatSpec, spec: InstrumentSpec, oracle: Oracle,
                                    rows: [String: SimulatedSession]) {
        let reader = "repeat \(kind) (Python csv)"
        readers.insert(reader)
        let statistical = kind != "csv"
        let columns = Self.repeatFileColumns(r, spec: spec, oracle: oracle, statistical: statistical)
        let header = ["response_id", "instance", "instance_label"] + columns.map(\.name)
        guard table.first == header else {
            failures.append("seed \(config.seed) \(spec.id): \(kind) responses-repeat-\(r.id).csv header is \(table.first ?? []), intended \(header)")
            return
        }
        var got: [String: [String]] = [:]
        var order: [String: [String]] = [:]
        for row in table.dropFirst() {
            guard row.count == header.count else {
                failures.append("seed \(config.seed) \(spec.id): \(kind) responses-repeat-\(r.id).csv has a row of \(row.count) fields: \(row)")
                continue
            }
            let at = row[0] + " " + row[1]
            if got[at] != nil { failures.append("seed \(config.seed) \(spec.id): \(kind) responses-repeat-\(r.id).csv has two rows for \(at)") }
            got[at] = row
            order[row[0], default: []].append(row[1])
        }
        let intended = Self.repeatFileRows(r, spec: spec, oracle: oracle, columns: columns, rows: rows)
        var wanted: [String: [String]] = [:]
        for row in intended {
            wanted[row.response, default: []].append(String(row.key))
            let at = row.response + " " + String(row.key)
            guard let fields = got.removeValue(forKey: at) else {
                note(reader, spec.id, row, column: "\(r.id) instance \(row.key)", intended: .value("a row"), read: ReadCell(value: nil, missing: true, reason: "no row"))
                continue
            }
            cells += 1
            cellsByReader[reader, default: 0] += 1
            if fields[2] != row.label {
                note(reader, spec.id, row, column: "\(r.id) instance \(row.key) instance_label", intended: .value(row.label), read: ReadCell(value: fields[2], missing: false))
            }
            for (f, c, i) in row.cells {
                cells += 1
                cellsByReader[reader, default: 0] += 1
                guard let k = header.firstIndex(of: f.name) else { continue }
                let cell = ReadCell(value: fields[k], missing: false)
                if !Comparison.csv(i, c.type, cell, spreadsheet: !statistical, spss: kind == "spss") {
                    note(reader, spec.id, row, column: c.name, type: c.type, intended: i, read: cell)
                }
            }
        }
        // A row for an instance the response has not (or of a response that is not a row at all).
        for (at, fields) in got.sorted(by: { $0.key < $1.key }) {
            let s = rows[fields[0]]
            differences.append(Difference(reader: reader, seed: config.seed, instrument: spec.id, version: s?.version ?? "-", session: s?.seed ?? 0,
                                          behaviour: s?.behaviour ?? .complete, column: "\(r.id) instance \(fields[1])", type: .text,
                                          intended: .notAsked, read: ReadCell(value: "row \(at): \(fields.dropFirst(2).joined(separator: "|"))", missing: false)))
        }
        // Each response's instances in the order of its keys (the choices' order, or 1, 2, 3); a row
        // missing or not intended is reported above.
        for (id, keys) in wanted {
            let shown = order[id] ?? []
            guard shown.filter(keys.contains) != keys.filter(shown.contains) else { continue }
            failures.append("seed \(config.seed) \(spec.id): \(kind) responses-repeat-\(r.id).csv has response \(id)'s instances in the order \(order[id] ?? []), intended \(keys)")
        }
    }

    /// The data package's `repeat-<section>` resource as frictionless read it (rows keyed
    /// "repeat-<section> <response id> <instance>").
    mutating func compareRepeatResource(_ table: ReadTable, repeat r: RepeatSpec, spec: InstrumentSpec, oracle: Oracle, rows: [String: SimulatedSession]) {
        let reader = "repeat datapackage (frictionless)"
        readers.insert(reader)
        let prefix = "repeat-\(r.id) "
        var got = table.filter { $0.key.hasPrefix(prefix) }
        let columns = Self.repeatFileColumns(r, spec: spec, oracle: oracle, statistical: true)
        for row in Self.repeatFileRows(r, spec: spec, oracle: oracle, columns: columns, rows: rows) {
            guard let fields = got.removeValue(forKey: prefix + row.response + " " + String(row.key)) else {
                note(reader, spec.id, row, column: "\(r.id) instance \(row.key)", intended: .value("a row"), read: ReadCell(value: nil, missing: true, reason: "no row"))
                continue
            }
            cells += 1
            cellsByReader[reader, default: 0] += 1
            if fields["instance_label"]?.value != row.label {
                note(reader, spec.id, row, column: "\(r.id) instance \(row.key) instance_label", intended: .value(row.label), read: fields["instance_label"])
            }
            for (f, c, i) in row.cells {
                cells += 1
                cellsByReader[reader, default: 0] += 1
                if let cell = fields[f.name], Comparison.frictionless(i, c.type, cell) { continue }
                note(reader, spec.id, row, column: c.name, type: c.type, intended: i, read: fields[f.name])
            }
        }
        for (at, _) in got.sorted(by: { $0.key < $1.key }) {
            differences.append(Difference(reader: reader, seed: config.seed, instrument: spec.id, version: "-", session: 0, behaviour: .complete,
                                          column: "\(r.id) instance", type: .text, intended: .notAsked, read: ReadCell(value: "row \(at)", missing: false)))
        }
    }

    private mutating func note(_ reader: String, _ instrument: String, _ row: RepeatFileRow, column: String, type: ColumnType = .text,
                               intended: Intended, read: ReadCell?) {
        differences.append(Difference(reader: reader, seed: config.seed, instrument: instrument, version: row.session.version,
                                      session: row.session.seed, behaviour: row.session.behaviour, column: column, type: type,
                                      intended: intended, read: read))
    }
}
