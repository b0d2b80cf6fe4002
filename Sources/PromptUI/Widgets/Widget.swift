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
    /// What was typed and not submitted, when it differs from what the field began with (nil:
    /// nothing to keep); kept as a draft on going back or leaving.
    var draft: String? { get }
    /// The room the widget is drawn in changed (a resize): what depends on it is laid out anew.
    mutating func resized(width: Int)
}

extension Widget {
    var draft: String? { nil }
    mutating func resized(width: Int) {}
}
