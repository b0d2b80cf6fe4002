import Expressions
import InstrumentModel
import SessionEngine

/// One interview as a document that reads like a transcript: the guide's sections and questions
/// as headings, notes as turns (`[12:40] P2: ...`), structured answers inline.
struct Transcript {
    enum Style { case markdown, plain }

    /// Where a question's notes are in the plain text, in Unicode scalars (zero-based,
    /// end-exclusive), as REFI-QDA counts them.
    struct Span {
        var section: Section
        var question: Question
        /// The instance's key and its name, for notes in a repeated section.
        var instance: Int?
        var label: String?
        var start: Int
        var end: Int
    }

    /// Where one speaker's turn is in the plain text, counted as `Span` is.
    struct Turn {
        var question: Question
        var instance: Int?
        var index: Int
        var speaker: String
        var start: Int
        var end: Int
    }

    private(set) var text = ""
    private(set) var spans: [Span] = []
    private(set) var turnSpans: [Turn] = []
    private var count = 0

    init(_ interview: Interview, style: Style) {
        let language = interview.instrument.languages.first
        let title = interview.instrument.title.text(in: language)
        let facts = ([interview.pseudonym.map { "participant \($0)" } ?? interview.caseName,
                      interview.group.map { "group of \($0)" }, interview.date,
                      "version \(interview.version)", interview.status].compactMap { $0 }).joined(separator: " · ")
        switch style {
        case .markdown:
            append("# \(title)\n\n\(facts)\n")
        case .plain:
            append("\(title)\n\(String(repeating: "=", count: title.count))\n\n\(facts)\n")
        }
        // A block's instances and the questions after it are parts of their section (`within`):
        // the section's heading once, before the first part that holds anything, and each of
        // the block's instances a heading one level under it. Plain text has no heading levels,
        // so there the questions after the instances are put under the section's heading again:
        // else they would read as the last instance's (Markdown's `###` is back under `##`).
        var headed: Set<String> = []
        var afterInstance = false
        for part in interview.sections where part.items.contains(where: { if case .notAsked = $0.content { false } else { true } }) {
            let owner = part.section.within.flatMap { id in interview.instrument.sections.first { $0.id == id } }
            let resumes = style == .plain && owner != nil && part.instance == nil && afterInstance
            if owner == nil || !headed.contains(owner?.id ?? "") || resumes {
                let heading = owner.map { $0.title?.text(in: language) ?? $0.id } ?? part.heading(in: language)
                append(style == .markdown ? "\n## \(heading)\n" : "\n\(heading)\n\(String(repeating: "-", count: heading.count))\n")
                headed.insert(owner?.id ?? part.section.id)
            }
            let inBlock = owner != nil && part.instance != nil
            afterInstance = inBlock
            if inBlock {
                let heading = part.heading(in: language)
                append(style == .markdown ? "\n### \(heading)\n" : "\n\(heading)\n\(String(repeating: "~", count: heading.count))\n")
            }
            for item in part.items {
                if case .notAsked = item.content { continue }
                let text = item.question.text?.text(in: language) ?? item.question.id
                let question = part.instance?.question(text) ?? text
                append(style == .markdown ? "\n\(inBlock ? "####" : "###") \(question)\n\n" : "\n\(question)\n\n")
                if !item.probesAsked.isEmpty {
                    let list = item.probesAsked.joined(separator: "; ")
                    append(style == .markdown ? "*Probes asked:* \(escaped(list))\n\n" : "Probes asked: \(list)\n\n")
                }
                switch item.content {
                case .notes(let turns):
                    let start = count
                    if turns.isEmpty { append(style == .markdown ? "*No notes.*\n" : "(no notes)\n") }
                    for (i, turn) in turns.enumerated() {
                        if i > 0 { append(style == .markdown ? "\n" : "") }
                        let begun = count
                        append(style == .markdown ? markdownTurn(turn) : turn.line)
                        if let speaker = turn.speaker {
                            turnSpans.append(Turn(question: item.question, instance: part.instance?.key, index: i, speaker: speaker, start: begun, end: count))
                        }
                        append("\n")
                    }
                    if !turns.isEmpty { spans.append(Span(section: part.section, question: item.question, instance: part.instance?.key,
                                            label: part.instance.map { _ in part.heading(in: language) }, start: start, end: count - 1)) }
                case .answer(let given):
                    // A document to read: a datetime as it is typed, not in its stored form with a T.
                    let words = item.question.type == .datetime ? DateTimeValue.readable(given) : given
                    append(style == .markdown ? "Answer: **\(words)**\n" : "Answer: \(words)\n")
                case .skipped:
                    append(style == .markdown ? "*Skipped.*\n" : "(skipped)\n")
                case .notAsked:
                    break
                }
            }
        }
    }

    private func markdownTurn(_ turn: NoteTurn) -> String {
        (turn.stamp.map { "`[\($0)]` " } ?? "") + (turn.speaker.map { "**\($0):** " } ?? "") + escaped(turn.text)
    }

    /// Notes are the interviewer's words, not markup.
    private func escaped(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    private mutating func append(_ s: String) {
        text += s
        count += s.unicodeScalars.count
    }
}
