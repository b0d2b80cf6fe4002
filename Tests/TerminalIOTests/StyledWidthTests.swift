import TerminalIO
import Testing

/// A styled line's escape codes take no columns: the interviewer's screen fits widget lines that
/// come styled, and counted `ESC[2m` as 4 columns, so a hint was cut about 7 columns early
/// ("2024-05-17…" at 80 columns) and could be cut inside a code, leaving a style open.
@Suite struct StyledWidthTests {
    let dim = "\u{1B}[2m", undim = "\u{1B}[22m"

    @Test func escapeCodesHaveNoWidth() {
        #expect(TextLayout.width(dim + "abcdef" + undim) == 6)
        #expect(TextLayout.width("\u{1B}[38;5;208mé\u{1B}[0m") == 1)
    }

    @Test func aStyledLineThatFitsIsKeptWhole() {
        let line = dim + "for example 2024-05-17 09:30" + undim
        #expect(TextLayout.fit(line, 28) == line)
    }

    @Test func aCutKeepsTheCodesThatCloseTheStyle() {
        #expect(TextLayout.fit(dim + "abcdefgh" + undim, 5) == dim + "abcd…" + undim)
        // Never inside a code: a code before the cut is kept whole, and styles the mark.
        #expect(TextLayout.fit("ab" + dim + "cdefgh" + undim, 3) == "ab" + dim + "…" + undim)
    }
}
