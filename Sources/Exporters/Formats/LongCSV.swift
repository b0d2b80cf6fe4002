import Crypto
import Dispatch
import Foundation
import InstrumentModel
import ResponseStore

extension ExportContext {
    /// The long CSV: one row per response and variable that was asked; codes (with their labels) in
    /// `code` and `label`, text and dates in `text`.
    func writeLong() throws(ExportError) -> ([String], Int) {
        let file = path("responses-long.csv")
        let csv = try CSVWriter(path: file, bom: options.excel)
        try csv.row(["response_id", "instrument_version", "status", "variable", "code", "label", "text"])
        var count = 0
        do {
            try eachPrepared { r in
                count += 1
                for v in codebook.variables {
                    let cell = codebook.cell(v, r)
                    let base = [r.responseID, r.version, r.status.rawValue, v.name]
                    switch cell {
                    case .notAsked: continue
                    case .skipped: try csv.row(base + [v.skippedText, "Skipped", ""])
                    case .text(let t): try csv.row(base + ["", "", CSVWriter.neutralised(t)])
                    case .value(let value) where v.measure == .date || v.measure == .text:
                        // A date is text at every precision: a year ("2024") is not a code.
                        try csv.row(base + ["", "", value])
                    case .value(let value):
                        // Codes and numbers, whole or not, in `code`: a variable's values stay in one
                        // column (2.5 went to `text` while 3 went to `code`).
                        let label = Int(value).flatMap { c in (v.codes + v.missing).first { $0.code == c }?.label } ?? ""
                        try csv.row(base + [value, label, ""])
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
