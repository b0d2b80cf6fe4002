import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine

/// Which sessions fired which safeguarding rules, for the research team to follow its protocol
/// (contact the participant where the study has a way to, report to the safeguarding lead).
///
/// It names a session by its pseudonym where the instrument gives one (the team can turn that
/// back into a participant through the study key, as its protocol allows) and by its response id
/// otherwise. It holds no answer, no free text and no time: only what fired and where.
public struct SafeguardingList: Sendable {
    public struct Row: Sendable, Equatable {
        /// "p_…" (a pseudonym) or the response id.
        public var who: String
        public var status: ResponseStatus
        public var rule: String
        public var question: String
        public var simulated: Bool
        /// Inside a repeat: the instance's key and the repeated section's id.
        public var instance: (key: Int, section: String)?

        public static func == (a: Row, b: Row) -> Bool {
            (a.who, a.status, a.rule, a.question, a.simulated) == (b.who, b.status, b.rule, b.question, b.simulated)
                && a.instance?.key == b.instance?.key && a.instance?.section == b.instance?.section
        }

        /// The question as the list shows it: "distress (instance 2 of 'activity')" inside a repeat.
        var place: String { question + (instance.map { " (instance \($0.key) of '\($0.section)')" } ?? "") }
    }

    public var instrumentID: String
    public var rows: [Row] = []
    public var responses = 0
    /// Each rule's protocol, by rule id, from the latest version that has the rule.
    public var protocols: [(rule: String, text: String)] = []
    public var skipped: [SkippedFile] = []

    public init(_ reader: ResponseReader) {
        instrumentID = reader.instruments.last?.instrument.id ?? ""
        var skipped: [SkippedFile] = []
        let instrument = reader.instruments.last?.instrument
        reader.each(skipped: { skipped.append($0) }) { r in
            responses += 1
            for firing in r.safeguarding {
                // The section of a repeated question, or the section itself (a no to "Add another?").
                let section = instrument?.repeatingSection(of: firing.question)?.id ?? firing.question
                rows.append(Row(who: r.pseudonym ?? r.responseID, status: r.status, rule: firing.rule, question: firing.question,
                                simulated: r.simulated, instance: firing.instance.map { ($0, section) }))
            }
        }
        self.skipped = skipped
        var seen: Set<String> = []
        for copy in reader.instruments.reversed() {
            for rule in copy.instrument.safeguarding where !seen.contains(rule.id) {
                seen.insert(rule.id)
                protocols.append((rule.id, (rule.protocolText ?? rule.message).text()))
            }
        }
        protocols.sort { $0.rule < $1.rule }
    }

    /// The list as text: a heading that says who it is for, one line per firing, then each rule's protocol.
    public func text() -> String {
        var out = "Safeguarding rules fired in \(instrumentID): for the research team, to follow the study's protocol.\n"
        out += "Do not share this list beyond the people the protocol names.\n\n"
        guard !rows.isEmpty else {
            return out + "No safeguarding rule fired in \(responses) \(responses == 1 ? "response" : "responses").\n"
        }
        let header = ("pseudonym or response", "status", "rule", "question")
        let whoWidth: Int = rows.reduce(header.0.count) { max($0, $1.who.count) }
        let statusWidth: Int = rows.reduce(header.1.count) { max($0, $1.status.rawValue.count) }
        let ruleWidth: Int = rows.reduce(header.2.count) { max($0, $1.rule.count) }
        let widths = [whoWidth, statusWidth, ruleWidth]
        func line(_ a: String, _ b: String, _ c: String, _ d: String) -> String {
            [a.padding(toLength: widths[0], withPad: " ", startingAt: 0), b.padding(toLength: widths[1], withPad: " ", startingAt: 0),
             c.padding(toLength: widths[2], withPad: " ", startingAt: 0), d].joined(separator: "  ") + "\n"
        }
        out += line(header.0, header.1, header.2, header.3)
        for row in rows { out += line(row.who, row.status.rawValue, row.rule, row.place + (row.simulated ? " (simulated)" : "")) }
        let sessions = Set(rows.map(\.who)).count
        out += "\n\(rows.count) \(rows.count == 1 ? "firing" : "firings") in \(sessions) of \(responses) \(responses == 1 ? "response" : "responses").\n"
        let fired = Set(rows.map(\.rule))
        let relevant = protocols.filter { fired.contains($0.rule) }
        if !relevant.isEmpty {
            out += "\nProtocols:\n"
            for p in relevant { out += "  \(p.rule): \(p.text.trimmingCharacters(in: .whitespacesAndNewlines))\n" }
        }
        return out
    }
}
