import SessionEngine
import TerminalIO

/// Which lines of a screen's scrolling part are in view, with a marker line above and below
/// whenever there is more that way.
///
/// Its own value, apart from what it shows, so that the consent, every question and the help
/// scroll by the same rules: a text the participant must read before agreeing can always be
/// read whole (PgUp/PgDn), and the row the cursor is on is brought into view whenever it moves.
struct Viewport: Equatable {
    /// The first line in view.
    private(set) var top = 0

    /// The lines in view when the view starts at `top`, and whether a marker stands above or below.
    /// Markers take a row each, so that nothing is drawn under them.
    static func window(top: Int, count: Int, room: Int) -> (lines: Range<Int>, above: Bool, below: Bool) {
        guard count > room, room >= 3 else { return (0..<min(count, max(0, room)), false, count > room) }
        let above = top > 0
        var rows = room - (above ? 1 : 0)
        let below = top + rows < count
        if below { rows -= 1 }
        return (top..<min(count, top + rows), above, below)
    }

    /// The first line of the view that shows the end.
    private static func lastTop(count: Int, room: Int) -> Int {
        count > room && room >= 3 ? count - room + 1 : 0
    }

    func window(count: Int, room: Int) -> (lines: Range<Int>, above: Bool, below: Bool) {
        Self.window(top: top, count: count, room: room)
    }

    /// Keeps the view inside the text (after the text or the window changed size).
    mutating func clamp(count: Int, room: Int) {
        top = min(max(0, top), Self.lastTop(count: count, room: room))
    }

    mutating func scroll(by lines: Int, count: Int, room: Int) {
        top += lines
        clamp(count: count, room: room)
    }

    /// Scrolls by a page: what was at the bottom of the view is at its top, for the thread of the text.
    mutating func page(down: Bool, count: Int, room: Int) {
        let step = max(1, window(count: count, room: room).lines.count - 1)
        scroll(by: down ? step : -step, count: count, room: room)
    }

    /// Scrolls as little as needed for `lines` to be in view; where they do not all fit, their first.
    mutating func reveal(_ lines: Range<Int>, count: Int, room: Int) {
        if lines.count > 1 { reveal(lines.upperBound - 1, count: count, room: room) }
        reveal(lines.lowerBound, count: count, room: room)
    }

    /// Scrolls as little as needed for `line` to be in view.
    mutating func reveal(_ line: Int, count: Int, room: Int) {
        clamp(count: count, room: room)
        guard count > room, line >= 0, line < count else { return }
        if line < window(count: count, room: room).lines.lowerBound { top = line }
        while line >= window(count: count, room: room).lines.upperBound, top < Self.lastTop(count: count, room: room) { top += 1 }
        // With the marker above gone at the very top, a line just under it may show from 0.
        if line < window(count: count, room: room).lines.lowerBound { top = line }
    }

    /// Exactly `room` rows: the lines in view, each marker in its place.
    func rows(_ lines: [String], room: Int, words: ParticipantWords, style: Style) -> [String] {
        let view = window(count: lines.count, room: room)
        var out: [String] = []
        if view.above { out.append(style.dim("   " + words.moreAbove)) }
        out += lines[view.lines]
        if view.below { out.append(style.dim("   " + words.moreBelow)) }
        return out + Array(repeating: "", count: max(0, room - out.count))
    }
}
