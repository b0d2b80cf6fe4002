import Expressions
import Foundation
import InstrumentModel
import SessionEngine
import TerminalIO

/// One scale point per row: ↑↓ move between rows, ←→ move along the row's points without
/// choosing, Space or a number chooses for the row (and goes to the next row), Backspace clears
/// the row; Enter confirms the rows chosen.
struct MatrixWidget: Widget {
    let rows: [(id: String, text: String)]
    let choices: [Choice]
    let label: (Choice) -> String
    var row = 0
    var picked: [String: Int] = [:]
    /// Per row, the point the cursor is on.
    var point: [String: Int] = [:]

    init(rows: [(String, String)], choices: [Choice], label: @escaping (Choice) -> String, given: Answer?) {
        self.rows = rows.map { (id: $0.0, text: $0.1) }
        self.choices = choices
        self.label = label
        if case .rows(let r)? = given?.value { picked = r }
        for (id, code) in picked { point[id] = choices.firstIndex { $0.value == code } }
    }

    mutating func handle(_ key: Key) -> WidgetOutcome {
        guard !rows.isEmpty else { return key == .enter ? .submit : .unhandled }
        let id = rows[row].id
        let index = point[id]
        switch key {
        case .up, .character("k"): row = max(0, row - 1)
        case .down, .character("j"): row = min(rows.count - 1, row + 1)
        case .left, .character("h"): point[id] = max(0, (index ?? 1) - 1)
        case .right, .character("l"): point[id] = min(choices.count - 1, (index ?? -1) + 1)
        case .character(" "):
            guard let index else { return .handled }
            if picked[id] == choices[index].value { picked[id] = nil } else {
                picked[id] = choices[index].value
                row = min(rows.count - 1, row + 1)
            }
        case .backspace, .delete, .ctrl("u"): picked[id] = nil
        case .character(let c) where c.isNumber:
            guard let n = c.wholeNumberValue, (1...choices.count).contains(n) else { return .handled }
            picked[id] = choices[n - 1].value
            point[id] = n - 1
            row = min(rows.count - 1, row + 1)
        case .enter: return .submit
        default: return .unhandled
        }
        return .handled
    }

    func answer() -> Result<Answer?, AnswerProblem> { .success(picked.isEmpty ? nil : Answer(.rows(picked))) }

    func render(width: Int, style: Style) -> WidgetBody {
        var lines = Self.legend(choices.enumerated().map { "\($0.offset + 1) \(label($0.element))" }, width: width).map { style.dim($0) }
        lines.append("")
        let pinned = lines.count
        var focus = lines.count
        var focusLines = 1
        // The answer column is as wide as the longest answer, so that no answer is ever cut: the
        // row's text wraps beside it, or, where both do not fit, the answer goes under the text.
        // The chosen point is marked (•), as in every choice widget: colour alone would not tell
        // the point under the cursor from the one chosen.
        func value(_ index: Int?, chosen: Bool = false) -> String {
            Widgets.marker(chosen, multiple: false) + " " + (index.map { "‹ \($0 + 1) \(label(choices[$0])) ›" } ?? "‹ – ›")
        }
        let answerWidth = choices.indices.map { TextLayout.width(value($0)) }.max() ?? 9
        let textWidth = width - answerWidth - 3
        let beside = textWidth >= 12
        for (i, r) in rows.enumerated() {
            let chosen = picked[r.id].flatMap { code in choices.firstIndex { $0.value == code } }
            // The point under the cursor shows while moving; it is marked chosen only once chosen.
            let shown = value(chosen ?? (i == row ? point[r.id] : nil), chosen: chosen != nil)
            let answer = chosen != nil ? style.selected(shown) : shown
            let pointer = i == row ? "❯ " : "  "
            if i == row { focus = lines.count }
            var rowLines: [String] = []
            if beside {
                for (j, part) in TextLayout.wrap(r.text, textWidth).enumerated() {
                    rowLines.append(TextLayout.pad((j == 0 ? pointer : "  ") + part, textWidth + 2) + (j == 0 ? " " + answer : ""))
                }
            } else {
                rowLines = TextLayout.wrap(r.text, width - 2).enumerated().map { ($0.offset == 0 ? pointer : "  ") + $0.element }
                // Under the text, indented less where the answer would otherwise not fit whole.
                let indent = String(repeating: " ", count: max(1, min(4, width - answerWidth)))
                rowLines += TextLayout.wrap(shown, width - indent.count).map { indent + (chosen != nil ? style.selected($0) : $0) }
            }
            if i == row { focusLines = rowLines.count }
            lines += i == row ? rowLines.map(style.bold) : rowLines
        }
        return WidgetBody(lines: lines, cursor: nil, focus: focus, pinned: pinned, focusLines: focusLines)
    }

    /// The scale's points over as many lines as they take, each point whole on one line where it
    /// fits ("5 Fully", not "5" at the end of one line and "Fully" at the start of the next).
    static func legend(_ points: [String], width: Int) -> [String] {
        var lines: [String] = []
        for point in points {
            if let last = lines.last, TextLayout.width(last + " · " + point) <= width {
                lines[lines.count - 1] = last + " · " + point
            } else {
                lines += TextLayout.wrap(point, width)
            }
        }
        return lines
    }

    /// The numbers that choose, as many as there are points (a 6-point scale said 1-9).
    var words = ParticipantWords.forLanguage(nil)
    var keyHelp: String { words.matrixKeys(numbers: choices.count <= 9 ? "1-\(choices.count)" : nil) }
    /// Row, move, choose: then the help key.
    var keysBeforeHelp: Int { 3 }
}
