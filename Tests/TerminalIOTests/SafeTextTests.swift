import InstrumentModel
import TerminalIO
import Testing

/// `SafeText` lives in InstrumentModel, which has no test target of its own; it is tested here,
/// beside the line editor and key decoder that use it at input.
@Suite struct SafeTextTests {
    @Test func showsEveryKindOfControlAsItsCodePoint() {
        #expect(SafeText.escaped("a\u{1B}]0;pwned\u{07}b") == "a[U+001B]]0;pwned[U+0007]b")
        #expect(SafeText.escaped("\u{1B}[2J\u{08}\u{7F}\u{0}") == "[U+001B][2J[U+0008][U+007F][U+0000]")
        #expect(SafeText.escaped("\u{9B}31m \u{85}") == "[U+009B]31m [U+0085]")
        #expect(SafeText.escaped("abc\u{202E}fed\u{2066}x\u{2069}") == "abc[U+202E]fed[U+2066]x[U+2069]")
        #expect(SafeText.escaped("line\r\n") == "line[U+000D]\n")
    }

    @Test func keepsTabsAndLineBreaksOnlyWhereAsked() {
        #expect(SafeText.escaped("a\tb\nc") == "a\tb\nc")
        #expect(SafeText.escaped("a\tb\nc", keeping: []) == "a[U+0009]b[U+000A]c")
        #expect(SafeText.escaped("a\tb\nc", keeping: .newline) == "a[U+0009]b\nc")
    }

    @Test func leavesOrdinaryTextAsItIs() {
        let text = "Café – “quoted” ½ 字 🙂 \u{200F}שלום"
        #expect(SafeText.escaped(text) == text)
        #expect(SafeText.escaped(utf8: Array(text.utf8)) == nil, "no copy when nothing changes")
        #expect(SafeText.escaped(utf8: Array("x\u{1B}".utf8)) == Array("x[U+001B]".utf8))
    }

    @Test func keepsOnlyColourSequencesWhenStylesAreKept() {
        let styled = "\u{1B}[1;32mok\u{1B}[0m \u{1B}[2J \u{1B}]0;t\u{07} \u{1B}[31"
        #expect(SafeText.escaped(styled, keeping: .styles)
            == "\u{1B}[1;32mok\u{1B}[0m [U+001B][2J [U+001B]]0;t[U+0007] [U+001B][31")
    }

    @Test func leavesWholeEscapeSequencesOutOfTypedText() {
        #expect(SafeText.removingControls("a\u{1B}]0;pwned\u{07}b") == "ab")
        #expect(SafeText.removingControls("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b") == "alinkb")
        #expect(SafeText.removingControls("\u{1B}[2Jclear\u{1B}[1;31mred\u{1B}c") == "clearred")
        #expect(SafeText.removingControls("bell\u{07} back\u{08}space\u{7F} c1\u{9B}") == "bell backspace c1")
        #expect(SafeText.removingControls("keep\ttab\nline") == "keep\ttab\nline")
        #expect(SafeText.removingControls("drop\ttab\nline", keeping: []) == "droptabline")
        #expect(SafeText.removingControls("\u{202E}txt.exe") == "txt.exe")
    }
}

@Suite struct TypedControlTests {
    @Test func theLineEditorTakesNoControlCharacters() {
        var e = LineEditor()
        for c in "a\u{1B}[2Jb\u{07}\u{08}c\u{9B}\u{202E}d" { e.insert(c) }
        #expect(e.string == "a[2Jbcd", "the ESC of a pasted sequence is dropped; its printable rest is text")
        _ = e.handle(.character("\u{85}"))
        e.insert("\t")
        e.insert("\n")
        #expect(e.string == "a[2Jbcd ", "a tab is a space, a line break is refused on one line")
        var long = LineEditor("one\u{1B}]0;pwned\u{07}\ntwo\r\nthree", multiline: true)
        long.insert("\n")
        #expect(long.string == "one\ntwo\nthree\n", "given text is cleaned too; several lines keep their breaks")
    }

    @Test func passesOverAPastedTitleSequenceInsteadOfGoingBack() {
        var d = KeyDecoder()
        #expect(d.feed(Array("\u{1B}]0;pwned\u{07}x".utf8)) == [.unknown, .character("x")])
        #expect(d.feed(Array("\u{1B}]8;;u\u{1B}\\y".utf8)) == [.unknown, .character("y")])
        #expect(d.feed(Array("\u{1B}]0;half".utf8)) == [], "held until its end arrives")
        #expect(d.feed([0x07]) == [.unknown])
    }
}
