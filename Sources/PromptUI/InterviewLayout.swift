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

    /// The minutes the guide plans: a repeated section's once per instance it has now (an
    /// `until_done` block's plan grows as topics are added).
    static func plannedMinutes(_ session: Session) -> Double {
        session.instrument.sections.reduce(0) { total, section in
            guard let minutes = section.minutes else { return total }
            return total + minutes * Double(section.repeat == nil ? 1 : session.instanceKeys(ofSection: section.id).count)
        }
    }

    /// A section's name as asked under `id`: its title (piped as in the instance), or its id;
    /// and in a repeat, which instance ("Money · 2 of 3", "Anything else · Number 2").
    static func sectionName(_ section: Section, asked id: String, _ session: Session) -> String {
        // In a block: the section once, then the instance ("Talk · Money · 2 of 3").
        if let block = partOf(id, session), block.within != nil, block.repeat != nil {
            return plainName(section, asked: id, session) + " · " + blockInstanceName(block, asked: id, session)
        }
        let title = session.render(section.title, asked: id)
        let name = title.isEmpty ? section.id : title
        return session.instanceCaptionText(of: id, under: title).map { name + " · " + $0 } ?? name
    }

    /// An outline heading in `columns`: where it does not fit, its title is cut rather than the
    /// instance's place after the last " · " ("Anything… · Number 2"), so that instances can
    /// still be told apart; a heading with too little room for both is cut as any line is.
    static func fitKeepingPlace(_ name: String, _ columns: Int) -> String {
        guard TextLayout.width(name) > columns, let dot = name.range(of: " · ", options: .backwards) else { return TextLayout.fit(name, columns) }
        let place = String(name[dot.lowerBound...])
        let room = columns - TextLayout.width(place)
        guard room >= 4 else { return TextLayout.fit(name, columns) }
        return TextLayout.fit(String(name[..<dot.lowerBound]), room) + place
    }

    /// The question `step` places away on the route, if any.
    static func neighbour(of id: String, in session: Session, by step: Int) -> String? {
        let entries = outlineEntries(session)
        guard let i = entries.firstIndex(of: id), entries.indices.contains(i + step) else { return nil }
        return entries[i + step]
    }

    /// A frame, and how the notes page: by how many lines, and how far back they go.
    struct Drawn {
        var frame: Frame
        var notesPage = 1
        var notesDeepest = 0
    }

    func drawn() -> Drawn {
        guard screen.fits else {
            return Drawn(frame: FullScreenDriver.askForRoom(columns: screen.terminal.columns, rows: screen.terminal.rows, words: session.words))
        }
        let width = screen.columns
        let height = screen.rows
        let now = screen.clock()
        let planned = Self.plannedMinutes(session)
        let clock = "⏱ " + Self.budget(now, planned > 0 ? planned : nil, session.words) + " "
        let title = session.render(session.instrument.title)
        let header = TextLayout.pad(" " + TextLayout.fit(title, width - TextLayout.width(clock) - 2), width - TextLayout.width(clock)) + clock
        var lines = [screen.style.bold(header), screen.style.dim(String(repeating: "─", count: width))]
        let footer = self.footer(width: width)
        let room = height - lines.count - footer.count

        let (outline, selected) = self.outline(width: screen.outlineWidth > 0 ? screen.outlineWidth : width - 2)
        var drawn = Drawn(frame: Frame(lines: [], cursor: nil))
        var screenCursor: (row: Int, column: Int)?
        if case .outline = screen.currentMode, screen.outlineWidth == 0 {
            // A narrow screen shows the outline instead of the question while choosing.
            let start = Self.scroll(outline.count, focus: selected, room: room)
            for row in 0..<room {
                let line = start + row < outline.count ? outline[start + row] : Self.blank
                lines.append(" " + line.style(TextLayout.fit(line.text, width - 2)))
            }
        } else {
            // Crowded (fewer than five lines left for notes), the pinned part is made compact.
            var detail = self.detail(width: screen.rightWidth, now: now, compact: false)
            if detail.pinned.count > room - 5 { detail = self.detail(width: screen.rightWidth, now: now, compact: true) }
            let (right, cursor) = self.right(detail, room: room, into: &drawn)
            let leftStart = Self.scroll(outline.count, focus: selected, room: room)
            for row in 0..<room {
                var text = ""
                if screen.outlineWidth > 0 {
                    let left = leftStart + row < outline.count ? outline[leftStart + row] : Self.blank
                    text += " " + left.style(TextLayout.pad(TextLayout.fit(left.text, screen.outlineWidth - 1), screen.outlineWidth - 1))
                    text += screen.style.dim(" │ ")
                } else {
                    text += " "
                }
                let line = row < right.count ? right[row] : Self.blank
                text += line.style(TextLayout.fit(line.text, screen.rightWidth))
                lines.append(text)
            }
            if let cursor {
                let left = screen.outlineWidth > 0 ? screen.outlineWidth + 3 : 1
                screenCursor = (2 + cursor.row, left + cursor.column)
            }
        }
        drawn.frame = Frame(lines: lines + footer, cursor: screenCursor)
        return drawn
    }

    /// The right-hand pane: the question, its instructions and probes pinned at the top, and the
    /// notes (or the answer) scrolled beneath them, with a marker where lines are out of view.
    /// When the pinned part would leave too little room, the whole pane scrolls as one.
    private func right(_ detail: Detail, room: Int, into drawn: inout Drawn) -> ([Line], (row: Int, column: Int)?) {
        var pinned = detail.pinned
        var body = detail.body
        var focus = detail.focus
        var cursor = detail.cursor
        if pinned.count > room - 4 {
            body = pinned + body
            focus += pinned.count
            cursor = cursor.map { ($0.line + pinned.count, $0.column) }
            pinned = []
        }
        let rows = room - pinned.count
        let window: (start: Int, end: Int)
        let notes = question.type == .open
        if notes {
            drawn.notesPage = max(1, rows - 2)
            drawn.notesDeepest = body.count > rows ? body.count - (rows - 1) : 0
            window = Self.window(body.count, rows: rows, back: min(screen.notesScrolledBack, drawn.notesDeepest))
        } else {
            window = Self.window(body.count, rows: rows, focus: focus)
        }
        var out = pinned
        if window.start > 0 {
            out.append((session.words.interviewLines(window.start, above: true) + (notes ? " · PgUp" : ""), screen.style.dim))
        }
        out += body[window.start..<window.end]
        if window.end < body.count {
            out.append((session.words.interviewLines(body.count - window.end, above: false) + (notes ? " · PgDn" : ""), screen.style.dim))
        }
        let shown = cursor.flatMap { c -> (row: Int, column: Int)? in
            guard c.line >= window.start, c.line < window.end else { return nil }
            return (pinned.count + (window.start > 0 ? 1 : 0) + c.line - window.start, c.column)
        }
        return (out, shown)
    }

    /// The lines of a pane of `rows` shown `back` lines from its end; a marker takes a row at
    /// each end where lines are out of view.
    static func window(_ count: Int, rows: Int, back: Int) -> (start: Int, end: Int) {
        guard count > rows else { return (0, count) }
        let end = count - max(0, min(back, count - (rows - 1)))
        if end == count { return (count - rows + 1, count) }
        return end - (rows - 1) <= 0 ? (0, rows - 1) : (end - (rows - 2), end)
    }

    /// The lines of a pane of `rows` that keep `focus` in view, near the middle.
    static func window(_ count: Int, rows: Int, focus: Int) -> (start: Int, end: Int) {
        guard count > rows else { return (0, count) }
        var start = min(max(0, focus - rows / 2), count - rows)
        if start > 0 { start += 1 }
        var end = start + rows - (start > 0 ? 1 : 0)
        if end < count { end -= 1 }
        return (start, min(end, count))
    }

    /// `04:20 of 5 min`, and once past the plan `06:10 of 5 min, 01:10 over`; `04:20` without one.
    static func budget(_ seconds: Double, _ minutes: Double?, _ words: ParticipantWords) -> String {
        guard let minutes else { return NoteTurn.stamp(seconds) }
        let over = seconds - minutes * 60
        return words.interviewBudget(NoteTurn.stamp(seconds), minutes: Int(minutes), over: over >= 1 ? NoteTurn.stamp(over) : nil)
    }

    /// The bottom lines: a question put to the interviewer, or a message, or a blank line; then
    /// every key of the screen, over as many lines as they need (none left out at 60 or 80 columns).
    private func footer(width: Int) -> [String] {
        let style = screen.style
        // A message takes up to three lines, the third ending in "…" where there is more; a
        // question put to the interviewer is shown whole with its y/n (the longest took four lines
        // at 40 columns, and the fourth was lost without a mark).
        var top = message.map { message in
            var lines = TextLayout.wrap(message, width - 4)
            if lines.count > 3 { lines = Array(lines.prefix(2)) + [TextLayout.fit(lines[2...].joined(separator: " "), width - 4)] }
            return lines.enumerated().map { style.warn(($0.offset == 0 ? " ! " : "   ") + $0.element) }
        } ?? [""]
        let words = session.words
        // Each screen's keys come as one message with " · " between them, split so that a
        // narrow screen wraps them key by key.
        func split(_ keys: String) -> [String?] { keys.components(separatedBy: " · ") }
        let keys: [String?]
        switch screen.currentMode {
        case .confirmLeave:
            top = TextLayout.wrap(words.interviewConfirmLeave(dropsAnswer: leavingDropsAnswer, dropsTyped: leavingDropsTyped), width - 2)
                .map { style.warn(" " + $0) }
            keys = split(words.leaveKeys)
        case .confirmEnd:
            top = TextLayout.wrap(words.interviewConfirmEnd, width - 2).map { style.warn(" " + $0) }
            keys = split(words.interviewEndKeys)
        case .confirmRemoval(let warning, _, _):
            top = TextLayout.wrap(warning, width - 4).map { style.warn(" ! " + $0) }
            keys = split(words.interviewRepeatRemoveKeys)
        case .outline:
            keys = split(words.interviewOutlineKeys)
        case .probes:
            let count = question.probes?.count ?? 0
            keys = split(words.interviewProbeKeys(count == 1 ? "1" : "1-\(count)"))
        case .notes:
            keys = words.interviewNoteKeys(question.type, hasProbes: question.probes?.isEmpty == false,
                                           widgetKeys: screen.currentWidget.map { $0.keyHelp.components(separatedBy: " · ") })
        }
        let help = FullScreenDriver.keyHelp(keys, width: width - 2, lines: 3).map { style.dim(" " + $0) }
        return top + help
    }

    /// Whether leaving now leaves a changed answer behind, because keeping it would end the interview.
    private var leavingDropsAnswer: Bool {
        guard let widget = screen.currentWidget, case .success(let given) = widget.answer(), given != session.answers[question.id] else {
            return false
        }
        return InterviewScreen.ends(given.map { .answer($0) } ?? .skip, session)
    }

    /// Whether leaving now leaves text typed on a screen that keeps no notes.
    private var leavingDropsTyped: Bool {
        [.note, .calculate, .hidden].contains(question.type) && !screen.typing.string.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The outline's lines and the line to keep in view.
    private func outline(width: Int) -> ([Line], Int) {
        var out: [Line] = []
        var keep = 0
        let entries = Self.outlineEntries(session)
        let listed = Set(entries)
        var selectedID: String?
        if case .outline(let i) = screen.currentMode, entries.indices.contains(i) { selectedID = entries[i] }
        // A heading for each section as asked: once, or per instance of a repeated section
        // ("Money · 2 of 3"), the instance's questions under it.
        // Each instance's slots, by section and key, found in one pass over the entries.
        var instances: [String: [Int: [String]]] = [:]
        for id in entries {
            guard let key = Slot.key(of: id), let section = Self.partOf(id, session)?.id else { continue }
            instances[section, default: [:]][key, default: []].append(id)
        }
        // A section's parts (a block's instances, the questions after it) go under its one
        // heading, written before the first of them that lists anything.
        var headed: Set<String> = []
        for section in session.instrument.sections {
            let groups: [[String]]
            if section.repeat == nil {
                groups = [section.questions.map(\.id).filter(listed.contains)]
            } else {
                groups = session.instanceKeys(ofSection: section.id).map { instances[section.id]?[$0] ?? [] }
            }
            let owner = section.within.flatMap { id in session.instrument.sections.first { $0.id == id } } ?? section
            for group in groups where !group.isEmpty {
                let inBlock = section.within != nil && section.repeat != nil
                if section.within == nil || !headed.contains(owner.id) {
                    let minutes = owner.minutes.map { " \(Int($0))m" } ?? ""
                    let name = section.within == nil ? Self.sectionName(section, asked: group[0], session) : Self.plainName(owner, asked: group[0], session)
                    out.append((Self.fitKeepingPlace(name, width - 1 - minutes.count) + minutes, screen.style.accent))
                    headed.insert(owner.id)
                }
                if inBlock {
                    out.append((Self.fitKeepingPlace(" " + Self.blockInstanceName(section, asked: group[0], session), width - 1), screen.style.accent))
                }
                for id in group {
                    guard let q = session.question(id) else { continue }
                    let label = session.render(q.label ?? q.text, asked: id)
                    let line = (inBlock ? "  " : " ") + marker(id) + " " + (label.isEmpty ? Slot.question(of: id) : label)
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

    /// The current question's lines: those to pin (the question, its clocks, instructions and
    /// probes), and those beneath (the notes and the paragraph being typed, or the answer), with
    /// the line to keep in view and the text cursor among them.
    struct Detail {
        var pinned: [Line]
        var body: [Line]
        var focus: Int
        var cursor: (line: Int, column: Int)?
    }

    private func detail(width: Int, now: Double, compact: Bool) -> Detail {
        let style = screen.style
        var out: [Line] = []
        /// A text whose first `indent.count` characters are its label (a time stamp, a probe's box
        /// and number): the rest wraps under the text, the first line as wide as the others.
        func wrapped(_ text: String, _ s: @escaping (String) -> String, indent: String = "", into lines: inout [Line]) {
            let label = String(text.prefix(indent.count))
            for (i, line) in TextLayout.wrap(String(text.dropFirst(indent.count)), max(10, width - indent.count)).enumerated() {
                lines.append(((i == 0 ? label : indent) + line, s))
            }
        }
        if let group = screen.group {
            wrapped(session.words.interviewGroup(group), style.dim, into: &out)
        }
        let here = now - session.shownAt
        // A repeated section's minutes are per instance: its clock counts this instance's time.
        if let (section, asked) = session.sectionAsked(question.id) {
            // A section holding a block is planned as one: its clock counts every part.
            let ids = Self.hasParts(section, session) ? session.order.filter { Self.sectionID(of: $0, session) == section.id } : asked
            let spent = ids.reduce(0.0) { $0 + (session.timing[$1]?.seconds ?? 0) } + here
            let name = Self.sectionName(section, asked: question.id, session)
            let over = section.minutes.map { spent - $0 * 60 >= 1 } ?? false
            let look: (String) -> String = over ? { style.warn($0) } : { style.accent($0) }
            out.append((name + " · " + Self.budget(spent, section.minutes, session.words), look))
        }
        if let minutes = question.minutes {
            let spent = (session.timing[question.id]?.seconds ?? 0) + here
            let look: (String) -> String = spent - minutes * 60 >= 1 ? { style.warn($0) } : { style.dim($0) }
            out.append((session.words.interviewThisQuestion + " · " + Self.budget(spent, minutes, session.words), look))
        }
        // Crowded, the pinned part goes without blank lines and the probes' heading (the key
        // line says Ctrl-P probes), so that it stays pinned at 60x20.
        if !compact { out.append(("", { $0 })) }
        let entries = Self.outlineEntries(session).filter { session.question($0)?.type != .note }
        let number = entries.firstIndex(of: question.id).map { "\($0 + 1). " } ?? ""
        wrapped(number + session.render(question.text).trimmed, style.bold, into: &out)
        if let instructions = question.instructions {
            wrapped(session.words.interviewer(session.render(instructions).trimmed), style.dim, into: &out)
        }
        if let probes = question.probes, !probes.isEmpty {
            let ticked = session.probesAsked[question.id] ?? []
            if !compact {
                let keys = probes.count == 1 ? "1" : "1-\(min(9, probes.count))"
                out.append((session.words.interviewProbesHeading(choosing: screen.currentMode == .probes ? keys : nil), style.dim))
            }
            for (i, probe) in probes.enumerated() {
                let mark = ticked.contains(i) ? "[x]" : "[ ]"
                let look: (String) -> String = ticked.contains(i) ? { style.selected($0) } : { $0 }
                let text = "\(mark) \(i + 1) " + session.render(probe).trimmed
                if compact { out.append((TextLayout.fit(text, width), look)) } else { wrapped(text, look, indent: "      ", into: &out) }
            }
        }
        if !compact { out.append(("", { $0 })) }
        var body: [Line] = []
        switch question.type {
        case .open:
            out.append((session.words.interviewNotes, style.dim))
            if case .text(let notes)? = session.answers[question.id]?.value {
                for paragraph in notes.split(separator: "\n") { wrapped(String(paragraph), { $0 }, indent: "        ", into: &body) }
            }
            let layout = screen.typing.layout(columns: Self.notesColumns(width))
            let top = body.count
            for (i, line) in layout.lines.enumerated() { body.append(((i == 0 ? "> " : "  ") + line, style.bold)) }
            return Detail(pinned: out, body: body, focus: top + layout.cursor.line, cursor: (top + layout.cursor.line, 2 + layout.cursor.column))
        case .note, .calculate, .hidden:
            // What was typed here, in view under the reason it is not kept here (it goes on with
            // the interviewer to the next notes).
            guard !screen.typing.string.isEmpty else { return Detail(pinned: out, body: [], focus: 0, cursor: nil) }
            var body: [Line] = []
            wrapped(session.words.interviewNoNotesHere, style.dim, into: &body)
            let layout = screen.typing.layout(columns: Self.notesColumns(width))
            let top = body.count
            for (i, line) in layout.lines.enumerated() { body.append(((i == 0 ? "> " : "  ") + line, style.bold)) }
            return Detail(pinned: out, body: body, focus: top + layout.cursor.line, cursor: (top + layout.cursor.line, 2 + layout.cursor.column))
        default:
            guard let widget = screen.currentWidget else { return Detail(pinned: out, body: [], focus: 0, cursor: nil) }
            let shown = widget.render(width: width, style: screen.style)
            // Widget lines come styled; they are kept as they are.
            return Detail(pinned: out, body: shown.lines.map { ($0, { $0 }) }, focus: shown.focus, cursor: shown.cursor)
        }
    }

    /// The columns the paragraph being typed is laid out in, beside its "> ".
    static func notesColumns(_ width: Int) -> Int { max(10, width - 2) }

    /// The first line to show so that `focus` stays in view.
    static func scroll(_ count: Int, focus: Int, room: Int) -> Int {
        count <= room ? 0 : min(max(0, focus - room / 2), count - room)
    }
}
