import Foundation
import InstrumentModel
import ResponseStore

/// A file per repeated section, beside the wide one: one row per instance a response has, with
/// the response's id, the instance's key and label, and the section's questions under their own
/// names (`visits`, not `visits_2`), for analysts who join tables rather than read suffixes
/// (ODK's repeat tables). The cells are the wide file's, by the same rule.
extension ExportContext {
    /// The name of a repeat's file.
    static func repeatFile(_ section: String) -> String { "responses-repeat-\(section).csv" }

    /// Writes one file per repeated section (none for an instrument without repeats).
    func writeRepeats() throws(ExportError) -> [String] {
        let bySection = Dictionary(grouping: codebook.variables.filter { $0.instance != nil }, by: { $0.instance?.section ?? "" })
        let sections = codebook.variables.compactMap(\.instance?.section).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard !sections.isEmpty else { return [] }
        let labels = options.labels && options.format == .csv
        let statistical = wideKind == .statistical
        var files: [String] = []
        for section in sections {
            let variables = bySection[section] ?? []
            // Per instance key, its columns in order; the columns' names are those of the first instance.
            let keys = variables.compactMap(\.instance?.key).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
            let byKey = Dictionary(grouping: variables, by: { $0.instance?.key ?? 0 })
            guard let first = keys.first.flatMap({ byKey[$0] }) else { continue }
            var header = ["response_id", "instance", "instance_label"]
            for v in first {
                let column = v.instance?.column ?? v.name
                header.append(column)
                if statistical, v.skippedColumn != nil { header.append(column + "_skipped") }
            }
            let file = path(Self.repeatFile(section))
            let csv = try CSVWriter(path: file, bom: options.excel)
            do {
                try csv.row(header)
                try eachPrepared { r in
                    for key in keys {
                        guard let columns = byKey[key], let instance = columns.first?.instance else { continue }
                        let cells = columns.map { codebook.cell($0, r, labels: labels) }
                        // An instance the response has not (or nothing of it asked) has no row.
                        guard !cells.contains(.absent), cells.contains(where: { $0 != .notAsked }) else { continue }
                        var row = [r.responseID, String(instance.key), instance.label]
                        for (v, cell) in zip(columns, cells) {
                            row.append(text(cell, of: v, labels: labels))
                            if statistical, v.skippedColumn != nil { row.append(cell.skippedFlag) }
                        }
                        try csv.row(row)
                    }
                }
            } catch let error as ExportError {
                throw error
            } catch {
                throw ExportError("\(error)")
            }
            try csv.close()
            files.append(file)
        }
        return files
    }
}
