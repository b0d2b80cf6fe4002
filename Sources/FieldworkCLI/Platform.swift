import ArgumentParser
import Expressions
import Foundation
import InstrumentModel
import PromptUI
import ResponseStore
import TerminalIO
#if canImport(Glibc)
@preconcurrency import Glibc
#endif


/// Every call the command line makes to the operating system, in one place.
enum Platform {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    static func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }

    /// Writes text for people, made safe for a terminal (`SafeText`): tabs and line breaks are
    /// kept, every other control is shown as `[U+001B]`.
    ///
    /// The one way the command line writes to its output, so instrument texts, answers, file
    /// names and messages cannot reach a terminal raw, whichever command made them.
    static func write(_ text: String, to fd: Int32 = 1) {
        writeBytes(Array(SafeText.escaped(text).utf8), to: fd)
    }

    /// Writes text that carries its own colours when `color` is on, keeping only those (SGR
    /// sequences); every other control is escaped as in `write`. For renderers that make their
    /// parts safe before colouring them (diagnostics), so nothing but their own styling is kept.
    static func writeStyled(_ text: String, color: Bool, to fd: Int32) {
        guard color else { return write(text, to: fd) }
        writeBytes(Array(SafeText.escaped(text, keeping: [.tab, .newline, .styles]).utf8), to: fd)
    }

    /// Writes a document's exact bytes when the output is a file or a pipe (a compiled
    /// instrument whose hash they must match), and as text made safe when it is a terminal.
    static func writeDocument(_ bytes: [UInt8], to fd: Int32 = 1) {
        if isTerminal(fd) {
            write(String(decoding: bytes, as: UTF8.self), to: fd)
        } else {
            writeBytes(bytes, to: fd)
        }
    }

    private static func writeBytes(_ bytes: [UInt8], to fd: Int32) { Terminal.writeAll(bytes, to: fd) }

    /// Clears the terminal on `fd` and its scrollback (a shared screen, left for the next person);
    /// nothing where `fd` is not a terminal. Written raw: `write` would show the controls as text.
    static func clearScreen(_ fd: Int32 = 1) {
        if isTerminal(fd) { writeBytes(Array("\u{1B}[H\u{1B}[2J\u{1B}[3J".utf8), to: fd) }
    }

    /// The width of the terminal on `fd`; nil when it is not one (a file, a pipe).
    static func columns(_ fd: Int32) -> Int? {
        var size = winsize()
        guard isatty(fd) == 1, ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Text for people, its lines wrapped at spaces to the terminal on `fd` (a terminal left to
    /// itself breaks words: "Sama/ritans"); unchanged for a file or a pipe, so scripts read whole lines.
    /// The last line is left open (no line end added) for a prompt.
    /// A line's continuation lines stand under its text, past its indent and any number before it
    /// ("  2  Some…": under "Some").
    static func flowing(_ text: String, for fd: Int32 = 1) -> String {
        guard let columns = columns(fd) else { return text }
        // One column spare: a line exactly as wide as the terminal leaves the cursor hanging.
        let room = max(20, columns - 1)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let lead = line.prefix { $0 == " " }
            let number = line.dropFirst(lead.count).prefix { $0.isASCII && $0.isNumber }
            let gap = number.isEmpty ? "" : line.dropFirst(lead.count + number.count).prefix { $0 == " " }
            let hang = String(repeating: " ", count: lead.count + number.count + gap.count)
            guard hang.count < room / 2 else { return TextLayout.wrap(String(line), room).joined(separator: "\n") }
            let body = String(line.dropFirst(hang.count))
            return TextLayout.wrap(body, room - hang.count).enumerated()
                .map { ($0.offset == 0 ? String(line.prefix(hang.count)) : hang) + $0.element }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    enum FileKind { case file, directory, missing }

    static func kind(of path: String) -> FileKind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .directory : .file
    }

    static func fileSize(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }

    /// A file's bytes. Only a regular file is read: a FIFO or a device would block or never end.
    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw ReadFailure(reason: String(cString: strerror(errno)).lowercased()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw ReadFailure(reason: "it is not a regular file (a folder, a FIFO or a device)")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var used = 0
        while used < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + used, $0.count - used) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw ReadFailure(reason: String(cString: strerror(errno)).lowercased()) }
            if n == 0 { break }
            used += n
        }
        return Array(bytes.prefix(used))
    }

    /// Why a file could not be read, in words.
    struct ReadFailure: Error, CustomStringConvertible { var reason: String; var description: String { reason } }

    /// Every file below `directory` whose name ends in one of `extensions`, sorted, skipping hidden folders.
    static func files(under directory: String, extensions: [String]) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            if extensions.contains(where: { name.hasSuffix($0) }) {
                let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
                if kind(of: path) == .file { found.append(path) }
            }
        }
        return found.sorted()
    }

    /// Writes a whole file through a temporary file and a rename, so a reader never sees half of it.
    /// (Foundation's `.atomic` option leaves an empty folder in /tmp behind each time.)
    static func writeAtomically(_ data: Data, to path: String) throws {
        let temporary = path + ".tmp-" + UUID().uuidString.prefix(8)
        try createNew(data, at: temporary)
        guard rename(temporary, path) == 0 else {
            let failure = NSError(domain: NSPOSIXErrorDomain, code: Int(errno))
            unlink(temporary)
            throw failure
        }
    }

    /// Creates a file that must not exist yet (O_EXCL: a file made meanwhile is never overwritten).
    static func createNew(_ data: Data, at path: String, permissions: mode_t = 0o644) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard fd >= 0 else { throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno)) }
        defer { close(fd) }
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    let failure = NSError(domain: NSPOSIXErrorDomain, code: Int(errno))
                    unlink(path)
                    throw failure
                }
                offset += n
            }
        }
    }

    static func describe(_ error: any Error) -> String {
        if let failure = error as? ReadFailure { return failure.reason }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))).lowercased() }
        return ns.localizedDescription
    }
}

extension Platform {
    /// Seconds on a clock that only moves forward, for durations and paradata.
    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Today's date (UTC) as days since 1970-01-01.
    static func todayDays() -> Int { StoreClock.today() }

    /// The current UTC time as `YYYY-MM-DDTHH:MMZ`.
    static func utcMinute() -> String { DateValue.minuteStamp(secondsSince1970: Int(time(nil))) }

    /// Where study keys live by default: outside any responses folder, in the user's configuration.
    /// Where study keys live by default; nil when neither XDG_CONFIG_HOME nor HOME says (a key
    /// must never land in whatever folder the command happens to run in).
    static func keyFolder() -> String? {
        if let config = environment("XDG_CONFIG_HOME"), config.hasPrefix("/") { return config + "/fieldwork/keys" }
        if let home = environment("HOME"), home.hasPrefix("/") { return home + "/.config/fieldwork/keys" }
        return nil
    }

    /// The study key's path: the one given, or the default for the instrument.
    static func keyPath(_ given: String?, instrumentID: String) throws -> String {
        if let given { return given }
        guard let folder = keyFolder() else {
            throw ValidationError("there is no home folder to keep the study key in (HOME is not set); give the key with --key-file")
        }
        return folder + "/" + instrumentID + ".key"
    }

    /// A line typed without being shown (the study code, on a shared screen): echo is turned off
    /// while it is typed when input is a terminal, and a line break is written after it.
    static func readHiddenLine() -> String? {
        guard isatty(0) == 1 else { return readLine() }
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return readLine() }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSANOW, &quiet)
        defer {
            tcsetattr(0, TCSANOW, &saved)
            write("\n")
        }
        return readLine()
    }

    /// One line of standard input without its line end; nil at the end of input, or once a signal
    /// `leaveCleanlyOnSignals` listens to has arrived.
    ///
    /// Read a byte at a time after a poll, not through stdio: a blocking read would not notice the
    /// signal, and reading ahead would take bytes that a later reader of standard input expects.
    static func readLine() -> String? {
        if case .line(let line) = readLine(within: nil) { return line }
        return nil
    }

    /// What reading a line came to: the line, the end of input (or a leave signal), or
    /// `milliseconds` without a byte (`settings.idle_minutes`).
    enum LineRead { case line(String), end, idle }

    static func readLine(within milliseconds: Int?) -> LineRead {
        var line: [UInt8] = []
        while true {
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: ProcessSignals.descriptor ?? -1, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, nfds_t(fds.count), Int32(clamping: milliseconds ?? -1))
            if ready < 0 {
                if errno == EINTR { continue }
                return .end
            }
            if ready == 0 { return .idle }
            // The signal's byte is left in the pipe, so every later read ends at once as well.
            if fds[1].revents & Int16(POLLIN) != 0 { return .end }
            var byte: UInt8 = 0
            let n = Glibc.read(0, &byte, 1)
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if n <= 0 { return line.isEmpty ? .end : .line(String(decoding: line, as: UTF8.self)) }
            if byte == UInt8(ascii: "\n") {
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            line.append(byte)
        }
    }

    /// The signals that end a session early: in line mode they end the input, in raw mode they
    /// arrive as a hang-up. Either way the session leaves the normal way, saved (exit status 3).
    static let leaveSignals = [SIGINT, SIGTERM, SIGHUP]

    /// In line mode, Ctrl-C, SIGTERM or SIGHUP end the input; the driver then saves and leaves as at
    /// the end of input, so the documented exit status (3) and message follow.
    static func leaveCleanlyOnSignals() {
        _ = ProcessSignals.listen(to: leaveSignals)
    }

    /// The local terminal in raw mode, with resizes and leave signals as events and its settings
    /// restored even on a crash; nil when standard input or output is not a terminal.
    static func openTerminal() -> Terminal? {
        let signals = [SIGWINCH] + leaveSignals
        let descriptor = ProcessSignals.listen(to: signals)
        guard let terminal = Terminal(input: 0, output: 1, signals: descriptor) else {
            ProcessSignals.stopListening(to: signals)
            return nil
        }
        ProcessSignals.restoreOnExit(terminal.saved)
        return terminal
    }

    /// Restores the terminal and gives the signals their default action back.
    static func closeTerminal(_ terminal: Terminal) {
        terminal.close()
        ProcessSignals.release()
        ProcessSignals.stopListening(to: [SIGWINCH] + leaveSignals)
    }

    /// Whether `path` lies inside `folder` (both resolved against the working folder; links in
    /// them are not followed, so this can only err towards warning).
    static func isInside(_ path: String, folder: String) -> Bool {
        func absolute(_ p: String) -> [Substring] {
            let full = p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p
            var parts: [Substring] = []
            for part in full.split(separator: "/") where part != "." {
                if part == ".." { _ = parts.popLast() } else { parts.append(part) }
            }
            return parts
        }
        let (inner, outer) = (absolute(path), absolute(folder))
        return inner.count > outer.count && Array(inner.prefix(outer.count)) == outer
    }
}
