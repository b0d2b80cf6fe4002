import InstrumentModel
import SessionEngine
import TerminalIO

/// The review before sending, on the full screen: every question asked and its answer (or
/// "skipped"), and last the line that sends. The cursor starts on that line, so sending is one
/// deliberate Enter; on a question Enter goes back to change it (a jump the session journals),
/// and answering it returns here.
extension FullScreenDriver {
    public mutating func review(_ session: Session, problem: String?) -> Action {
        let items = session.reviewItems
        let canChange = session.reviewCanChange
        // The send line is the last place; questions come before it.
        var at = items.count
        var message = problem
        var stray = StrayTyping()
        newScreen()
        while true {
            let width = max(20, terminal.columns) - 2
            var body = wrapped(session.words.reviewIntro, width) + [""]
            var focus = 0
            for (i, item) in items.enumerated() {
                guard let q = session.question(item.question) else { continue }
                // The first question brings the review's first lines with it: nothing else can.
                if i == at { focus = i == 0 ? 0 : body.count }
                let number = "\(i + 1). "
                let text = wrapped(session.reviewText(item), width - 2 - number.count)
                // Wrapped lines stand under the text, not under the number.
                body += text.enumerated().map { n, line in
                    (n == 0 ? (i == at ? "❯ " : "  ") + number : String(repeating: " ", count: 2 + number.count)) + (i == at ? style.bold(line) : line)
                }
                let answer = item.answer.map { PlainInput.describe($0, q, session) } ?? session.words.reviewSkipped
                let indent = String(repeating: " ", count: 2 + number.count)
                body.append(indent + style.dim(Self.oneLine(answer, width - indent.count)))
            }
            body.append("")
            if at == items.count { focus = body.count }
            body.append((at == items.count ? "❯ " : "  ") + style.selected("[ " + session.words.reviewSend + " ]"))
            if let message { body += [""] + wrapped("! " + message, width).map(style.warn) }
            // The help key works here too, so it is said, as under a question.
            let help = keyLines([canChange ? session.words.keyReview : session.words.keyReviewFixed, session.words.keyHelp(typing: false)],
                                essentials: [canChange ? session.words.keyBack : nil, session.words.keyLeave, session.words.keyPause],
                                keeping: session.words.keyHelp(typing: false), width: width)
            draw(compose(ScreenContent(title: session.render(session.instrument.title), body: body, focus: focus, help: help[0],
                                       moreHelp: Array(help.dropFirst())), words: session.words))
            message = nil
            guard let event = nextEvent(session) else { return .leave }
            switch event {
            case .resized: redrawAll()
            case .hangUp, .endOfInput: return .leave
            case .key(.ctrl("c")): if confirmLeave(session.words) { return .leave }
            case .key(.ctrl("p")): return .leave   // the pause, as at every question
            case .key(.escape): if canChange { return .back }
            case .key(.pageUp): if canChange { at = max(0, at - 5) }
            case .key(.pageDown): if canChange { at = min(items.count, at + 5) }
            case .key(.f1), .key(.character("?")):
                if let code = showHelp(session, keys: [canChange ? session.words.keyReview : session.words.keyReviewFixed,
                                                       canChange ? session.words.keyBack : nil, session.words.keyLeave].compactMap { $0 },
                                       languages: true) {
                    return .language(code)
                }
            case .key(.up), .key(.character("k")): if canChange { at = max(0, at - 1) }
            case .key(.down), .key(.character("j")), .key(.tab): if canChange { at = min(items.count, at + 1) }
            case .key(.home): if canChange { at = 0 }
            case .key(.end): at = items.count
            case .key(.enter):
                if at == items.count { return .submit }
                return .jump(items[at].question)
            case .key(let key): if stray.take(key) { message = stray.message(session.words) }
            }
        }
    }

    /// An answer on one line: line breaks as spaces, and cut with "…" when longer than the room.
    static func oneLine(_ text: String, _ width: Int) -> String {
        // `fit` adds the mark itself (adding another gave "and……").
        TextLayout.fit(text.split(whereSeparator: \.isNewline).joined(separator: " "), max(0, width))
    }
}
