import Expressions
import Foundation
import InstrumentModel
import SessionEngine
import TerminalIO
struct NoteWidget: Widget {
    mutating func handle(_ key: Key) -> WidgetOutcome { key == .enter ? .submit : .unhandled }
    func answer() -> Result<Answer?, AnswerProblem> { .success(nil) }
    func render(width: Int, style: Style) -> WidgetBody { WidgetBody(lines: [], cursor: nil, focus: 0) }
    var words = ParticipantWords.forLanguage(nil)
    var keyHelp: String { words.noteKeys }
}
