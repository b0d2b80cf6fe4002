import InstrumentModel

/// Editing text with a cursor: the keys people expect from any text box.
///
/// Control characters never enter the text (`SafeText`): an answer is what a participant meant
/// to type, not an escape sequence pasted along with it that a terminal or spreadsheet would act
/// on later. A line break is kept where the editor has several lines; a tab becomes a space, as
/// a text box has no tab stops to show it at.
public struct LineEditor: Sendable, Equatable {
    public private(set) var text: [Character]
    public private(set) var cursor: Int
    public let multiline: Bool

    public init(_ text: String = "", multiline: Bool = false) {
        self.text = Array(Self.typeable(text, multiline: multiline))
        cursor = self.text.count
        self.multiline = multiline
    }

    public var string: String { String(text) }

    /// Applies a key; returns false when the key is not an editing key (Enter on one line, arrows up/down, ...).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            insert(c)
        case .paste(let pasted):
            // On one line, pasted line breaks become spaces rather than vanish between words.
            insert(multiline ? pasted : pasted.replacingOccurrences(of: "\n", with: " "))
        case .enter where multiline:
            insert("\n")
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = lineStart
        case .end, .ctrl("e"): cursor = lineEnd
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < text.count else { return true }
            text.remove(at: cursor)
        case .ctrl("w"):
            var start = cursor
            while start > 0, text[start - 1] == " " { start -= 1 }
            while start > 0, text[start - 1] != " ", text[start - 1] != "\n" { start -= 1 }
            text.removeSubrange(start..<cursor)
            cursor = start
        case .ctrl("u"):
            // Bounds first: during removeSubrange the array is borrowed and reads as empty.
            let start = lineStart
            text.removeSubrange(start..<cursor)
            cursor = start
        case .ctrl("k"):
            let end = lineEnd
            text.removeSubrange(cursor..<end)
        case .up where multiline: moveLine(-1)
        case .down where multiline: moveLine(1)
        default:
            return false
        }
        return true
    }

    /// Inserts pasted text at the cursor (line breaks only where the editor has several lines,
    /// no other controls).
    public mutating func insert(_ c: Character) { insert(String(c)) }

    /// Inserts text at the cursor, as typed: tabs as spaces, line breaks only on several lines.
    public mutating func insert(_ s: String) {
        for c in Self.typeable(s, multiline: multiline) {
            text.insert(c, at: cursor)
            cursor += 1
        }
    }

    /// What of `text` can be typed here: tabs as spaces, line breaks only in several lines.
    private static func typeable(_ text: String, multiline: Bool) -> String {
        let spaced = text.contains("\t") ? String(text.map { $0 == "\t" ? " " : $0 }) : text
        return SafeText.removingControls(spaced, keeping: multiline ? .newline : [])
    }

    private var lineStart: Int {
        var i = cursor
        while i > 0, text[i - 1] != "\n" { i -= 1 }
        return i
    }

    private var lineEnd: Int {
        var i = cursor
        while i < text.count, text[i] != "\n" { i += 1 }
        return i
    }

    private mutating func moveLine(_ direction: Int) {
        let column = cursor - lineStart
        if direction < 0 {
            guard lineStart > 0 else { cursor = 0; return }
            var start = lineStart - 1
            while start > 0, text[start - 1] != "\n" { start -= 1 }
            cursor = min(start + column, lineStart - 1)
        } else {
            guard lineEnd < text.count else { cursor = text.count; return }
            let next = lineEnd + 1
            var end = next
            while end < text.count, text[end] != "\n" { end += 1 }
            cursor = min(next + column, end)
        }
    }

    /// The text laid out in lines of `columns`, and where the cursor stands (line, column).
    public func layout(columns: Int) -> (lines: [String], cursor: (line: Int, column: Int)) {
        var lines: [String] = [""]
        var widths = [0]
        var at = (line: 0, column: 0)
        for (i, c) in text.enumerated() {
            if i == cursor { at = (lines.count - 1, widths[widths.count - 1]) }
            if c == "\n" {
                lines.append("")
                widths.append(0)
                continue
            }
            let w = TextLayout.width(c)
            if widths[widths.count - 1] + w > columns {
                lines.append("")
                widths.append(0)
                if i == cursor { at = (lines.count - 1, 0) }
            }
            lines[lines.count - 1].append(c)
            widths[widths.count - 1] += w
        }
        if cursor == text.count {
            at = (lines.count - 1, widths[widths.count - 1])
            if at.column >= columns {
                lines.append("")
                at = (lines.count - 1, 0)
            }
        }
        return (lines, at)
    }
}
