import Crypto
import Dispatch
import Foundation
import InstrumentModel
import ResponseStore

extension ExportContext {
    /// The long CSV: one row per response and variable that was asked; codes (with their labels) in
    /// `code` and `label`, text and dates in `text`. An instrument with repeats adds `repeat` and
    /// `instance` (the section's id and the instance's key; empty for a question asked once), so
    /// that each instance's answers are rows of their own; others keep the seven columns.
    func writeLong() throws(ExportError) -> ([String], Int) {
        let file = path("responses-long.csv")
        let csv = try CSVWriter(path: file, bom: options.excel)
        let repeats = codebook.variables.contains { $0.instance != nil }
        try csv.row(["response_id", "instrument_version", "status", "variable", "code", "label", "text"] + (repeats ? ["repeat", "instance"] : []))
        var count = 0
        do {
            try eachPrepared { r in
                count += 1
                for v in codebook.variables {
                    let cell = codebook.cell(v, r)
                    let base = [r.responseID, r.version, r.status.rawValue, v.name]
                    let instance = repeats ? [v.instance?.section ?? "", v.instance.map { String($0.key) } ?? ""] : []
                    switch cell {
                    case .notAsked, .absent: continue
                    case .skipped: try csv.row(base + [v.skippedText, "Skipped", ""] + instance)
                    case .text(let t): try csv.row(base + ["", "", CSVWriter.neutralised(t)] + instance)
                    case .value(let value) where v.measure.isText:
                        // A date is text at every precision (a year, "2024", is not a code), and so are times.
                        try csv.row(base + ["", "", value] + instance)
                    case .value(let value):
                        // Codes and numbers, whole or not, in `code`: a variable's values stay in one
                        // column (2.5 went to `text` while 3 went to `code`).
                        let label = Int(value).flatMap { c in (v.codes + v.missing).first { $0.code == c }?.label } ?? ""
                        try csv.row(base + [value, label, ""] + instance)
                    }
                }
            }
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError("\(error)")
        }
        try csv.close()
        return ([file], count)
    }
}
