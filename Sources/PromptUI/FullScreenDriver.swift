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
    /// The scrolling of the screen on show, and whether the participant paged away from the cursor
    /// (to read) so that the view does not jump back to it until the next key.
    private var view = Viewport()
    private var reading = false
    /// The scrolling part as last drawn, for the keys that scroll it.
    private var last = Shown(count: 0, room: 0, widgetTop: 0)
    struct Shown { var count: Int; var room: Int; var widgetTop: Int }
    /// The last frame drawn, for tests and for redrawing after a resize.
    public private(set) var frame = Frame(lines: [], cursor: nil)
    /// The widget of a submitted answer, kept so that a refused answer is shown again as typed.
    private var submitted: (question: String, widget: any Widget)?
    /// Set when the session was left because no key came for `settings.idle_minutes` (`IdleWait`).
    public internal(set) var leftIdle = false
    /// A language chosen from the help on the welcome or consent screen, which then hand back to
    /// the runner to journal it and show themselves again in it (`takeLanguageChange`).
    var languageChange: String?
    /// The instrument's `idle_minutes`, from the session last shown.
    var idleMinutes: Int?

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

    /// The smallest window the screens are laid out for; below it one clear line says so. Ten rows
    /// leave four under the markers, room for a matrix row with its answer under it at 30 columns.
    static let smallest = (columns: 30, rows: 10)

    /// Lays out a screen: header; the pinned head (the question, kept in view); the body, scrolled
    /// so that the cursor's row stays in view, with markers where there is more; message and key help.
    mutating func compose(_ screen: ScreenContent, words: ParticipantWords) -> Frame {
        guard terminal.columns >= Self.smallest.columns, terminal.rows >= Self.smallest.rows else {
            return Self.askForRoom(columns: terminal.columns, rows: terminal.rows, words: words)
        }
        let width = terminal.columns
        let height = terminal.rows
        var header = " " + TextLayout.fit(screen.title, width - 2)
        if let (number, total) = screen.progress, total > 0, width >= 50 {
            let barWidth = 10
            let filled = min(barWidth, (number - 1) * barWidth / total)
            let bar = String(repeating: "■", count: filled) + String(repeating: "□", count: barWidth - filled) + " " + words.progress(number, of: total) + " "
            let room = width - TextLayout.width(bar)
            header = TextLayout.pad(" " + TextLayout.fit(screen.title, room - 3), room) + bar
        }
        var lines = [style.bold(header), style.dim(String(repeating: "─", count: width))]
        // A message takes up to three lines, the third ending in "…" where there is more, as under
        // the interviewer's screen: cut to one, what was typed on the welcome at 40 columns was lost.
        let said = screen.message.map { message -> [String] in
            var lines = TextLayout.wrap(message, width - 4)
            if lines.count > 3 { lines = Array(lines.prefix(2)) + [TextLayout.fit(lines[2...].joined(separator: " "), width - 4)] }
            return lines.enumerated().map { style.warn(($0.offset == 0 ? " ! " : "   ") + $0.element) }
        }
        let footer = (said ?? [""])
            + ([screen.help] + screen.moreHelp).map { style.dim(TextLayout.fit(" " + $0, width)) }
        let room = height - lines.count - footer.count
        // The question stays put while what is under it scrolls, unless it would leave too little
        // room for that: then everything scrolls together.
        var head = screen.head
        var body = screen.body
        var shift = 0
        if !head.isEmpty, head.count > room / 2 || room - head.count < 3 {
            body = head + body
            shift = head.count
            head = []
        }
        let scrollRoom = room - head.count
        if !reading, let focus = screen.focus { view.reveal((focus + shift)..<(focus + shift + screen.focusLines), count: body.count, room: scrollRoom) } else {
            view.clamp(count: body.count, room: scrollRoom)
        }
        last = Shown(count: body.count, room: scrollRoom, widgetTop: screen.widgetTop + shift)
        lines += head.map { " " + $0 }
        lines += view.rows(body.map { " " + $0 }, room: scrollRoom, words: words, style: style)
        lines += footer
        let window = view.window(count: body.count, room: scrollRoom)
        let screenCursor = screen.cursor.flatMap { c -> (row: Int, column: Int)? in
            let line = c.line + shift
            guard window.lines.contains(line) else { return nil }
            return (2 + head.count + (window.above ? 1 : 0) + line - window.lines.lowerBound, 1 + c.column)
        }
        return Frame(lines: lines, cursor: screenCursor)
    }

    /// A broken screen is worse than none: below the smallest size a screen is laid out for, one
    /// clear line asks for room, and the screen is drawn again once there is (the interviewer's too).
    static func askForRoom(columns: Int, rows: Int, words: ParticipantWords) -> Frame {
        let lines = Array(TextLayout.wrap(words.windowTooSmall, max(1, columns)).prefix(max(1, rows)))
        return Frame(lines: lines + Array(repeating: "", count: max(0, rows - lines.count)), cursor: nil)
    }

    /// A text wrapped to the width (an instrument's text comes flowed into paragraphs by `Session.render`).
    func wrapped(_ text: String, _ width: Int) -> [String] { TextLayout.wrap(text, width) }

    /// A new screen starts at its top.
    mutating func newScreen() {
        view = Viewport()
        reading = false
    }

    /// Scrolling keys, where they are free: PgUp/PgDn always (the cursor of a list or matrix comes
    /// along with the page), and ↑↓ while nothing is pointed at and the answers are not yet in
    /// view (a long consent is read line by line down to its choices). True when the key was used.
    private mutating func scrolls(_ key: Key, _ widget: inout any Widget, width: Int) -> Bool {
        let body = widget.render(width: width, style: style)
        switch key {
        case .pageUp, .pageDown:
            view.page(down: key == .pageDown, count: last.count, room: last.room)
            reading = false
            follow(&widget, down: key == .pageDown, width: width)
            return true
        case .down where !body.pointing && view.window(count: last.count, room: last.room).lines.upperBound <= last.widgetTop + body.pinned:
            view.scroll(by: 1, count: last.count, room: last.room)
            return true
        case .up where !body.pointing && view.top > 0:
            view.scroll(by: -1, count: last.count, room: last.room)
            return true
        default:
            return false
        }
    }

    /// After a page, moves the widget's cursor (one step at a time, as its own keys do) until its row
    /// is in view again; where it cannot come (a text field), the view stays where it was paged to
    /// until the next key.
    private mutating func follow(_ widget: inout any Widget, down: Bool, width: Int) {
        let window = view.window(count: last.count, room: last.room).lines
        var body = widget.render(width: width, style: style)
        guard body.pointing else { return }
        for _ in 0..<1000 where !window.contains(last.widgetTop + body.focus) {
            var next = widget
            guard next.handle(down ? .down : .up) == .handled else { break }
            let moved = next.render(width: width, style: style)
            guard moved.focus != body.focus else { break }
            widget = next
            body = moved
        }
        reading = !window.contains(last.widgetTop + body.focus)
    }

    /// The help key's overlay: every key of the screen, and the instrument's support text; any key
    /// closes it (PgUp/PgDn scroll it where it is longer than the window). With `languages`, in a
    /// study of several, L offers them: the code chosen is returned, for the screen to move to it.
    @discardableResult
    mutating func showHelp(_ session: Session, keys: [String], languages: Bool = false) -> String? {
        let words = session.words
        let switching = languages && session.instrument.languages.count > 1
        let keys = keys + (switching ? [words.helpLanguage] : [])
        let saved = (view, reading)
        newScreen()
        defer { (view, reading) = saved; writer.invalidate() }
        while true {
            let width = max(20, terminal.columns) - 2
            var body = keys.flatMap { wrapped($0, width) }
            if let support = session.instrument.support {
                body += ["", style.bold(words.helpSupport)] + wrapped(session.render(support).trimmed, width)
            }
            // Wrapped as the keys are: cut, it lost its end at 40 columns in Spanish.
            let close = wrapped(words.helpClose, width)
            draw(compose(ScreenContent(title: words.helpTitle, body: body, help: close.first ?? "", moreHelp: Array(close.dropFirst())), words: words))
            guard let event = nextEvent(session) else { return nil }
            switch event {
            case .resized: writer.invalidate()
            case .key(let key) where key == .pageUp || key == .pageDown:
                view.page(down: key == .pageDown, count: last.count, room: last.room)
            case .key(.character("L")) where switching, .key(.character("l")) where switching:
                let chosen = chooseLanguage(session)
                return chosen == session.language ? nil : chosen
            case .hangUp, .endOfInput, .key: return nil
            }
        }
    }

    // MARK: Screens

    /// How the session is answered, for the first screen of a survey (welcome, or consent).
    private func howItWorks(_ session: Session, width: Int) -> [String] {
        guard session.instrument.kind == .survey else { return [] }
        let settings = session.instrument.settings
        return session.words.howItWorks(typing: false, skip: settings.skipAll, back: settings.back, support: session.instrument.support != nil,
                                        languages: session.instrument.languages.count > 1)
            .flatMap { wrapped($0, width) } + [""]
    }

    /// The first screen of a survey without consent: its title and description, and how to skip,
    /// go back, leave and get help. Enter starts; false to leave.
    public mutating func welcome(_ session: Session) -> Bool {
        guard session.instrument.kind == .survey else { return true }
        newScreen()
        var widget: any Widget = NoteWidget()
        let words = session.words
        var stray = StrayTyping()
        while true {
            let width = max(20, terminal.columns) - 2
            var body: [String] = []
            if let d = session.instrument.description { body += wrapped(session.render(d).trimmed, width) + [""] }
            body += howItWorks(session, width: width)
            draw(compose(ScreenContent(title: session.render(session.instrument.title), body: body, widgetTop: body.count,
                                       message: stray.message(words), help: Self.keyHelp([words.keyStart, words.keyHelp(typing: false), words.keyLeave, words.keyPause], width: width)), words: words))
            guard let event = nextEvent(session) else { return false }
            switch event {
            case .resized: writer.invalidate()
            case .hangUp, .endOfInput: return false
            case .key(.ctrl("c")): if confirmLeave(words) { return false }
            // The pause, as at every later screen: someone who must stop now is asked nothing.
            case .key(.ctrl("p")): return false
            case .key(.enter): return true
            case .key(.f1), .key(.character("?")):
                if let code = showHelp(session, keys: helpKeys(session, widget: nil, canSkip: false), languages: true) {
                    languageChange = code
                    return false
                }
            // Nothing to point at: the arrows scroll, as PgUp/PgDn do.
            case .key(.up): view.scroll(by: -1, count: last.count, room: last.room)
            case .key(.down): view.scroll(by: 1, count: last.count, room: last.room)
            case .key(let key): if !scrolls(key, &widget, width: width) { _ = stray.take(key) }
            }
        }
    }

    /// The consent screen is also the welcome: title, description, how it works, the consent text
    /// and the choice, one scrolling screen that can be read whole before agreeing.
    public mutating func consent(_ session: Session) -> Bool? {
        guard let consent = session.instrument.consent else { return true }
        newScreen()
        let agree = Choice(value: 1, label: consent.agree)
        let decline = Choice(value: 2, label: consent.decline ?? LocalizedText(session.words.notTakingPart))
        var widget: any Widget = ChoiceWidget(choices: [agree, decline], label: { session.render($0.label) }, multiple: false, otherCode: nil, given: nil)
        widget.words = session.words
        let words = session.words
        var message: String?
        while true {
            let width = max(20, terminal.columns) - 2
            var body: [String] = []
            if let d = session.instrument.description { body += wrapped(session.render(d).trimmed, width) + [""] }
            body += howItWorks(session, width: width)
            body += wrapped(session.render(consent.text).trimmed, width) + [""]
            let w = widget.render(width: width, style: style)
            let top = body.count
            body += w.lines
            let help = keyLines(Self.withHelpKey(widget, words.keyHelp(typing: false)), essentials: [words.keyLeave, words.keyPause],
                                keeping: words.keyHelp(typing: false), width: width)
            draw(compose(ScreenContent(title: session.render(session.instrument.title), body: body, widgetTop: top,
                                       focus: w.pointing ? top + w.focus : nil, focusLines: w.focusLines, message: message,
                                       help: help[0], moreHelp: Array(help.dropFirst())), words: words))
            message = nil
            guard let event = nextEvent(session) else { return nil }
            switch event {
            case .resized: writer.invalidate(); reading = false
            case .hangUp, .endOfInput: return nil
            case .key(.ctrl("c")): if confirmLeave(words) { return nil }
            case .key(.ctrl("p")): return nil   // the pause, as at the welcome and every question
            case .key(.f1), .key(.character("?")):
                if let code = showHelp(session, keys: helpKeys(session, widget: widget, canSkip: false), languages: true) {
                    languageChange = code
                    return nil
                }
            case .key(let key):
                if scrolls(key, &widget, width: width) { continue }
                reading = false
                if widget.handle(key) == .submit {
                    guard case .success(let a?) = widget.answer(), case .choice(let c) = a.value else {
                        message = words.chooseWhetherToTakePart
                        continue
                    }
                    return c == 1
                }
            }
        }
    }

    /// Every key of a screen for the help overlay, one to a line: the widget's own, then moving,
    /// skipping, leaving and help itself.
    private func helpKeys(_ session: Session, widget: (any Widget)?, canSkip: Bool) -> [String] {
        let words = session.words
        var keys = widget.map { $0.keyHelp.components(separatedBy: " · ") } ?? [words.keyStart]
        if canSkip { keys.append(words.keySkip) }
        if session.canGoBack { keys.append(words.keyBack) }
        keys += [words.helpScroll, words.helpLeave, words.helpPause, widget?.typesText == true ? words.helpKeyHelpTyping : words.helpKeyHelp]
        return keys
    }

    public mutating func ask(_ session: Session, problem: String?) -> Action {
        guard let q = session.current else { return .leave }
        var widget: any Widget
        if problem != nil, let kept = submitted, kept.question == q.id {
            widget = kept.widget
        } else {
            widget = Widgets.make(for: q, session: session, width: max(20, terminal.columns) - 2)
            newScreen()
        }
        submitted = nil
        let words = session.words
        var message = problem
        var stray = StrayTyping()
        while true {
            let width = max(20, terminal.columns) - 2
            var head: [String] = []
            if let (section, ids) = session.sectionAsked(q.id) {
                let title = section.title.map { session.render($0) }
                if let title { head.append(style.accent(TextLayout.fit(title, width))) }
                if let caption = session.instanceCaptionText(under: title) { head.append(style.dim(TextLayout.fit(caption, width))) }
                if ids.first(where: { session.isVisible($0) }) == q.id, let intro = section.intro {
                    head += wrapped(session.render(intro).trimmed, width).map(style.dim)
                }
                if !head.isEmpty { head.append("") }
            }
            let text = session.render(q.text).trimmed + (q.required ? words.required : "")
            head += wrapped(text, width).map(style.bold)
            if let help = q.help { head += wrapped(session.render(help).trimmed, width).map(style.dim) }
            if let instructions = q.instructions {
                head += wrapped(words.interviewer(session.render(instructions).trimmed), width).map(style.dim)
            }
            for probe in q.probes ?? [] { head += wrapped("• " + words.probe(session.render(probe).trimmed), width).map(style.dim) }
            if q.sensitive {
                head += wrapped(words.personal(typing: false), width).map(style.dim)
            }
            if q.type == .number, let unit = q.unit { head.append(style.dim(words.unit(session.render(unit)))) }
            if let limits = words.limits(for: q, today: session.today) { head += wrapped(limits, width).map(style.dim) }
            head.append("")
            let w = widget.render(width: width, style: style)
            head += w.lines.prefix(w.pinned)
            var body = Array(w.lines.dropFirst(w.pinned))
            // The reason an answer was refused stands right under it.
            if let message { body += [""] + wrapped("! " + message, width).map(style.warn) }
            // The widget's keys one by one, then going back, leaving and skipping, which are
            // always said: where there is no room for all, the widget's last keys give way to them
            // (the help key, kept, lists every one).
            let help = keyLines(Self.withHelpKey(widget, words.keyHelp(typing: widget.typesText)),
                                essentials: [session.canGoBack ? words.keyBack : nil, words.keyLeave, words.keyPause,
                                             session.canSkip && q.type != .note ? words.keySkip : nil],
                                keeping: words.keyHelp(typing: widget.typesText), width: width)
            let position = session.instrument.settings.progress ? session.routePosition.map { ($0.number, $0.total) } : nil
            draw(compose(ScreenContent(title: session.render(session.instrument.title), progress: position, head: head, body: body,
                                       widgetTop: -w.pinned, focus: w.pointing ? w.focus - w.pinned : nil, focusLines: w.focusLines,
                                       cursor: w.cursor.map { ($0.line - w.pinned, $0.column) }, help: help[0], moreHelp: Array(help.dropFirst())),
                                       words: words))
            guard let event = nextEvent(session) else { return Self.keeping(widget, then: .leave) }
            switch event {
            case .resized:
                writer.invalidate()
                reading = false
                // Lay the answer out anew for the new width (a scale across the screen becomes a
                // list when it no longer fits, and back), keeping what has been chosen.
                if q.type == .scale, case .success(let given) = widget.answer() {
                    widget = Widgets.make(for: q, session: session, width: max(20, terminal.columns) - 2, given: given)
                }
                widget.resized(width: max(20, terminal.columns) - 2)
            case .hangUp, .endOfInput:
                return Self.keeping(widget, then: .leave)
            case .key(.ctrl("c")):
                if confirmLeave(words) { return Self.keeping(widget, then: .leave) }
            case .key(.ctrl("p")):
                // The pause: one key, nothing asked (someone who needs to stop should not have to
                // answer a question first); the support text is shown as the session closes.
                return Self.keeping(widget, then: .leave)
            case .key(.escape):
                return Self.keeping(widget, then: .back)
            case .key(.f1):
                if let code = showHelp(session, keys: helpKeys(session, widget: widget, canSkip: session.canSkip && q.type != .note), languages: true) {
                    return Self.keeping(widget, then: .language(code))
                }
            case .key(.character("?")) where !widget.typesText:
                if let code = showHelp(session, keys: helpKeys(session, widget: widget, canSkip: session.canSkip && q.type != .note), languages: true) {
                    return Self.keeping(widget, then: .language(code))
                }
            case .key(let key):
                if scrolls(key, &widget, width: width) { continue }
                reading = false
                switch widget.handle(key) {
                case .submit:
                    switch widget.answer() {
                    case .success(let answer?):
                        // Unticking a choice whose instance holds answers removes them: asked first.
                        if let warning = session.removalWarning(ifAnswered: answer), !confirmRemoval(warning, words) { continue }
                        submitted = (q.id, widget)
                        return .answer(answer)
                    case .success(nil):
                        submitted = (q.id, widget)
                        return .skip
                    case .failure(let p): message = p.message
                    }
                case .handled: message = nil
                // A note takes no typing: what was typed is said back under it.
                case .unhandled where q.type == .note && stray.take(key): message = stray.message(words)
                case .unhandled: break
                }
            }
        }
    }

    /// Going back or leaving keeps what was typed and not sent, as a draft.
    static func keeping(_ widget: any Widget, then next: Action) -> Action {
        widget.draft.map { .keepingDraft($0, then: next) } ?? next
    }

    /// A widget's keys with the help key after how to choose: on a narrow screen the help key,
    /// which shows all the others, is kept before the rest.
    static func withHelpKey(_ widget: any Widget, _ help: String) -> [String?] {
        let keys = widget.keyHelp.components(separatedBy: " · ")
        let choose = min(widget.keysBeforeHelp, keys.count)
        return Array(keys.prefix(choose)) + [help] + Array(keys.dropFirst(choose))
    }

    /// The key hints that fit on one line, most important first; the rest are left out, never cut.
    static func keyHelp(_ parts: [String?], width: Int) -> String {
        keyHelp(parts, width: width, lines: 1)[0]
    }

    /// The key hints over up to `lines` lines, in order, each hint whole; a screen with many keys
    /// (the interviewer's) shows them all at 60 columns this way instead of dropping the last ones.
    static func keyHelp(_ parts: [String?], width: Int, lines: Int) -> [String] {
        placing(parts.compactMap { $0 }, width: width, lines: lines).lines
    }

    /// The hints laid out in order, and how many of them found room.
    private static func placing(_ parts: [String], width: Int, lines: Int) -> (lines: [String], placed: Int) {
        var out = [""]
        var placed = 0
        for part in parts {
            let next = out[out.count - 1].isEmpty ? part : out[out.count - 1] + " · " + part
            if TextLayout.width(next) <= width {
                out[out.count - 1] = next
                placed += 1
            } else if out.count < lines, TextLayout.width(part) <= width {
                out.append(part)
                placed += 1
            }
        }
        return (out, placed)
    }

    /// A question's key lines: the widget's keys, then on a line of their own the `essentials`
    /// (skip, back, leave), which are always said. Up to three lines where the window has the rows
    /// (a matrix's keys take two at 60 columns), two in a low one (40×12 says the essentials on
    /// two), one below 12 rows; where not every key fits, the widget's last keys give way, never
    /// `help`, the key that lists them all.
    func keyLines(_ keys: [String?], essentials: [String?], keeping help: String, width: Int) -> [String] {
        Self.keyLines(keys, essentials: essentials, keeping: help, width: width, lines: terminal.rows >= 20 ? 3 : terminal.rows >= 12 ? 2 : 1)
    }

    static func keyLines(_ keys: [String?], essentials: [String?], keeping help: String, width: Int, lines: Int) -> [String] {
        var top = keys.compactMap { $0 }
        let must = essentials.compactMap { $0 }
        guard lines >= 2, !must.isEmpty, placing(must, width: width, lines: 1).placed == must.count else {
            // One line: in order, the widget's last keys leaving first until the essentials fit.
            while true {
                let laid = placing(top + must, width: width, lines: lines)
                guard laid.placed < top.count + must.count, let last = top.lastIndex(where: { $0 != help }) else { return laid.lines }
                top.remove(at: last)
            }
        }
        // As few lines as say every key; with none that does, as many as there are.
        var laid: (lines: [String], all: Bool) = ([], false)
        for above in 1..<lines {
            laid = keyLines(top, above: above, then: must, keeping: help, width: width)
            if laid.all { break }
        }
        return laid.lines
    }

    /// The widget's keys over `above` lines; those with no room there go on the last line before
    /// the essentials where they fit (as many as do, in order), else only the help key says them.
    private static func keyLines(_ keys: [String], above: Int, then must: [String], keeping help: String, width: Int) -> (lines: [String], all: Bool) {
        var top = keys
        var rest: [String] = []
        while placing(top, width: width, lines: above).placed < top.count, let last = top.lastIndex(where: { $0 != help }) {
            rest.insert(top.remove(at: last), at: 0)
        }
        let lines = top.isEmpty ? [] : placing(top, width: width, lines: above).lines
        for count in stride(from: rest.count, through: 0, by: -1) {
            let last = placing(Array(rest.prefix(count)) + must, width: width, lines: 1)
            if last.placed == count + must.count { return (lines + last.lines, count == rest.count) }
        }
        return (lines + placing(must, width: width, lines: 1).lines, false)
    }

    /// The support text under its heading, for the screens of someone who declines (the runner
    /// shows it to someone who leaves, as the session closes).
    func supportLines(_ session: Session, width: Int) -> [String] {
        guard let support = session.instrument.support else { return [] }
        return [style.bold(session.words.helpSupport)] + wrapped(session.render(support).trimmed, width) + [""]
    }

    /// Asks on the bottom lines whether to leave; every answer given is already saved.
    mutating func confirmLeave(_ words: ParticipantWords) -> Bool {
        var lines = frame.lines
        let width = max(20, terminal.columns)
        // The whole question and its y/n, wrapped over as many of the bottom lines as they need
        // (cut to fit one line, the y/n was lost at 60 columns), the title line kept.
        // A window too small even for that (it is asking for room) has the question cut on one line.
        var asked = TextLayout.wrap(words.leavePrompt, width - 2).map { style.warn(" " + $0) } + [" " + words.leaveKeys]
        if asked.count > lines.count - 1 { asked = [style.warn(TextLayout.fit(" " + words.leavePrompt, width)), TextLayout.fit(" " + words.leaveKeys, width)] }
        if lines.count >= asked.count { lines.replaceSubrange((lines.count - asked.count)..., with: asked) }
        draw(Frame(lines: lines, cursor: nil))
        while true {
            guard let event = nextEvent() else { return true }
            switch event {
            case .key(.character("y")), .key(.character("Y")), .key(.ctrl("c")), .hangUp, .endOfInput: return true
            case .key: writer.invalidate(); return false
            case .resized: writer.invalidate(); return false
            }
        }
    }

    /// Enter removes the instances named in `warning`; any other key goes back to the question.
    mutating func confirmRemoval(_ warning: String, _ words: ParticipantWords) -> Bool {
        var lines = frame.lines
        let width = max(20, terminal.columns)
        // Wrapped over the bottom lines as the leave question is: cut to one line each, the keys
        // lost their end at 60 columns in Spanish, and a long list the names of what goes.
        var asked = TextLayout.wrap(warning, width - 2).map { style.warn(" " + $0) }
            + TextLayout.wrap(words.repeatRemoveKeys(typing: false), width - 2).map { " " + $0 }
        if asked.count > lines.count - 1 {
            asked = [style.warn(TextLayout.fit(" " + warning, width)), TextLayout.fit(" " + words.repeatRemoveKeys(typing: false), width)]
        }
        if lines.count >= asked.count { lines.replaceSubrange((lines.count - asked.count)..., with: asked) }
        draw(Frame(lines: lines, cursor: nil))
        guard let event = nextEvent() else { return false }
        writer.invalidate()
        return event == .key(.enter)
    }

    /// The closing screen; it scrolls (PgUp/PgDn, ↑↓) where the closing text is long, is drawn
    /// anew on a resize, and any other key closes it.
    public mutating func finished(_ session: Session, outcome: SessionOutcome) {
        guard outcome != .interrupted else { return }
        newScreen()
        while true {
            let width = max(20, terminal.columns) - 2
            var body: [String] = []
            if outcome == .declined {
                body += wrapped(session.words.declined, width) + [""]
                body += supportLines(session, width: width)
            }
            // The closing text thanks people for taking part: not shown to someone who did not.
            if outcome != .declined, let end = session.instrument.end { body += wrapped(session.render(end).trimmed, width) + [""] }
            if outcome != .declined {
                body.append(style.selected(session.savedLine))
            }
            draw(compose(ScreenContent(title: session.render(session.instrument.title), body: body, help: session.words.keyClose), words: session.words))
            guard let event = nextEvent() else { return }
            switch event {
            case .resized: writer.invalidate()
            case .key(.pageUp), .key(.up): view.page(down: false, count: last.count, room: last.room)
            case .key(.pageDown), .key(.down): view.page(down: true, count: last.count, room: last.room)
            default: return
            }
        }
    }
}
