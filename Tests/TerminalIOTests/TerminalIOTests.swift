import TerminalIO
import Testing

@Suite struct KeyDecoderTests {
    @Test func decodesTheSequencesMeasuredOnThisKindOfMachine() {
        var d = KeyDecoder()
        let bytes: [UInt8] = [0x7F, 0x0D, 0x1B, 0x5B, 0x41, 0x1B, 0x4F, 0x42, 0x1B, 0x5B, 0x31, 0x7E, 0x1B, 0x5B, 0x34, 0x7E,
                              0x1B, 0x5B, 0x48, 0x1B, 0x4F, 0x46, 0x1B, 0x5B, 0x33, 0x7E, 0x1B, 0x5B, 0x5A, 0x03, 0x17]
        #expect(d.feed(bytes) == [.backspace, .enter, .up, .down, .home, .end, .home, .end, .delete, .shiftTab, .ctrl("c"), .ctrl("w")])
    }

    /// The help key (issue 12 item 17), as xterm and tmux send it and as older terminals do.
    @Test func decodesF1BothWays() {
        var d = KeyDecoder()
        #expect(d.feed(Array("\u{1B}OP".utf8)) == [.f1])
        #expect(d.feed(Array("\u{1B}[11~".utf8)) == [.f1])
        #expect(d.feed(Array("?".utf8)) == [.character("?")])
    }

    @Test func waitsForSequencesAndCharactersSplitAcrossReads() {
        var d = KeyDecoder()
        #expect(d.feed([0x1B]) == [])
        #expect(d.feed([0x5B]) == [])
        #expect(d.feed([0x43]) == [.right])
        let snowman = Array("☃".utf8)
        #expect(d.feed([snowman[0]]) == [])
        #expect(d.feed(Array(snowman[1...])) == [.character("☃")])
        #expect(d.feed(Array("é字".utf8)) == [.character("é"), .character("字")])
    }

    @Test func takesALoneEscapeAsEscapeAfterTheWait() {
        var d = KeyDecoder()
        #expect(d.feed([0x1B]) == [])
        #expect(d.isWaiting)
        #expect(d.flush() == [.escape])
        #expect(d.feed([0x1B, 0x61]) == [.unknown], "ESC and a key in one read is Alt-a, not Escape")
    }
}

@Suite struct LineEditorTests {
    func typing(_ text: String, into e: inout LineEditor) {
        for c in text { _ = e.handle(.character(c)) }
    }

    @Test func editsWithCursorKeysHomeEndAndWordDelete() {
        var e = LineEditor()
        typing("hello wide world", into: &e)
        _ = e.handle(.ctrl("w"))
        #expect(e.string == "hello wide ")
        _ = e.handle(.home)
        _ = e.handle(.delete)
        typing("J", into: &e)
        #expect(e.string == "Jello wide ")
        _ = e.handle(.end)
        _ = e.handle(.backspace)
        _ = e.handle(.left)
        typing("字", into: &e)
        #expect(e.string == "Jello wid字e")
        _ = e.handle(.ctrl("u"))
        #expect(e.string == "e")
        #expect(e.handle(.enter) == false, "Enter is not an edit on one line")
    }

    @Test func movesBetweenLinesOfALongText() {
        var e = LineEditor(multiline: true)
        typing("first", into: &e)
        _ = e.handle(.enter)
        typing("second line", into: &e)
        _ = e.handle(.up)
        typing("!", into: &e)
        #expect(e.string == "first!\nsecond line")
    }

    @Test func laysOutWideCharactersAndTheCursor() {
        var e = LineEditor("ab字字字")
        let layout = e.layout(columns: 5)
        #expect(layout.lines == ["ab字", "字字"])
        #expect(layout.cursor.line == 1 && layout.cursor.column == 4)
        _ = e.handle(.home)
        #expect(e.layout(columns: 5).cursor.column == 0)
    }
}

@Suite struct TextLayoutTests {
    @Test func wrapsAtSpacesAndKeepsLineBreaks() {
        #expect(TextLayout.wrap("How long have you been involved with Prosper?", 20) == ["How long have you", "been involved with", "Prosper?"])
        #expect(TextLayout.wrap("one\ntwo", 20) == ["one", "two"])
        #expect(TextLayout.wrap("supercalifragilistic", 8) == ["supercal", "ifragili", "stic"])
    }

    @Test func measuresWideAndCombiningCharacters() {
        #expect(TextLayout.width("café") == 4)
        #expect(TextLayout.width("日本") == 4)
        #expect(TextLayout.width("e\u{301}") == 1)
        #expect(TextLayout.pad("日本語", 5) == "日本…")
    }

    /// Issue 12 item 12: whatever is cut says so, and never through a wide character.
    @Test func aCutTextEndsWithAnEllipsis() {
        #expect(TextLayout.fit("Neither agree nor disagree", 12) == "Neither…", "cut at the word where one is near")
        #expect(TextLayout.fit("Neither agree nor disagree", 17) == "Neither agree…")
        #expect(TextLayout.fit("Supercalifragilistic expialidocious", 10) == "Supercali…", "a long word is cut in it")
        #expect(TextLayout.fit("Peer supporters", 12) == "Peer suppor…", "a word boundary far back is not taken")
        #expect(TextLayout.fit("Peer support workers in the team — interview guide", 37) == "Peer support workers in the team…")
        #expect(TextLayout.fit("Agree", 5) == "Agree")
        #expect(TextLayout.fit("日本語", 4) == "日…")
        #expect(TextLayout.fit("日本語", 5) == "日本…")
        #expect(TextLayout.fit("abc", 0) == "")
        #expect(TextLayout.wrap("supercalifragilistic", 8) == ["supercal", "ifragili", "stic"], "a word split over lines is not cut")
    }
}
