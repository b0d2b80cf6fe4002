import Foundation
import InstrumentModel

/// The Frictionless Data Package (v2) describing responses.csv: field types, categories,
/// missing values with their meaning, and the data's SHA-256.
enum DataPackage {
    static func write(_ c: ExportContext, csv: String) throws(ExportError) -> String {
        let notAsked: [String: Any] = ["value": "", "label": "Not asked"]
        let skipped: [String: Any] = ["value": String(MissingCode.skipped), "label": "Skipped"]
        var fields: [[String: Any]] = [
            ["name": "response_id", "type": "string", "constraints": ["required": true, "unique": true]],
            ["name": "pseudonym", "type": "string"],
            ["name": "instrument_version", "type": "string", "constraints": ["required": true]],
            ["name": "status", "type": "string", "categories": ["complete", "partial"]],
            ["name": "language", "type": "string"],
            ["name": "date", "type": "string", "description": "Start of the response, at the instrument's timestamp precision"],
            ["name": "duration", "type": "integer", "description": "Seconds"],
        ]
        for v in c.codebook.variables {
            var f: [String: Any] = ["name": v.name, "title": v.label]
            if !v.questionText.isEmpty { f["description"] = v.questionText }
            switch v.measure {
            case .nominal, .ordinal:
                f["type"] = "integer"
                if case .rank = v.source {
                    f["constraints"] = ["minimum": 0]
                } else {
                    f["categories"] = (v.codes + v.missing).map { ["value": $0.code, "label": $0.label] as [String: Any] }
                    if v.measure == .ordinal { f["categoriesOrdered"] = true }
                }
            case .scale:
                f["type"] = v.integer ? "integer" : "number"
            case .text:
                f["type"] = "string"
            case .date:
                f["type"] = v.precision == .month ? "yearmonth" : v.precision == .year ? "year" : "date"
            }
            f["missingValues"] = [notAsked, skipped] + v.missing.map { ["value": String($0.code), "label": $0.label] as [String: Any] }
            fields.append(f)
        }
        let descriptor: [String: Any] = [
            "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
            "name": c.instrument.id,
            "title": c.instrument.title.text(in: c.instrument.languages.first),
            "resources": [[
                "name": "responses",
                "path": "responses.csv",
                "type": "table",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "hash": "sha256:" + (try ExportContext.sha256(of: csv)),
                "schema": [
                    "fields": fields,
                    "primaryKey": ["response_id"],
                    "missingValues": [notAsked, skipped],
                ] as [String: Any],
            ] as [String: Any]],
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: descriptor, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            throw ExportError("cannot describe the data package")
        }
        return try c.writeText("datapackage.json", String(decoding: data, as: UTF8.self) + "\n")
    }
}
