import Foundation
import InstrumentModel

/// RFC 4180 CSV in UTF-8, written through a buffer so that memory stays flat.
///
/// Free text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
/// carriage return, or an apostrophe) is written with a leading apostrophe, the usual neutralisation;
/// the codebook says so.
///
/// Controls other than tab and line break (an ESC, BEL, backspace, C1 or bidi control typed or
/// pasted into an answer) are shown as `[U+001B]` (`SafeText`): a spreadsheet or a terminal the
/// file is opened in would otherwise act on them.
final class CSVWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    let path: String

    /// `bom`: begin with a UTF-8 byte order mark, by which Excel knows the file is UTF-8 (`--excel`).
    init(path: String, bom: Bool = false) throws(ExportError) {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw ExportError("cannot write '\(path)'")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
        if bom { buffer += [0xEF, 0xBB, 0xBF] }
    }

    /// Appends one field, its controls made safe, quoting it (and doubling its quotes) only where
    /// it needs it. Every field of every CSV (wide by either reading path, long, SPSS) comes here,
    /// so the paths cannot disagree on it.
    static func field<C: Collection>(_ bytes: C, into out: inout [UInt8]) where C.Element == UInt8 {
        // One pass over the bytes, by a table, says whether the field needs quotes and whether it
        // may hold a control; most cells need neither and are copied as they are. (Two generic
        // passes, one through SafeText in another module, cost an export a fifth of its speed.)
        var seen: UInt8 = 0
        let kinds = byteKinds
        // Over contiguous bytes (every caller's), a plain loop on a pointer: a slice's iterator
        // cost more than the rest of the cell.
        let scanned: Void? = bytes.withContiguousStorageIfAvailable { (buffer: UnsafeBufferPointer<UInt8>) -> Void in
            for b in buffer { seen |= kinds[Int(b)] }
        }
        if scanned == nil {
            for b in bytes { seen |= kinds[Int(b)] }
        }
        if seen & mayBeControl != 0, let safe = SafeText.escaped(utf8: bytes) { return quoted(safe, into: &out) }
        guard seen & needsQuotes != 0 else {
            let copied: Void? = bytes.withContiguousStorageIfAvailable { (buffer: UnsafeBufferPointer<UInt8>) -> Void in out.append(contentsOf: buffer) }
            if copied == nil { out.append(contentsOf: bytes) }
            return
        }
        quoted(bytes, into: &out)
    }

    private static let needsQuotes: UInt8 = 1
    private static let mayBeControl: UInt8 = 2
    /// Per byte: whether it makes a field need quotes (comma, quote, line breaks) and whether it
    /// can start a control character (below 0x20 but for tab and newline, DEL, and the first
    /// bytes of C1 and bidi characters, which SafeText then looks at whole).
    private static let byteKinds: [UInt8] = (0...255).map { b -> UInt8 in
        var kind: UInt8 = 0
        if b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { kind |= needsQuotes }
        if (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F || b == 0xC2 || b == 0xE2 { kind |= mayBeControl }
        return kind
    }

    /// How many bytes a value takes in its field, quotes aside: its controls are written escaped,
    /// so a column's width (SPSS reads strings that wide) counts them so, as the byte path does.
    static func width(_ value: String) -> Int {
        // The quick look by the table first: SafeText's generic entry, from another module, cost
        // a tenth of an export when asked of every fixed field of every row.
        let kinds = byteKinds
        guard value.utf8.contains(where: { kinds[Int($0)] & mayBeControl != 0 }) else { return value.utf8.count }
        return SafeText.escaped(utf8: value.utf8)?.count ?? value.utf8.count
    }

    private static func quoted<C: Collection>(_ bytes: C, into out: inout [UInt8]) where C.Element == UInt8 {
        guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for b in bytes {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
    }

    /// An apostrophe is put before text that starts like a formula, and before text that already
    /// starts with an apostrophe, so that removing one leading apostrophe always gives the original.
    static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r", "'"].contains(first) else { return s }
        return "'" + s
    }

    /// Appends one record; works on bytes, as string searching and replacing cost most of an export's time.
    func row(_ fields: [String]) throws(ExportError) {
        // Built in a local array, then added once: appending byte by byte to the class's own
        // buffer pays an exclusivity check on every byte.
        var out: [UInt8] = []
        out.reserveCapacity(fields.count * 8)
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(0x2C) }
            var f = f
            f.withUTF8 { Self.field($0, into: &out) }
        }
        out.append(0x0D)
        out.append(0x0A)
        buffer.append(contentsOf: out)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Appends a record already in CSV form.
    func bytes(_ record: [UInt8]) throws(ExportError) {
        buffer.append(contentsOf: record)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws(ExportError) {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: Data(buffer)) } catch { throw ExportError("cannot write '\(path)': the disk may be full") }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws(ExportError) {
        try flush()
        do { try handle.close() } catch { throw ExportError("cannot finish '\(path)'") }
    }
}
