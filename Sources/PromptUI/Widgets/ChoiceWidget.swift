import Expressions
import Foundation
import InstrumentModel
import SessionEngine
import TerminalIO

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
