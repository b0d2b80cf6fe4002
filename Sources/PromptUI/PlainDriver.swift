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

    public init(io: IO) {
        self.io = io
    }

    private mutating func say(_ text: String = "") { io.write(text + "\n") }

    private mutating func prompt() -> String? {
        io.write("> ")
        return io.readLine()
    }

    public mutating func consent(_ session: Session) -> Bool? {
        guard let consent = session.instrument.consent else { return true }
        say(session.render(session.instrument.title))
        if let d = session.instrument.description { say(session.render(d).trimmed) }
        say()
        say(session.render(consent.text).trimmed)
        say()
        say("  1  " + session.render(consent.agree))
        say("  2  " + (consent.decline.map { session.render($0) } ?? "I do not want to take part"))
        while true {
            say("Type 1 or 2.")
            guard let line = prompt()?.trimmed else { return nil }
            switch line {
            case "1": return true
            case "2": return false
            case "q": return nil
            default: say("  ! Please type 1 to take part or 2 not to.")
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
                    say("Please say what \"\(session.render(q.other?.label))\" is:")
                    guard let other = prompt() else { return .leave }
                    answer.other = other.trimmed
                }
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
            say("Your answers have been saved. Thank you.")
        case .declined:
            say("You chose not to take part. Nothing you typed has been kept. Thank you for your time.")
            if let end = session.instrument.end { say(session.render(end).trimmed) }
        case .interrupted:
            say("Your answers so far are saved. You can carry on later with: fieldwork resume")
        }
    }

    private mutating func header(_ session: Session, _ q: Question) {
        say()
        if let section = session.instrument.sections.first(where: { $0.questions.first?.id == q.id }) {
            if let title = section.title { say("== " + session.render(title) + " ==") }
            if let intro = section.intro { say(session.render(intro).trimmed) }
        }
        let counter = session.routePosition.map { "[\($0.number)/\($0.total)] " } ?? ""
        say(counter + session.render(q.text).trimmed + (q.required ? " (required)" : ""))
        if let help = q.help { say(session.render(help).trimmed) }
        if let instructions = q.instructions { say("Interviewer: " + session.render(instructions).trimmed) }
        for probe in q.probes ?? [] { say("  Probe: " + session.render(probe).trimmed) }
        if q.sensitive {
            say("This question is personal. You can skip it: press Enter without typing anything.")
        }
        if q.type != .matrix {
            for (i, c) in session.presentedChoices(q).enumerated() {
                say("  \(i + 1)  " + session.render(c.label))
            }
        }
        if q.type == .matrix {
            say("For each statement, type the number of your answer (Enter leaves it unanswered):")
            for (i, c) in session.presentedChoices(q).enumerated() { say("  \(i + 1)  " + session.render(c.label)) }
        }
        if let given = session.answers[q.id] {
            say("Your answer: \(PlainInput.describe(given, q, session)). Press Enter to keep it, or type a new one.")
        }
    }

    private func instructions(_ q: Question, _ session: Session) -> String {
        let skip = session.canSkip ? "Enter to skip, " : ""
        let back = session.canGoBack ? "< to go back, " : ""
        let tail = "\(skip)\(back)q to save and leave."
        switch q.type {
        case .note: return "Press Enter to continue, \(back)q to save and leave."
        case .single, .scale: return "Type the number of your answer. " + tail
        case .multiple: return "Type the numbers of all that apply, separated by spaces. " + tail
        case .ranking: return "Type the numbers in order, most important first, separated by spaces. " + tail
        case .matrix: return tail
        case .number:
            let range: String
            switch (q.min, q.max) {
            case (let lo?, let hi?): range = " from \(PlainInput.format(lo)) to \(PlainInput.format(hi))"
            case (let lo?, nil): range = " of \(PlainInput.format(lo)) or more"
            case (nil, let hi?): range = " up to \(PlainInput.format(hi))"
            default: range = ""
            }
            return "Type a number\(range). " + tail
        case .date: return "Type a date as \(TextEntry.datePattern(q.precision ?? .day)). " + tail
        case .longText, .open: return "Type your answer; finish with an empty line. " + tail
        case .text, .calculate: return "Type your answer. " + tail
        }
    }

    private func needsOther(_ answer: Answer, _ q: Question) -> Bool {
        guard let code = q.other?.value else { return false }
        switch answer.value {
        case .choice(let c): return c == code
        case .choices(let c): return c.contains(code)
        default: return false
        }
    }

    /// Several lines, ending at an empty line or the end of input.
    private mutating func longText(first: String) -> Answer {
        var lines = [first]
        while let line = io.readLine(), !line.trimmed.isEmpty { lines.append(line) }
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
                say("  ! Please type a number from 1 to \(choices.count), or Enter to leave it.")
            }
        }
        return rows.isEmpty ? .skip : .answer(Answer(.rows(rows)))
    }
}

/// Parsing what is typed at a plain prompt.
enum PlainInput {
    static func format(_ n: Double) -> String { Printer.number(n) }

    static func parse(_ text: String, question q: Question, choices: [Choice], session: Session) -> Result<Answer, AnswerProblem> {
        func positions() -> [Int]? {
            let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            let numbers = parts.compactMap(Int.init)
            guard numbers.count == parts.count, numbers.allSatisfy({ (1...choices.count).contains($0) }) else { return nil }
            return numbers.map { choices[$0 - 1].value }
        }
        let range = "Please type a number from 1 to \(choices.count)."
        switch q.type {
        case .single, .scale:
            guard let codes = positions(), codes.count == 1 else { return .failure(AnswerProblem(range)) }
            return .success(Answer(.choice(codes[0])))
        case .multiple:
            guard let codes = positions() else { return .failure(AnswerProblem("Please type numbers from 1 to \(choices.count), separated by spaces.")) }
            return .success(Answer(.choices(codes)))
        case .ranking:
            guard let codes = positions() else { return .failure(AnswerProblem("Please type numbers from 1 to \(choices.count), separated by spaces.")) }
            return .success(Answer(.ranking(codes)))
        case .number:
            guard let n = TextEntry.number(text) else { return .failure(AnswerProblem("Please type a number, such as 42.")) }
            return .success(Answer(.number(n)))
        case .date:
            let precision = q.precision ?? .day
            guard let d = TextEntry.date(text, precision: precision) else {
                return .failure(AnswerProblem("Please write the date as \(TextEntry.datePattern(precision))."))
            }
            return .success(Answer(.date(d)))
        case .text, .longText, .open:
            return .success(Answer(.text(text)))
        case .matrix:
            return .success(Answer(.rows([:])))
        case .note, .calculate:
            return .failure(AnswerProblem("Press Enter to continue."))
        }
    }

    static func describe(_ answer: Answer, _ q: Question, _ session: Session) -> String {
        func label(_ code: Int) -> String { session.render(q.allChoices.first { $0.value == code }?.label) }
        switch answer.value {
        case .choice(let c): return label(c)
        case .choices(let c), .ranking(let c): return c.map(label).joined(separator: ", ")
        case .number(let n): return format(n)
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
