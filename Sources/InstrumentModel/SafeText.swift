/// The one rule for characters that can drive a terminal or hide text: which they are, how they
/// are shown when text is written out, and how they are left out when text is typed.
///
/// Instrument texts, participants' answers and file names reach terminals (`check`, `preview`,
/// `run`, `status`, `summary`) and files that people open in terminals and spreadsheets (CSV,
/// SPSS). An ESC there can set the window title, clear the screen, or make a terminal type a
/// reply of its own; a bidi override can make text read differently from what it holds. One rule
/// in the innermost target, so that every writer (the command line, the drivers, the diagnostics,
/// the exporters) and the line editor agree on what is unsafe.
public enum SafeText {
    /// The harmless controls a context keeps as they are.
    public struct Keeping: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let tab = Keeping(rawValue: 1)
        public static let newline = Keeping(rawValue: 2)
        /// Select Graphic Rendition sequences (`ESC [ 1;32 m`): the colours and bold a full screen
        /// and coloured diagnostics are made of. They change how text looks, never where it goes or
        /// what the terminal does, so a writer that adds its own styling keeps them.
        public static let styles = Keeping(rawValue: 4)

        public static let tabsAndNewlines: Keeping = [.tab, .newline]
    }

    /// C0 controls, DEL, C1 controls (U+0080–U+009F) and the bidi embeddings, overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069), tab and newline included: the caller decides
    /// whether those two are kept.
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Text safe for a terminal or a spreadsheet: each control is shown as `[U+001B]`.
    ///
    /// The visible form has no backslash, quote, comma or angle bracket, so no format it lands in
    /// (JSON, CSV, SPSS or R syntax, HTML, Markdown) reads it as an escape or markup of its own,
    /// and a researcher sees that something was there. It is for display: it is not reversed.
    public static func escaped(_ text: String, keeping: Keeping = .tabsAndNewlines) -> String {
        guard text.unicodeScalars.contains(where: { needsChange($0, keeping) }) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if keeping.contains(.styles), s == "\u{1B}", let end = styleEnd(scalars, from: i) {
                out.append(contentsOf: scalars[i..<end])
                i = end
                continue
            }
            if needsChange(s, keeping) {
                out.append(contentsOf: visible(s).unicodeScalars)
            } else {
                out.append(s)
            }
            i += 1
        }
        return String(out)
    }

    /// The UTF-8 bytes of `escaped`, or nil when the bytes need no change (most cells), for the
    /// exporters' byte paths. A quick look at the bytes first: only a byte below 0x20, DEL, or the
    /// first byte of a C1 (0xC2) or bidi (0xE2) character can start a control.
    public static func escaped<C: Collection>(utf8 bytes: C, keeping: Keeping = .tabsAndNewlines) -> [UInt8]? where C.Element == UInt8 {
        guard bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { needsChange($0, keeping) }) else { return nil }
        return Array(escaped(text, keeping: keeping).utf8)
    }

    /// Typed or pasted text without its controls: escape sequences (`ESC [ 2 J`, `ESC ] 0 ; title
    /// BEL`) are left out whole, other controls one by one; for answers, which keep what the
    /// participant meant to type and nothing a terminal would act on.
    public static func removingControls(_ text: String, keeping: Keeping = .tabsAndNewlines) -> String {
        guard text.unicodeScalars.contains(where: { needsChange($0, keeping) }) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\u{1B}" {
                i = sequenceEnd(scalars, from: i)
                continue
            }
            if !needsChange(s, keeping) { out.append(s) }
            i += 1
        }
        return String(out)
    }

    private static func needsChange(_ s: Unicode.Scalar, _ keeping: Keeping) -> Bool {
        guard isControl(s) else { return false }
        if s == "\t" { return !keeping.contains(.tab) }
        if s == "\n" { return !keeping.contains(.newline) }
        return true
    }

    private static func visible(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "[U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
    }

    /// Where an SGR sequence starting at `i` ends (`ESC [`, digits and `;`, then `m`); nil when
    /// what starts there is anything else.
    private static func styleEnd(_ scalars: [Unicode.Scalar], from i: Int) -> Int? {
        guard i + 2 < scalars.count, scalars[i + 1] == "[" else { return nil }
        var j = i + 2
        while j < scalars.count, ("0"..."9").contains(scalars[j]) || scalars[j] == ";" { j += 1 }
        guard j < scalars.count, scalars[j] == "m" else { return nil }
        return j + 1
    }

    /// Where the escape sequence starting at `i` ends (ECMA-48): CSI runs to its final byte;
    /// OSC, DCS, SOS, PM and APC run to BEL or `ESC \`; any other `ESC x` is two characters.
    private static func sequenceEnd(_ scalars: [Unicode.Scalar], from i: Int) -> Int {
        guard i + 1 < scalars.count else { return i + 1 }
        let kind = scalars[i + 1]
        switch kind {
        case "[":
            var j = i + 2
            while j < scalars.count, (0x20...0x3F).contains(scalars[j].value) { j += 1 }
            return j < scalars.count && (0x40...0x7E).contains(scalars[j].value) ? j + 1 : j
        case "]", "P", "X", "^", "_":
            var j = i + 2
            while j < scalars.count {
                if scalars[j] == "\u{07}" { return j + 1 }
                if scalars[j] == "\u{1B}" { return j + 1 < scalars.count && scalars[j + 1] == "\\" ? j + 2 : j }
                j += 1
            }
            return j
        default:
            return isControl(kind) ? i + 1 : i + 2
        }
    }
}
