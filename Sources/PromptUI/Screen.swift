import InstrumentModel
import TerminalIO

/// Styling decided once: with colour off, nothing but plain text is written, and every state
/// is still visible through markers ((•), [x], ❯), never through colour alone.
public struct Style: Sendable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    private func sgr(_ code: String, _ text: String) -> String { color && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ t: String) -> String { sgr("1", t) }
    func dim(_ t: String) -> String { sgr("2", t) }
    func accent(_ t: String) -> String { sgr("36", t) }
    func warn(_ t: String) -> String { sgr("1;33", t) }
    func selected(_ t: String) -> String { sgr("1;32", t) }
}

/// What one full screen shows, before it is laid out in the window.
struct ScreenContent {
    var title: String
    var progress: (Int, Int)? = nil
    /// Lines kept in view above the body (the question), when the window has room for them.
    var head: [String] = []
    /// Lines that scroll.
    var body: [String]
    /// The body line of the widget's first line (negative when its first lines are in the head).
    var widgetTop = 0
    /// The body line that must be in view (the cursor's row), if any.
    var focus: Int? = nil
    var focusLines = 1
    /// A text cursor, by body line and column.
    var cursor: (line: Int, column: Int)? = nil
    var message: String? = nil
    var help: String
    /// Key lines under `help`, where one line cannot say every key (`FullScreenDriver.keyLines`).
    var moreHelp: [String] = []
}

/// A full screen: exactly `rows` lines, each fitted to the width, plus where a text cursor stands.
public struct Frame: Sendable, Equatable {
    public var lines: [String]
    public var cursor: (row: Int, column: Int)?

    public static func == (a: Frame, b: Frame) -> Bool {
        a.lines == b.lines && a.cursor?.row == b.cursor?.row && a.cursor?.column == b.cursor?.column
    }

    /// The text on screen without styling, for tests and screen captures.
    public var plain: [String] {
        lines.map { line in
            var out = ""
            var skipping = false
            for c in line {
                if c == "\u{1B}" { skipping = true; continue }
                if skipping { if c == "m" { skipping = false }; continue }
                out.append(c)
            }
            return out
        }
    }
}

/// Writes a frame, rewriting only the lines that changed since the last one.
///
/// The one way a full screen reaches the terminal, so the one place its text is made safe
/// (`SafeText`): instrument texts, piped and given answers and messages are escaped here, whoever
/// composed the line; only the styling `Style` adds is kept.
struct FrameWriter {
    private var previous: [String]?

    mutating func invalidate() { previous = nil }

    mutating func output(_ frame: Frame) -> String {
        var out = previous == nil ? "\u{1B}[H\u{1B}[2J" : ""
        for (i, line) in frame.lines.enumerated() where previous == nil || i >= previous!.count || previous![i] != line {
            out += "\u{1B}[\(i + 1);1H" + SafeText.escaped(line, keeping: .styles) + "\u{1B}[0m\u{1B}[K"
        }
        if let cursor = frame.cursor {
            out += "\u{1B}[\(cursor.row + 1);\(cursor.column + 1)H\u{1B}[?25h"
        } else {
            out += "\u{1B}[?25l"
        }
        previous = frame.lines
        return out
    }
}
