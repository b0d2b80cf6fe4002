import Crypto
import Dispatch
import Foundation
import InstrumentModel
import ResponseStore

extension ExportContext {
    /// The wide CSV: one row per response, one column per variable (and, in the statistical CSV, a
    /// skip column beside each free text: `WideKind`); returns the widest value of each column in
    /// bytes (for SPSS string widths).
    func writeWide() throws(ExportError) -> (String, Int, [String: Int]) {
        let file = path(options.labels && options.format == .csv ? "responses-labels.csv" : "responses.csv")
        let csv = try CSVWriter(path: file, bom: options.excel)
        try csv.row(header)
        var widths: [String: Int] = [:]
        var count = 0
        let labels = options.labels && options.format == .csv
        let statistical = wideKind == .statistical
        // Which variables each version has, worked out once per version rather than once per cell.
        var asked: [String: [Bool]] = [:]
        var widest = [Int](repeating: 0, count: codebook.variables.count)
        var fixedWidest = [Int](repeating: 0, count: Codebook.fixed.count)
        let variables = codebook.variables
        func has(_ version: String) -> [Bool] {
            if let known = asked[version] { return known }
            let computed = variables.map { $0.versions.contains(version) }
            asked[version] = computed
            return computed
        }
        func add(_ value: String, _ i: Int, to fields: inout [String]) {
            fields.append(value)
            widest[i] = max(widest[i], CSVWriter.width(value))
        }
        // Finished files are read from their bytes, in blocks shared among the cores (the rows are
        // written in name order all the same); interrupted sessions are rebuilt through the engine.
        let template = WideRows(context: self, variables: variables, plan: SlotPlan(variables), labels: labels)
        do {
            // A de-identified export changes each record first (`Deidentifier`), so it reads them all
            // as records; the byte path would write them as stored.
            if deidentifier == nil {
                try ResponseBlocks.read(folder.folder, make: { template }) { rows in
                    try csv.bytes(rows.output)
                    skipped.add(rows.skipped)
                    count += rows.count
                    for i in widest.indices { widest[i] = max(widest[i], rows.widest[i]) }
                    for k in fixedWidest.indices { fixedWidest[k] = max(fixedWidest[k], rows.fixedWidest[k]) }
                }
            }
            func row(_ r: StoredResponse) throws {
                let flags = has(r.version)
                var fields = fixed(r)
                for k in fixedWidest.indices { fixedWidest[k] = max(fixedWidest[k], CSVWriter.width(fields[k])) }
                for i in variables.indices {
                    let cell = codebook.cell(variables[i], r, labels: labels, asked: flags[i])
                    add(text(cell, of: variables[i], labels: labels), i, to: &fields)
                    if statistical, variables[i].skippedColumn != nil { fields.append(cell.skippedFlag) }
                }
                try csv.row(fields)
                count += 1
            }
            if deidentifier == nil {
                try folder.eachPartial(skipped: skipped.add, replayed: skipped.note) { r in if wanted(r) { try row(r) } }
            } else {
                try eachPrepared(row)
            }
            for (i, v) in variables.enumerated() { widths[v.name] = widest[i] }
            for (k, name) in Codebook.fixed.enumerated() { widths[name] = fixedWidest[k] }
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError("\(error)")
        }
        try csv.close()
        return (file, count, widths)
    }
}
