import ResponseStore

/// Rows of the wide CSV made from response files' bytes: one per worker and block of files,
/// each with its own scanner, buffers and column widths, so blocks can be made side by side.
struct WideRows: BlockReader {
    let context: ExportContext
    let variables: [Variable]
    let slots: RawResponse.Slots
    var raw: RawResponse
    var rows: RawRows
    /// The rows made, as CSV bytes, and how many.
    var output: [UInt8] = []
    var count = 0
    /// The widest value of each column in bytes (for SPSS string widths).
    var widest: [Int]
    /// The widest value of each of the first columns (`Codebook.fixed`), in bytes.
    var fixedWidest = [Int](repeating: 0, count: Codebook.fixed.count)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var folderPath: String { context.folder.path }
    /// Which variables each version has, worked out once per version rather than once per cell.
    private var asked: [String: [Bool]] = [:]

    init(context: ExportContext, variables: [Variable], plan: SlotPlan, labels: Bool) {
        self.context = context
        self.variables = variables
        slots = plan.slots
        raw = RawResponse(slots: slots.ids.count)
        rows = RawRows(variables: variables, slotOf: plan.slotOf, labels: labels, spss: context.options.format == .spss, kind: context.wideKind,
                       presence: plan.presence)
        widest = [Int](repeating: 0, count: variables.count)
    }

    /// Files of this block that could not be read, in name order.
    var skipped: [SkippedFile] = []
    /// Adds the row of a response file; false when the file is not a response (the tree reader
    /// would not take it either).
    mutating func take(_ b: RawResponse.Bytes) -> Bool {
        guard raw.read(b, slots: slots), let r = raw.fixed(b) else { return false }
        guard context.wanted(r) else { return true }
        let flags = has(r.version)
        // The first columns, as `ExportContext.fixed` gives them, without an array of strings a row.
        CSVWriter.field(r.responseID.utf8, into: &output)
        fixedWidest[0] = max(fixedWidest[0], r.responseID.utf8.count)
        for (k, f) in ([r.pseudonym ?? "", r.version, r.status.rawValue, r.language ?? "", r.started ?? ""] as [String]).enumerated() {
            output.append(0x2C)
            CSVWriter.field(f.utf8, into: &output)
            fixedWidest[k + 1] = max(fixedWidest[k + 1], CSVWriter.width(f))
        }
        output.append(0x2C)
        if let duration = r.duration { CSVWriter.field(String(duration).utf8, into: &output) }
        for i in variables.indices {
            output.append(0x2C)
            let before = output.count
            rows.cell(i, asked: flags[i], raw, b, into: &output)
            // The width of the value itself: a quoted field's quotes and doubled quotes do not count.
            var width = output.count - before
            if width >= 2, output[before] == 0x22 {
                let quotes = output[before...].reduce(0) { $0 + ($1 == 0x22 ? 1 : 0) }
                width -= 2 + (quotes - 2) / 2
            }
            widest[i] = max(widest[i], width)
            if rows.hasSkippedColumn[i] {
                output.append(0x2C)
                rows.skippedFlag(i, asked: flags[i], raw, b, into: &output)
            }
        }
        output.append(0x0D)
        output.append(0x0A)
        count += 1
        return true
    }

    private mutating func has(_ version: String) -> [Bool] {
        if let known = asked[version] { return known }
        let computed = variables.map { $0.versions.contains(version) }
        asked[version] = computed
        return computed
    }
}
