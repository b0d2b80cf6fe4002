import InstrumentModel
import SessionEngine
import TerminalIO

/// One frame of the interviewer's screen: the outline (sections with planned minutes, each
/// question marked), the current question with instructions, probes and notes, the clocks.
struct InterviewLayout {
    let screen: InterviewScreen
    let session: Session
    let question: Question
    let message: String?

    /// A line of a pane: plain text fitted to the pane, then styled (styling after fitting keeps widths right).
    typealias Line = (text: String, style: (String) -> String)
    static var blank: Line { ("", { $0 }) }

    /// The questions the outline lists, in the order asked (notes and calculations left out of jumps).
    static func outlineEntries(_ session: Session) -> [String] {
        session.order.filter { session.isVisible($0) }
    }

    /// The question `step` places away on the route, if any.
    static func neighbour(of id: String, in session: Session, by step: Int) -> String? {
        let entries = outlineEntries(session)
        guard let i = entries.firstIndex(of: id), entries.indices.contains(i + step) else { return nil }
        return entries[i + step]
    }

    func frame() -> Frame {
        let width = screen.columns
        let height = screen.rows
        let now = screen.clock()
        let planned = session.instrument.sections.compactMap(\.minutes).reduce(0, +)
        let clock = "⏱ " + NoteTurn.stamp(now) + (planned > 0 ? " of \(Int(planned)) min " : " ")
        let title = session.render(session.instrument.title)
        let header = TextLayout.pad(" " + TextLayout.fit(title, width - TextLayout.width(clock) - 2), width - TextLayout.width(clock)) + clock
        var lines = [screen.style.bold(header), screen.style.dim(String(repeating: "─", count: width))]
        let room = height - 4

        let (detail, focus, cursor) = self.detail(width: screen.rightWidth, now: now)
        let (outline, selected) = self.outline(width: screen.outlineWidth > 0 ? screen.outlineWidth : width - 2)
        var screenCursor: (row: Int, column: Int)?
        if case .outline = screen.currentMode, screen.outlineWidth == 0 {
            // A narrow screen shows the outline instead of the question while choosing.
            let start = Self.scroll(outline.count, focus: selected, room: room)
            for row in 0..<room {
                let line = start + row < outline.count ? outline[start + row] : Self.blank
                lines.append(" " + line.style(TextLayout.fit(line.text, width - 2)))
            }
        } else {
            let leftStart = Self.scroll(outline.count, focus: selected, room: room)
            let rightStart = Self.scroll(detail.count, focus: focus, room: room)
            for row in 0..<room {
                var text = ""
                if screen.outlineWidth > 0 {
                    let left = leftStart + row < outline.count ? outline[leftStart + row] : Self.blank
                    text += " " + left.style(TextLayout.pad(TextLayout.fit(left.text, screen.outlineWidth - 1), screen.outlineWidth - 1))
                    text += screen.style.dim(" │ ")
                } else {
                    text += " "
                }
                let right = rightStart + row < detail.count ? detail[rightStart + row] : Self.blank
                text += right.style(TextLayout.fit(right.text, screen.rightWidth))
                lines.append(text)
            }
            if let cursor, cursor.line >= rightStart, cursor.line - rightStart < room {
                let left = screen.outlineWidth > 0 ? screen.outlineWidth + 3 : 1
                screenCursor = (2 + cursor.line - rightStart, left + cursor.column)
            }
        }
        lines.append(message.map { screen.style.warn(TextLayout.fit(" ! " + $0, width)) } ?? "")
        lines.append(screen.style.dim(TextLayout.fit(" " + help, width)))
        return Frame(lines: lines, cursor: screenCursor)
    }

    private var help: String {
        switch screen.currentMode {
        case .confirmLeave: return session.words.interviewConfirmLeave
        case .confirmEnd: return session.words.interviewConfirmEnd
        case .outline: return session.words.interviewOutlineKeys
        case .probes: return session.words.interviewProbeKeys
        case .notes:
            return FullScreenDriver.keyHelp(session.words.interviewNoteKeys(question.type, hasProbes: question.probes?.isEmpty == false),
                                            width: screen.columns - 2)
        }
    }

    /// The outline's lines and the line to keep in view.
    private func outline(width: Int) -> ([Line], Int) {
        var out: [Line] = []
        var keep = 0
        let entries = Self.outlineEntries(session)
        let listed = Set(entries)
        var selectedID: String?
        if case .outline(let i) = screen.currentMode, entries.indices.contains(i) { selectedID = entries[i] }
        for section in session.instrument.sections {
            let ids = section.questions.map(\.id).filter(listed.contains)
            guard !ids.isEmpty else { continue }
            let minutes = section.minutes.map { " \(Int($0))m" } ?? ""
            let name = session.render(section.title).isEmpty ? section.id : session.render(section.title)
            out.append((TextLayout.fit(name, width - 1 - minutes.count) + minutes, screen.style.accent))
            for id in ids {
                guard let q = session.question(id) else { continue }
                let label = session.render(q.label ?? q.text)
                let line = " " + marker(id) + " " + (label.isEmpty ? id : label)
                if id == selectedID {
                    keep = out.count
                    out.append(("❯" + line.dropFirst(), screen.style.selected))
                } else if id == question.id {
                    if selectedID == nil { keep = out.count }
                    out.append((line, screen.style.bold))
                } else {
                    out.append((line, { $0 }))
                }
            }
        }
        return (out, keep)
    }

    /// ▶ current · ✓ answered or noted · – skipped · ○ visited, nothing kept · · not yet asked.
    private func marker(_ id: String) -> String {
        if id == question.id { return "▶" }
        if session.answers[id] != nil { return "✓" }
        if session.skipped.contains(id) { return "–" }
        if (session.timing[id]?.visits ?? 0) > 0 { return "○" }
        return "·"
    }

    /// The current question's lines, the line to keep in view, and the text cursor.
    private func detail(width: Int, now: Double) -> ([Line], Int, (line: Int, column: Int)?) {
        let style = screen.style
        var out: [Line] = []
        func wrapped(_ text: String, _ s: @escaping (String) -> String, indent: String = "") {
            for (i, line) in TextLayout.wrap(text, max(10, width - indent.count)).enumerated() {
                out.append(((i == 0 ? "" : indent) + line, s))
            }
        }
        if let group = screen.group {
            wrapped(session.words.interviewGroup(group), style.dim)
        }
        if let section = session.instrument.sections.first(where: { $0.questions.contains { $0.id == question.id } }) {
            let spent = section.questions.reduce(0.0) { $0 + (session.timing[$1.id]?.seconds ?? 0) } + (now - session.shownAt)
            let plan = section.minutes.map { " of \(Int($0)) min" } ?? ""
            let name = session.render(section.title).isEmpty ? section.id : session.render(section.title)
            out.append((name + " · " + NoteTurn.stamp(spent) + plan, style.accent))
        }
        out.append(("", { $0 }))
        let entries = Self.outlineEntries(session).filter { session.question($0)?.type != .note }
        let number = entries.firstIndex(of: question.id).map { "\($0 + 1). " } ?? ""
        wrapped(number + session.render(question.text).trimmed, style.bold)
        if let instructions = question.instructions {
            wrapped(session.words.interviewer(session.render(instructions).trimmed), style.dim)
        }
        if let probes = question.probes, !probes.isEmpty {
            let ticked = session.probesAsked[question.id] ?? []
            out.append((session.words.interviewProbesHeading(choosing: screen.currentMode == .probes), style.dim))
            for (i, probe) in probes.enumerated() {
                let mark = ticked.contains(i) ? "[x]" : "[ ]"
                let look: (String) -> String = ticked.contains(i) ? { style.selected($0) } : { $0 }
                wrapped("\(mark) \(i + 1) " + session.render(probe).trimmed, look, indent: "      ")
            }
        }
        out.append(("", { $0 }))
        switch question.type {
        case .open:
            out.append((session.words.interviewNotes, style.dim))
            if case .text(let notes)? = session.answers[question.id]?.value {
                for paragraph in notes.split(separator: "\n") { wrapped(String(paragraph), { $0 }, indent: "        ") }
            }
            let layout = screen.typing.layout(columns: max(10, width - 2))
            let top = out.count
            for (i, line) in layout.lines.enumerated() { out.append(((i == 0 ? "> " : "  ") + line, style.bold)) }
            return (out, top + layout.cursor.line, (top + layout.cursor.line, 2 + layout.cursor.column))
        case .note, .calculate:
            return (out, 0, nil)
        default:
            guard let widget = screen.currentWidget else { return (out, 0, nil) }
            let body = widget.render(width: width, style: screen.style)
            let top = out.count
            // Widget lines come styled; they are kept as they are.
            out += body.lines.map { ($0, { $0 }) }
            return (out, top + body.focus, body.cursor.map { (top + $0.line, $0.column) })
        }
    }

    /// The first line to show so that `focus` stays in view.
    static func scroll(_ count: Int, focus: Int, room: Int) -> Int {
        count <= room ? 0 : min(max(0, focus - room / 2), count - room)
    }
}
