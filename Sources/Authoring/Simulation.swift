import Expressions
import InstrumentModel
import ResponseStore
import SessionEngine

/// Runs the engine many times with random valid answers, as a crowd of participants would:
/// some skip, some prefer not to say, a few decline consent.
public struct Simulation {
    public let instrument: Instrument
    public let seed: UInt64
    /// Days since 1970-01-01: "today" for date answers and `today()` in conditions.
    public let today: Int

    public init(instrument: Instrument, seed: UInt64, today: Int) {
        self.instrument = instrument
        self.seed = seed
        self.today = today
    }

    /// One simulated participant's session, ended.
    public struct Run: Sendable {
        public var index: Int
        public var session: Session
        public var status: ResponseStatus { session.status }
        public var duration: Double
        /// Derived from the seed and the run's number, so the same seed writes the same files.
        public var responseID: String
        public var identifyingID: String
        public var started: String?
        public var pseudonym: String?
    }

    public struct Report: Sendable, Equatable {
        public var runs = 0
        public var counts = StatusCounts()
        public var complete: Int { counts.complete }
        public var partial: Int { counts.partial }
        public var declined: Int { counts.declined }
        /// Times each question was shown, for the questions in order.
        public var shown: [String: Int] = [:]
        /// Questions with a `valid_if` that were shown but never accepted an answer.
        public var validNeverSatisfied: [String] = []
        /// Sessions in which each safeguarding rule fired (once or more), by rule id.
        public var fired: [String: Int] = [:]
        var validShown: [String: Int] = [:]
        var validAccepted: [String: Int] = [:]
    }

    /// Simulates `count` sessions, handing each to `each` as it ends.
    public func run(count: Int, each: (Run) throws -> Void = { _ in }) rethrows -> Report {
        var report = Report()
        for index in 0..<count {
            let run = simulate(index, into: &report)
            report.runs += 1
            report.counts.add(run.status)
            for rule in Set(run.session.safeguardingFired.map(\.rule)) { report.fired[rule, default: 0] += 1 }
            try each(run)
        }
        report.validNeverSatisfied = instrument.questions.map(\.id).filter {
            (report.validShown[$0] ?? 0) > 0 && (report.validAccepted[$0] ?? 0) == 0
        }
        return report
    }

    private func simulate(_ index: Int, into report: inout Report) -> Run {
        var random = SeededRandom.derived(seed: seed, for: "simulated participant \(index)")
        let sessionSeed = random.next() & ((1 << 53) - 1)  // exact in JSON, as the runner's seeds are
        let language = instrument.languages.isEmpty ? nil : instrument.languages.randomElement(using: &random)
        let responseID = hex(&random, bytes: 16)
        let identifyingID = hex(&random, bytes: 16)
        let day = today - Int.random(in: 0..<28, using: &random)
        let started: String?
        switch instrument.privacy.timestamps {
        case .none: started = nil
        case .date: started = DateValue.format(day)
        case .minute:
            let minute = Int.random(in: 8 * 60..<21 * 60, using: &random)
            started = DateValue.minuteStamp(day: day, minute: minute)
        }
        let pseudonym = instrument.privacy.participant == .code ? "p_" + hex(&random, bytes: 8) : nil
        var answers = RandomAnswers(random: SeededRandom(seed: random.next()), today: today)
        var session = Session(instrument: instrument, seed: sessionSeed, language: language, today: today)
        var clock = 0.0
        func ended() -> Run {
            Run(index: index, session: session, duration: clock, responseID: responseID, identifyingID: identifyingID,
                started: started, pseudonym: pseudonym)
        }
        // Every move goes through the one `apply`, as a participant's would.
        func make(_ move: SessionMove) -> Bool { (try? session.apply(session.event(move, at: clock))) != nil }

        if session.phase == .consent {
            let declines = instrument.consent?.decline != nil && answers.chance(0.05)
            _ = make(.consent(agreed: !declines))
            if declines { return ended() }
        }
        // Each question is met at most a few times (going back is not simulated), so this ends.
        var steps = 0
        // A repeated section's questions are met once per instance (and the question whether
        // there is another), so the bound counts every instance a repeat can have.
        let asked = instrument.questionCount + instrument.repeatedSections.reduce(0) { $0 + ($1.repeat?.max ?? 0) * ($1.questions.count + 1) }
        // Shown is counted per participant: a question asked for three activities is shown once.
        var shownHere: Set<String> = []
        while let q = session.current, steps < 10 * asked + 10 {
            steps += 1
            let id = Slot.question(of: q.id)
            if instrument.question(id) != nil, shownHere.insert(id).inserted { report.shown[id, default: 0] += 1 }
            clock += Double(Int.random(in: 3...45, using: &answers.random))
            if q.validIf != nil { report.validShown[id, default: 0] += 1 }
            if q.type == .note || q.type == .calculate || (session.canSkip && answers.chance(0.08)) {
                if make(.skip) { continue }
            }
            var accepted = false
            for _ in 0..<25 {
                guard let answer = answers.answer(for: q, in: session) else { break }
                if make(.answer(answer)) {
                    accepted = true
                    break
                }
            }
            if accepted {
                if q.validIf != nil { report.validAccepted[Slot.question(of: q.id), default: 0] += 1 }
                continue
            }
            if !make(.skip) { return ended() }
        }
        return ended()
    }

    private func hex(_ random: inout SeededRandom, bytes: Int) -> String {
        var out = ""
        for _ in 0..<bytes {
            let b = UInt8(truncatingIfNeeded: random.next())
            out += String(b >> 4, radix: 16) + String(b & 0xF, radix: 16)
        }
        return out
    }
}
