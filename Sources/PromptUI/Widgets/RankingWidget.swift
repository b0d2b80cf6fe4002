import Expressions
import Foundation
import InstrumentModel
import SessionEngine
import TerminalIO

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
        // Places are shown only once the participant has ordered something: an order shown is
        // an order stored, and an untouched list is skipped by Enter.
        let lines = order.enumerated().map { i, choice -> String in
            let place = touched && i < rank ? "\(i + 1)." : touched ? "  " : "·"
            let pointer = i == cursor ? (holding ? "⇕ " : "❯ ") : "  "
            let text = TextLayout.fit(pointer + place + " " + label(choice), width)
            return i == cursor ? (holding ? style.selected(text) : style.bold(text)) : text
        }
        return WidgetBody(lines: lines, cursor: nil, focus: cursor)
    }

    var words = ParticipantWords.forLanguage(nil)
    var keyHelp: String { words.rankingKeys(holding: holding, touched: touched) }
}
