import Expressions
import InstrumentModel
import SessionEngine

/// Lines in and out: standard input and output in real use, strings in tests.
public protocol LineIO {
    /// The next line without its newline; nil at end of input.
    mutating func readLine() -> String?
    mutating func write(_ text: String)
}

/// The screen-reader and scripting driver: numbered prompts, one per line, no cursor movement.
/// At every prompt: Enter alone skips (where allowed), `<` goes back, `q` saves and leaves;
/// the end of input also saves and leaves.
public struct PlainDriver<IO: LineIO>: SessionDriver {
    public var io: IO
    /// Seconds since the interview started, to stamp each paragraph of notes as the interviewer's
    /// screen does; nil outside interviews.
    let clock: (() -> Double)?
    /// A group discussion's size: speakers are P1 to Pn and F, as on the interviewer's screen.
    let group: Int?

    public init(io: IO, clock: (() -> Double)? = nil, group: Int? = nil) {
        self.io = io
        self.clock = clock
        self.group = group
    }

    /// Every line the driver shows goes out here, made safe (`SafeText`): instrument texts, piped
    /// and given answers and messages alike, whatever transport `io` is.
    mutating func say(_ text: String = "") { io.write(SafeText.escaped(text) + "\n") }

    mutating func prompt() -> String? {
        io.write("> ")
        return readLine()
    }

    /// Every line the driver reads comes in here, without controls: a pasted escape sequence,
    /// BEL or backspace is left out of the answer (tabs are kept; each line is one line).
    private mutating func readLine() -> String? {
        io.readLine().map { SafeText.removingControls($0, keeping: .tab) }
    }

    public mutating func consent(_ session: Session) -> Bool? {
        guard let consent = session.instrument.consent else { return true }
        say(session.render(session.instrument.title))
        if let d = session.instrument.description { say(session.render(d).trimmed) }
        say()
        say(session.render(consent.text).trimmed)
        say()
        say("  1  " + session.render(consent.agree))
        say("  2  " + (consent.decline.map { session.render($0) } ?? session.words.notTakingPart))
        while true {
            say(session.words.typeOneOrTwo)
            guard let line = prompt()?.trimmed else { return nil }
            switch line {
            case "1": return true
            case "2": return false
            case "q": return nil
            default: say("  ! " + session.words.typeOneToTakePart)
            }
        }
    }

    public mutating func ask(_ session: Session, problem: String?) -> Action {
        guard let q = session.current else { return .leave }
        if let problem {
            say("  ! " + problem)
        } else {
            header(session, q)
        }
        let choices = session.presentedChoices(q)
        if q.type == .matrix { return matrix(q, choices, session) }
        while true {
            say(instructions(q, session))
            guard let line = prompt() else { return .leave }
            let text = line.trimmed
            switch text {
            case "q": return .leave
            case "<": return .back
            case "": return session.answers[q.id].map(Action.answer) ?? .skip
            default: break
            }
            switch PlainInput.parse(text, question: q, choices: choices, session: session) {
            case .success(var answer):
                if needsOther(answer, q) {
                    say(session.words.askWhatOtherIs(session.render(q.other?.label)))
                    guard let other = prompt() else { return .leave }
                    answer.other = other.trimmed
                }
                if q.type == .open, let clock { return notes(first: line, q, session, clock: clock) }
                if q.type == .longText || q.type == .open { return .answer(longText(first: line)) }
                return .answer(answer)
            case .failure(let problem):
                say("  ! " + problem.message)
            }
        }
    }

    public mutating func finished(_ session: Session, outcome: SessionOutcome) {
        say()
        switch outcome {
        case .completed:
            if let end = session.instrument.end { say(session.render(end).trimmed) }
            say(session.words.saved)
        case .declined:
            // The closing text thanks people for taking part: not said to someone who did not.
            say(session.words.declined)
        case .interrupted:
            say(session.words.savedForLater)
        }
    }

    private mutating func header(_ session: Session, _ q: Question) {
        say()
        if let section = session.instrument.sections.first(where: { $0.questions.first?.id == q.id }) {
            if let title = section.title { say("== " + session.render(title) + " ==") }
            if let intro = section.intro { say(session.render(intro).trimmed) }
        }
        let counter = session.routePosition.map { "[\($0.number)/\($0.total)] " } ?? ""
        say(counter + session.render(q.text).trimmed + (q.required ? session.words.required : ""))
        if let help = q.help { say(session.render(help).trimmed) }
        if let instructions = q.instructions { say(session.words.interviewer(session.render(instructions).trimmed)) }
        for probe in q.probes ?? [] { say("  " + session.words.probe(session.render(probe).trimmed)) }
        if q.sensitive {
            say(session.words.personal(typing: true))
        }
        if let limits = session.words.limits(for: q, today: session.today) { say(limits) }
        if q.type != .matrix {
            let choices = session.presentedChoices(q)
            let byValue = Widgets.isNumericScale(q, choices) { session.render($0.label) }
            for (i, c) in choices.enumerated() {
                let label = session.render(c.label)
                // A numeric scale is answered by its own values: 0 is 0, never "1".
                if byValue { say("  \(c.value)" + (label == String(c.value) ? "" : "  " + label)) } else { say("  \(i + 1)  " + label) }
            }
        }
        if q.type == .matrix {
            say(session.words.eachStatement)
            for (i, c) in session.presentedChoices(q).enumerated() { say("  \(i + 1)  " + session.render(c.label)) }
        }
        if let given = session.answers[q.id] {
            say(session.words.givenAnswer(PlainInput.describe(given, q, session)))
        }
    }

    private func instructions(_ q: Question, _ session: Session) -> String {
        session.words.typingHelp(for: q, canSkip: session.canSkip, canGoBack: session.canGoBack)
    }

    private func needsOther(_ answer: Answer, _ q: Question) -> Bool {
        guard let code = q.other?.value else { return false }
        switch answer.value {
        case .choice(let c): return c == code
        case .choices(let c): return c.contains(code)
        default: return false
        }
    }

    /// Interview notes in plain mode, by the interviewer's screen's rules: each line a paragraph
    /// stamped with when it was typed, `N: `, `PN: ` or `F: ` naming a speaker of the group (one
    /// outside it is refused and typed again); an empty line keeps them and moves on.
    private mutating func notes(first: String, _ q: Question, _ session: Session, clock: () -> Double) -> Action {
        var kept: String
        if case .text(let t)? = session.answers[q.id]?.value { kept = t } else { kept = "" }
        var line: String? = first
        while let typed = line?.trimmed, !typed.isEmpty {
            switch Speakers.turn(typed, group: group, at: clock()) {
            case .success(let turn): kept = NoteTurn.appending(turn, to: kept)
            case .failure(let problem): say("  ! " + problem.message)
            }
            line = readLine()
        }
        return .answer(Answer(.text(kept)))
    }

    /// Several lines, ending at an empty line or the end of input.
    private mutating func longText(first: String) -> Answer {
        var lines = [first]
        while let line = readLine(), !line.trimmed.isEmpty { lines.append(line) }
        return Answer(.text(lines.joined(separator: "\n").trimmed))
    }

    /// A matrix asks one row at a time; Enter leaves a row unanswered (or keeps its earlier answer).
    private mutating func matrix(_ q: Question, _ choices: [Choice], _ session: Session) -> Action {
        var earlier: [String: Int] = [:]
        if case .rows(let given)? = session.answers[q.id]?.value { earlier = given }
        var rows: [String: Int] = [:]
        for row in q.rows ?? [] {
            while true {
                say("  " + session.render(row.text) + " (1-\(choices.count)):")
                guard let line = prompt()?.trimmed else { return .leave }
                if line == "q" { return .leave }
                if line == "<" { return .back }
                if line.isEmpty {
                    rows[row.id] = earlier[row.id]
                    break
                }
                if let n = Int(line), (1...choices.count).contains(n) {
                    rows[row.id] = choices[n - 1].value
                    break
                }
                say("  ! " + session.words.rowPosition(choices.count))
            }
        }
        return rows.isEmpty ? .skip : .answer(Answer(.rows(rows)))
    }
}

/// Parsing what is typed at a plain prompt.
enum PlainInput {
    static func parse(_ text: String, question q: Question, choices: [Choice], session: Session) -> Result<Answer, AnswerProblem> {
        func positions() -> [Int]? {
            let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            let numbers = parts.compactMap(Int.init)
            guard numbers.count == parts.count, numbers.allSatisfy({ (1...choices.count).contains($0) }) else { return nil }
            return numbers.map { choices[$0 - 1].value }
        }
        let range = session.words.typePosition(choices.count)
        if Widgets.isNumericScale(q, choices, { session.render($0.label) }), let lo = choices.first?.value, let hi = choices.last?.value {
            let typed = Int(text.trimmingCharacters(in: .whitespaces))
            guard let typed, choices.contains(where: { $0.value == typed }) else {
                return .failure(AnswerProblem(session.words.typeValue(min(lo, hi), max(lo, hi))))
            }
            return .success(Answer(.choice(typed)))
        }
        switch q.type {
        case .single, .scale:
            guard let codes = positions(), codes.count == 1 else { return .failure(AnswerProblem(range)) }
            return .success(Answer(.choice(codes[0])))
        case .multiple:
            guard let codes = positions() else { return .failure(AnswerProblem(session.words.typePositions(choices.count))) }
            return .success(Answer(.choices(codes)))
        case .ranking:
            guard let codes = positions() else { return .failure(AnswerProblem(session.words.typePositions(choices.count))) }
            return .success(Answer(.ranking(codes)))
        case .number:
            return session.words.number(text).map { Answer(.number($0)) }
        case .date:
            return session.words.date(text, precision: q.precision ?? .day).map { Answer(.date($0)) }
        case .text, .longText, .open:
            return .success(Answer(.text(text)))
        case .matrix:
            return .success(Answer(.rows([:])))
        case .note, .calculate:
            return .failure(AnswerProblem(session.words.pressEnterToContinue))
        }
    }

    static func describe(_ answer: Answer, _ q: Question, _ session: Session) -> String {
        func label(_ code: Int) -> String { session.render(q.allChoices.first { $0.value == code }?.label) }
        switch answer.value {
        case .choice(let c): return label(c)
        case .choices(let c), .ranking(let c): return c.map(label).joined(separator: ", ")
        case .number(let n): return Printer.number(n)
        case .text(let t): return t
        case .date(let d): return d
        case .rows(let rows): return "\(rows.count) of \(q.rows?.count ?? 0) rows"
        }
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
