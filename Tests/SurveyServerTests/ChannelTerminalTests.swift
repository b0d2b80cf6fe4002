import Foundation
import SurveyServer
import TerminalIO
import Testing

/// The SSH channel's side of the `TerminalPort` seam, without a network: bytes and sizes fed as
/// the event loop feeds them, read as a driver reads them.
@Suite struct ChannelTerminalTests {
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var written = ""
        var text: String { lock.lock(); defer { lock.unlock() }; return written }
        func add(_ s: String) { lock.lock(); written += s; lock.unlock() }
    }

    @Test func keysAndResizesArriveInOrder() {
        let input = ChannelInput()
        let clock = SessionClock(idleSeconds: 60, sessionSeconds: 600)
        let terminal = ChannelTerminal(columns: 80, rows: 24, input: input, clock: clock, output: { _ in })
        input.feed(Array("a".utf8))
        input.resize(columns: 100, rows: 30)
        input.feed([0x1B, 0x5B, 0x41, 0x0D])
        #expect(terminal.next() == .key(.character("a")))
        #expect(terminal.next() == .resized(columns: 100, rows: 30))
        #expect((terminal.columns, terminal.rows) == (100, 30))
        #expect(terminal.next() == .key(.up))
        #expect(terminal.next() == .key(.enter))
        input.close()
        #expect(terminal.next() == .endOfInput)
        #expect(terminal.next() == .endOfInput)
        #expect(clock.stop == nil)
    }

    @Test func aKeyFromAnotherThreadWakesTheWait() {
        let input = ChannelInput()
        let terminal = ChannelTerminal(columns: 0, rows: -1, input: input, clock: SessionClock(idleSeconds: 60, sessionSeconds: 600), output: { _ in })
        #expect((terminal.columns, terminal.rows) == (80, 24))
        Thread.detachNewThread {
            usleep(20_000)
            input.feed(Array("x".utf8))
        }
        #expect(terminal.next() == .key(.character("x")))
    }

    @Test func aScreenLeftIdleHangsUpAndSaysWhy() {
        let input = ChannelInput()
        let clock = SessionClock(idleSeconds: 1, sessionSeconds: 600)
        let terminal = ChannelTerminal(columns: 80, rows: 24, input: input, clock: clock, output: { _ in })
        #expect(terminal.next() == .hangUp)
        #expect(clock.stop == .idle(seconds: 1))
    }

    @Test func aShortWaitAskedForIsNotAnIdleStop() {
        let input = ChannelInput()
        let clock = SessionClock(idleSeconds: 60, sessionSeconds: 600)
        let terminal = ChannelTerminal(columns: 80, rows: 24, input: input, clock: clock, output: { _ in })
        #expect(terminal.next(within: 10) == nil)
        #expect(clock.stop == nil)
    }

    @Test func theSessionDeadlineEndsAWait() {
        let clock = SessionClock(idleSeconds: 60, sessionSeconds: 1)
        let terminal = ChannelTerminal(columns: 80, rows: 24, input: ChannelInput(), clock: clock, output: { _ in })
        #expect(terminal.next() == .hangUp)
        #expect(clock.stop == .sessionTime(seconds: 1))
    }

    @Test func theServerStoppingHangsUp() {
        let input = ChannelInput()
        let clock = SessionClock(idleSeconds: 60, sessionSeconds: 600)
        let terminal = ChannelTerminal(columns: 80, rows: 24, input: input, clock: clock, output: { _ in })
        input.hangUp()
        #expect(terminal.next() == .hangUp)
        #expect(clock.stop == .serverStopping)
    }

    @Test func writesGoToTheChannel() {
        let sink = Sink()
        let terminal = ChannelTerminal(columns: 80, rows: 24, input: ChannelInput(),
                                       clock: SessionClock(idleSeconds: 60, sessionSeconds: 600), output: { sink.add($0) })
        terminal.write("hello")
        #expect(sink.text == "hello")
    }

    @Test func plainLinesSplitOnNewlinesAcrossReads() {
        let input = ChannelInput()
        var lines = ChannelLines(input: input, clock: SessionClock(idleSeconds: 60, sessionSeconds: 600), output: { _ in })
        input.feed(Array("fir".utf8))
        input.feed(Array("st\r\nsecond\nlast".utf8))
        input.close()
        #expect(lines.readLine() == "first")
        #expect(lines.readLine() == "second")
        #expect(lines.readLine() == "last")
        #expect(lines.readLine() == nil)
        #expect(lines.readLine() == nil)
    }

    @Test func plainLinesEndWhenIdle() {
        let clock = SessionClock(idleSeconds: 1, sessionSeconds: 600)
        var lines = ChannelLines(input: ChannelInput(), clock: clock, output: { _ in })
        #expect(lines.readLine() == nil)
        #expect(clock.stop == .idle(seconds: 1))
    }
}

@Suite struct HostileSizeTests {
    /// A PTY or window change of absurd size (0, negative, a million columns) never reaches the
    /// layout as such: unknown sizes keep the last good one, huge ones are capped.
    @Test func absurdSizesAreTamed() {
        let input = ChannelInput()
        let terminal = ChannelTerminal(columns: 1_000_000, rows: 0, input: input,
                                       clock: SessionClock(idleSeconds: 60, sessionSeconds: 600), output: { _ in })
        #expect((terminal.columns, terminal.rows) == (1000, 24))
        input.resize(columns: 0, rows: -5)
        #expect(terminal.next() == .resized(columns: 1000, rows: 24))
        input.resize(columns: 90, rows: 40)
        #expect(terminal.next() == .resized(columns: 90, rows: 40))
    }
}

@Suite struct EchoingLinesTests {
    /// On a PTY the server echoes and edits the line, as a terminal's line discipline would.
    @Test func echoesTakesBackspaceAndEndsAtEnter() {
        let sink = ChannelTerminalTests.Sink()
        let input = ChannelInput()
        var lines = EchoingLines(input: input, clock: SessionClock(idleSeconds: 60, sessionSeconds: 600), output: { sink.add($0) })
        input.feed(Array("caf".utf8))
        input.feed(Array("é!".utf8) + [0x7F, 0x7F])
        input.feed(Array("e\r".utf8))
        #expect(lines.readLine() == "cafe")
        #expect(sink.text == "café!\u{8} \u{8}\u{8} \u{8}e\r\n")
        lines.write("one\ntwo\n")
        #expect(sink.text.hasSuffix("one\r\ntwo\r\n"))
        input.feed([0x03])
        #expect(lines.readLine() == nil)
        #expect(lines.readLine() == nil)
    }

    /// A flood of window changes waiting to be read is one change, the last: the queue stays
    /// small and the screen is drawn once, whatever the client sends.
    @Test func waitingWindowChangesAreTakenAsTheLastOne() {
        let input = ChannelInput()
        for i in 0..<10_000 { input.resize(columns: 80 + i % 100, rows: 24) }
        input.feed([0x31])
        input.resize(columns: 100, rows: 30)
        input.resize(columns: 120, rows: 40)
        let taken = (0..<3).map { _ in input.take(until: Date()) }
        #expect(taken == [.resized(columns: 179, rows: 24), .bytes([0x31]), .resized(columns: 120, rows: 40)])
        #expect(input.take(until: Date()) == nil)
    }
}
