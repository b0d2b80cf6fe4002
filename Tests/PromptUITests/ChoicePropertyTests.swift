import Foundation
import InstrumentModel
import PromptUI
import SessionEngine
import SessionLoop
import TerminalIO
import TestSupport
import Testing

/// Issue 12's property of the choice widgets: for random key sequences (moving, Space, numbers,
/// Backspace, typing into "Other", resizes, going back and the review), what the screen marks as
/// chosen when Enter is pressed is exactly what is journaled. The screen is read as a participant
/// reads it, from the frame's markers, without colour (a mark that only colour shows is no mark).
@Suite struct ChoicePropertyTests {
    static let yaml = """
        format: 1
        id: property
        version: 1.0.0
        title: Property
        sections:
          - id: s
            questions:
              - id: drink
                type: single
                text: Which drink?
                choices: [Tea, Coffee, Juice]
                other: true
              - id: help
                type: multiple
                text: What helped?
                choices: [Food, Talk, Rest, {value: 99, label: None of these, exclusive: true}]
                other: true
              - {id: pain, type: scale, text: How much pain?, from: 0, to: 10, labels: {0: None, 10: Worst}}
              - {id: mood, type: scale, text: How was it?, choices: [Very bad, Bad, Fine, Good, Very good]}
              - id: grid
                type: matrix
                text: How far do you agree?
                choices: [Disagree, Unsure, Agree]
                rows: [{id: a, text: Row A}, {id: b, text: Row B}, {id: c, text: Row C}]
              - {id: order, type: ranking, text: Put in order, choices: [North, South, East, West], rank: 3}
        """

    /// The journal as each Enter was handed to the driver: the screen then, and how many events
    /// were journaled before it and before the next event.
    final class MarkingTerminal: TerminalPort {
        let inner: ScriptedTerminal
        let recorder: MemoryRecorder
        private var shown: [Int: String] = [:]
        struct Mark { var key: Key; var screen: [String]; var before: Int; var after: Int? }
        var marks: [Mark] = []
        let marking: [Key]

        init(_ inner: ScriptedTerminal, recorder: MemoryRecorder, marking: [Key] = [.enter]) {
            self.inner = inner
            self.recorder = recorder
            self.marking = marking
        }

        var columns: Int { inner.columns }
        var rows: Int { inner.rows }
        func next() -> TerminalEvent { handOut(inner.next()) }
        func next(within milliseconds: Int) -> TerminalEvent? { inner.next(within: milliseconds).map(handOut) }

        private func handOut(_ event: TerminalEvent) -> TerminalEvent {
            if let last = marks.indices.last, marks[last].after == nil { marks[last].after = recorder.events.count }
            if case .key(let key) = event, marking.contains(key) {
                let screen = (1...max(1, shown.keys.max() ?? 1)).map { shown[$0] ?? "" }
                marks.append(Mark(key: key, screen: screen, before: recorder.events.count, after: nil))
            }
            return event
        }

        static let line = try! NSRegularExpression(pattern: "\u{1B}\\[(\\d+);1H(.*?)\u{1B}\\[0m\u{1B}\\[K", options: [.dotMatchesLineSeparators])

        /// Keeps the screen as a terminal shows it, one written frame at a time.
        func write(_ text: String) {
            if text.contains("\u{1B}[2J") { shown = [:] }
            let ns = text as NSString
            for match in Self.line.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                shown[Int(ns.substring(with: match.range(at: 1))) ?? 0] = ns.substring(with: match.range(at: 2))
            }
        }
    }

    /// What a screen marks as chosen for a question, as the answer it means (nil: nothing chosen).
    /// Nil overall when the screen is not that question's.
    static func marked(_ screen: [String], _ q: Question, _ session: Session, numbered: Bool = false) -> Answer?? {
        let lines = screen.map { $0.trimmingCharacters(in: .whitespaces) }
        // The interviewer's screen numbers its questions ("2. How much pain?"); the review does too.
        let text = session.render(q.text)
        func isQuestion(_ line: String) -> Bool {
            if line == text { return true }
            guard numbered, let r = line.range(of: "^[0-9]+\\. ", options: .regularExpression) else { return false }
            return String(line[r.upperBound...]) == text
        }
        guard lines.contains(where: isQuestion) else { return nil }
        let choices = session.presentedChoices(q)
        let label = { (c: Choice) in session.render(c.label) }
        /// The choice a marked list line names: its label, after a position number or the value itself.
        /// A label wrapped over lines starts on the marked one.
        func choice(_ rest: String) -> Choice? {
            let candidates = choices.enumerated().map { i, c in (c, [label(c), "\(i + 1) \(label(c))", "\(c.value) \(label(c))", "\(c.value)"]) }
            return candidates.first { $0.1.contains(rest) }?.0 ?? candidates.first { $0.1.contains { $0.hasPrefix(rest + " ") } }?.0
        }
        func listMarked(_ marks: [String]) -> [(Choice, Int)] {
            lines.enumerated().compactMap { n, line in
                var text = line.hasPrefix("❯ ") ? String(line.dropFirst(2)) : line
                guard let mark = marks.first(where: { text.hasPrefix($0 + " ") }) else { return nil }
                text = String(text.dropFirst(mark.count + 1))
                return choice(text).map { ($0, n) }
            }
        }
        /// The text in the field under "Other" (over as many lines as it takes).
        func otherText(after n: Int) -> String? {
            let field = lines.dropFirst(n + 1).drop { !$0.contains("▏") }.prefix { $0.contains("▏") }
            return Self.words(field.compactMap { $0.components(separatedBy: "▏").last }.joined(separator: " "))
        }
        switch q.type {
        case .single, .multiple, .scale:
            var chosen = listMarked(["(•)", "[x]"])
            // A scale across the screen: "(•) 7" among its cells.
            if chosen.isEmpty, q.type == .scale {
                for line in lines {
                    guard let r = line.range(of: #"\(•\) (\d+)"#, options: .regularExpression) else { continue }
                    let value = Int(line[r].dropFirst(4)) ?? -1
                    if let c = choices.first(where: { $0.value == value }) { chosen.append((c, 0)) }
                }
            }
            guard !chosen.isEmpty else { return .some(nil) }
            let other = chosen.first { $0.0.value == q.other?.value }.map { otherText(after: $0.1) ?? "" }
            return q.type == .multiple ? Answer(.choices(chosen.map(\.0.value)), other: other)
                                       : Answer(.choice(chosen[0].0.value), other: other)
        case .matrix:
            var picked: [String: Int] = [:]
            var row: String?
            for line in lines {
                let text = line.hasPrefix("❯ ") ? String(line.dropFirst(2)) : line
                if let r = q.rows?.first(where: { text.hasPrefix(session.render($0.text)) }) { row = r.id }
                if let row, let r = line.range(of: #"\(•\) ‹ (\d+) "#, options: .regularExpression),
                   let n = Int(line[r].dropFirst(6).trimmingCharacters(in: .whitespaces)) {
                    picked[row] = choices[n - 1].value
                }
            }
            return .some(picked.isEmpty ? nil : Answer(.rows(picked)))
        case .ranking:
            var placed: [(Int, Int)] = []
            for line in lines {
                guard let r = line.range(of: #"^(❯ |⇕ )?(\d+)\. "#, options: .regularExpression) else { continue }
                let head = line[r].filter(\.isNumber)
                let rest = String(line[r.upperBound...])
                if let place = Int(head), let c = choices.first(where: { label($0) == rest }) { placed.append((place, c.value)) }
            }
            return .some(placed.isEmpty ? nil : Answer(.ranking(placed.sorted { $0.0 < $1.0 }.map(\.1))))
        default:
            return nil
        }
    }

    /// A text as its words: a field wraps at spaces, so the screen shows words, not how many spaces.
    static func words(_ text: String) -> String { text.split(separator: " ").joined(separator: " ") }

    /// A random key, weighted as a person browsing might press them.
    static func randomEvent(_ rng: inout SeededRandom) -> TerminalEvent {
        let keys: [Key] = [.up, .down, .left, .right, .character(" "), .character(" "), .backspace, .delete, .ctrl("u"),
                           .character("j"), .character("k"), .character("a"), .character("a")]
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<12: return .key(.enter)
        case 12..<16: return .key(.escape)
        case 16..<19:
            let sizes = [(80, 40), (60, 40), (44, 40), (30, 40), (120, 40)]
            let size = sizes[Int.random(in: 0..<sizes.count, using: &rng)]
            return .resized(columns: size.0, rows: size.1)
        case 19..<40: return .key(.character(Character(String(Int.random(in: 0...9, using: &rng)))))
        default: return .key(keys[Int.random(in: 0..<keys.count, using: &rng)])
        }
    }

    @Test func whatTheScreenMarksIsWhatIsJournaled() throws {
        let instrument = try compiled(Self.yaml)
        var answered: [String: Int] = [:]
        var skipped: [String: Int] = [:]
        var refused = 0
        for seed in UInt64(1)...150 {
            var rng = SeededRandom(seed: seed)
            let events = [TerminalEvent.key(.enter)] + (0..<80).map { _ in Self.randomEvent(&rng) }
            let recorder = MemoryRecorder()
            let terminal = MarkingTerminal(ScriptedTerminal(columns: 80, rows: 40, events), recorder: recorder)
            var time = 0.0
            let session = Session(instrument: instrument, seed: seed, today: 0)
            var runner = SessionRunner(session: session, driver: FullScreenDriver(terminal: terminal, style: Style(color: false)),
                                       recorder: recorder, clock: { time += 1; return time })
            _ = try runner.run()
            for mark in terminal.marks {
                let after = mark.after ?? recorder.events.count
                guard let (q, shown) = instrument.questions.lazy.compactMap({ q in Self.marked(mark.screen, q, session).map { (q, $0) } }).first else {
                    continue
                }
                let screen = mark.screen.joined(separator: "\n")
                if after == mark.before {
                    // Refused: only "Other" chosen with nothing said is refused here.
                    #expect(shown?.other == "", "seed \(seed): nothing journaled at \(q.id)\n\(screen)")
                    refused += 1
                    continue
                }
                let event = recorder.events[mark.before]
                #expect(event.question == q.id, "seed \(seed)\n\(screen)")
                let expected: SessionMove = shown.map { .answer($0) } ?? .skip
                var journaled = event.move
                if case .answer(var a) = journaled { a.other = a.other.map(Self.words); journaled = .answer(a) }
                #expect(journaled == expected, "seed \(seed) at \(q.id): screen \(expected), journal \(event.move)\n\(screen)")
                if shown == nil { skipped[q.id, default: 0] += 1 } else { answered[q.id, default: 0] += 1 }
            }
        }
        // The property held for every widget, over answers, skips and refusals, not over none.
        for q in instrument.questions {
            #expect(answered[q.id, default: 0] >= 20, "\(q.id) answered \(answered[q.id, default: 0]) times")
            #expect(skipped[q.id, default: 0] >= 5, "\(q.id) skipped \(skipped[q.id, default: 0]) times")
        }
        #expect(refused >= 5)
    }

    /// The same on the interviewer's screen, where Tab and Shift-Tab keep a changed answer as
    /// Enter does: whatever moves away from a structured question journals what its screen marks.
    @Test func theInterviewersScreenKeepsWhatItMarks() throws {
        // A last question of its own: at the last one, keeping an answer ends the interview, which
        // only Enter and Ctrl-X do, asking first.
        let instrument = try compiled(Self.yaml.replacingOccurrences(of: "title: Property", with: "kind: interview\ntitle: Property")
            + "\n      - {id: last, type: single, text: Anything more?, choices: [Yes, No]}\n")
        let last = try #require(instrument.questions.last?.id)
        let first = try #require(instrument.questions.first?.id)
        var kept: [String: Int] = [:]
        for seed in UInt64(1)...60 {
            var rng = SeededRandom(seed: seed)
            let events = (0..<80).map { _ -> TerminalEvent in
                switch Int.random(in: 0..<100, using: &rng) {
                case 0..<6: return .key(.tab)
                case 6..<9: return .key(.shiftTab)
                case 9..<10: return .key(.character("n"))
                case 10..<13: return .resized(columns: [60, 50, 44][Int.random(in: 0..<3, using: &rng)], rows: 40)
                default:
                    let e = Self.randomEvent(&rng)
                    if case .resized = e { return .key(.enter) }
                    return e == .key(.escape) ? .key(.left) : e
                }
            }
            let recorder = MemoryRecorder()
            let terminal = MarkingTerminal(ScriptedTerminal(columns: 60, rows: 40, events), recorder: recorder, marking: [.enter, .tab, .shiftTab])
            var time = 0.0
            let session = Session(instrument: instrument, seed: seed, today: 0)
            var runner = SessionRunner(session: session, driver: InterviewScreen(terminal: terminal, style: Style(color: false), clock: { time += 1; return time }),
                                       recorder: recorder, clock: { time += 1; return time })
            _ = try runner.run()
            for mark in terminal.marks {
                // A key that answers a question on the bottom line is not a move.
                guard !mark.screen.contains(where: { $0.contains("End the interview now?") || $0.contains("Leave now?") }),
                      let (q, shown) = instrument.questions.lazy.compactMap({ q in Self.marked(mark.screen, q, session, numbered: true).map { (q, $0) } }).first
                else { continue }
                let screen = mark.screen.joined(separator: "\n")
                let before = recorder.events[..<mark.before].last { $0.question == q.id && ($0.move == .skip || { if case .answer = $0.move { true } else { false } }($0)) }
                var had: Answer?
                if case .answer(let a)? = before?.move { had = a }
                let new = recorder.events[mark.before..<(mark.after ?? recorder.events.count)].first { $0.question == q.id && $0.move != .jump(to: q.id) }
                // Shift-Tab at the first question goes nowhere, and keeps nothing (it is still on screen).
                let moved = mark.key != .enter && shown.map(Self.normalised) == had.map(Self.normalised)
                    || mark.key == .shiftTab && q.id == first
                if moved || (mark.key == .enter && q.id == last) || shown?.other == "" || (q.id == last && new == nil) {
                    // Nothing new to keep, an end asked about first, "Other" with nothing said: no answer.
                    if moved || mark.key == .enter && q.id == last { #expect(new == nil, "seed \(seed) \(mark.key) at \(q.id): \(String(describing: new))\n\(screen)") }
                    continue
                }
                var journaled = new?.move
                if case .answer(var a)? = journaled { a.other = a.other.map(Self.words); journaled = .answer(a) }
                let expected: SessionMove = shown.map { .answer(Self.normalised($0)) } ?? .skip
                #expect(journaled == expected, "seed \(seed) \(mark.key) at \(q.id): screen \(expected), journal \(String(describing: new))\n\(screen)")
                kept[q.id, default: 0] += 1
            }
        }
        for q in instrument.questions.dropLast() { #expect(kept[q.id, default: 0] >= 10, "\(q.id) kept \(kept[q.id, default: 0]) times") }
    }

    /// An answer as the screen can show it: "Other" in words.
    static func normalised(_ a: Answer) -> Answer { Answer(a.value, other: a.other.map(words)) }
}
