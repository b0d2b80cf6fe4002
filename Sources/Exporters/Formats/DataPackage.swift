import Foundation
import InstrumentModel

/// The Frictionless Data Package (v2) describing responses.csv: field types, categories,
/// missing values with their meaning, and the data's SHA-256.
enum DataPackage {
    static func write(_ c: ExportContext, csv: String) throws(ExportError) -> String {
        let notAsked: JSON = ["value": "", "label": "Not asked"]
        var fields: [JSON] = [
            ["name": "response_id", "type": "string", "constraints": ["required": true, "unique": true]],
            ["name": "pseudonym", "type": "string"],
            ["name": "instrument_version", "type": "string", "constraints": ["required": true]],
            ["name": "status", "type": "string", "categories": ["complete", "partial"]],
            ["name": "language", "type": "string"],
            ["name": "date", "type": "string", "description": "Start of the response, at the instrument's timestamp precision"],
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
                    f["constraints"] = ["minimum": 0]
                } else {
                    f["categories"] = .array((v.codes + v.missing).map { ["value": .number(Double($0.code)), "label": .string($0.label)] })
                    if v.measure == .ordinal { f["categoriesOrdered"] = true }
                }
            case .scale:
                f["type"] = .string(v.integer ? "integer" : "number")
            case .text:
                f["type"] = "string"
            case .date:
                f["type"] = .string(v.precision == .month ? "yearmonth" : v.precision == .year ? "year" : "date")
            }
            // Each variable's own skip code (none for a calculation, which cannot be skipped).
            let skipped: [JSON] = v.skipped.map { [["value": .string(String($0)), "label": "Skipped"]] } ?? []
            f["missingValues"] = .array([notAsked] + skipped + v.missing.map { ["value": .string(String($0.code)), "label": .string($0.label)] })
            fields.append(.object(f))
        }
        var descriptor: JSON = [
            "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
            "name": .string(c.instrument.id),
            "title": .string(c.instrument.title.text(in: c.instrument.languages.first)),
            "resources": [[
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
            ]],
        ]
        if c.simulated, case .object(var members) = descriptor {
            members["description"] = "Simulated data: made up by 'fieldwork simulate', not real responses."
            descriptor = .object(members)
        }
        var w = JSONWriter()
        descriptor.write(to: &w)
        return try c.writeText("datapackage.json", String(decoding: w.bytes, as: UTF8.self))
    }
}
