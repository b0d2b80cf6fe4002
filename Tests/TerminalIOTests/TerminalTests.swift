import Foundation
import TerminalIO
import Testing
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A pseudo-terminal pair: the program's side (`terminal`) and the side that types (`keyboard`).
final class PseudoTerminal {
    let keyboard: Int32
    let terminal: Int32

    init(columns: UInt16, rows: UInt16) throws {
        let master = PseudoTerminal.libc("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)(O_RDWR | O_NOCTTY)
        let grant = PseudoTerminal.libc("grantpt", as: (@convention(c) (Int32) -> Int32).self)
        let unlock = PseudoTerminal.libc("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
        #expect(master >= 0 && grant(master) == 0 && unlock(master) == 0)
        let name = try #require(PseudoTerminal.libc("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)(master))
        let slave = open(String(cString: name), O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        _ = fcntl(master, F_SETFL, O_NONBLOCK)
        keyboard = master
        terminal = slave
    }

    /// A libc function the Glibc module does not import (its header hides it behind _XOPEN_SOURCE).
    static func libc<F>(_ name: String, as type: F.Type) -> F {
        let handle = dlopen(nil, RTLD_NOW)
        guard let symbol = dlsym(handle, name) else { fatalError("libc has no \(name)") }
        return unsafeBitCast(symbol, to: type)
    }

    deinit {
        close(terminal)
        if keyboard >= 0 { close(keyboard) }
    }

    func type(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { write(keyboard, $0.baseAddress, $0.count) }
    }

    /// What the program wrote, so the pair's buffer never fills.
    @discardableResult
    func screen() -> String {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(keyboard, &buffer, buffer.count)
            if n <= 0 { break }
            out += buffer.prefix(n)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the terminal side is in canonical (cooked) mode with echo.
    var isCooked: Bool {
        var t = termios()
        tcgetattr(terminal, &t)
        return t.c_lflag & tcflag_t(ICANON) != 0 && t.c_lflag & tcflag_t(ECHO) != 0
    }
}

@Suite(.serialized) struct TerminalTests {
    @Test func twoTerminalsKeepTheirOwnSettingsAndSizes() throws {
        let a = try PseudoTerminal(columns: 100, rows: 30)
        let b = try PseudoTerminal(columns: 60, rows: 20)
        let first = try #require(Terminal(input: a.terminal, output: a.terminal, signals: nil))
        let second = try #require(Terminal(input: b.terminal, output: b.terminal, signals: nil))
        #expect((first.columns, first.rows) == (100, 30))
        #expect((second.columns, second.rows) == (60, 20))
        #expect(!a.isCooked && !b.isCooked)
        #expect(a.screen().contains("\u{1B}[?1049h"), "the alternate screen is entered on its own terminal")
        #expect(b.screen().contains("\u{1B}[?1049h"))
        first.close()
        #expect(a.isCooked, "the first is restored")
        #expect(!b.isCooked, "the second is still raw: closing one does not touch the other")
        #expect(a.screen().contains("\u{1B}[?1049l"))
        #expect(b.screen().isEmpty)
        second.close()
        #expect(b.isCooked)
    }

    @Test func readsKeysSplitAcrossWritesAndALoneEscape() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let terminal = try #require(Terminal(input: pty.terminal, output: pty.terminal, signals: nil))
        defer { terminal.close() }
        // Written in pieces; however the reads split them, the keys come out whole.
        let e = Array("é".utf8)
        pty.type([0x1B, 0x5B])
        pty.type([0x41, e[0]])
        pty.type([e[1]])
        #expect(terminal.next(within: 1000) == .key(.up))
        #expect(terminal.next(within: 1000) == .key(.character("é")))
        pty.type([0x1B])
        #expect(terminal.next(within: 1000) == .key(.escape), "a lone ESC, once the wait is over")
        #expect(terminal.next(within: 0) == nil)
    }

    @Test func reportsTheEndOfInputWhenTheOtherSideCloses() throws {
        var pty: PseudoTerminal? = try PseudoTerminal(columns: 80, rows: 24)
        let slave = dup(try #require(pty).terminal)
        defer { close(slave) }
        let terminal = try #require(Terminal(input: slave, output: slave, signals: nil))
        pty = nil
        #expect(terminal.next() == .endOfInput)
        #expect(terminal.next() == .endOfInput)
    }

    @Test func refusesADescriptorThatIsNotATerminal() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        #expect(Terminal(input: fds[0], output: fds[1], signals: nil) == nil)
    }

    @Test func turnsSignalBytesIntoResizeAndHangUp() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let terminal = try #require(Terminal(input: pty.terminal, output: pty.terminal, signals: fds[0]))
        defer { terminal.close() }
        var size = winsize(ws_row: 10, ws_col: 40, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(pty.terminal, UInt(TIOCSWINSZ), &size)
        var bytes: [UInt8] = [UInt8(SIGWINCH), UInt8(SIGTERM)]
        _ = write(fds[1], &bytes, 2)
        #expect(terminal.next() == .resized(columns: 40, rows: 10))
        #expect(terminal.next() == .hangUp)
        #expect((terminal.columns, terminal.rows) == (40, 10))
    }
}
