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
    /// The width the text is shown at, when known: Up and Down then move by the lines on the
    /// screen (a long paragraph wraps into many), not by the line breaks typed.
    public var wrapColumns: Int?

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
        // One line shown wrapped over several (the interviewer's paragraph) is moved in by them too.
        case .up where multiline || wrapColumns != nil: if let c = wrapColumns { moveScreenLine(-1, columns: c) } else { moveLine(-1) }
        case .down where multiline || wrapColumns != nil: if let c = wrapColumns { moveScreenLine(1, columns: c) } else { moveLine(1) }
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
    /// Lines break at spaces, as the text will be read; only a word longer than a line is split.
    public func layout(columns: Int) -> (lines: [String], cursor: (line: Int, column: Int)) {
        let segments = screenLines(columns: columns)
        let lines = segments.map { segment -> String in
            var s = String(text[segment.range])
            // The space a line breaks at is not shown; the cursor may still stand on it.
            if segment.wrapped, s.last == " " { s.removeLast() }
            return s
        }
        var at = (line: 0, column: 0)
        for (n, segment) in segments.enumerated() {
            // A cursor at a wrapped line's end stands at the start of the next one.
            let last = n == segments.count - 1 || !segment.wrapped
            if segment.range.contains(cursor) || (cursor == segment.range.upperBound && last) {
                at = (n, TextLayout.width(String(text[segment.range.lowerBound..<cursor])))
                break
            }
        }
        var out = lines
        if cursor == text.count, at.column >= columns {
            out.append("")
            at = (out.count - 1, 0)
        }
        return (out, at)
    }

    /// One line on the screen: its characters, and whether it ends at a wrap (true) or at a line
    /// break typed or the end of the text (false).
    struct ScreenLine {
        var range: Range<Int>
        var wrapped: Bool
    }

    /// The text cut into screen lines of at most `columns`: after the last space that fits (that
    /// space may hang past the edge, unseen), else through a word too long for any line.
    func screenLines(columns: Int) -> [ScreenLine] {
        let limit = max(1, columns)
        var out: [ScreenLine] = []
        var start = 0
        while true {
            var end = start
            while end < text.count, text[end] != "\n" { end += 1 }
            var lineStart = start
            while true {
                var i = lineStart
                var width = 0
                var afterSpace: Int?
                while i < end {
                    let w = TextLayout.width(text[i])
                    if width + w > limit { break }
                    width += w
                    i += 1
                    if text[i - 1] == " " { afterSpace = i }
                }
                if i == end {
                    out.append(ScreenLine(range: lineStart..<end, wrapped: false))
                    break
                }
                let cut = text[i] == " " ? i + 1 : afterSpace.map { $0 > lineStart ? $0 : i } ?? max(i, lineStart + 1)
                out.append(ScreenLine(range: lineStart..<cut, wrapped: true))
                lineStart = cut
            }
            guard end < text.count else { return out }
            start = end + 1
        }
    }

    /// Moves the cursor to the screen line above or below, to the same column or the line's end.
    private mutating func moveScreenLine(_ direction: Int, columns: Int) {
        let segments = screenLines(columns: columns)
        let here = layout(columns: columns).cursor
        let target = min(here.line, segments.count - 1) + direction
        guard target >= 0 else { cursor = 0; return }
        guard target < segments.count else { cursor = text.count; return }
        let segment = segments[target]
        var i = segment.range.lowerBound
        var width = 0
        while i < segment.range.upperBound {
            let w = TextLayout.width(text[i])
            if width + w > here.column { break }
            width += w
            i += 1
        }
        // The end of a wrapped line is the start of the next: stay on this one.
        if segment.wrapped, i == segment.range.upperBound { i -= 1 }
        cursor = i
    }
}
