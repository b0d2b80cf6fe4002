import TerminalIO
import Testing

@Suite struct InputQueueTests {
    /// Every event ready at `now`.
    func drain(_ q: inout InputQueue, at now: Int) -> [TerminalEvent] {
        var out: [TerminalEvent] = []
        while let e = q.next(at: now), e != .endOfInput { out.append(e) }
        return out
    }

    @Test func joinsAUTF8CharacterSplitAcrossFeeds() {
        var q = InputQueue()
        let snowman = Array("☃".utf8)
        q.feed([snowman[0]], at: 0)
        #expect(q.next(at: 5) == nil)
        q.feed([snowman[1]], at: 10)
        #expect(q.next(at: 15) == nil)
        q.feed([snowman[2]] + Array("é".utf8), at: 20)
        #expect(drain(&q, at: 20) == [.key(.character("☃")), .key(.character("é"))])
    }

    @Test func joinsAnEscapeSequenceSplitAcrossFeeds() {
        var q = InputQueue()
        q.feed([0x1B], at: 0)
        q.feed([0x5B], at: 20)
        #expect(q.next(at: 40) == nil)
        q.feed([0x33], at: 45)
        q.feed([0x7E, 0x1B, 0x4F], at: 60)
        #expect(drain(&q, at: 60) == [.key(.delete)])
        q.feed([0x41], at: 70)
        #expect(drain(&q, at: 70) == [.key(.up)])
    }

    @Test func takesALoneEscapeAsEscapeOnlyAfterTheWait() {
        var q = InputQueue()
        q.feed([0x1B], at: 100)
        #expect(q.wait(at: 110) == 40)
        #expect(q.next(at: 149) == nil)
        #expect(q.next(at: 150) == .key(.escape))
        #expect(q.next(at: 150) == nil)
        #expect(q.wait(at: 150) == nil, "nothing held: only new input can bring an event")
    }

    @Test func takesEscapeFollowedByBracketAAsAnArrowNotEscape() {
        var q = InputQueue()
        q.feed([0x1B], at: 0)
        q.feed(Array("[A".utf8), at: 30)
        #expect(drain(&q, at: 200) == [.key(.up)])
    }

    @Test func restartsTheWaitWhenMoreOfASequenceArrives() {
        var q = InputQueue()
        q.feed([0x1B], at: 0)
        q.feed([0x5B], at: 40)
        #expect(q.next(at: 60) == nil)
        #expect(q.next(at: 90) == .key(.unknown), "an unfinished sequence is passed over")
    }

    @Test func keepsPostedEventsInOrderWithKeys() {
        var q = InputQueue()
        q.feed(Array("ab".utf8), at: 0)
        q.post(.resized(columns: 60, rows: 20))
        q.feed([0x0D], at: 1)
        #expect(drain(&q, at: 1) == [.key(.character("a")), .key(.character("b")), .resized(columns: 60, rows: 20), .key(.enter)])
    }

    @Test func releasesHeldBytesAtTheEndOfInputThenStaysEnded() {
        var q = InputQueue()
        q.feed([0x1B], at: 0)
        q.finish()
        #expect(q.next(at: 1) == .key(.escape))
        #expect(q.next(at: 1) == .endOfInput)
        #expect(q.next(at: 2) == .endOfInput)
        #expect(q.wait(at: 2) == 0)
    }
}

@Suite struct BracketedPasteTests {
    @Test func readsAPasteWholeEvenSplitAcrossReads() {
        var decoder = KeyDecoder()
        let bytes = Array("\u{1B}[200~one\ttwo\r\nthree\r\u{1B}[201~x".utf8)
        var keys: [Key] = []
        for chunk in stride(from: 0, to: bytes.count, by: 3).map({ Array(bytes[$0..<min($0 + 3, bytes.count)]) }) {
            keys += decoder.feed(chunk)
        }
        #expect(keys == [.paste("one\ttwo\nthree\n"), .character("x")])
    }
}

@Suite struct AltKeyTests {
    /// Alt-b arrives as ESC b in one read: it is not Escape (which goes back a question).
    @Test func altAndAKeyIsNotEscape() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B, UInt8(ascii: "b")]) == [.unknown])
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.flush() == [.escape], "a lone ESC is still Escape after the wait")
    }
}
