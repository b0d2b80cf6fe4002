import TerminalIO
import TestSupport
import Testing

@Suite struct ScriptedTerminalTests {
    @Test func decodesItsBytesThroughTheInputQueue() {
        let t = ScriptedTerminal(script: [
            (100, .bytes([0x1B])), (10, .bytes(Array("[B".utf8))),    // an arrow split across reads
            (100, .bytes([0x1B])), (100, .bytes(Array("1".utf8))),    // a lone ESC, then a key
            (100, .resize(columns: 50, rows: 12)),
        ])
        #expect(t.next() == .key(.down))
        #expect(t.next() == .key(.escape))
        #expect(t.now == 260, "the ESC was taken as Escape once the wait was over")
        #expect(t.next() == .key(.character("1")))
        #expect(t.next() == .resized(columns: 50, rows: 12))
        #expect((t.columns, t.rows) == (50, 12))
        #expect(t.next() == .endOfInput)
    }

    @Test func waitsOnItsOwnClockWithinATimeLimit() {
        let t = ScriptedTerminal(script: [(1500, .bytes([0x0D]))])
        #expect(t.next(within: 1000) == nil)
        #expect(t.now == 1000)
        #expect(t.next(within: 1000) == .key(.enter))
        #expect(t.now == 1500)
    }

    @Test func typesEveryKeyTheDriversUseAsTheSameKey() {
        let keys: [Key] = [.character("é"), .character("字"), .enter, .tab, .shiftTab, .backspace, .delete, .escape,
                           .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .ctrl("c"), .ctrl("o"), .ctrl("x")]
        let t = ScriptedTerminal(keys.map(TerminalEvent.key))
        #expect(keys.map { _ in t.next() } == keys.map(TerminalEvent.key))
    }
}
