import Expressions
import InstrumentModel
import SessionEngine

/// Random answers that meet a question's own limits (not necessarily its `valid_if`, which the
/// engine judges, as it would for a participant).
struct RandomAnswers {
    var random: SeededRandom
    let today: Int

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    mutating func answer(for q: Question, in session: Session) -> Answer? {
        let offered = session.presentedChoices(q)
        switch q.type {
        case .note, .calculate, .hidden:
            return nil
        case .single, .scale:
            guard let c = offered.randomElement(using: &random) else { return nil }
            return Answer(.choice(c.value), other: c.value == q.other?.value ? "Simulated other answer" : nil)
        case .multiple:
            let plain = offered.filter { !$0.exclusive && !$0.missing }
            let special = offered.filter { $0.exclusive || $0.missing }
            let low = max(1, Int(q.min ?? 1))
            let high = min(plain.count, Int(q.max ?? Double(plain.count)))
            if low > high || (!special.isEmpty && chance(0.1)) {
                guard let c = special.randomElement(using: &random) else { return nil }
                return Answer(.choices([c.value]))
            }
            let count = Int.random(in: low...high, using: &random)
            let picked = plain.shuffled(using: &random).prefix(count).map(\.value).sorted()
            return Answer(.choices(picked), other: q.other.map { picked.contains($0.value) ? "Simulated other answer" : nil } ?? nil)
        case .matrix:
            var rows: [String: Int] = [:]
            for row in q.rows ?? [] where q.required || !chance(0.05) {
                if let c = offered.randomElement(using: &random) { rows[row.id] = c.value }
            }
            return Answer(.rows(rows))
        case .ranking:
            let order = offered.filter { !$0.missing }.shuffled(using: &random).map(\.value)
            return Answer(.ranking(Array(order.prefix(q.rank ?? order.count))))
        case .number:
            let low = q.min ?? 0
            let high = q.max ?? max(low, 0) + 100
            let decimals = q.decimals ?? 0
            let factor = pow10(decimals)
            // A whole number of steps, each as likely as the others: rounding a random real down
            // never gave `max` itself, so a route on `n == max` looked dead in every simulation.
            let first = (low * factor).rounded(.up), last = (high * factor).rounded(.down)
            if first <= last, last - first < 1e15 {
                let n = (first + Double(Int64.random(in: 0...Int64(last - first), using: &random))) / factor
                return Answer(.number(Swift.min(Swift.max(n, low), high)))
            }
            let n = (Double.random(in: low...high, using: &random) * factor).rounded(.down) / factor
            return Answer(.number(Swift.min(Swift.max(n, low), high)))
        case .text, .longText, .open:
            let words = ["helpful", "friendly", "support", "group", "time", "people", "listened", "understood", "week", "calm"]
            var text = "Simulated answer:"
            for _ in 0..<Int.random(in: 3...12, using: &random) { text += " " + words.randomElement(using: &random)! }
            if let limit = q.maxLength, text.count > limit { text = String(text.prefix(limit)) }
            return Answer(.text(text))
        case .date:
            let low = q.dateMin.flatMap(DateValue.parse) ?? today - 3650
            let high = q.dateMax.flatMap(DateValue.parse) ?? today
            guard low <= high else { return nil }
            return Answer(.date(DateValue.format(Int.random(in: low...high, using: &random), precision: q.precision ?? .day)))
        case .time, .datetime:
            let limits = ClockLimits(q, today: today)
            let low = limits.min ?? (q.type == .time ? 0 : DateTimeValue.startOf(day: today - 3650))
            // Up to today when open-ended, or a year past a `min` later than today (an appointment
            // to come), so that every limit the author set is one some answer meets.
            let high = limits.max ?? (q.type == .time ? ClockTime.minutesPerDay - 1
                : max(DateTimeValue.endOf(day: today), low + 365 * ClockTime.minutesPerDay))
            guard low <= high else { return nil }
            let minute = Int.random(in: low...high, using: &random)
            return Answer(q.type == .time ? .time(ClockTime.format(minute)) : .datetime(DateTimeValue.format(minute)))
        }
    }

    private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
}
