import InstrumentModel
import ResponseStore

/// For the fuzz target (`Fuzz/Responses`) only: runs one file's bytes through the wide export's
/// byte scanner (`RawResponse`, internal) and its cell writer, exactly as `writeWide` does, and
/// through the tree reader as the long export does, so hostile files can be tried on both paths
/// without building a responses folder. Not part of the export's API; nothing else calls it.
public struct ResponseScanProbe: Sendable {
    private let codebook: Codebook
    private let plan: SlotPlan

    public init(_ instruments: [Instrument]) {
        let codebook = Codebook(instruments)
        self.codebook = codebook
        plan = SlotPlan(codebook.variables)
    }

    /// Every cell of the row the file gives, from the scanner and from the tree (nil where that
    /// reader does not take the file for a response), in codes or labels, for CSV or SPSS.
    public func cells(_ bytes: UnsafeRawBufferPointer, labels: Bool, spss: Bool, spreadsheet: Bool = true) -> (scanned: [String]?, tree: [String]?) {
        let kind: WideKind = spreadsheet ? .spreadsheet : .statistical
        let variables = codebook.variables
        var raw = RawResponse(slots: plan.ids.count)
        var scanned: [String]?
        if raw.read(bytes, slots: plan.slots), raw.fixed(bytes) != nil {
            var rows = RawRows(variables: variables, slotOf: plan.slotOf, labels: labels, spss: spss, kind: kind, presence: plan.presence)
            scanned = variables.indices.map { i in
                var out: [UInt8] = []
                rows.cell(i, asked: true, raw, bytes, into: &out)
                return String(decoding: out, as: UTF8.self)
            }
        }
        let tree = StoredResponse.read(bytes).map { r in
            variables.map { v in
                var out: [UInt8] = []
                CSVWriter.field(Array(codebook.cell(v, r, labels: labels, asked: true).written(v, labels: labels, spss: spss, kind: kind).utf8), into: &out)
                return String(decoding: out, as: UTF8.self)
            }
        }
        return (scanned, tree)
    }
}
