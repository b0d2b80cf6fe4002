import Expressions
import Foundation
import InstrumentModel
import SessionEngine
import TerminalIO

/// Typed answers: one line (text, numbers, dates) or several (long text, where Enter starts a new line).
struct TextWidget: Widget {
    let kind: QuestionType
    let precision: DatePrecision
    var words: ParticipantWords
    var editor: LineEditor
    /// What the field began with (a draft, else the answer given), to tell whether there is
    /// anything new to keep as a draft.
    let initial: String
    /// The instrument's `max_length`, counted live under the field.
    let limit: Int?

    /// `draft`, when there is one, is shown rather than the answer: it is what was typed last.
    /// `width` is the room the field is drawn in, so that Up and Down move by its screen lines.
    init(kind: QuestionType, precision: DatePrecision, given: Answer?, draft: String? = nil, width: Int? = nil, limit: Int? = nil,
         words: ParticipantWords) {
        self.kind = kind
        self.limit = limit
        self.precision = precision
        self.words = words
        let multiline = kind == .longText || kind == .open
        var text = ""
        switch given?.value {
        case .text(let t)?: text = t
        case .number(let n)?: text = Printer.number(n)
        case .date(let d)?, .time(let d)?: text = d
        // As typed and as the form under the field says, not the stored form with its `T`.
        case .datetime(let d)?: text = DateTimeValue.readable(d)
        default: break
        }
        if let draft { text = draft }
        editor = LineEditor(text, multiline: multiline)
        editor.wrapColumns = width.map(Self.columns)
        initial = editor.string
    }

    mutating func handle(_ key: Key) -> WidgetOutcome {
        if editor.multiline && key == .tab { return .submit }
        // Enter in an empty long text skips, as the screen says ("Enter alone skips"); once
        // something is typed, Enter starts a new line.
        if editor.multiline && key == .enter && editor.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .submit }
        if !editor.multiline && key == .enter { return .submit }
        return editor.handle(key) ? .handled : .unhandled
    }

    func answer() -> Result<Answer?, AnswerProblem> {
        let text = editor.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .success(nil) }
        switch kind {
        case .number:
            return words.number(text).map { Answer(.number($0)) }
        case .date:
            return words.date(text, precision: precision).map { Answer(.date($0)) }
        case .time:
            return words.time(text).map { Answer(.time($0)) }
        case .datetime:
            return words.datetime(text).map { Answer(.datetime($0)) }
        default:
            return .success(Answer(.text(text)))
        }
    }

    func render(width: Int, style: Style) -> WidgetBody {
        let layout = editor.layout(columns: Self.columns(width))
        var lines = layout.lines.map { "  " + style.accent("▏ ") + $0 }
        // The form wraps as the field does: cut at a narrow window, it would lose its example.
        let pattern = kind == .date ? words.datePattern(precision) : kind == .time || kind == .datetime ? words.clockPattern(kind) : nil
        if let pattern { lines += TextLayout.wrap(pattern, Self.columns(width)).map { style.dim("    " + $0) } }
        // In numbers only, as the limit is judged: on the text without its outer spaces.
        if let limit {
            let count = editor.string.trimmingCharacters(in: .whitespacesAndNewlines).count
            lines.append((count > limit ? style.warn : style.dim)("    \(count)/\(limit)"))
        }
        return WidgetBody(lines: lines, cursor: (layout.cursor.line, 4 + layout.cursor.column), focus: layout.cursor.line)
    }

    /// The field's columns at a width: the rest is its margin and bar.
    static func columns(_ width: Int) -> Int { max(10, width - 4) }

    var draft: String? { editor.string == initial ? nil : editor.string }

    /// Up and Down move by the lines of the new width.
    mutating func resized(width: Int) { editor.wrapColumns = Self.columns(width) }

    var keyHelp: String {
        words.textKeys(multiline: editor.multiline)
    }
}
