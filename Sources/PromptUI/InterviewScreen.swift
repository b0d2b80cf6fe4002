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

    enum Mode: Equatable { case notes, probes, outline(Int), confirmEnd, confirmLeave }
    private var mode = Mode.notes
    /// The paragraph being typed, when its first key was pressed, and for which question.
    private var editor = LineEditor()
    private var lineStarted: Double?
    private var here: String?
    private var widget: (any Widget)?
    /// A move to make once the paragraph just kept is on disk.
    private var pending: Action?

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

    public mutating func ask(_ session: Session, problem: String?) -> Action {
        if let next = pending {
            pending = nil
            return next
        }
        guard let q = session.current else { return .leave }
        if here != q.id {
            here = q.id
            editor = LineEditor()
            lineStarted = nil
            widget = q.type == .open || q.type == .note ? nil : Widgets.make(for: q, session: session, width: rightWidth)
            if case .outline = mode {} else { mode = .notes }
        }
        var message = problem
        while true {
            draw(InterviewLayout(screen: self, session: session, question: q, message: message).frame())
            // Once a second with no key, the clocks on screen are brought up to date.
            guard let event = terminal.next(within: 1000) else { continue }
            switch event {
            case .resized: writer.invalidate()
            case .hangUp, .endOfInput: return .leave
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
            return key == .character("y") || key == .character("Y") || key == .ctrl("c") ? .leave : nil
        case .confirmEnd:
            mode = .notes
            guard key == .character("y") || key == .character("Y") else { return nil }
            return keepLine(session, q, then: .end, message: &message) ?? .end
        case .outline(let selected):
            let entries = InterviewLayout.outlineEntries(session)
            switch key {
            case .up: mode = .outline(max(0, selected - 1))
            case .down: mode = .outline(min(entries.count - 1, selected + 1))
            case .enter:
                mode = .notes
                guard entries.indices.contains(selected), entries[selected] != q.id else { return nil }
                return keepLine(session, q, then: .jump(entries[selected]), message: &message) ?? .jump(entries[selected])
            case .escape, .ctrl("o"): mode = .notes
            default: break
            }
            return nil
        case .probes:
            if case .character(let c) = key, let n = c.wholeNumberValue, let probes = q.probes, (1...probes.count).contains(n) {
                return .probe(n - 1, asked: !(session.probesAsked[q.id] ?? []).contains(n - 1))
            }
            if [.escape, .enter, .ctrl("p")].contains(key) { mode = .notes }
            return nil
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
        case .tab, .pageDown:
            guard let next = InterviewLayout.neighbour(of: q.id, in: session, by: 1) else {
                mode = .confirmEnd
                return nil
            }
            return keepLine(session, q, then: .jump(next), message: &message) ?? .jump(next)
        case .shiftTab, .pageUp:
            guard let previous = InterviewLayout.neighbour(of: q.id, in: session, by: -1) else {
                message = session.words.firstQuestion
                return nil
            }
            return keepLine(session, q, then: .jump(previous), message: &message) ?? .jump(previous)
        default:
            break
        }
        switch q.type {
        case .open:
            if key == .enter { return keepLine(session, q, then: nil, message: &message) }
            if editor.handle(key), lineStarted == nil, !editor.string.isEmpty { lineStarted = clock() }
            if editor.string.isEmpty { lineStarted = nil }
            return nil
        case .note, .calculate:
            return key == .enter ? .skip : nil
        default:
            guard var w = widget else { return nil }
            let outcome = w.handle(key)
            widget = w
            guard outcome == .submit else { return nil }
            switch w.answer() {
            case .success(let answer?): return .answer(answer)
            case .success(nil): return .skip
            case .failure(let p): message = p.message; return nil
            }
        }
    }

    /// Keeps the paragraph being typed, stamped with when it was begun; `then` follows once it
    /// is on disk. Nil when there is nothing to keep (or the speaker is not in the group).
    private mutating func keepLine(_ session: Session, _ q: Question, then next: Action?, message: inout String?) -> Action? {
        let typed = editor.string.trimmingCharacters(in: .whitespaces)
        guard q.type == .open, !typed.isEmpty else { return nil }
        let turn: NoteTurn
        switch Speakers.turn(typed, group: group, at: lineStarted ?? clock()) {
        case .success(let t): turn = t
        case .failure(let problem):
            message = problem.message
            return nil
        }
        let before: String
        if case .text(let t)? = session.answers[q.id]?.value { before = t } else { before = "" }
        editor = LineEditor()
        lineStarted = nil
        pending = next
        return .notes(NoteTurn.appending(turn, to: before))
    }

    // MARK: Drawing

    var columns: Int { max(40, terminal.columns) }
    var rows: Int { max(12, terminal.rows) }
    /// The outline stands beside the question on a wide screen, and over it (Ctrl-O) on a narrow one.
    var outlineWidth: Int { columns >= 72 ? min(32, columns / 3) : 0 }
    var rightWidth: Int { outlineWidth == 0 ? columns - 2 : columns - outlineWidth - 3 }
    var currentMode: Mode { mode }
    var typing: LineEditor { editor }
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
    static func turn(_ typed: String, group: Int?, at seconds: Double) -> Result<NoteTurn, Problem> {
        guard let group else { return .success(NoteTurn(at: seconds, speaker: nil, text: typed)) }
        return split(typed, group: group).map { NoteTurn(at: seconds, speaker: $0.0, text: $0.1) }
    }

    static func split(_ typed: String, group: Int) -> Result<(String?, String), Problem> {
        guard let colon = typed.firstIndex(of: ":") else { return .success((nil, typed)) }
        let after = typed.index(after: colon)
        guard after == typed.endIndex || typed[after] == " " else { return .success((nil, typed)) }
        let prefix = typed[..<colon].trimmingCharacters(in: .whitespaces)
        let text = typed[typed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if prefix == "F" || prefix == "f" { return .success(("F", text)) }
        let digits = prefix.first == "P" || prefix.first == "p" ? String(prefix.dropFirst()) : prefix
        guard let n = Int(digits), !digits.isEmpty, digits.allSatisfy(\.isASCII) else { return .success((nil, typed)) }
        guard (1...group).contains(n) else {
            return .failure(Problem(message: "P\(n) is not in this group: the speakers are P1 to P\(group), and F for the facilitator."))
        }
        return .success(("P\(n)", text))
    }
}
