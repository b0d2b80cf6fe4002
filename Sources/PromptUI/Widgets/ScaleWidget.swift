import Expressions
import Foundation
import InstrumentModel
import SessionEngine
import TerminalIO

/// A rating scale across the screen, with its end labels. As in every choice widget, ←→ move
/// without choosing; Space or the point's own number chooses (1 then 0 is 10 on a 0-10 scale);
/// Backspace clears; Enter confirms, and with nothing chosen skips.
struct ScaleWidget: Widget {
    let choices: [Choice]
    let label: (Choice) -> String
    var picked: Int?
    var cursor: Int?
    /// Digits typed one after another, read as one value.
    private var digits = ""

    init(choices: [Choice], label: @escaping (Choice) -> String, given: Answer?) {
        self.choices = choices
        self.label = label
        if case .choice(let c)? = given?.value { picked = choices.firstIndex { $0.value == c } }
        cursor = picked
    }

    /// Points labelled only by their number show as numbers, with the first and last labels at the ends.
    private var numbered: Bool { choices.allSatisfy { label($0) == String($0.value) || $0 == choices.first || $0 == choices.last } }

    private func cell(_ i: Int) -> String {
        let mark = picked == i ? "(•)" : "( )"
        let pointer = cursor == i ? "❯" : " "
        return pointer + (numbered ? "\(mark) \(choices[i].value)" : "\(mark) \(label(choices[i]))")
    }

    func fits(_ width: Int) -> Bool {
        numbered && choices.count <= 11 && TextLayout.width(line()) <= width
    }

    private func line() -> String { choices.indices.map(cell).joined(separator: "  ") }

    mutating func handle(_ key: Key) -> WidgetOutcome {
        if case .character(let c) = key, c.isNumber, c.isASCII {
            let value = Int(digits + String(c)).flatMap { v in choices.firstIndex { $0.value == v } }
            let alone = Int(String(c)).flatMap { v in choices.firstIndex { $0.value == v } }
            guard let index = value ?? alone else { digits = ""; return .handled }
            digits = value != nil ? digits + String(c) : String(c)
            picked = index
            cursor = index
            return .handled
        }
        digits = ""
        switch key {
        case .left, .character("h"): cursor = max(0, (cursor ?? 1) - 1)
        case .right, .character("l"): cursor = min(choices.count - 1, (cursor ?? -1) + 1)
        case .character(" "): if let cursor { picked = picked == cursor ? nil : cursor }
        case .backspace, .delete, .ctrl("u"): picked = nil
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
        return WidgetBody(lines: lines, cursor: nil, focus: 0, pointing: cursor != nil)
    }

    var words = ParticipantWords.forLanguage(nil)
    var keyHelp: String { words.scaleKeys }
}
