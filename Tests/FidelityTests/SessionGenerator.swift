import Foundation
import Expressions
import InstrumentModel
import SessionEngine

/// How a simulated participant behaves.
enum Behaviour: String {
    case complete, partial, declined, changer, plain
}

/// One participant's session: the engine's final state (what the oracle reads), the events the
/// store journals, and the lines a participant would type to the plain driver for the same moves.
struct SimulatedSession {
    var seed: UInt64
    var behaviour: Behaviour
    var version: String
    var session: Session
    /// The `--set` values the session was started with (`site`, `wave`), as the journal keeps them.
    var launch: [String: String] = [:]
    var events: [SessionEvent] = []
    var typed: [String] = []
    /// Written as `fieldwork simulate` writes a response (marked `"simulated": true`).
    var simulated = false
    var finished: Bool { session.phase == .finished }
    var declined: Bool { session.phase == .declined }
}

struct SessionGenerator {
    var random: FidelityRandom

    mutating func run(_ instrument: Instrument, spec: InstrumentSpec, seed: UInt64, behaviour: Behaviour, today: Int,
                      language: String) -> SimulatedSession {
        // From the seed, not the random source, so that the answers drawn stay as they were.
        var launch: [String: String] = [:]
        if spec.question("site") != nil, seed % 3 != 0 { launch["site"] = seed % 2 == 0 ? "-5" : "7" }
        if spec.question("wave") != nil { launch["wave"] = String(seed % 4 + 1) }
        var s = SimulatedSession(seed: seed, behaviour: behaviour, version: spec.version,
                                 session: Session(instrument: instrument, seed: seed, language: language, today: today,
                                                  preset: LaunchValues.answers(launch, for: instrument)))
        s.launch = launch
        var time = 1.0
        func apply(_ move: SessionMove, _ lines: [String]) -> Bool {
            time += 1
            do throws(AnswerProblem) {
                let kept = try s.session.apply(s.session.event(move, at: time))
                if s.session.phase != .declined { s.events.append(kept) }
                s.typed += lines
                return true
            } catch {
                return false
            }
        }
        if case .consent = s.session.phase {
            _ = behaviour == .declined ? apply(.consent(agreed: false), ["2"]) : apply(.consent(agreed: true), ["1"])
        }
        let stopAfter = behaviour == .partial ? random.int(0...12) : Int.max
        var steps = 0
        while case .question(let id) = s.session.phase, steps < 400 {
            if steps == stopAfter { s.typed.append("q"); break }
            steps += 1
            guard let q = s.session.current, let qs = spec.question(id) else { break }
            let answered = s.session.answers[id] != nil
            if (behaviour == .changer || behaviour == .plain) && s.session.canGoBack && random.chance(0.15) && steps < 60 {
                if apply(.back, ["<"]) { continue }
            }
            if !answered && s.session.canSkip && random.chance(0.1) {
                if apply(.skip, q.type == .matrix ? qs.rows.map { _ in "" } : [""]) { continue }
            }
            var done = false
            for _ in 0..<8 {
                var (answer, lines) = self.answer(qs, presented: s.session.presentedChoices(q), today: today)
                // At the plain prompt an empty matrix row keeps the row's earlier answer.
                if behaviour == .plain, case .rows(var rows) = answer.value, case .rows(let earlier)? = s.session.answers[id]?.value {
                    for (row, code) in earlier where rows[row] == nil { rows[row] = code }
                    answer = Answer(.rows(rows))
                }
                // Unticking an activity (or lowering a count) whose instance holds answers is confirmed
                // at the plain prompt with an empty line.
                if behaviour == .plain, s.session.removalWarning(ifAnswered: answer) != nil { lines.append("") }
                if apply(.answer(answer), lines) { done = true; break }
            }
            if !done && !apply(.skip, [""]) { break }
        }
        return s
    }

    /// A random answer the question should accept, and how it is typed at the plain prompt.
    mutating func answer(_ q: QuestionSpec, presented: [Choice], today: Int) -> (Answer, [String]) {
        func position(_ code: Int) -> String { String((presented.firstIndex { $0.value == code } ?? 0) + 1) }
        let other = InstrumentGenerator.texts.filter { !$0.hasPrefix(" ") }
        switch q.kind {
        case .scale:
            // A numeric scale (numbers for points, labels at its ends only, as every generated scale)
            // is typed as the point's own value at the plain prompt: 0 is 0, -51 is -51.
            let c = random.pick(presented).value
            return (Answer(.choice(c)), [String(c)])
        case .single:
            let c = random.pick(presented).value
            if c == q.other {
                let text = random.pick(other)
                return (Answer(.choice(c), other: text), [position(c), text])
            }
            return (Answer(.choice(c)), [position(c)])
        case .multiple:
            let lone = q.allChoices.filter { $0.exclusive }.map(\.code)
            var picked: [Int]
            if !lone.isEmpty && random.chance(0.3) {
                picked = [random.pick(lone)]
            } else {
                let open = presented.map(\.value).filter { !lone.contains($0) }.shuffled(using: &random)
                picked = Array(open.prefix(random.int(1...max(1, open.count))))
            }
            let typed = picked.map(position).joined(separator: " ")
            if let o = q.other, picked.contains(o) {
                let text = random.pick(other)
                return (Answer(.choices(picked), other: text), [typed, text])
            }
            return (Answer(.choices(picked)), [typed])
        case .matrix:
            var rows: [String: Int] = [:]
            var lines: [String] = []
            for (i, r) in q.rows.enumerated() {
                if i > 0 && random.chance(0.2) { lines.append(""); continue }
                let c = random.pick(presented).value
                rows[r] = c
                lines.append(position(c))
            }
            return (Answer(.rows(rows)), lines)
        case .ranking:
            let k = q.rank ?? presented.count
            let order = Array(presented.map(\.value).shuffled(using: &random).prefix(k))
            return (Answer(.ranking(order)), [order.map(position).joined(separator: " ")])
        case .number:
            let low = Int(q.min ?? -1000), high = Int(q.max ?? 1000)
            var whole = random.int(low...high)
            if random.chance(0.15), (low...high).contains(-99) { whole = -99 }
            var text = String(whole)
            if q.decimals > 0 && whole < high {
                let digits = (0..<q.decimals).map { _ in String(random.int(0...9)) }.joined()
                text = whole < 0 ? "-" + String(-whole - 1) + "." + digits : text + "." + digits
                if whole < 0 && whole - 1 < low { text = String(whole) }
            }
            if text == "-0" { text = "0" }
            return (Answer(.number(Double(text) ?? 0)), [text])
        case .text:
            let t = random.pick(other)
            return (Answer(.text(t)), [t])
        case .longText:
            let lines = (0..<random.int(1...3)).map { _ in random.pick(other) }
            return (Answer(.text(lines.joined(separator: "\n"))), lines + [""])
        case .date:
            let year = random.int(2002...2023), month = random.int(1...12), day = random.int(1...28)
            let d: String
            switch q.precision {
            case .day: d = String(format: "%04d-%02d-%02d", year, month, day)
            case .month: d = String(format: "%04d-%02d", year, month)
            case .year: d = String(year)
            }
            // Typed year first, sometimes without leading zeros and with `/` or `.` between the parts.
            var typed = d
            if q.precision != .year && random.chance(0.4) {
                let sep = random.pick(["-", "/", "."])
                typed = q.precision == .day ? "\(year)\(sep)\(month)\(sep)\(day)" : "\(year)\(sep)\(month)"
            }
            return (Answer(.date(d)), [typed])
        case .time:
            // The day's two ends half the time, else any minute; typed as people do (9:05, 09.05, 0905).
            let minutes = random.chance(0.5) ? random.pick([0, 1439]) : random.int(0...1439)
            let (h, m) = (minutes / 60, minutes % 60)
            let t = String(format: "%02d:%02d", h, m)
            let typed = random.pick([t, "\(h):" + String(format: "%02d", m), String(format: "%02d.%02d", h, m), String(format: "%02d%02d", h, m)])
            return (Answer(.time(t)), [typed])
        case .datetime:
            // Leap days (2000 and 2024) and the ends of the limits, else any day and minute within them.
            let day = random.pick(["2000-01-01", "2000-02-29", "2024-02-29", "2024-12-31",
                                   String(format: "%04d-%02d-%02d", random.int(2001...2023), random.int(1...12), random.int(1...28))])
            let minutes = random.chance(0.5) ? random.pick([0, 1439]) : random.int(0...1439)
            let t = day + "T" + String(format: "%02d:%02d", minutes / 60, minutes % 60)
            return (Answer(.datetime(t)), [random.chance(0.5) ? t : t.replacingOccurrences(of: "T", with: " ")])
        case .calcNumber, .calcBool, .calcText, .calcDate, .calcTime, .calcDatetime, .hiddenChoice, .hiddenNumber:
            return (Answer(.text("")), [""])
        }
    }
}
