import Expressions
import Foundation
import InstrumentModel
import SessionEngine
import TerminalIO

/// A vertical list of choices, one or several. The one model of every choice widget: the cursor
/// moves without choosing (reading the options of a sensitive question is not answering it);
/// Space or a number chooses (Space again, or Backspace, takes it back); Enter confirms what is
/// chosen, and with nothing chosen skips. "Other" opens a text field in place once chosen.
struct ChoiceWidget: Widget {
    let choices: [Choice]
    let label: (Choice) -> String
    let multiple: Bool
    let otherCode: Int?
    /// A numeric scale shown as a list (too wide for one line): the keys are the scale's own
    /// values (typing 1 then 0 gives 10), and no position number stands beside them.
    let byValue: Bool
    var cursor: Int?
    var picked: [Int] = []
    var other = LineEditor()
    /// What the "Other" field began with (a draft, else the text given), to tell whether there is
    /// anything new to keep as a draft.
    private var initialOther = ""
    /// Digits typed one after another, read as one value on a numeric scale.
    private var digits = ""

    /// `draft`, text typed into "Other" and not submitted, is shown in its field, "Other" chosen.
    init(choices: [Choice], label: @escaping (Choice) -> String, multiple: Bool, otherCode: Int?, given: Answer?,
         draft: String? = nil, byValue: Bool = false) {
        self.choices = choices
        self.label = label
        self.multiple = multiple
        self.otherCode = otherCode
        self.byValue = byValue
        switch given?.value {
        case .choice(let c)?: picked = [c]
        case .choices(let c)?: picked = c
        default: break
        }
        other = LineEditor(given?.other ?? "")
        cursor = picked.first.flatMap { code in choices.firstIndex { $0.value == code } }
        if let draft, let otherCode, let at = choices.firstIndex(where: { $0.value == otherCode }) {
            other = LineEditor(draft)
            if !picked.contains(otherCode) { toggle(at) }
            cursor = at
        }
        initialOther = other.string
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
        if case .character(let c) = key, c.isNumber, c.isASCII { return typed(c) }
        digits = ""
        switch key {
        case .up, .character("k"):
            cursor = max(0, (cursor ?? 1) - 1)
        case .down, .character("j"):
            cursor = min(choices.count - 1, (cursor ?? -1) + 1)
        case .character(" "):
            // Space again takes a choice back, in a single-choice list too (as on a scale or matrix).
            if let cursor { if !multiple, picked == [choices[cursor].value] { picked = [] } else { toggle(cursor) } }
        case .backspace, .delete, .ctrl("u"):
            picked = []
        case .enter:
            return .submit
        default:
            return .unhandled
        }
        return .handled
    }

    /// A digit: a position in a list, or on a numeric scale the value itself, digits typed one
    /// after another making one number when the scale has it (1, 0 is 10 on a 0-10 scale).
    private mutating func typed(_ c: Character) -> WidgetOutcome {
        if byValue {
            let value = Int(digits + String(c)).flatMap { v in choices.firstIndex { $0.value == v } }
            let alone = Int(String(c)).flatMap { v in choices.firstIndex { $0.value == v } }
            guard let index = value ?? alone else { digits = ""; return .handled }
            digits = value != nil ? digits + String(c) : String(c)
            cursor = index
            picked = [choices[index].value]
            return .handled
        }
        guard let n = c.wholeNumberValue, (1...choices.count).contains(n), choices.count <= 9 else { return .handled }
        cursor = n - 1
        if multiple || !picked.contains(choices[n - 1].value) { toggle(n - 1) }
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
        var focusLines = 1
        var textCursor: (Int, Int)?
        for (i, choice) in choices.enumerated() {
            let on = picked.contains(choice.value)
            let pointer = cursor == i ? "❯ " : "  "
            // On a numeric scale the key is the value: shown only where the label does not say it.
            let number = byValue ? (label(choice) == String(choice.value) ? "" : "\(choice.value) ") : choices.count <= 9 ? "\(i + 1) " : ""
            let prefix = pointer + Widgets.marker(on, multiple: multiple) + " " + number
            let wrapped = TextLayout.wrap(label(choice), max(10, width - TextLayout.width(prefix)))
            if cursor == i { focus = lines.count }
            for (j, part) in wrapped.enumerated() {
                let lead = j == 0 ? prefix : String(repeating: " ", count: TextLayout.width(prefix))
                let text = TextLayout.fit(lead + part, width)
                lines.append(on ? style.selected(text) : cursor == i ? style.bold(text) : text)
            }
            if cursor == i { focusLines = lines.count - focus }
            if on, choice.value == otherCode {
                let indent = String(repeating: " ", count: TextLayout.width(prefix))
                let layout = other.layout(columns: max(10, width - indent.count - 2))
                if typingOther { textCursor = (lines.count + layout.cursor.line, indent.count + 2 + layout.cursor.column) }
                for part in layout.lines { lines.append(indent + style.accent("▏ ") + part) }
                if cursor == i { focusLines = lines.count - focus }
            }
        }
        return WidgetBody(lines: lines, cursor: textCursor, focus: focus, focusLines: max(1, focusLines), pointing: cursor != nil)
    }

    var typesText: Bool { typingOther }

    var words = ParticipantWords.forLanguage(nil)

    /// The text typed into "Other", while it is chosen, when it differs from what the field began with.
    var draft: String? {
        guard let otherCode, picked.contains(otherCode), other.string != initialOther else { return nil }
        return other.string
    }

    var keyHelp: String {
        words.choiceKeys(multiple: multiple, byValue: byValue, numbers: choices.count <= 9 ? "1-\(choices.count)" : nil)
    }
}
