import InstrumentModel
import SessionEngine
import TerminalIO

/// The interviewer's screen for a guide: the outline of the guide beside the current question,
/// its instructions and probes, and notes whose paragraphs are stamped with the time since the
/// interview started. The interviewer moves freely; every paragraph is journaled as it is kept.
public struct InterviewScreen: SessionDriver {
    let terminal: any TerminalPort
    let style: Style
    /// Seconds since the session started, as the runner's clock.
    let clock: () -> Double
    /// Group discussions: the number of participants, named P1 to Pn (and F for the facilitator).
    let group: Int?
    private var writer = FrameWriter()
    /// The consent and closing screens are the participant runner's.
    private var framing: FullScreenDriver
    public private(set) var frame = Frame(lines: [], cursor: nil)

    enum Mode: Equatable {
        case notes, probes, outline(Int), confirmEnd, confirmLeave
        /// A changed answer would remove instances holding notes or answers (the warning): `y`
        /// makes the move, then `then`; `n` puts the answer back as it was.
        case confirmRemoval(String, SessionMove, then: Action?)
    }
    private var mode = Mode.notes
    /// The paragraph being typed, when its first key was pressed, and for which question.
    private var editor = LineEditor()
    private var lineStarted: Double?
    private var here: String?
    private var widget: (any Widget)?
    /// A move to make once what was typed is on disk (a paragraph, or a structured answer).
    private var pending: Action?
    /// The paragraph handed over to be kept, put back to be typed on if the session refuses it.
    private var handedOver: (editor: LineEditor, started: Double?)?
    /// How far back through the notes the interviewer has paged (lines from the end), and a page.
    private var notesBack = 0
    private var notesPage = 1
    /// Set when a move leaves a note screen with text typed on it: the paragraph goes on with the
    /// interviewer, to be kept at the screen moved to (`keepTyped` allows the move only to one with notes).
    private var carrying = false

    public init(terminal: any TerminalPort, style: Style, clock: @escaping () -> Double, group: Int? = nil) {
        self.terminal = terminal
        self.style = style
        self.clock = clock
        self.group = group
        framing = FullScreenDriver(terminal: terminal, style: style)
    }

    public mutating func consent(_ session: Session) -> Bool? {
        defer { writer.invalidate() }
        return framing.consent(session)
    }

    /// No welcome: the interviewer, at the keyboard, has the guide's keys on the help line.
    public mutating func welcome(_ session: Session) -> Bool { true }

    public mutating func finished(_ session: Session, outcome: SessionOutcome) {
        framing.redrawAll()
        framing.finished(session, outcome: outcome)
    }

    /// The interviewer acknowledges a banner with the study's protocol; the interview goes on.
    public mutating func safeguard(_ session: Session, fired: [SafeguardingFiring]) -> SafeguardingReply {
        framing.safeguardingBanner(session, fired: fired)
        writer.invalidate()
        return .carryOn
    }

    public mutating func ask(_ session: Session, problem: String?) -> Action {
        if problem != nil, let paragraph = handedOver {
            editor = paragraph.editor
            lineStarted = paragraph.started
        }
        handedOver = nil
        let carry = carrying
        carrying = false
        if let next = pending {
            pending = nil
            // Leaving never waits (what could not be kept is reported by the session, and a hung-up
            // terminal cannot be asked again); other moves wait for what was typed to be kept.
            if next == .leave || (problem == nil && next != .jump(session.current?.id ?? "")) { return next }
        }
        guard let q = session.current else { return .leave }
        if here != q.id {
            here = q.id
            if !carry {
                editor = LineEditor()
                lineStarted = nil
            }
            notesBack = 0
            widget = q.type == .open || q.type == .note ? nil : Widgets.make(for: q, session: session, width: rightWidth)
            if case .outline = mode {} else { mode = .notes }
        }
        var message = problem
        while true {
            let drawn = InterviewLayout(screen: self, session: session, question: q, message: message).drawn()
            notesPage = drawn.notesPage
            notesBack = min(notesBack, drawn.notesDeepest)
            draw(drawn.frame)
            // Once a second with no key, the clocks on screen are brought up to date.
            guard let event = terminal.next(within: 1000) else { continue }
            switch event {
            case .resized:
                writer.invalidate()
                // A scale across the screen becomes a list when it no longer fits, and back,
                // keeping what has been chosen (as on the participant's screen).
                if q.type == .scale, let w = widget, case .success(let given) = w.answer() {
                    widget = Widgets.make(for: q, session: session, width: rightWidth, given: given)
                }
            case .hangUp, .endOfInput:
                return keepTyped(session, q, then: .leave, message: &message, leaving: true) ?? .leave
            case .key(let key):
                message = nil
                if let action = handle(key, session, q, &message) { return action }
            }
        }
    }

    // MARK: Keys

    private mutating func handle(_ key: Key, _ session: Session, _ q: Question, _ message: inout String?) -> Action? {
        switch mode {
        case .confirmLeave:
            mode = .notes
            guard key == .character("y") || key == .character("Y") || key == .ctrl("c") else { return nil }
            return keepTyped(session, q, then: .leave, message: &message, leaving: true) ?? .leave
        case .confirmEnd:
            mode = .notes
            guard key == .character("y") || key == .character("Y") else { return nil }
            return keepTyped(session, q, then: .end, message: &message)
        case .confirmRemoval(_, let move, let next):
            guard key == .character("y") || key == .character("Y") || key == .character("n") || key == .character("N") else { return nil }
            mode = .notes
            guard key == .character("y") || key == .character("Y") else {
                widget = Widgets.make(for: q, session: session, width: rightWidth)
                return nil
            }
            pending = next
            return .move(move)
        case .outline(let selected):
            let entries = InterviewLayout.outlineEntries(session)
            switch key {
            case .up: mode = .outline(max(0, selected - 1))
            case .down: mode = .outline(min(entries.count - 1, selected + 1))
            case .enter:
                mode = .notes
                guard entries.indices.contains(selected), entries[selected] != q.id else { return nil }
                return keepTyped(session, q, then: .jump(entries[selected]), message: &message)
            case .escape, .ctrl("o"): mode = .notes
            default: break
            }
            return nil
        case .probes:
            // Ctrl-P waits for one digit: the probe is ticked and typing goes on into the notes
            // (a mode that stayed on swallowed the notes typed after it).
            mode = .notes
            let count = q.probes?.count ?? 0
            if case .character(let c) = key, let n = c.wholeNumberValue, c.isASCII {
                guard n >= 1, n <= count else {
                    mode = .probes
                    message = session.words.interviewProbesNumbered(count)
                    return nil
                }
                return .probe(n - 1, asked: !(session.probesAsked[q.id] ?? []).contains(n - 1))
            }
            if key == .escape { return nil }
            if key == .ctrl("p") { mode = .probes; return nil }
        case .notes:
            break
        }
        switch key {
        case .ctrl("c"): mode = .confirmLeave; return nil
        case .ctrl("x"): mode = .confirmEnd; return nil
        case .ctrl("o"):
            mode = .outline(InterviewLayout.outlineEntries(session).firstIndex(of: q.id) ?? 0)
            return nil
        case .ctrl("p"):
            if q.probes?.isEmpty == false { mode = .probes } else { message = session.words.noProbes }
            return nil
        case .tab:
            guard let next = InterviewLayout.neighbour(of: q.id, in: session, by: 1) else {
                mode = .confirmEnd
                return nil
            }
            return keepTyped(session, q, then: .jump(next), message: &message, onward: true)
        case .shiftTab:
            guard let previous = InterviewLayout.neighbour(of: q.id, in: session, by: -1) else {
                message = session.words.firstQuestion
                return nil
            }
            return keepTyped(session, q, then: .jump(previous), message: &message)
        case .pageUp where q.type == .open:
            notesBack += notesPage
            return nil
        case .pageDown where q.type == .open:
            notesBack = max(0, notesBack - notesPage)
            return nil
        default:
            break
        }
        switch q.type {
        case .open:
            if key == .enter { return keepTyped(session, q, then: nil, message: &message) }
            // ↑↓ move by the lines the paragraph is shown on, at the notes' width as it is now.
            editor.wrapColumns = InterviewLayout.notesColumns(rightWidth)
            if editor.handle(key) {
                notesBack = 0
                if lineStarted == nil, !editor.string.isEmpty { lineStarted = clock() }
            }
            if editor.string.isEmpty { lineStarted = nil }
            return nil
        case .note, .calculate, .hidden:
            // A screen without notes still keeps what the interviewer types, in view, to go on
            // to the next notes: the keys that were text here used to vanish without a word.
            guard key == .enter else {
                editor.wrapColumns = InterviewLayout.notesColumns(rightWidth)
                if editor.handle(key), lineStarted == nil, !editor.string.isEmpty { lineStarted = clock() }
                if editor.string.isEmpty { lineStarted = nil }
                return nil
            }
            guard let move = askingBeforeEnding(.skip, session) else { return nil }
            return keepTyped(session, q, then: move, message: &message)
        default:
            guard var w = widget else { return nil }
            let outcome = w.handle(key)
            widget = w
            guard outcome == .submit else { return nil }
            switch w.answer() {
            case .success(let answer?): return askingBeforeEnding(.answer(answer), session)
            case .success(nil): return askingBeforeEnding(.skip, session)
            case .failure(let p): message = p.message; return nil
            }
        }
    }

    /// The move that keeps what was typed at this question and not yet kept (the paragraph being
    /// typed, stamped with when it was begun, or a structured answer given or changed), with
    /// `then` to follow once it is on disk; `then` itself when there is nothing to keep.
    ///
    /// Nil, with the reason in `message`, when it cannot be kept (a speaker not in the group, an
    /// answer that cannot be read): the interviewer stays to put it right. Leaving never waits:
    /// a paragraph is then kept as typed, and an answer that cannot be read is left. `onward`
    /// moves need no jump after an answer, which itself goes on along the route.
    private mutating func keepTyped(_ session: Session, _ q: Question, then next: Action?, message: inout String?,
                                    leaving: Bool = false, onward: Bool = false) -> Action? {
        switch q.type {
        case .open:
            let typed = editor.string.trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty else { return next }
            let turn: NoteTurn
            switch Speakers.turn(typed, group: group, at: lineStarted ?? clock(), words: session.words) {
            case .success(let t): turn = t
            case .failure where leaving: turn = NoteTurn(at: lineStarted ?? clock(), speaker: nil, text: typed)
            case .failure(let problem):
                message = problem.message
                return nil
            }
            let before: String
            if case .text(let t)? = session.answers[q.id]?.value { before = t } else { before = "" }
            handedOver = (editor, lineStarted)
            editor = LineEditor()
            lineStarted = nil
            pending = next
            return .notes(NoteTurn.appending(turn, to: before))
        case .note, .calculate, .hidden:
            // Typed here, the paragraph goes on to the screen moved to when that one takes notes;
            // to any other, the move waits (leaving does not: its question said the text is not kept).
            guard !editor.string.trimmingCharacters(in: .whitespaces).isEmpty, !leaving else { return next }
            guard let id = Self.destination(of: next, from: q.id, session),
                  let type = session.question(id)?.type, type == .open || type == .note else {
                message = session.words.interviewTypedNeedsNotes
                return nil
            }
            carrying = true
            return next
        default:
            guard let w = widget else { return next }
            switch w.answer() {
            case .success(let given) where given == session.answers[q.id]:
                return next
            case .success(let given):
                let move = given.map { SessionMove.answer($0) } ?? .skip
                // Kept, it would end the interview: only ending may do that unasked.
                if next != .end, Self.ends(move, session) {
                    if leaving { return next }
                    message = session.words.interviewAnswerEnds
                    return nil
                }
                // Kept, it would remove instances holding notes: asked first; leaving keeps them.
                if let given, let warning = session.interviewRemovalWarning(ifAnswered: given) {
                    if leaving { return next }
                    mode = .confirmRemoval(warning, move, then: onward ? nil : next)
                    return nil
                }
                pending = onward ? nil : next
                return .move(move)
            case .failure where leaving:
                return next
            case .failure(let problem):
                message = problem.message
                return nil
            }
        }
    }

    /// The question a move goes to: a jump's, or the next on the route for Enter's skip.
    static func destination(of action: Action?, from id: String, _ session: Session) -> String? {
        switch action {
        case .move(.jump(let to))?: return to
        case .move(.skip)?: return InterviewLayout.neighbour(of: id, in: session, by: 1)
        default: return nil
        }
    }

    /// Enter's move, unless it would end the interview: then the interviewer is asked first,
    /// as Tab at the last question asks (and `y` keeps what was given, then ends).
    private mutating func askingBeforeEnding(_ move: SessionMove, _ session: Session) -> Action? {
        if case .answer(let answer) = move, let warning = session.interviewRemovalWarning(ifAnswered: answer) {
            mode = .confirmRemoval(warning, move, then: nil)
            return nil
        }
        guard Self.ends(move, session) else { return .move(move) }
        mode = .confirmEnd
        return nil
    }

    /// Whether a move would end the interview: an answer or skip with no question after it
    /// finishes the session (as it must for the plain driver, which asks in order).
    static func ends(_ move: SessionMove, _ session: Session) -> Bool {
        var trial = session
        guard (try? trial.apply(trial.event(move, at: session.shownAt))) != nil else { return false }
        return trial.phase == .finished
    }

    // MARK: Drawing

    /// The smallest window the interviewer's screen is laid out for; below it one line asks for room.
    static let smallest = (columns: 40, rows: 12)
    var columns: Int { max(Self.smallest.columns, terminal.columns) }
    var rows: Int { max(Self.smallest.rows, terminal.rows) }
    var fits: Bool { terminal.columns >= Self.smallest.columns && terminal.rows >= Self.smallest.rows }
    /// The outline stands beside the question on a wide screen, and over it (Ctrl-O) on a narrow one.
    var outlineWidth: Int { columns >= 72 ? min(32, columns / 3) : 0 }
    var rightWidth: Int { outlineWidth == 0 ? columns - 2 : columns - outlineWidth - 3 }
    var currentMode: Mode { mode }
    var typing: LineEditor { editor }
    var notesScrolledBack: Int { notesBack }
    var currentWidget: (any Widget)? { widget }

    private mutating func draw(_ content: Frame) {
        frame = content
        terminal.write(writer.output(content))
    }
}

/// Who said a paragraph in a group discussion: `3: text` or `P3: text` is P3, `F: text` the facilitator.
enum Speakers {
    struct Problem: Error { var message: String }

    /// Only `3: `, `P3: ` or `F: ` (a colon, then a space) names a speaker: "1:1 sessions helped"
    /// and "5:30 is too late" are what was said.
    /// A typed paragraph as a stamped turn: with its speaker in a group discussion (refused when
    /// the speaker is not in the group), as typed otherwise. Both drivers keep notes so.
    static func turn(_ typed: String, group: Int?, at seconds: Double, words: ParticipantWords) -> Result<NoteTurn, Problem> {
        guard let group else { return .success(NoteTurn(at: seconds, speaker: nil, text: typed)) }
        return split(typed, group: group, words: words).map { NoteTurn(at: seconds, speaker: $0.0, text: $0.1) }
    }

    static func split(_ typed: String, group: Int, words: ParticipantWords = .forLanguage(nil)) -> Result<(String?, String), Problem> {
        guard let colon = typed.firstIndex(of: ":") else { return .success((nil, typed)) }
        let after = typed.index(after: colon)
        guard after == typed.endIndex || typed[after] == " " else { return .success((nil, typed)) }
        let prefix = typed[..<colon].trimmingCharacters(in: .whitespaces)
        let text = typed[typed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if prefix == "F" || prefix == "f" { return .success(("F", text)) }
        let digits = prefix.first == "P" || prefix.first == "p" ? String(prefix.dropFirst()) : prefix
        guard let n = Int(digits), !digits.isEmpty, digits.allSatisfy(\.isASCII) else { return .success((nil, typed)) }
        guard (1...group).contains(n) else {
            return .failure(Problem(message: words.speakerNotInGroup(n, group: group)))
        }
        return .success(("P\(n)", text))
    }
}
