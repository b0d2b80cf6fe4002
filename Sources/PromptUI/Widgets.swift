import Expressions
import Foundation
import InstrumentModel
import SessionEngine
import TerminalIO

/// What a widget makes of a key.
enum WidgetOutcome: Equatable {
    case handled
    case unhandled
    /// Enter (or Tab in a long text): take the answer as it stands.
    case submit
}

/// The lines a widget shows, where its text cursor is (if typing), and which line must stay in view.
struct WidgetBody {
    var lines: [String]
    var cursor: (line: Int, column: Int)?
    var focus: Int
}

protocol Widget {
    mutating func handle(_ key: Key) -> WidgetOutcome
    /// The answer as it stands: nil when nothing is given (submitting then skips), or why it cannot be read.
    func answer() -> Result<Answer?, AnswerProblem>
    func render(width: Int, style: Style) -> WidgetBody
    var keyHelp: String { get }
}

/// Picks the widget for a question.
enum Widgets {
    static func make(for q: Question, session: Session, width: Int) -> any Widget {
        let choices = session.presentedChoices(q)
        let given = session.answers[q.id]
        let label: (Choice) -> String = { session.render($0.label) }
        switch q.type {
        case .single:
            return ChoiceWidget(choices: choices, label: label, multiple: false, otherCode: q.other?.value, given: given)
        case .multiple:
            return ChoiceWidget(choices: choices, label: label, multiple: true, otherCode: q.other?.value, given: given)
        case .scale:
            let scale = ScaleWidget(choices: choices, label: label, given: given)
            if scale.fits(width) { return scale }
            return ChoiceWidget(choices: choices, label: label, multiple: false, otherCode: nil, given: given)
        case .matrix:
            return MatrixWidget(rows: (q.rows ?? []).map { ($0.id, session.render($0.text)) }, choices: choices, label: label, given: given)
        case .ranking:
            return RankingWidget(choices: choices, label: label, rank: q.rank ?? choices.count, given: given)
        case .number, .text, .date:
            return TextWidget(kind: q.type, precision: q.precision ?? .day, given: given)
        case .longText, .open:
            return TextWidget(kind: q.type, precision: .day, given: given)
        case .note, .calculate:
            return NoteWidget()
        }
    }

    static func marker(_ on: Bool, multiple: Bool) -> String {
        multiple ? (on ? "[x]" : "[ ]") : (on ? "(•)" : "( )")
    }
}

struct NoteWidget: Widget {
    mutating func handle(_ key: Key) -> WidgetOutcome { key == .enter ? .submit : .unhandled }
    func answer() -> Result<Answer?, AnswerProblem> { .success(nil) }
    func render(width: Int, style: Style) -> WidgetBody { WidgetBody(lines: [], cursor: nil, focus: 0) }
    var keyHelp: String { "Enter continue" }
}

/// A vertical list: one choice (moving selects, as radio buttons do) or several (Space ticks).
/// "Other" opens a text field in place once chosen.
struct ChoiceWidget: Widget {
    let choices: [Choice]
    let label: (Choice) -> String
    let multiple: Bool
    let otherCode: Int?
    var cursor: Int?
    var picked: [Int] = []
    var other = LineEditor()

    init(choices: [Choice], label: @escaping (Choice) -> String, multiple: Bool, otherCode: Int?, given: Answer?) {
        self.choices = choices
        self.label = label
        self.multiple = multiple
        self.otherCode = otherCode
        switch given?.value {
        case .choice(let c)?: picked = [c]
        case .choices(let c)?: picked = c
        default: break
        }
        other = LineEditor(given?.other ?? "")
        cursor = picked.first.flatMap { code in choices.firstIndex { $0.value == code } }
    }

    private var typingOther: Bool {
        guard let cursor, let otherCode else { return false }
        return choices[cursor].value == otherCode && picked.contains(otherCode)
    }

    private mutating func toggle(_ index: Int) {
        let choice = choices[index]
        if !multiple {
            picked = [choice.value]
            return
        }
        if let at = picked.firstIndex(of: choice.value) {
            picked.remove(at: at)
        } else if choice.exclusive {
            picked = [choice.value]
        } else {
            let exclusive = Set(choices.filter(\.exclusive).map(\.value))
            picked.removeAll { exclusive.contains($0) }
            picked.append(choice.value)
        }
    }

    mutating func handle(_ key: Key) -> WidgetOutcome {
        if typingOther, key != .up, key != .down, key != .enter, other.handle(key) { return .handled }
        switch key {
        case .up, .character("k"):
            cursor = max(0, (cursor ?? 1) - 1)
            if !multiple, let cursor { picked = [choices[cursor].value] }
        case .down, .character("j"):
            cursor = min(choices.count - 1, (cursor ?? -1) + 1)
            if !multiple, let cursor { picked = [choices[cursor].value] }
        case .character(" "):
            if let cursor { toggle(cursor) }
        case .character(let c) where c.isNumber:
            guard let n = c.wholeNumberValue, (1...choices.count).contains(n) else { return .handled }
            cursor = n - 1
            toggle(n - 1)
        case .enter:
            return .submit
        default:
            return .unhandled
        }
        return .handled
    }

    func answer() -> Result<Answer?, AnswerProblem> {
        let ordered = choices.map(\.value).filter(picked.contains)
        guard !ordered.isEmpty else { return .success(nil) }
        let text = otherCode.flatMap { picked.contains($0) ? other.string : nil }
        return .success(Answer(multiple ? .choices(ordered) : .choice(ordered[0]), other: text))
    }

    func render(width: Int, style: Style) -> WidgetBody {
        var lines: [String] = []
        var focus = 0
        var textCursor: (Int, Int)?
        for (i, choice) in choices.enumerated() {
            let on = picked.contains(choice.value)
            let pointer = cursor == i ? "❯ " : "  "
            let number = choices.count <= 9 ? "\(i + 1) " : ""
            let prefix = pointer + Widgets.marker(on, multiple: multiple) + " " + number
            let wrapped = TextLayout.wrap(label(choice), max(10, width - TextLayout.width(prefix)))
            if cursor == i { focus = lines.count }
            for (j, part) in wrapped.enumerated() {
                let lead = j == 0 ? prefix : String(repeating: " ", count: TextLayout.width(prefix))
                let text = TextLayout.fit(lead + part, width)
                lines.append(on ? style.selected(text) : cursor == i ? style.bold(text) : text)
            }
            if on, choice.value == otherCode {
                let indent = String(repeating: " ", count: TextLayout.width(prefix))
                let layout = other.layout(columns: max(10, width - indent.count - 2))
                if typingOther { textCursor = (lines.count + layout.cursor.line, indent.count + 2 + layout.cursor.column) }
                for part in layout.lines { lines.append(indent + style.accent("▏ ") + part) }
            }
        }
        return WidgetBody(lines: lines, cursor: textCursor, focus: focus)
    }

    var keyHelp: String {
        multiple ? "↑↓ move · Space or 1-9 tick · Enter next" : "↑↓ or 1-9 choose · Enter next"
    }
}

/// A rating scale across the screen, with its end labels.
struct ScaleWidget: Widget {
    let choices: [Choice]
    let label: (Choice) -> String
    var picked: Int?

    init(choices: [Choice], label: @escaping (Choice) -> String, given: Answer?) {
        self.choices = choices
        self.label = label
        if case .choice(let c)? = given?.value { picked = choices.firstIndex { $0.value == c } }
    }

    /// Points labelled only by their number show as numbers, with the first and last labels at the ends.
    private var numbered: Bool { choices.allSatisfy { label($0) == String($0.value) || $0 == choices.first || $0 == choices.last } }

    private func cell(_ i: Int) -> String {
        let mark = picked == i ? "(•)" : "( )"
        return numbered ? "\(mark) \(choices[i].value)" : "\(mark) \(label(choices[i]))"
    }

    func fits(_ width: Int) -> Bool {
        numbered && choices.count <= 11 && TextLayout.width(line()) <= width
    }

    private func line() -> String { choices.indices.map(cell).joined(separator: "  ") }

    mutating func handle(_ key: Key) -> WidgetOutcome {
        switch key {
        case .left, .character("h"): picked = max(0, (picked ?? 1) - 1)
        case .right, .character("l"): picked = min(choices.count - 1, (picked ?? -1) + 1)
        case .character(let c) where c.isNumber:
            guard let n = c.wholeNumberValue, let i = choices.firstIndex(where: { $0.value == n }) else { return .handled }
            picked = i
        case .enter: return .submit
        default: return .unhandled
        }
        return .handled
    }

    func answer() -> Result<Answer?, AnswerProblem> { .success(picked.map { Answer(.choice(choices[$0].value)) }) }

    func render(width: Int, style: Style) -> WidgetBody {
        let cells = choices.indices.map { i in picked == i ? style.selected(cell(i)) : cell(i) }
        var lines = ["  " + cells.joined(separator: "  ")]
        if numbered, let first = choices.first, let last = choices.last, label(first) != String(first.value) || label(last) != String(last.value) {
            let left = "  \(first.value) = " + label(first)
            let right = "\(last.value) = " + label(last)
            let gap = max(2, width - TextLayout.width(left) - TextLayout.width(right))
            lines.append(style.dim(TextLayout.fit(left + String(repeating: " ", count: gap) + right, width)))
        }
        return WidgetBody(lines: lines, cursor: nil, focus: 0)
    }

    var keyHelp: String { "←→ or a number choose · Enter next" }
}

/// One scale point per row: ↑↓ move between rows, ←→ or a number choose for the row.
struct MatrixWidget: Widget {
    let rows: [(id: String, text: String)]
    let choices: [Choice]
    let label: (Choice) -> String
    var row = 0
    var picked: [String: Int] = [:]

    init(rows: [(String, String)], choices: [Choice], label: @escaping (Choice) -> String, given: Answer?) {
        self.rows = rows.map { (id: $0.0, text: $0.1) }
        self.choices = choices
        self.label = label
        if case .rows(let r)? = given?.value { picked = r }
    }

    mutating func handle(_ key: Key) -> WidgetOutcome {
        guard !rows.isEmpty else { return key == .enter ? .submit : .unhandled }
        let id = rows[row].id
        let index = picked[id].flatMap { code in choices.firstIndex { $0.value == code } }
        switch key {
        case .up, .character("k"): row = max(0, row - 1)
        case .down, .character("j"): row = min(rows.count - 1, row + 1)
        case .left, .character("h"): picked[id] = choices[max(0, (index ?? 1) - 1)].value
        case .right, .character("l"): picked[id] = choices[min(choices.count - 1, (index ?? -1) + 1)].value
        case .character(let c) where c.isNumber:
            guard let n = c.wholeNumberValue, (1...choices.count).contains(n) else { return .handled }
            picked[id] = choices[n - 1].value
            row = min(rows.count - 1, row + 1)
        case .enter: return .submit
        default: return .unhandled
        }
        return .handled
    }

    func answer() -> Result<Answer?, AnswerProblem> { .success(picked.isEmpty ? nil : Answer(.rows(picked))) }

    func render(width: Int, style: Style) -> WidgetBody {
        var lines = TextLayout.wrap(choices.enumerated().map { "\($0.offset + 1) \(label($0.element))" }.joined(separator: " · "), width)
            .map { style.dim($0) }
        lines.append("")
        var focus = lines.count
        let answerWidth = min(28, max(12, width / 3))
        for (i, r) in rows.enumerated() {
            let chosen = picked[r.id].flatMap { code in choices.firstIndex { $0.value == code } }
            let value = chosen.map { "‹ \($0 + 1) \(label(choices[$0])) ›" } ?? "‹ – ›"
            let pointer = i == row ? "❯ " : "  "
            let textWidth = max(10, width - answerWidth - 3)
            let wrapped = TextLayout.wrap(r.text, textWidth)
            if i == row { focus = lines.count }
            for (j, part) in wrapped.enumerated() {
                let left = TextLayout.pad((j == 0 ? pointer : "  ") + part, textWidth + 2)
                let right = j == 0 ? TextLayout.fit(value, answerWidth) : ""
                let text = left + " " + (chosen != nil && j == 0 ? style.selected(right) : right)
                lines.append(i == row ? style.bold(text) : text)
            }
        }
        return WidgetBody(lines: lines, cursor: nil, focus: focus)
    }

    var keyHelp: String { "↑↓ row · ←→ or 1-9 choose · Enter next" }
}

/// Putting choices in order: ↑↓ move the highlight, Space picks an item up and puts it down.
struct RankingWidget: Widget {
    var order: [Choice]
    let label: (Choice) -> String
    let rank: Int
    var cursor = 0
    var holding = false
    var touched = false

    init(choices: [Choice], label: @escaping (Choice) -> String, rank: Int, given: Answer?) {
        self.label = label
        self.rank = rank
        if case .ranking(let codes)? = given?.value {
            let first = codes.compactMap { c in choices.first { $0.value == c } }
            order = first + choices.filter { !codes.contains($0.value) }
            touched = true
        } else {
            order = choices
        }
    }

    mutating func handle(_ key: Key) -> WidgetOutcome {
        switch key {
        case .up, .character("k"):
            guard cursor > 0 else { return .handled }
            if holding { order.swapAt(cursor, cursor - 1); touched = true }
            cursor -= 1
        case .down, .character("j"):
            guard cursor < order.count - 1 else { return .handled }
            if holding { order.swapAt(cursor, cursor + 1); touched = true }
            cursor += 1
        case .character(" "):
            holding.toggle()
            touched = true
        case .enter: return .submit
        default: return .unhandled
        }
        return .handled
    }

    func answer() -> Result<Answer?, AnswerProblem> {
        .success(touched ? Answer(.ranking(order.prefix(rank).map(\.value))) : nil)
    }

    func render(width: Int, style: Style) -> WidgetBody {
        let lines = order.enumerated().map { i, choice -> String in
            let place = i < rank ? "\(i + 1)." : "  "
            let pointer = i == cursor ? (holding ? "⇕ " : "❯ ") : "  "
            let text = TextLayout.fit(pointer + place + " " + label(choice), width)
            return i == cursor ? (holding ? style.selected(text) : style.bold(text)) : text
        }
        return WidgetBody(lines: lines, cursor: nil, focus: cursor)
    }

    var keyHelp: String { holding ? "↑↓ move the item · Space put it down · Enter next" : "↑↓ move · Space pick up an item · Enter next" }
}

/// Typed answers: one line (text, numbers, dates) or several (long text, where Enter starts a new line).
struct TextWidget: Widget {
    let kind: QuestionType
    let precision: DatePrecision
    var editor: LineEditor

    init(kind: QuestionType, precision: DatePrecision, given: Answer?) {
        self.kind = kind
        self.precision = precision
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
        if !editor.multiline && key == .enter { return .submit }
        return editor.handle(key) ? .handled : .unhandled
    }

    func answer() -> Result<Answer?, AnswerProblem> {
        let text = editor.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .success(nil) }
        switch kind {
        case .number:
            guard let n = TextEntry.number(text) else { return .failure(AnswerProblem("Please type a number, such as 42.")) }
            return .success(Answer(.number(n)))
        case .date:
            guard let d = TextEntry.date(text, precision: precision) else {
                return .failure(AnswerProblem("Please write the date as \(TextEntry.datePattern(precision))."))
            }
            return .success(Answer(.date(d)))
        default:
            return .success(Answer(.text(text)))
        }
    }

    func render(width: Int, style: Style) -> WidgetBody {
        let layout = editor.layout(columns: max(10, width - 4))
        var lines = layout.lines.map { "  " + style.accent("▏ ") + $0 }
        if kind == .date { lines.append(style.dim("    " + TextEntry.datePattern(precision))) }
        return WidgetBody(lines: lines, cursor: (layout.cursor.line, 4 + layout.cursor.column), focus: layout.cursor.line)
    }

    var keyHelp: String {
        editor.multiline ? "Enter new line · Tab next" : "type your answer · Enter next"
    }
}

