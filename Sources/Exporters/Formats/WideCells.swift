/// Writing rows of the wide CSV straight from a response file's bytes to the output's bytes,
/// with no String made per cell. It follows the variable's `CellRule` and must write exactly what
/// `Codebook.cell` gives from the JSON tree; `ReplayAgreementTests` checks every kind of variable.
struct RawRows {
    let variables: [Variable]
    let slotOf: [Int]
    let labels: Bool
    let spss: Bool
    /// Which CSV: the spreadsheet's neutralises formulas; the statistical one writes text exactly
    /// and adds a skip column beside each free text (`WideKind`).
    let kind: WideKind
    /// Per variable: whether it has a skip column in this CSV.
    let hasSkippedColumn: [Bool]
    /// Per variable: the CSV field of each code's label (labels mode).
    let labelFields: [[Int: [UInt8]]]
    private var scratch: [UInt8] = []
    /// Per variable, what the cell holds, worked out once: copying a `Variable` (names, labels,
    /// codes) for each cell was a fifth of an export's time.
    private let kinds: [CellRule]
    /// Per variable: a matrix row's id as bytes (empty for others).
    private let rowKeys: [[UInt8]]
    /// Per variable: its skipped code as bytes, chosen outside its values (`Variable.skipped`).
    private let skippedCodes: [[UInt8]]
    /// Per variable of a repeated question: whether the response has its instance (`SlotPlan`).
    private let presence: [RawPresence?]
    /// Per variable: the cell of an instance not present (its code or label; empty for texts and dates).
    private let absentCells: [[UInt8]]

    init(variables: [Variable], slotOf: [Int], labels: Bool, spss: Bool, kind: WideKind, presence: [RawPresence?] = []) {
        self.variables = variables
        self.presence = presence
        absentCells = variables.map { v in
            var out: [UInt8] = []
            CSVWriter.field(Array(Cell.absent.written(v, labels: labels, spss: spss, kind: kind).utf8), into: &out)
            return out
        }
        self.slotOf = slotOf
        self.labels = labels
        self.spss = spss
        self.kind = kind
        hasSkippedColumn = variables.map { kind == .statistical && $0.skippedColumn != nil }
        kinds = variables.map(CellRule.init)
        rowKeys = kinds.map { rule in
            if case .row(let row) = rule { return Array(row.utf8) }
            return []
        }
        // A free text skipped is empty in the statistical CSV: its skip column says so.
        skippedCodes = variables.map { kind == .statistical && $0.skippedColumn != nil ? [] : Array($0.skippedText.utf8) }
        labelFields = variables.map { v in
            var fields: [Int: [UInt8]] = [:]
            for (code, label) in v.codes + v.missing where fields[code] == nil {
                var out: [UInt8] = []
                RawRows.field(Array(label.utf8), into: &out)
                fields[code] = out
            }
            return fields
        }
    }

    static let skippedLabel = Array("Skipped".utf8)

    static func field(_ bytes: [UInt8], into out: inout [UInt8]) { CSVWriter.field(bytes, into: &out) }

    /// The text of a JSON string token, unescaped, into `scratch`.
    private mutating func decode(_ b: RawResponse.Bytes, _ range: Range<Int>) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        guard range.count >= 2, b[range.lowerBound] == UInt8(ascii: "\"") else { return false }
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        if !b[inner].contains(UInt8(ascii: "\\")) {
            scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[inner]))
        } else if let s = RawResponse.string(b, range) {
            scratch.append(contentsOf: s.utf8)
        }
        return true
    }

    /// Free text: line breaks flattened for SPSS, formulas neutralised for spreadsheets, then quoted as needed.
    private mutating func text(into out: inout [UInt8]) {
        if spss, scratch.contains(0x0A) {
            scratch = Array(String(decoding: scratch, as: UTF8.self).replacingOccurrences(of: "\r\n", with: " ¶ ")
                .replacingOccurrences(of: "\n", with: " ¶ ").utf8)
        }
        if kind == .spreadsheet, let first = scratch.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D, UInt8(ascii: "'")].contains(first) {
            scratch.insert(UInt8(ascii: "'"), at: 0)
        }
        Self.field(scratch, into: &out)
    }

    private func code(_ i: Int, _ b: RawResponse.Bytes, _ range: Range<Int>, into out: inout [UInt8]) {
        if labels, let c = RawResponse.int(b, range) {
            if let f = labelFields[i][c] { out.append(contentsOf: f) } else { out.append(contentsOf: String(c).utf8) }
        } else {
            token(b, range, into: &out)
        }
    }

    /// A number, true/false or null as the cell rule writes it.
    private func token(_ b: RawResponse.Bytes, _ range: Range<Int>, into out: inout [UInt8]) {
        if JSONScanner.equals(b, range, "null") { return }
        if JSONScanner.equals(b, range, "true") { out.append(contentsOf: CellRule.boolean(true).utf8); return }
        if JSONScanner.equals(b, range, "false") { out.append(contentsOf: CellRule.boolean(false).utf8); return }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[range]))
    }

    /// Whether an array value holds the whole number `n`, and where (0-based), without making an array.
    private static func position(of n: Int, in b: RawResponse.Bytes, _ range: Range<Int>) -> Int? {
        var s = JSONScanner(b: UnsafeRawBufferPointer(rebasing: b[range]))
        guard s.expect(UInt8(ascii: "[")) else { return nil }
        var first = true
        var index = 0
        while let r = s.nextElement(&first) {
            if RawResponse.int(s.b, r) == n { return index }
            index += 1
        }
        return nil
    }

    /// Appends the skip column's cell of variable `i` (one with `hasSkippedColumn`), as
    /// `Cell.skippedFlag` gives it: 1 skipped, 0 answered, empty not asked.
    func skippedFlag(_ i: Int, asked: Bool, _ raw: RawResponse, _ b: RawResponse.Bytes, into out: inout [UInt8]) {
        guard asked else { return }
        if isAbsent(i, raw, b) { out.append(UInt8(ascii: "2")); return }
        let slot = slotOf[i]
        if raw.answers[slot] != nil { out.append(UInt8(ascii: "0")) } else if raw.skipped[slot] { out.append(UInt8(ascii: "1")) }
    }

    /// Appends the cell of variable `i`; `asked` is false when the response's version lacks it.
    /// Whether variable `i` holds an instance of a repeat that the response does not have.
    private func isAbsent(_ i: Int, _ raw: RawResponse, _ b: RawResponse.Bytes) -> Bool {
        guard i < presence.count, let p = presence[i] else { return false }
        return p.present(raw, b) == false
    }

    mutating func cell(_ i: Int, asked: Bool, _ raw: RawResponse, _ b: RawResponse.Bytes, into out: inout [UInt8]) {
        guard asked else { return }
        if isAbsent(i, raw, b) { out.append(contentsOf: absentCells[i]); return }
        let kind = kinds[i]
        let slot = slotOf[i]
        guard let given = raw.answers[slot] else {
            if kind.isCalculated {
                guard let value = raw.calculated[slot] else { return }
                if decode(b, value) {
                    if case .calculated(text: true) = kind { text(into: &out) } else { Self.field(scratch, into: &out) }
                } else {
                    token(b, value, into: &out)
                }
                return
            }
            // "Other" is asked only when it is chosen: for a skipped question it was never asked.
            if case .other = kind { return }
            if raw.skipped[slot] { out.append(contentsOf: labels ? Self.skippedLabel : skippedCodes[i]) }
            return
        }
        switch kind {
        case .choice:
            if RawResponse.isNumber(b, given) { code(i, b, given, into: &out) }
        case .flag(let c, let missing):
            let picked = Self.position(of: c, in: b, given) != nil
            if !picked, let reason = missing.first(where: { Self.position(of: $0, in: b, given) != nil }) {
                if labels, let f = labelFields[i][reason] { out.append(contentsOf: f) } else { out.append(contentsOf: String(reason).utf8) }
                return
            }
            out.append(contentsOf: labels ? Array((picked ? "Chosen" : "Not chosen").utf8) : Array(CellRule.boolean(picked).utf8))
        case .row:
            guard let value = RawResponse.member(b, given, rowKeys[i]), RawResponse.isNumber(b, value) else {
                out.append(contentsOf: labels ? Self.skippedLabel : skippedCodes[i])
                return
            }
            code(i, b, value, into: &out)
        case .rank(let c):
            out.append(contentsOf: Self.position(of: c, in: b, given).map { String($0 + 1) }.map { Array($0.utf8) } ?? [0x30])
        case .other:
            guard let other = raw.other[slot], decode(b, other) else { return }
            text(into: &out)
        case .text, .value:
            if decode(b, given) {
                if case .text = kind { text(into: &out) } else { Self.field(scratch, into: &out) }
            } else {
                token(b, given, into: &out)
            }
        case .calculated:
            if decode(b, given) { Self.field(scratch, into: &out) } else { token(b, given, into: &out) }
        }
    }
}
