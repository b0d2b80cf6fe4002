import Foundation
import Expressions
import InstrumentModel

/// Where a session stands.
public enum Phase: Sendable, Equatable {
    case consent
    case question(String)
    case finished
    case declined
}

/// Time and visits per question, for paradata.
public struct QuestionTiming: Sendable, Equatable, Codable {
    public var seconds: Double
    public var visits: Int

    public init(seconds: Double = 0, visits: Int = 0) {
        self.seconds = seconds
        self.visits = visits
    }
}

/// One participant's session as a pure value: every change is a method that returns a problem
/// or moves the state on. It reads no clock and draws no randomness of its own: times come in
/// as arguments (seconds since the session started), and shuffles come from the seed.
public struct Session: Sendable {
    public let instrument: Instrument
    public let seed: UInt64
    public let language: String?
    /// Today, in days since 1970-01-01, for `today()` and date limits.
    public let today: Int
    /// Presented questions (not calculations) in the order they are asked, after shuffles.
    public let order: [String]

    public private(set) var phase: Phase
    public private(set) var answers: [String: Answer] = [:]
    /// Questions seen and left unanswered (as opposed to never asked).
    public private(set) var skipped: Set<String> = []
    public private(set) var calculated: [String: Value] = [:]
    public private(set) var timing: [String: QuestionTiming] = [:]
    /// How many times the participant went back.
    public private(set) var returns = 0
    /// In interviews: the probes of each question ticked as asked (0-based, ascending).
    public private(set) var probesAsked: [String: [Int]] = [:]
    private var history: [String] = []
    /// When the current question was shown (seconds since the session started).
    public private(set) var shownAt: Double = 0
    private var visible: Set<String> = []

    let questions: [String: Question]
    private let expressions: InstrumentExpressions

    public init(instrument: Instrument, seed: UInt64, language: String? = nil, today: Int) {
        self.instrument = instrument
        self.seed = seed
        self.language = language ?? instrument.languages.first
        self.today = today
        var order: [String] = []
        for section in instrument.sections {
            var ids = section.questions.filter { $0.type != .calculate }.map(\.id)
            if section.shuffle {
                var random = SeededRandom.derived(seed: seed, for: "section:" + section.id)
                ids.shuffle(using: &random)
            }
            order += ids
        }
        questions = instrument.questionsByID
        self.order = order
        expressions = InstrumentExpressions(salvaging: instrument)
        phase = instrument.consent == nil ? .finished : .consent
        refresh()
        if instrument.consent == nil { phase = first().map(Phase.question) ?? .finished }
        if case .question(let id) = phase { arrive(at: id, time: 0) }
    }

    // MARK: Reading the state

    public func question(_ id: String) -> Question? { questions[id] }

    public var current: Question? {
        guard case .question(let id) = phase else { return nil }
        return questions[id]
    }

    public func isVisible(_ id: String) -> Bool { visible.contains(id) }

    /// The instrument's expressions that could not be read: empty unless its compiled file is
    /// damaged (a loaded file is checked, see `CompiledInstrument`). A damaged condition never
    /// holds, so what it guards is hidden rather than asked; this says so to whoever runs the session.
    public var damagedExpressions: [DamagedExpression] { expressions.damaged }

    /// Questions that take an answer and are asked on the current route.
    private var reachable: [String] {
        order.filter { visible.contains($0) && questions[$0]?.type != .note }
    }

    /// Answered or skipped against all questions still on the route.
    public var progress: (done: Int, total: Int) {
        let route = reachable
        return (route.filter { answers[$0] != nil || skipped.contains($0) }.count, route.count)
    }

    /// The current question's place among the questions on the route (1-based), and how many there are.
    public var routePosition: (number: Int, total: Int)? {
        guard case .question(let id) = phase else { return nil }
        let route = reachable
        return route.firstIndex(of: id).map { ($0 + 1, route.count) }
    }

    public var canGoBack: Bool {
        instrument.settings.back && history.contains { visible.contains($0) }
    }

    /// Whether the current question may be left unanswered.
    public var canSkip: Bool {
        guard let q = current else { return false }
        return q.type == .note || (!q.required && instrument.settings.skipAll)
    }

    /// The choices of a question as presented: shuffled if asked (choices marked missing or
    /// exclusive, and "Other", stay last), and only those whose condition holds.
    public func presentedChoices(_ q: Question) -> [Choice] {
        var main = (q.choices ?? []).filter { !$0.missing && !$0.exclusive }
        let fixed = (q.choices ?? []).filter { $0.missing || $0.exclusive }
        if q.shuffle == true {
            var random = SeededRandom.derived(seed: seed, for: "choices:" + q.id)
            main.shuffle(using: &random)
        }
        let all = main + fixed + (q.other.map { [$0] } ?? [])
        return all.filter { choice in
            guard let condition = expressions.condition(.choiceShowIf(question: q.id, choice: choice.value)) else { return true }
            return Evaluator.isTrue(condition, in: context())
        }
    }

    func conditionValid(_ id: String) -> Expr? { expressions.condition(.validIf(question: id)) }

    func context(candidate: (String, Answer)? = nil) -> AnswerContext {
        AnswerContext(questions: questions, answers: answers, calculated: calculated, today: today,
                      candidate: candidate.map { (id: $0.0, answer: $0.1) })
    }

    /// A text with earlier answers piped in: labels of choices, values of anything else, a dash when unanswered.
    public func render(_ text: LocalizedText?) -> String {
        guard let text else { return "" }
        return Piping.render(text.text(in: language), session: self)
    }

    // MARK: Changing the state

    public mutating func agree(at time: Double) {
        guard phase == .consent else { return }
        phase = first().map(Phase.question) ?? .finished
        if case .question(let id) = phase { arrive(at: id, time: time) }
    }

    /// Declining ends the session; nothing of it is kept but the fact.
    public mutating func decline() {
        guard phase == .consent else { return }
        answers = [:]
        skipped = []
        phase = .declined
    }

    /// Checks and keeps an answer to the current question, then moves on. Free text is redacted
    /// first, so that what was typed never enters the state; the answer as kept is returned.
    @discardableResult
    public mutating func answer(_ given: Answer, at time: Double) throws(AnswerProblem) -> Answer {
        guard let q = current else { throw AnswerProblem(words.noQuestionToAnswer) }
        let answer = Redactor.forQuestion(q, in: instrument).apply(given)
        if let problem = Validation.problem(with: answer, for: q, in: self) { throw problem }
        leave(q.id, time: time)
        answers[q.id] = answer
        skipped.remove(q.id)
        refresh()
        advance(from: q.id, time: time)
        return answer
    }

    /// Leaves the current question unanswered and moves on (a note is simply read).
    public mutating func skip(at time: Double) throws(AnswerProblem) {
        guard let q = current else { throw AnswerProblem(words.noQuestionToSkip) }
        guard canSkip else { throw AnswerProblem(words.needsAnAnswer) }
        leave(q.id, time: time)
        if q.type != .note {
            answers[q.id] = nil
            skipped.insert(q.id)
        }
        refresh()
        advance(from: q.id, time: time)
    }

    /// Goes back to the previous question still on the route.
    public mutating func back(at time: Double) throws(AnswerProblem) {
        guard instrument.settings.back else { throw AnswerProblem(words.noGoingBack) }
        guard case .question(let id) = phase else { throw AnswerProblem(words.nothingToGoBackTo) }
        while let previous = history.popLast() {
            guard visible.contains(previous), previous != id else { continue }
            spend(on: id, until: time)
            returns += 1
            phase = .question(previous)
            shownAt = time
            timing[previous, default: QuestionTiming()].visits += 1
            return
        }
        throw AnswerProblem(words.firstQuestion)
    }

    // MARK: The interviewer's moves (interview guides)

    /// Moves straight to another question on the route, forwards or back.
    public mutating func jump(to id: String, at time: Double) throws(AnswerProblem) {
        guard case .question(let here) = phase else { throw AnswerProblem(words.noInterview) }
        guard visible.contains(id), questions[id] != nil else { throw AnswerProblem(words.notOnRoute) }
        guard id != here else { return }
        leave(here, time: time)
        phase = .question(id)
        arrive(at: id, time: time)
    }

    /// Keeps the notes of the current open question without moving on; empty notes are none.
    /// They are redacted first, as answers are; the text as kept is returned.
    @discardableResult
    public mutating func setNotes(_ given: String, at time: Double) throws(AnswerProblem) -> String {
        guard let q = current, q.type == .open else { throw AnswerProblem(words.notesOnOpenQuestions) }
        let text = Redactor.forQuestion(q, in: instrument).redact(given)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        answers[q.id] = trimmed.isEmpty ? nil : Answer(.text(trimmed))
        if !trimmed.isEmpty { skipped.remove(q.id) }
        refresh()
        return text
    }

    /// Ticks (or unticks) a probe of the current question as asked.
    public mutating func tickProbe(_ index: Int, asked: Bool) throws(AnswerProblem) {
        guard let q = current, let probes = q.probes, probes.indices.contains(index) else {
            throw AnswerProblem(words.noSuchProbe)
        }
        var ticked = Set(probesAsked[q.id] ?? [])
        if asked { ticked.insert(index) } else { ticked.remove(index) }
        probesAsked[q.id] = ticked.isEmpty ? nil : ticked.sorted()
    }

    /// Ends the interview where it stands: questions not reached stay unasked.
    public mutating func end(at time: Double) {
        guard case .question(let id) = phase else { return }
        leave(id, time: time)
        phase = .finished
    }

    /// Leaving a question forwards: its time is counted and it becomes a place to come back to.
    private mutating func leave(_ id: String, time: Double) {
        spend(on: id, until: time)
        history.removeAll { $0 == id }
        history.append(id)
    }

    private mutating func spend(on id: String, until time: Double) {
        timing[id, default: QuestionTiming()].seconds += max(0, time - shownAt)
    }

    private mutating func arrive(at id: String, time: Double) {
        shownAt = time
        timing[id, default: QuestionTiming()].visits += 1
    }

    private func first() -> String? { order.first { visible.contains($0) } }

    private mutating func advance(from id: String, time: Double) {
        let start = (order.firstIndex(of: id) ?? -1) + 1
        guard let next = order[start...].first(where: { visible.contains($0) }) else {
            phase = .finished
            return
        }
        phase = .question(next)
        arrive(at: next, time: time)
    }

    /// Re-evaluates calculations and every condition after a change, in the instrument's order;
    /// answers to questions that are now hidden are not kept.
    private mutating func refresh() {
        let passes = expressions.hasValues ? 2 : 1
        for _ in 0..<passes {
            visible = []
            for section in instrument.sections {
                let sectionShown = expressions.condition(.sectionShowIf(section: section.id)).map { Evaluator.isTrue($0, in: context()) } ?? true
                for q in section.questions {
                    let shown = sectionShown && (expressions.condition(.showIf(question: q.id)).map { Evaluator.isTrue($0, in: context()) } ?? true)
                    if q.type == .calculate {
                        calculated[q.id] = shown ? expressions[.value(question: q.id)].map { Evaluator.evaluate($0, in: context()) } : nil
                        continue
                    }
                    if shown {
                        visible.insert(q.id)
                        dropHiddenChoices(q)
                    } else {
                        answers[q.id] = nil
                        skipped.remove(q.id)
                    }
                }
            }
        }
    }

    /// A choice whose condition no longer holds is taken out of the answer.
    private mutating func dropHiddenChoices(_ q: Question) {
        let conditionsByCode = expressions.choiceConditions(of: q.id)
        guard !conditionsByCode.isEmpty, let answer = answers[q.id] else { return }
        let offered = Set(presentedChoices(q).map(\.value))
        switch answer.value {
        case .choice(let c) where !offered.contains(c) && conditionsByCode[c] != nil:
            answers[q.id] = nil
        case .choices(let codes):
            let kept = codes.filter { offered.contains($0) || conditionsByCode[$0] == nil }
            if kept != codes { answers[q.id] = kept.isEmpty ? nil : Answer(.choices(kept), other: answer.other) }
        default:
            break
        }
    }
}
