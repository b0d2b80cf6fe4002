import SessionEngine
import TerminalIO

/// Text typed on a screen that takes none (the welcome, a note, the review): said back on the
/// screen, with what was typed, so that it is never dropped without a word (someone typing an
/// answer where there is no field sees at once that it went nowhere, and what it was).
struct StrayTyping {
    private(set) var text = ""

    /// Takes a key that would be text (Backspace takes back the last character); false for any
    /// other key, which is the screen's own.
    mutating func take(_ key: Key) -> Bool {
        switch key {
        case .character(let c): text.append(c)
        case .paste(let pasted): text += pasted.filter { !$0.isNewline }
        case .backspace where !text.isEmpty: text.removeLast()
        default: return false
        }
        return true
    }

    /// The words to show, while something typed stands.
    func message(_ words: ParticipantWords) -> String? {
        text.isEmpty ? nil : words.screenTakesNoTyping(text)
    }
}
