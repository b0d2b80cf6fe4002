import TerminalIO
import Testing

/// Typed text wraps at word boundaries, as the text it will be read as; Up and Down move by the
/// lines on the screen.
@Suite struct WordWrapTests {
    @Test func wrapsAtSpacesNotThroughWords() {
        let e = LineEditor("The quick brown fox jumps", multiline: true)
        #expect(e.layout(columns: 10).lines == ["The quick", "brown fox", "jumps"])
        #expect(e.layout(columns: 10).cursor == (line: 2, column: 5))
    }

    @Test func splitsOnlyAWordLongerThanTheLine() {
        let e = LineEditor("a verylongwordindeed b", multiline: true)
        #expect(e.layout(columns: 8).lines == ["a", "verylong", "wordinde", "ed b"])
    }

    @Test func keepsLineBreaksTyped() {
        let e = LineEditor("one two\nthre", multiline: true)
        #expect(e.layout(columns: 5).lines == ["one", "two", "thre"])
    }

    @Test func theCursorOnTheSpaceAtABreakStaysOnItsLine() {
        var e = LineEditor("The quick brown", multiline: true)
        for _ in 0..<6 { _ = e.handle(.left) }   // on the space after "quick"
        #expect(e.layout(columns: 9).cursor == (line: 0, column: 9))
        _ = e.handle(.right)
        #expect(e.layout(columns: 9).cursor == (line: 1, column: 0))
    }

    @Test func upAndDownMoveByScreenLine() {
        var e = LineEditor("The quick brown fox jumps", multiline: true)
        e.wrapColumns = 10
        _ = e.handle(.up)
        #expect(e.layout(columns: 10).cursor == (line: 1, column: 5))
        _ = e.handle(.up)
        #expect(e.layout(columns: 10).cursor == (line: 0, column: 5))
        _ = e.handle(.down)
        _ = e.handle(.down)
        #expect(e.layout(columns: 10).cursor == (line: 2, column: 5))
        _ = e.handle(.down)
        #expect(e.cursor == e.text.count)
    }
}
