import InstrumentModel
import SessionEngine
import TerminalIO

/// The full-screen driver: one calm screen per question. The same keys mean what they mean in the
/// plain driver: Enter with nothing given skips (where allowed), Esc goes back, Ctrl-C asks whether
/// to save and leave.
public struct FullScreenDriver: SessionDriver {
    let terminal: any TerminalPort
    let style: Style
    private var writer = FrameWriter()
    /// The last frame drawn, for tests and for redrawing after a resize.
    public private(set) var frame = Frame(lines: [], cursor: nil)
    /// The widget of a submitted answer, kept so that a refused answer is shown again as typed.
    private var submitted: (question: String, widget: any Widget)?

    public init(terminal: any TerminalPort, style: Style) {
        self.terminal = terminal
        self.style = style
    }

    /// The next frame is drawn whole (after another screen was shown).
    mutating func redrawAll() { writer.invalidate() }

    mutating func draw(_ content: Frame) {
        frame = content
        terminal.write(writer.output(content))
    }

    // MARK: Layout

    /// Lays out a screen: header, body (scrolled so that `focus` stays in view), message and key help.
    /// The smallest window the screens are laid out for; below it one clear line says so.
    static let smallest = (columns: 30, rows: 8)

    private func compose(title: String, progress: (Int, Int)?, body: [String], focus: Int, cursor: (line: Int, column: Int)?,
                         message: String?, help: String) -> Frame {
        guard terminal.columns >= Self.smallest.columns, terminal.rows >= Self.smallest.rows else {
            return Self.askForRoom(columns: terminal.columns, rows: terminal.rows)
        }
        let width = terminal.columns
        let height = terminal.rows
        var header = " " + TextLayout.fit(title, width - 2)
        if let (number, total) = progress, total > 0, width >= 50 {
            let barWidth = 10
            let filled = min(barWidth, (number - 1) * barWidth / total)
            let bar = String(repeating: "■", count: filled) + String(repeating: "□", count: barWidth - filled) + " \(number) of \(total) "
            let room = width - TextLayout.width(bar)
            header = TextLayout.pad(" " + TextLayout.fit(title, room - 3), room) + bar
        }
        var lines = [style.bold(header), style.dim(String(repeating: "─", count: width))]
        let footer = [message.map { style.warn(TextLayout.fit(" ! " + $0, width)) } ?? "", style.dim(TextLayout.fit(" " + help, width))]
        let room = height - lines.count - footer.count
        let start = body.count <= room ? 0 : min(max(0, focus - room / 2), body.count - room)
        let visible = Array(body[start..<min(body.count, start + room)])
        lines += visible.map { " " + $0 }
        lines += Array(repeating: "", count: room - visible.count)
        lines += footer
        let screenCursor = cursor.flatMap { c -> (row: Int, column: Int)? in
            let row = c.line - start
            guard row >= 0, row < room else { return nil }
            return (2 + row, 1 + c.column)
        }
        return Frame(lines: lines, cursor: screenCursor)
    }

    /// A broken screen is worse than none: below the smallest size a screen is laid out for, one
    /// clear line asks for room, and the screen is drawn again once there is (the interviewer's too).
    static func askForRoom(columns: Int, rows: Int) -> Frame {
        let lines = Array(TextLayout.wrap("Please make this window larger.", max(1, columns)).prefix(max(1, rows)))
        return Frame(lines: lines + Array(repeating: "", count: max(0, rows - lines.count)), cursor: nil)
    }

    private func wrapped(_ text: String, _ width: Int) -> [String] { TextLayout.wrap(text, width) }

    // MARK: Screens

    public mutating func consent(_ session: Session) -> Bool? {
        guard let consent = session.instrument.consent else { return true }
        let agree = Choice(value: 1, label: consent.agree)
        let decline = Choice(value: 2, label: consent.decline ?? LocalizedText(session.words.notTakingPart))
        var widget = ChoiceWidget(choices: [agree, decline], label: { session.render($0.label) }, multiple: false, otherCode: nil, given: nil)
        var message: String?
        while true {
            let width = max(20, terminal.columns) - 2
            var body: [String] = []
            if let d = session.instrument.description { body += wrapped(session.render(d).trimmed, width) + [""] }
            body += wrapped(session.render(consent.text).trimmed, width) + [""]
            let w = widget.render(width: width, style: style)
            let focus = body.count + w.focus
            body += w.lines
            draw(compose(title: session.render(session.instrument.title), progress: nil, body: body, focus: focus, cursor: nil,
                         message: message, help: widget.keyHelp + " · Ctrl-C leave"))
            message = nil
            switch terminal.next() {
            case .resized: writer.invalidate()
            case .hangUp, .endOfInput: return nil
            case .key(.ctrl("c")): if confirmLeave() { return nil }
            case .key(let key):
                if widget.handle(key) == .submit {
                    guard case .success(let a?) = widget.answer(), case .choice(let c) = a.value else {
                        message = session.words.chooseWhetherToTakePart
                        continue
                    }
                    return c == 1
                }
            }
        }
    }

    public mutating func ask(_ session: Session, problem: String?) -> Action {
        guard let q = session.current else { return .leave }
        var widget: any Widget
        if problem != nil, let kept = submitted, kept.question == q.id {
            widget = kept.widget
        } else {
            widget = Widgets.make(for: q, session: session, width: max(20, terminal.columns) - 2)
        }
        submitted = nil
        var message = problem
        while true {
            let width = max(20, terminal.columns) - 2
            var body: [String] = []
            if let section = session.instrument.sections.first(where: { $0.questions.contains { $0.id == q.id } }) {
                if let title = section.title { body.append(style.accent(TextLayout.fit(session.render(title), width))) }
                if section.questions.first(where: { session.isVisible($0.id) })?.id == q.id, let intro = section.intro {
                    body += wrapped(session.render(intro).trimmed, width).map(style.dim)
                }
                body.append("")
            }
            let text = session.render(q.text).trimmed + (q.required ? " (required)" : "")
            body += wrapped(text, width).map(style.bold)
            if let help = q.help { body += wrapped(session.render(help).trimmed, width).map(style.dim) }
            if let instructions = q.instructions {
                body += wrapped(session.words.interviewer(session.render(instructions).trimmed), width).map(style.dim)
            }
            for probe in q.probes ?? [] { body += wrapped("• Probe: " + session.render(probe).trimmed, width).map(style.dim) }
            if q.sensitive {
                body += wrapped(session.words.personal(typing: false), width).map(style.dim)
            }
            if q.type == .number, let unit = q.unit { body.append(style.dim(session.words.unit(session.render(unit)))) }
            if let limits = session.words.limits(for: q, today: session.today) { body += wrapped(limits, width).map(style.dim) }
            body.append("")
            let w = widget.render(width: width, style: style)
            let top = body.count
            body += w.lines
            // The reason an answer was refused stands right under it.
            if let message { body += [""] + wrapped("! " + message, width).map(style.warn) }
            // The widget's keys one by one, most important first: as one piece, a narrow screen
            // dropped all of them and kept only back and leave.
            let help = Self.keyHelp(widget.keyHelp.components(separatedBy: " · ") + [session.canGoBack ? session.words.keyBack : nil, session.words.keyLeave,
                                     session.canSkip && q.type != .note ? session.words.keySkip : nil], width: width)
            let position = session.instrument.settings.progress ? session.routePosition.map { ($0.number, $0.total) } : nil
            draw(compose(title: session.render(session.instrument.title), progress: position, body: body,
                         focus: top + w.focus, cursor: w.cursor.map { (top + $0.line, $0.column) }, message: nil, help: help))
            switch terminal.next() {
            case .resized:
                writer.invalidate()
                // Lay the answer out anew for the new width (a scale across the screen becomes a
                // list when it no longer fits, and back), keeping what has been chosen.
                if q.type == .scale, case .success(let given) = widget.answer() {
                    widget = Widgets.make(for: q, session: session, width: max(20, terminal.columns) - 2, given: given ?? .none)
                }
            case .hangUp, .endOfInput:
                return .leave
            case .key(.ctrl("c")):
                if confirmLeave() { return .leave }
            case .key(.escape), .key(.pageUp):
                return .back
            case .key(let key):
                switch widget.handle(key) {
                case .submit:
                    switch widget.answer() {
                    case .success(let answer?):
                        submitted = (q.id, widget)
                        return .answer(answer)
                    case .success(nil):
                        submitted = (q.id, widget)
                        return .skip
                    case .failure(let p): message = p.message
                    }
                case .handled: message = nil
                case .unhandled: break
                }
            }
        }
    }

    /// The key hints that fit on one line, most important first; the rest are left out, never cut.
    static func keyHelp(_ parts: [String?], width: Int) -> String {
        keyHelp(parts, width: width, lines: 1)[0]
    }

    /// The key hints over up to `lines` lines, in order, each hint whole; a screen with many keys
    /// (the interviewer's) shows them all at 60 columns this way instead of dropping the last ones.
    static func keyHelp(_ parts: [String?], width: Int, lines: Int) -> [String] {
        var out = [""]
        for part in parts.compactMap({ $0 }) {
            let next = out[out.count - 1].isEmpty ? part : out[out.count - 1] + " · " + part
            if TextLayout.width(next) <= width {
                out[out.count - 1] = next
            } else if out.count < lines, TextLayout.width(part) <= width {
                out.append(part)
            }
        }
        return out
    }

    /// Asks on the bottom lines whether to leave; every answer given is already saved.
    private mutating func confirmLeave() -> Bool {
        var lines = frame.lines
        let width = max(20, terminal.columns)
        if lines.count >= 2 {
            lines[lines.count - 2] = style.warn(TextLayout.fit(" Leave now? Your answers so far are saved, and you can carry on later.", width))
            lines[lines.count - 1] = TextLayout.fit(" y leave · n stay", width)
        }
        draw(Frame(lines: lines, cursor: nil))
        while true {
            switch terminal.next() {
            case .key(.character("y")), .key(.character("Y")), .key(.ctrl("c")), .hangUp, .endOfInput: return true
            case .key: writer.invalidate(); return false
            case .resized: writer.invalidate(); return false
            }
        }
    }

    public mutating func finished(_ session: Session, outcome: SessionOutcome) {
        guard outcome != .interrupted else { return }
        let width = max(20, terminal.columns) - 2
        var body: [String] = []
        if outcome == .declined {
            body += wrapped(session.words.declined, width) + [""]
        }
        // The closing text thanks people for taking part: not shown to someone who did not.
        if outcome != .declined, let end = session.instrument.end { body += wrapped(session.render(end).trimmed, width) + [""] }
        if outcome != .declined {
            body.append(style.selected(session.instrument.kind == .interview ? session.words.interviewSaved : session.words.saved))
        }
        draw(compose(title: session.render(session.instrument.title), progress: nil, body: body, focus: 0, cursor: nil,
                     message: nil, help: session.words.keyClose))
        while true {
            if case .resized = terminal.next() { continue }
            return
        }
    }
}
