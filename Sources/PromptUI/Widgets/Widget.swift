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
    /// Leading lines that stay on screen with the question while the rest scrolls under them
    /// (a matrix's scale).
    var pinned = 0
    /// How many lines from `focus` belong to the cursor's row (a wrapped label, a matrix row's
    /// answer under it), all brought into view together where they fit.
    var focusLines = 1
    /// Whether `focus` is a row the cursor stands on; false before the first move in a list, when
    /// the arrows are free to scroll a long text down to it.
    var pointing = true
}

protocol Widget {
    mutating func handle(_ key: Key) -> WidgetOutcome
    /// The answer as it stands: nil when nothing is given (submitting then skips), or why it cannot be read.
    func answer() -> Result<Answer?, AnswerProblem>
    func render(width: Int, style: Style) -> WidgetBody
    var keyHelp: String { get }
    /// How many of the keys (split at " · ") come before the help key on a narrow screen: the
    /// keys that choose, found by place rather than by their words, which differ by language.
    var keysBeforeHelp: Int { get }
    /// The session's words, for the key help; set by `Widgets.make`.
    var words: ParticipantWords { get set }
    /// What was typed and not submitted, when it differs from what the field began with (nil:
    /// nothing to keep); kept as a draft on going back or leaving.
    var draft: String? { get }
    /// The room the widget is drawn in changed (a resize): what depends on it is laid out anew.
    mutating func resized(width: Int)
    /// Whether keys are being typed into text (where `?` is part of the answer, and help is F1 only).
    var typesText: Bool { get }
}

extension Widget {
    var draft: String? { nil }
    mutating func resized(width: Int) {}
    var typesText: Bool { false }
    var keysBeforeHelp: Int { 2 }
}
