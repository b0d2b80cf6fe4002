import InstrumentModel
import SessionEngine
import TerminalIO

/// What a participant chose at a safeguarding message.
public enum SafeguardingReply: Sendable, Equatable {
    case carryOn
    /// Save everything and leave, with how to come back.
    case pause
}

extension SessionDriver {
    /// The rules that fired with the answer just applied, in the order they fired.
    static func rules(_ fired: [SafeguardingFiring], of session: Session) -> [(SafeguardingRule, SafeguardingFiring)] {
        fired.compactMap { f in session.instrument.safeguardingRule(f.rule).map { ($0, f) } }
    }
}

extension FullScreenDriver {
    /// A safeguarding message fills the screen, at once, and stays until the participant presses
    /// C (or P where the rule offers a pause). Enter, Space and every other key are ignored, so
    /// that someone holding Enter to get through the questions cannot page past it unread.
    public mutating func safeguard(_ session: Session, fired: [SafeguardingFiring]) -> SafeguardingReply {
        let rules = Self.rules(fired, of: session)
        guard !rules.isEmpty else { return .carryOn }
        let pause = rules.contains { $0.0.offer == .pause }
        let words = session.words
        redrawAll()
        defer { redrawAll() }
        while true {
            let width = max(20, terminal.columns) - 2
            var body: [String] = []
            for (rule, _) in rules {
                body += TextLayout.wrap(session.render(rule.message).trimmed, width).map(style.bold) + [""]
            }
            body += TextLayout.wrap(words.safeguardingHowToGoOn(pause: pause), width)
            draw(messageFrame(title: session.render(session.instrument.title), body: body, help: words.safeguardingKeys(pause: pause)))
            switch terminal.next() {
            case .resized: redrawAll()
            // Leaving is always possible, as on every screen: saved, to come back to.
            case .hangUp, .endOfInput, .key(.ctrl("c")), .key(.ctrl("p")): return .pause
            case .key(.character(let c)) where c.lowercased() == String(words.safeguardingCarryOnKey): return .carryOn
            case .key(.character(let c)) where pause && c.lowercased() == String(words.safeguardingPauseKey): return .pause
            case .key: continue
            }
        }
    }

    /// A screen of the message alone: the title, the message from the top, the keys at the foot.
    /// Laid out here rather than by the question screens' layout, which has no use for a message
    /// that must be read whole: on a window too short for all of it, the keys still show, and the
    /// message is cut at the foot of the room (the participant can make the window larger).
    func messageFrame(title: String, body: [String], help: String) -> Frame {
        let width = max(1, terminal.columns)
        let rows = max(3, terminal.rows)
        var lines = [style.bold(" " + TextLayout.fit(title, max(1, width - 2))), style.dim(String(repeating: "─", count: width))]
        let room = rows - lines.count - 1
        lines += body.prefix(room).map { " " + $0 }
        lines += Array(repeating: "", count: max(0, room - body.count))
        lines.append(style.dim(TextLayout.fit(" " + help, width)))
        return Frame(lines: Array(lines.prefix(rows)), cursor: nil)
    }

    /// The interviewer's banner: the study's protocol for each rule that fired, never read out,
    /// until the interviewer presses A. The participant's message is not shown: it is written
    /// for someone reading alone, and the interviewer follows the protocol instead.
    mutating func safeguardingBanner(_ session: Session, fired: [SafeguardingFiring]) {
        let rules = Self.rules(fired, of: session)
        guard !rules.isEmpty else { return }
        let words = session.words
        redrawAll()
        defer { redrawAll() }
        while true {
            let width = max(20, terminal.columns) - 2
            var body: [String] = []
            for (rule, firing) in rules {
                body += TextLayout.wrap(words.safeguardingBanner(rule: rule.id, question: firing.question, instance: session.instanceWords(of: firing)), width).map(style.warn)
                body += TextLayout.wrap(session.render(rule.protocolText ?? rule.message).trimmed, width).map(style.bold) + [""]
            }
            body += TextLayout.wrap(words.safeguardingAcknowledge, width)
            draw(messageFrame(title: session.render(session.instrument.title), body: body, help: words.safeguardingKeysInterviewer))
            switch terminal.next() {
            case .resized: redrawAll()
            case .hangUp, .endOfInput: return
            case .key(.character(let c)) where c.lowercased() == String(words.safeguardingAcknowledgeKey): return
            case .key: continue
            }
        }
    }
}

extension PlainDriver {
    /// The same in words: the message, then a line that must be c (or p) to go on; an empty line,
    /// as from holding Enter, asks again.
    public mutating func safeguard(_ session: Session, fired: [SafeguardingFiring]) -> SafeguardingReply {
        let rules = Self.rules(fired, of: session)
        guard !rules.isEmpty else { return .carryOn }
        let words = session.words
        if session.instrument.kind == .interview {
            say()
            for (rule, firing) in rules {
                say(words.safeguardingBanner(rule: rule.id, question: firing.question, instance: session.instanceWords(of: firing)))
                say(session.render(rule.protocolText ?? rule.message).trimmed)
            }
            while true {
                say(words.safeguardingTypeToAcknowledge)
                guard let line = prompt() else { return .carryOn }
                if line.trimmed.lowercased() == String(words.safeguardingAcknowledgeKey) { return .carryOn }
            }
        }
        let pause = rules.contains { $0.0.offer == .pause }
        say()
        for (rule, _) in rules { say(session.render(rule.message).trimmed) }
        while true {
            say(words.safeguardingTypeToGoOn(pause: pause))
            guard let line = prompt()?.trimmed.lowercased() else { return .pause }
            if line == String(words.safeguardingCarryOnKey) { return .carryOn }
            if pause, line == String(words.safeguardingPauseKey) { return .pause }
            if line == "q" { return .pause }
        }
    }
}
