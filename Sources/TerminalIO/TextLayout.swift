/// Display widths and wrapping in terminal columns: wide characters (CJK, most emoji) take two
/// columns, combining marks none; a Character's width is that of its first scalar.
public enum TextLayout {
    public static func width(_ c: Character) -> Int {
        guard let scalar = c.unicodeScalars.first else { return 0 }
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1FAFF).contains(v)
            || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// The columns a text takes. A terminal's escape codes (`ESC [ ... m`, which style a line) take
    /// none, so a styled line measures as its text does.
    public static func width(_ s: some StringProtocol) -> Int {
        var scan = EscapeScan()
        var total = 0
        for c in s where !scan.consumes(c) { total += width(c) }
        return total
    }

    /// Follows a text character by character, telling which belong to a CSI escape sequence (ESC,
    /// `[`, parameters, a final letter): those are styling, never shown, never cut through.
    struct EscapeScan {
        private var state = 0   // 0: text, 1: after ESC, 2: inside the sequence

        mutating func consumes(_ c: Character) -> Bool {
            switch state {
            case 1:
                state = c == "[" ? 2 : 0
                return true
            case 2:
                // Parameters and intermediates (0x20–0x3F) go on; a final byte (0x40–0x7E) ends it.
                if let v = c.unicodeScalars.first?.value, (0x40...0x7E).contains(v) { state = 0 }
                return true
            default:
                if c == "\u{1B}" { state = 1; return true }
                return false
            }
        }
    }

    /// A text in at most `columns`: whole when it fits, else cut and ending in `…`, never through a
    /// wide character. The one way a line is shortened on screen, so that a cut always shows.
    public static func fit(_ s: String, _ columns: Int) -> String {
        guard width(s) > columns else { return s }
        guard columns > 0 else { return "" }
        let cut = prefix(s, columns - 1)
        var kept = cut
        // Cut mid-word, the cut goes back to the word's start where that is near (within a third
        // of the room): "Neither…", not "Neither agr…". A long word alone is still cut in it.
        if s.dropFirst(kept.count).first.map({ $0 != " " }) == true, kept.last != " ",
           let space = kept.lastIndex(of: " "), width(kept[space...]) <= min(12, columns / 3) {
            kept = String(kept[..<space])
            // Nor does it end on a dash or a comma between words: "the team…", not "the team —…".
            while kept.count > 1, let last = kept.last, last == " " || "—–-·,;:".contains(last) { kept.removeLast() }
        }
        // "your…", not "your …": the mark belongs to the word it cuts.
        while kept.last == " " { kept.removeLast() }
        // The codes in what was cut off are kept, so that a style the line closes stays closed.
        var scan = EscapeScan()
        return kept + "…" + String(s.dropFirst(cut.count).filter { scan.consumes($0) })
    }

    /// As much of a text as fits in `columns`, with no mark: for splitting a word over lines.
    static func prefix(_ s: String, _ columns: Int) -> String {
        var out = ""
        var used = 0
        var scan = EscapeScan()
        for c in s {
            if scan.consumes(c) {
                out.append(c)
                continue
            }
            let w = width(c)
            if used + w > columns { break }
            out.append(c)
            used += w
        }
        return out
    }

    /// Pads a text with spaces to exactly `columns` (cutting it when longer).
    public static func pad(_ s: String, _ columns: Int) -> String {
        let cut = fit(s, columns)
        return cut + String(repeating: " ", count: max(0, columns - width(cut)))
    }

    /// Wraps a text to `columns` at spaces, keeping its own line breaks; a word longer than a line is split.
    public static func wrap(_ text: String, _ columns: Int) -> [String] {
        let limit = max(1, columns)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var w = String(word)
                var ww = width(w)
                if lineWidth > 0 && lineWidth + 1 + ww > limit {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while ww > limit {
                    let head = prefix(w, limit - lineWidth)
                    lines.append(line + head)
                    line = ""
                    lineWidth = 0
                    w = String(w.dropFirst(head.count))
                    ww = width(w)
                }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line += w
                lineWidth += ww
            }
            lines.append(line)
        }
        return lines
    }
}
