import InstrumentModel
import SessionEngine
import TerminalIO

/// The first screen of a survey in several languages: each language named in itself (English,
/// Cymraeg, Español), and "Choose your language" said in each, so that no one has to read a
/// language they did not choose to find their own. The same screen comes from the help key's L.
extension FullScreenDriver {
    public mutating func takeLanguageChange() -> String? {
        defer { languageChange = nil }
        return languageChange
    }

    public mutating func chooseLanguage(_ session: Session) -> String? {
        let codes = session.instrument.languages
        guard codes.count > 1 else { return session.language }
        let choices = codes.enumerated().map { Choice(value: $0.offset + 1, label: LocalizedText(ParticipantWords.name(ofLanguage: $0.element))) }
        let current = codes.firstIndex { $0 == session.language } ?? 0
        var widget = ChoiceWidget(choices: choices, label: { $0.label.text() }, multiple: false, otherCode: nil,
                                  given: Answer(.choice(current + 1)))
        let prompts = codes.map { ParticipantWords.forLanguage($0, overrides: session.instrument.messages).chooseLanguage }
        // Keys without words: they are read before a language is chosen.
        let help = "↑↓ · 1-\(min(9, codes.count)) · Enter"
        newScreen()
        while true {
            let width = max(20, terminal.columns) - 2
            var body = prompts.flatMap { wrapped($0, width) } + [""]
            let w = widget.render(width: width, style: style)
            let top = body.count
            body += w.lines
            draw(compose(ScreenContent(title: session.render(session.instrument.title), body: body, widgetTop: top,
                                       focus: top + w.focus, focusLines: w.focusLines, help: help), words: session.words))
            guard let event = nextEvent(session) else { return nil }
            switch event {
            case .resized: redrawAll()
            case .hangUp, .endOfInput, .key(.ctrl("c")), .key(.ctrl("p")): return nil
            case .key(let key):
                // A menu, not an answer: Enter takes the language the cursor is on (Down then Enter
                // chose English, the language shown first, found trying it in tmux), or the one
                // a number chose.
                if key == .enter, let at = widget.cursor, choices.indices.contains(at) {
                    widget.picked = [choices[at].value]
                }
                guard widget.handle(key) == .submit, case .success(let answer?) = widget.answer(), case .choice(let n) = answer.value,
                      codes.indices.contains(n - 1) else { continue }
                redrawAll()
                return codes[n - 1]
            }
        }
    }
}
