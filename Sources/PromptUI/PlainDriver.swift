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
    /// A language chosen at the consent prompt, handed to the runner (`takeLanguageChange`).
    var languageChange: String?
    /// The rows of the matrix last given, offered again when it comes back with a message (a soft
    /// check), so that Enter through the rows gives the same answer rather than none.
    var lastMatrix: (question: String, rows: [String: Int])?

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

    /// A survey's title, description and how it is answered, said before its first question.
    private mutating func introduce(_ session: Session) {
        say(session.render(session.instrument.title))
        if let d = session.instrument.description { say(session.render(d).trimmed) }
        say()
        guard session.instrument.kind == .survey else { return }
        let settings = session.instrument.settings
        for line in session.words.howItWorks(typing: true, skip: settings.skipAll, back: settings.back, support: session.instrument.support != nil,
                                                      languages: session.instrument.languages.count > 1) {
            say(line)
        }
    }

    /// Nothing is asked: a script or screen reader goes straight on to the first question.
    public mutating func welcome(_ session: Session) -> Bool {
        if session.instrument.kind == .survey { introduce(session) }
        return true
    }

    /// Offers the languages, each named in itself, with "Choose your language" said in each;
    /// Enter alone keeps the session's language.
    public mutating func chooseLanguage(_ session: Session) -> String? {
        let codes = session.instrument.languages
        guard codes.count > 1 else { return session.language }
        while true {
            for code in codes { say(ParticipantWords.forLanguage(code, overrides: session.instrument.messages).chooseLanguage + ":") }
            for (i, code) in codes.enumerated() { say("  \(i + 1)  " + ParticipantWords.name(ofLanguage: code)) }
            guard let line = prompt()?.trimmed else { return nil }
            if line.isEmpty { return session.language }
            if line == "q" { return nil }
            if let n = Int(line), codes.indices.contains(n - 1) { return codes[n - 1] }
        }
    }

    /// L at a question or the review, in a study of several languages: the language chosen,
    /// when it is another one.
    private mutating func switchLanguage(_ session: Session, _ typed: String) -> String? {
        guard typed == "L" || typed == "l", session.instrument.languages.count > 1 else { return nil }
        let chosen = chooseLanguage(session)
        return chosen == session.language ? nil : chosen
    }

    public mutating func takeLanguageChange() -> String? {
        defer { languageChange = nil }
        return languageChange
    }

    /// `?` at any prompt: what can be typed there, and who to contact for support (the prompt's
    /// own instructions follow, as it asks again).
    private mutating func help(_ session: Session, _ q: Question?) {
        for line in session.words.plainKeys(skip: q == nil ? false : session.canSkip, back: q == nil ? false : session.canGoBack) {
            say("  " + line)
        }
        if session.instrument.languages.count > 1 { say("  " + session.words.helpLanguage) }
        if let support = session.supportLine { say(support) }
    }

    public mutating func consent(_ session: Session) -> Bool? {
        guard let consent = session.instrument.consent else { return true }
        introduce(session)
        if session.instrument.kind == .survey { say() }
        say(session.render(consent.text).trimmed)
        say()
        say("  1  " + session.render(consent.agree))
        say("  2  " + (consent.decline.map { session.render($0) } ?? session.words.notTakingPart))
        say(session.words.typeOneOrTwo)
        while true {
            guard let line = prompt()?.trimmed else { return nil }
            switch line {
            case "1": return true
            case "2": return false
            case "q": return nil
            case "?":
                help(session, nil)
                say(session.words.typeOneOrTwo)
            case "L" where session.instrument.languages.count > 1, "l" where session.instrument.languages.count > 1:
                if let code = switchLanguage(session, line) {
                    languageChange = code
                    return nil
                }
                say(session.words.typeOneOrTwo)
            default: refuse(session.words.typeOneToTakePart, session)
            }
        }
    }

    public mutating func ask(_ session: Session, problem: String?) -> Action {
        guard let q = session.current else { return .leave }
        if let problem {
            refuse(problem, session)
        } else {
            header(session, q)
            guide(session, q)
        }
        let choices = session.presentedChoices(q)
        if q.type == .matrix {
            if problem == nil || lastMatrix?.question != q.id { lastMatrix = nil }
            return matrix(q, choices, session)
        }
        while true {
            guard let line = prompt() else { return .leave }
            let text = line.trimmed
            switch text {
            case "q": return .leave
            case "<": return .back
            case "?":
                help(session, q)
                guide(session, q)
                continue
            case "L" where session.instrument.languages.count > 1, "l" where session.instrument.languages.count > 1:
                if let code = switchLanguage(session, text) { return .language(code) }
                continue
            // Enter alone sends what was typed into "Other" and kept as a draft, as it is offered.
            case "" where session.otherDrafts[q.id] != nil:
                if let kept = otherDraftAnswer(q, session) { return .answer(kept) }
            case "" where session.drafts[q.id] == nil: return session.answers[q.id].map(Action.answer) ?? .skip
            default: break
            }
            // Enter alone sends a draft kept from before, as the line under the question says.
            let typed = text.isEmpty ? session.drafts[q.id] ?? "" : line
            switch PlainInput.parse(typed.trimmed, question: q, choices: choices, session: session) {
            case .success(var answer):
                if needsOther(answer, q) {
                    switch otherText(q, session) {
                    case .text(let other): answer.other = other
                    case .again:
                        guide(session, q)
                        continue
                    case .leave: return .leave
                    }
                }
                if q.type == .open, let clock { return notes(first: line, q, session, clock: clock) }
                if q.type == .longText || q.type == .open { return longText(first: typed, sending: text.isEmpty) }
                // Unticking a choice whose instance holds answers removes them: asked first.
                // An interviewer's instances hold notes too: the interviewer is told so.
                if let warning = clock == nil ? session.removalWarning(ifAnswered: answer) : session.interviewRemovalWarning(ifAnswered: answer) {
                    say(warning + " " + session.words.repeatRemoveKeys(typing: true))
                    guard let reply = prompt() else { return .leave }
                    if !reply.trimmed.isEmpty {
                        guide(session, q)
                        continue
                    }
                }
                return .answer(answer)
            case .failure(let problem):
                refuse(problem.message, session)
            }
        }
    }

    /// A refusal, in words (no "!" to be read out), with the short reminder that `?` says the rest.
    private mutating func refuse(_ problem: String, _ session: Session) {
        say(problem + " " + session.words.plainReminder)
    }

    /// What to do at the prompt: keep the answer or draft given before, or else what to type.
    /// Each on a line of its own, so that a long text given before is not run into the words after it.
    private mutating func guide(_ session: Session, _ q: Question) {
        if let kept = otherDraftAnswer(q, session) {
            say(session.words.draftKept(PlainInput.describe(kept, q, session)))
            say(session.words.plainSendDraft)
        } else if let draft = session.drafts[q.id] {
            say(session.words.draftKept(draft))
            say(session.words.plainSendDraft)
        } else if let given = session.answers[q.id] {
            say(session.words.givenAnswer(PlainInput.describe(given, q, session)))
            say(session.words.plainKeepAnswer)
        } else if let typing = session.words.typingHelp(for: q) {
            say(typing)
        }
    }

    public mutating func finished(_ session: Session, outcome: SessionOutcome) {
        say()
        switch outcome {
        case .completed:
            if let end = session.instrument.end { say(session.render(end).trimmed) }
            say(session.savedLine)
        case .declined:
            // The closing text thanks people for taking part: not said to someone who did not.
            say(session.words.declined)
            if let support = session.supportLine { say(support) }
        case .interrupted:
            say(session.words.savedForLater)
        }
    }

    private mutating func header(_ session: Session, _ q: Question) {
        say()
        var title: String?
        if let (section, ids) = session.sectionAsked(q.id), ids.first == q.id {
            title = section.title.map { session.render($0) }
            if let title { say(session.words.plainSection(title)) }
            if let intro = section.intro { say(session.render(intro).trimmed) }
        }
        if let caption = session.instanceCaptionText(under: title) { say(caption) }
        if let position = session.routePosition { say(session.words.plainQuestion(position.number, of: position.total)) }
        say(session.render(q.text).trimmed + (q.required ? session.words.required : ""))
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
    }

    private enum OtherReply { case text(String), again, leave }

    /// What "Other" is, asked on its own prompt, where the keys of every prompt hold too: `q`
    /// leaves, `<` asks the question again, `?` helps (they were kept as the text). Enter alone
    /// sends a draft typed into "Other" before, which is offered.
    private mutating func otherText(_ q: Question, _ session: Session) -> OtherReply {
        let draft = session.otherDrafts[q.id]
        while true {
            say(session.words.askWhatOtherIs(session.render(q.other?.label)))
            if let draft {
                say(session.words.draftKept(draft))
                say(session.words.plainSendDraft)
            }
            guard let line = prompt()?.trimmed else { return .leave }
            switch line {
            case "q": return .leave
            case "<": return .again
            case "?": help(session, q)
            case "": return .text(draft ?? "")
            default: return .text(line)
            }
        }
    }

    /// The answer a draft typed into "Other" (on the full screen, before leaving) stands for:
    /// Other chosen, beside what was ticked before in a multiple choice, with the text typed.
    private func otherDraftAnswer(_ q: Question, _ session: Session) -> Answer? {
        guard let draft = session.otherDrafts[q.id], let code = q.other?.value else { return nil }
        guard q.type == .multiple else { return Answer(.choice(code), other: draft) }
        var ticked: [Int] = []
        if case .choices(let given)? = session.answers[q.id]?.value { ticked = given.filter { $0 != code } }
        return Answer(.choices(ticked + [code]), other: draft)
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
            switch Speakers.turn(typed, group: group, at: clock(), words: session.words) {
            case .success(let turn): kept = NoteTurn.appending(turn, to: kept)
            case .failure(let problem): refuse(problem.message, session)
            }
            line = readLine()
        }
        return .answer(Answer(.text(kept)))
    }

    /// Several lines, ending at an empty line. The end of input (Ctrl-D, or Ctrl-C, which ends
    /// it) keeps the lines typed as a draft and leaves: they were never sent. A draft sent whole
    /// (`sending`) is the answer at once.
    private mutating func longText(first: String, sending: Bool) -> Action {
        if sending { return .answer(Answer(.text(first.trimmed))) }
        var lines = [first]
        while true {
            guard let line = readLine() else { return .keepingDraft(lines.joined(separator: "\n"), then: .leave) }
            if line.trimmed.isEmpty { break }
            lines.append(line)
        }
        return .answer(Answer(.text(lines.joined(separator: "\n").trimmed)))
    }

    /// The review before sending, as a numbered list: a number goes back to change that answer
    /// (then the list comes again), Enter sends.
    public mutating func review(_ session: Session, problem: String?) -> Action {
        let items = session.reviewItems
        say()
        if let problem { refuse(problem, session) }
        say(session.words.reviewIntro)
        for (i, item) in items.enumerated() {
            guard let q = session.question(item.question) else { continue }
            // One line per question, so that the list stays a list (a long text's lines joined).
            let answer = item.answer.map { PlainInput.describe($0, q, session).split(whereSeparator: \.isNewline).joined(separator: " ") }
            say("  " + session.words.plainReviewItem(i + 1, session.reviewText(item), answer: answer))
        }
        let canChange = session.reviewCanChange
        say(session.words.reviewTyping(canChange: canChange))
        while true {
            guard let line = prompt()?.trimmed else { return .leave }
            switch line {
            case "": return .submit
            case "q": return .leave
            case "?":
                help(session, nil)
                say(session.words.reviewTyping(canChange: canChange))
                continue
            case "L" where session.instrument.languages.count > 1, "l" where session.instrument.languages.count > 1:
                if let code = switchLanguage(session, line) { return .language(code) }
                continue
            case "<" where canChange: return .back
            default: break
            }
            if canChange, let n = Int(line), items.indices.contains(n - 1) { return .jump(items[n - 1].question) }
            refuse(canChange ? session.words.reviewPosition(items.count) : session.words.noGoingBack, session)
        }
    }

    /// A matrix asks one row at a time; Enter leaves a row unanswered (or keeps its earlier answer).
    private mutating func matrix(_ q: Question, _ choices: [Choice], _ session: Session) -> Action {
        var earlier: [String: Int] = lastMatrix?.rows ?? [:]
        if lastMatrix == nil, case .rows(let given)? = session.answers[q.id]?.value { earlier = given }
        var rows: [String: Int] = [:]
        let all = q.rows ?? []
        var at = 0
        while at < all.count {
            let row = all[at]
            say(session.words.plainMatrixRow(session.render(row.text), count: choices.count))
            guard let line = prompt()?.trimmed else { return .leave }
            if line == "q" { return .leave }
            // Back goes to the row before, as on the full screen; from the first row, to the question before.
            if line == "<" {
                if at == 0 { return .back }
                at -= 1
                continue
            }
            if let code = switchLanguage(session, line) { return .language(code) }
            if line == "?" {
                help(session, q)
                continue
            }
            if line.isEmpty {
                rows[row.id] = rows[row.id] ?? earlier[row.id]
                at += 1
            } else if let n = Int(line), (1...choices.count).contains(n) {
                rows[row.id] = choices[n - 1].value
                at += 1
            } else {
                refuse(session.words.rowPosition(choices.count), session)
            }
        }
        lastMatrix = (q.id, rows)
        return rows.isEmpty ? .skip : .answer(Answer(.rows(rows)))
    }

    /// Plain mode asks again from the start: the answer is typed again (Enter alone for none).
    public func softCheckHint(_ words: ParticipantWords) -> String { words.softKeepPlain }
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
        case .time:
            return session.words.time(text).map { Answer(.time($0)) }
        case .datetime:
            return session.words.datetime(text).map { Answer(.datetime($0)) }
        case .text, .longText, .open:
            return .success(Answer(.text(text)))
        case .matrix:
            return .success(Answer(.rows([:])))
        case .note, .calculate, .hidden:
            return .failure(AnswerProblem(session.words.pressEnterToContinue))
        }
    }

    static func describe(_ answer: Answer, _ q: Question, _ session: Session) -> String {
        func label(_ code: Int) -> String { session.render(q.allChoices.first { $0.value == code }?.label) }
        // What "Other" is comes after the choices, as it was typed after them.
        let other = answer.other.map { ": " + $0 } ?? ""
        switch answer.value {
        case .choice(let c): return label(c) + other
        case .choices(let c), .ranking(let c): return c.map(label).joined(separator: ", ") + other
        case .number(let n): return session.words.formatted(n)
        case .text(let t): return t
        case .date(let d), .time(let d): return d
        case .datetime(let d): return DateTimeValue.readable(d)
        case .rows(let rows): return session.words.rowsAnswered(rows.count, of: q.rows?.count ?? 0)
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
