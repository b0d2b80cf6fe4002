import Foundation
import InstrumentModel

/// The Frictionless Data Package (v2) describing responses.csv (the statistical CSV, text exact):
/// field types, categories, missing values with their meaning, the instrument's constraints (so
/// that `frictionless validate` catches a value no participant could have given), and the data's SHA-256.
enum DataPackage {
    /// What the start date column holds: as kept, or as de-identification left it.
    static func startDescription(_ dates: Deidentification.DateMethod?) -> String {
        switch dates {
        case nil: "Start of the response, at the instrument's timestamp precision"
        case .shift: "Start of the response, shifted by the same number of days as the participant's other dates (de-identified)"
        case .month: "Start of the response, to the month (de-identified)"
        case .year: "Start of the response, to the year (de-identified)"
        }
    }

    static func write(_ c: ExportContext, csv: String, widths: [String: Int]) throws(ExportError) -> String {
        let instruments = c.folder.instruments.map(\.instrument).filter { c.versions.contains($0.version) }
        let notAsked: JSON = ["value": "", "label": "Not asked"]
        let notAskedOrSkipped: JSON = ["value": "", "label": "Not asked, or skipped (see the skip column beside it)"]
        var fields: [JSON] = [
            ["name": "response_id", "type": "string", "constraints": ["required": true, "unique": true]],
            ["name": "pseudonym", "type": "string"],
            ["name": "instrument_version", "type": "string", "constraints": ["required": true]],
            ["name": "status", "type": "string", "categories": ["complete", "partial"]],
            ["name": "language", "type": "string"],
            ["name": "date", "type": "string", "description": .string(startDescription(c.deidentifier?.options.dates))],
            ["name": "duration", "type": "integer", "description": "Seconds"],
        ]
        for v in c.codebook.variables {
            var f: [String: JSON] = ["name": .string(v.name), "title": .string(v.label)]
            if !v.questionText.isEmpty { f["description"] = .string(v.questionText) }
            switch v.measure {
            case .nominal where v.isCalculated:
                f["type"] = "boolean"
                f["trueValues"] = ["1"]
                f["falseValues"] = ["0"]
            case .nominal, .ordinal:
                f["type"] = "integer"
                if case .rank = v.source {
                    let ranks = v.validCodes ?? []
                    f["constraints"] = ["minimum": 0, "maximum": .number(Double(ranks.max() ?? 0))]
                } else {
                    f["categories"] = .array((v.codes + v.missing).map { ["value": .number(Double($0.code)), "label": .string($0.label)] })
                    if v.measure == .ordinal { f["categoriesOrdered"] = true }
                    // Missing codes are read as missing first (missingValues), so only answers need be listed.
                    f["constraints"] = ["enum": .array(v.codes.map { .number(Double($0.code)) })]
                }
            case .scale:
                f["type"] = .string(v.integer ? "integer" : "number")
                if case .range(let lo, let hi) = v.domain {
                    var bounds: [String: JSON] = [:]
                    if let lo { bounds["minimum"] = .number(lo) }
                    if let hi { bounds["maximum"] = .number(hi) }
                    if !bounds.isEmpty { f["constraints"] = .object(bounds) }
                }
            case .text:
                f["type"] = "string"
                let constraints = textConstraints(v, instruments, widest: widths[v.name] ?? 0)
                if !constraints.isEmpty { f["constraints"] = .object(constraints) }
            case .date:
                f["type"] = .string(v.precision == .month ? "yearmonth" : v.precision == .year ? "year" : "date")
            case .time:
                // Without a format, a time must have seconds ("09:05:00"); Fieldwork keeps minutes.
                f["type"] = "time"
                f["format"] = "%H:%M"
                let constraints = clockConstraints(v, instruments, shifted: false)
                if !constraints.isEmpty { f["constraints"] = .object(constraints) }
            case .datetime:
                // Local civil time as given, with no zone: the format has none, so no reader assumes one.
                f["type"] = "datetime"
                f["format"] = "%Y-%m-%dT%H:%M"
                let constraints = clockConstraints(v, instruments, shifted: c.deidentifier?.options.dates == .shift)
                if !constraints.isEmpty { f["constraints"] = .object(constraints) }
            }
            // Each variable's own skip code (none for a calculation, which cannot be skipped); a free
            // text skipped is empty, its skip column beside it saying so.
            let skipped: [JSON] = v.skippedColumn == nil ? v.skipped.map { [["value": .string(String($0)), "label": "Skipped"]] } ?? [] : []
            f["missingValues"] = .array([v.skippedColumn == nil ? notAsked : notAskedOrSkipped] + skipped
                                        + v.missing.map { ["value": .string(String($0.code)), "label": .string($0.label)] })
            fields.append(.object(f))
            if let column = v.skippedColumn {
                // A text of a repeat's instance has a third value, 2: the response has no such instance.
                let codes = v.skippedEntry?.codes ?? []
                fields.append([
                    "name": .string(column), "title": .string(v.label + ": skipped"), "type": "integer",
                    "description": .string("Whether '\(v.name)' was skipped (1) or answered (0)" + (v.instance == nil ? "" : ", or 2 when the response has no such instance")
                                           + "; empty when it was not asked"),
                    "categories": .array(codes.map { ["value": .number(Double($0.code)), "label": .string($0.label)] }),
                    "constraints": ["enum": .array(codes.map { .number(Double($0.code)) })],
                    "missingValues": [notAsked],
                ])
            }
        }
        let repeats = try repeatResources(c, fields: fields, notAsked: notAsked)
        var descriptor: JSON = [
            "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
            "name": .string(c.instrument.id),
            "title": .string(c.instrument.title.text(in: c.instrument.languages.first)),
            "resources": .array([[
                "name": "responses",
                "path": "responses.csv",
                "type": "table",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "hash": .string("sha256:" + (try ExportContext.sha256(of: csv))),
                "schema": [
                    "fields": .array(fields),
                    "primaryKey": ["response_id"],
                    "missingValues": [notAsked],
                ],
            ]] + repeats),
        ]
        let notes = (c.simulated ? ["Simulated data: made up by 'fieldwork simulate', not real responses."] : []) + c.deidentification
        if !notes.isEmpty, case .object(var members) = descriptor {
            members["description"] = .string(notes.joined(separator: "\n"))
            descriptor = .object(members)
        }
        var w = JSONWriter()
        descriptor.write(to: &w)
        return try c.writeText("datapackage.json", String(decoding: w.bytes, as: UTF8.self))
    }

    /// A resource per repeat's file (`responses-repeat-<section>.csv`): its fields are the first
    /// instance's, under the question's own names, without the "no such instance" code (a row is
    /// an instance the response has); `response_id` refers to the responses.
    static func repeatResources(_ c: ExportContext, fields: [JSON], notAsked: JSON) throws(ExportError) -> [JSON] {
        var out: [JSON] = []
        var done: Set<String> = []
        for v in c.codebook.variables {
            guard let instance = v.instance, !done.contains(instance.section) else { continue }
            done.insert(instance.section)
            let first = c.codebook.variables.filter { $0.instance?.section == instance.section && $0.instance?.key == instance.key }
            var columns: [JSON] = [
                ["name": "response_id", "type": "string", "constraints": ["required": true]],
                ["name": "instance", "type": "integer", "description": "The instance's key: the choice's code, or 1, 2, 3 ...",
                 "constraints": ["required": true]],
                ["name": "instance_label", "type": "string"],
            ]
            for column in first {
                let names = [column.name] + (column.skippedColumn.map { [$0] } ?? [])
                for (k, name) in names.enumerated() {
                    guard case .object(var f)? = fields.first(where: { $0["name"]?.string == name }) else { continue }
                    f["name"] = .string((column.instance?.column ?? column.name) + (k == 0 ? "" : "_skipped"))
                    f["title"] = .string((column.instance?.columnLabel ?? column.label) + (k == 0 ? "" : ": skipped"))
                    if k == 0, let absent = column.absent, case .array(let missing)? = f["missingValues"] {
                        f["missingValues"] = .array(missing.filter { $0["value"]?.string != String(absent) })
                    }
                    if k == 1 {
                        f["categories"] = [["value": 0, "label": "Answered"], ["value": 1, "label": "Skipped"]]
                        f["constraints"] = ["enum": [0, 1]]
                    }
                    columns.append(.object(f))
                }
            }
            let name = ExportContext.repeatFile(instance.section)
            out.append([
                "name": .string("repeat-" + instance.section),
                "path": .string(name),
                "type": "table", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                "hash": .string("sha256:" + (try ExportContext.sha256(of: c.path(name)))),
                "schema": [
                    "fields": .array(columns),
                    "primaryKey": ["response_id", "instance"],
                    "foreignKeys": [["fields": ["response_id"], "reference": ["resource": "responses", "fields": ["response_id"]]]],
                    "missingValues": [notAsked],
                ],
            ])
        }
        return out
    }

    /// A time's or a datetime's `min` and `max` as `minimum` and `maximum`, in the field's own
    /// format (frictionless reads a constraint as it reads the data): the earliest minimum and the
    /// latest maximum over every version that has the question, and none where a version has no
    /// such limit, or `today`, which moves. Shifted datetimes lie up to 364 days before the real
    /// ones, so their minimum no longer holds. ISO text of one form sorts as the times do.
    static func clockConstraints(_ v: Variable, _ instruments: [Instrument], shifted: Bool) -> [String: JSON] {
        guard case .value(let id) = v.source else { return [:] }
        let questions = instruments.filter { v.versions.contains($0.version) }.compactMap { $0.question(id) }
        guard !questions.isEmpty else { return [:] }
        func fixed(_ limits: [String?]) -> [String]? {
            let all = limits.compactMap { $0 }.filter { $0 != "today" }
            return all.count == limits.count ? all : nil
        }
        var out: [String: JSON] = [:]
        if !shifted, let earliest = fixed(questions.map(\.dateMin))?.min() { out["minimum"] = .string(earliest) }
        if let latest = fixed(questions.map(\.dateMax))?.max() { out["maximum"] = .string(latest) }
        return out
    }

    /// A free text's maxLength and pattern, as every version that has it sets them (a version
    /// without a limit leaves none).
    ///
    /// Fieldwork counts a text's length as a person does (a flag or an accented letter is one
    /// character); frictionless counts code points, which can be more. So maxLength is given where
    /// every value's bytes (at least its code points) fit the limit, and otherwise left out rather
    /// than have valid answers fail validation. The instrument's pattern is found anywhere in the
    /// answer; the data package's must match the whole value, so a pattern anchored at both ends
    /// (with no `|`) is given without its anchors, and any other wrapped in `[\s\S]*( … )[\s\S]*`.
    static func textConstraints(_ v: Variable, _ instruments: [Instrument], widest: Int) -> [String: JSON] {
        guard case .value(let id) = v.source else { return [:] }
        let questions = instruments.filter { v.versions.contains($0.version) }.compactMap { $0.question(id) }
        guard !questions.isEmpty else { return [:] }
        var out: [String: JSON] = [:]
        let lengths = questions.map(\.maxLength)
        if lengths.allSatisfy({ $0 != nil }), let longest = lengths.compactMap({ $0 }).max(), widest <= longest {
            out["maxLength"] = .number(Double(longest))
        }
        let patterns = Set(questions.map(\.pattern))
        if patterns.count == 1, let pattern = patterns.first ?? nil {
            if pattern.count >= 2, pattern.hasPrefix("^"), pattern.hasSuffix("$"), !pattern.hasSuffix("\\$"), !pattern.contains("|") {
                out["pattern"] = .string(String(pattern.dropFirst().dropLast()))
            } else {
                out["pattern"] = .string("[\\s\\S]*(" + pattern + ")[\\s\\S]*")
            }
        }
        return out
    }
}
