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
    /// The language the participant reads: the one the session was started in, or the one
    /// they chose since (a `.language` move, journaled like any other, so a replay ends in it).
    public internal(set) var language: String?
    /// Today, in days since 1970-01-01, for `today()` and date limits.
    public let today: Int
    /// Presented questions (not calculations) in the order they are asked, after shuffles; a
    /// repeated section's questions once per instance, under their slots (see `Slot`).
    public internal(set) var order: [String]
    /// Each section's questions in the order asked, after its shuffle: the order is rebuilt from
    /// these when instances change.
    let sectionOrder: [String: [String]]

    public internal(set) var phase: Phase
    public internal(set) var answers: [String: Answer] = [:]
    /// Questions seen and left unanswered (as opposed to never asked).
    public internal(set) var skipped: Set<String> = []
    public internal(set) var calculated: [String: Value] = [:]
    public internal(set) var timing: [String: QuestionTiming] = [:]
    /// Safeguarding rules fired so far, in order (see `Safeguarding.swift`).
    public internal(set) var safeguardingFired: [SafeguardingFiring] = []
    /// The rules whose condition holds now: one fires again only after it has been false.
    var safeguardingHolding: Set<String> = []
    /// How many times the participant went back.
    public internal(set) var returns = 0
    /// In interviews: the probes of each question ticked as asked (0-based, ascending).
    public internal(set) var probesAsked: [String: [Int]] = [:]
    /// Text typed at a question and not submitted, by question: shown in its field again, never
    /// exported (see `keepDraft`).
    public internal(set) var drafts: [String: String] = [:]
    /// Text typed into a choice list's "Other" and not submitted, by question: apart from `drafts`,
    /// which hold a typed answer whole, because it is only the text beside a choice.
    public internal(set) var otherDrafts: [String: String] = [:]
    /// Set by a jump from the review: moving on then passes over what is already answered, so
    /// that one change leads back to the review (through any question the change brought in).
    var reviewing = false
    var history: [String] = []
    /// When the current question was shown (seconds since the session started).
    public internal(set) var shownAt: Double = 0
    var visible: Set<String> = []
    /// Each repeated question's slots, one per instance now, in order (calculations too).
    var instanceSlots: [String: [String]] = [:]

    /// Every question by id, and the slot of every instance's question by slot.
    var questions: [String: Question]
    let expressions: InstrumentExpressions
    /// The repeated section of each question asked once per instance.
    let repeatedSectionOf: [String: String]
    /// The repeated sections each driving question (`for_each`, `count`) decides.
    let repeatDrivers: [String: [String]]

    public init(instrument: Instrument, seed: UInt64, language: String? = nil, today: Int) {
        self.instrument = instrument
        self.seed = seed
        self.language = language ?? instrument.languages.first
        self.today = today
        var order: [String] = []
        var sectionOrder: [String: [String]] = [:]
        var repeatedSectionOf: [String: String] = [:]
        var repeatDrivers: [String: [String]] = [:]
        for section in instrument.sections {
            var ids = section.questions.filter { $0.type != .calculate }.map(\.id)
            if section.shuffle {
                var random = SeededRandom.derived(seed: seed, for: "section:" + section.id)
                ids.shuffle(using: &random)
            }
            sectionOrder[section.id] = ids
            if let r = section.repeat {
                for q in section.questions { repeatedSectionOf[q.id] = section.id }
                if let driver = r.drivingQuestion { repeatDrivers[driver, default: []].append(section.id) }
            } else {
                order += ids
            }
        }
        questions = instrument.questionsByID
        self.order = order
        self.sectionOrder = sectionOrder
        self.repeatedSectionOf = repeatedSectionOf
        self.repeatDrivers = repeatDrivers
        expressions = InstrumentExpressions(salvaging: instrument)
        phase = instrument.consent == nil ? .finished : .consent
        refresh()
        safeguardingHolding = rulesHolding()
        if instrument.consent == nil { phase = first().map(Phase.question) ?? .finished }
        if case .question(let id) = phase { arrive(at: id, time: 0) }
    }


    // MARK: Reading the state

    public func question(_ id: String) -> Question? { questions[id] }

    public var current: Question? {
        guard case .question(let id) = phase else { return nil }
        return questions[id]
    }

    /// The instance the current question is in, if it is repeated.
    var currentInstance: InstanceKey? {
        guard case .question(let id) = phase else { return nil }
        return instance(of: id)
    }

    public func isVisible(_ id: String) -> Bool { visible.contains(id) }

    /// The instrument's expressions that could not be read: empty unless its compiled file is
    /// damaged (a loaded file is checked, see `CompiledInstrument`). A damaged condition never
    /// holds, so what it guards is hidden rather than asked; this says so to whoever runs the session.
    public var damagedExpressions: [DamagedExpression] { expressions.damaged }

    /// Questions that take an answer and are asked on the current route.
    var reachable: [String] {
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
        choiceOrder(q).filter { choice in
            guard let condition = expressions.condition(.choiceShowIf(question: Slot.question(of: q.id), choice: choice.value)) else { return true }
            return Evaluator.isTrue(condition, in: context(instance: instance(of: q.id)))
        }
    }

    /// The order a question's choices are shown in, before their conditions: shuffled by the seed
    /// if asked, with choices marked missing or exclusive, then "Other", last. Paradata exports it.
    public func choiceOrder(_ q: Question) -> [Choice] {
        var main = (q.choices ?? []).filter { !$0.missing && !$0.exclusive }
        let fixed = (q.choices ?? []).filter { $0.missing || $0.exclusive }
        if q.shuffle == true {
            var random = SeededRandom.derived(seed: seed, for: "choices:" + Slot.question(of: q.id))
            main.shuffle(using: &random)
        }
        return main + fixed + (q.other.map { [$0] } ?? [])
    }

    func conditionValid(_ id: String) -> Expr? { expressions.condition(.validIf(question: Slot.question(of: id))) }

    /// Answers as expressions see them. `instance`: the instance an expression inside a repeat
    /// is evaluated in, where a repeated question's id means its answer in that instance;
    /// outside (nil), a repeated question is the list of its answers in every instance.
    func context(candidate: (String, Answer)? = nil, instance: InstanceKey? = nil) -> AnswerContext {
        AnswerContext(questions: questions, answers: answers, calculated: calculated, today: today,
                      candidate: candidate.map { (id: Slot.question(of: $0.0), answer: $0.1) },
                      instance: instance, repeatedSectionOf: repeatedSectionOf, instanceSlots: instanceSlots)
    }

    /// A text with earlier answers piped in: labels of choices, values of anything else, a dash
    /// when unanswered; its lines flowed into paragraphs first (`Reflow`), so that an answer
    /// piped in keeps its own line breaks.
    public func render(_ text: LocalizedText?) -> String {
        guard let text else { return "" }
        return Piping.render(Reflow.paragraphs(text.text(in: language)), session: self, instance: currentInstance)
    }

    /// A text of the question asked under `id` (a slot in a repeat), piped as in its instance:
    /// for the review, where no question is current.
    public func render(_ text: LocalizedText?, asked id: String) -> String {
        guard let text else { return "" }
        return Piping.render(Reflow.paragraphs(text.text(in: language)), session: self, instance: instance(of: id))
    }
}
