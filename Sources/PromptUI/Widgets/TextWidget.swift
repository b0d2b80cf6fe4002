import Expressions
import Foundation
import InstrumentModel
import SessionEngine
import TerminalIO

/// Typed answers: one line (text, numbers, dates) or several (long text, where Enter starts a new line).
struct TextWidget: Widget {
    let kind: QuestionType
    let precision: DatePrecision
    let words: ParticipantWords
    var editor: LineEditor

    init(kind: QuestionType, precision: DatePrecision, given: Answer?, words: ParticipantWords) {
        self.kind = kind
        self.precision = precision
        self.words = words
        let multiline = kind == .longText || kind == .open
        var text = ""
        switch given?.value {
        case .text(let t)?: text = t
        case .number(let n)?: text = Printer.number(n)
        case .date(let d)?: text = d
        default: break
        }
        editor = LineEditor(text, multiline: multiline)
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
        default:
            return .success(Answer(.text(text)))
        }
    }

    func render(width: Int, style: Style) -> WidgetBody {
        let layout = editor.layout(columns: max(10, width - 4))
        var lines = layout.lines.map { "  " + style.accent("▏ ") + $0 }
        if kind == .date { lines.append(style.dim("    " + words.datePattern(precision))) }
        return WidgetBody(lines: lines, cursor: (layout.cursor.line, 4 + layout.cursor.column), focus: layout.cursor.line)
    }

    var keyHelp: String {
        words.textKeys(multiline: editor.multiline)
    }
}
