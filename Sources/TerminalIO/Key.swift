/// A key press, decoded from the bytes a terminal sends.
public enum Key: Sendable, Equatable {
    case character(Character)
    case enter, tab, shiftTab, backspace, delete, escape
    case up, down, left, right, home, end, pageUp, pageDown
    /// The help key: `ESC O P` (xterm, tmux) or `ESC [ 1 1 ~` (older terminals).
    case f1
    /// Ctrl and a letter, lowercase (`ctrl("c")` is Ctrl-C: with ISIG off it arrives as a key).
    case ctrl(Character)
    /// Text pasted while bracketed paste is on (`ESC [ 200 ~` … `ESC [ 201 ~`), whole: it goes into
    /// the field it was pasted into, so its tabs and line breaks neither move on nor submit.
    case paste(String)
    /// A byte sequence that is not understood, passed over.
    case unknown
}

/// Turns bytes into keys. Sequences and UTF-8 characters may be split across reads, so bytes
/// that might start something longer are held until more arrive; a lone ESC is Escape only
/// when nothing follows it within a short wait (the caller calls `flush` after that wait).
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    public var isWaiting: Bool { !pending.isEmpty }

    public mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending += bytes
        var keys: [Key] = []
        while !pending.isEmpty {
            guard let (key, used) = Self.decode(pending[...]) else { break }
            keys.append(key)
            pending.removeFirst(used)
        }
        return keys
    }

    /// After the wait: whatever is held is taken as it stands (a lone ESC is Escape).
    public mutating func flush() -> [Key] {
        defer { pending = [] }
        if pending == [0x1B] { return [.escape] }
        return pending.isEmpty ? [] : [.unknown]
    }

    /// One key from the start of `bytes` and how many bytes it used; nil when more bytes are needed.
    static func decode(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let b = bytes[bytes.startIndex]
        switch b {
        case 0x0D, 0x0A: return (.enter, 1)
        case 0x09: return (.tab, 1)
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x1B: return escape(bytes)
        case 0x01...0x1A: return (.ctrl(Character(Unicode.Scalar(b + 0x60))), 1)
        case 0x00, 0x1C...0x1F: return (.unknown, 1)
        case 0x20..<0x80: return (.character(Character(Unicode.Scalar(b))), 1)
        default: return utf8(bytes)
        }
    }

    private static func utf8(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let b = bytes[bytes.startIndex]
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        if length == 1 { return (.unknown, 1) }
        guard bytes.count >= length else { return nil }
        let chunk = Array(bytes.prefix(length))
        guard let s = String(validating: chunk, as: UTF8.self), let c = s.first else { return (.unknown, 1) }
        return (.character(c), length)
    }

    /// A pasted OSC, DCS, SOS, PM or APC string (`ESC ] 0 ; title BEL`), up to BEL or `ESC \\`,
    /// passed over whole: read as Escape and typed characters, it would go back a question and
    /// put the rest into the answer.
    private static func controlString(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        var i = bytes.startIndex + 2
        while i < bytes.endIndex {
            if bytes[i] == 0x07 { return (.unknown, i - bytes.startIndex + 1) }
            if bytes[i] == 0x1B {
                guard i + 1 < bytes.endIndex else { return nil }
                return (.unknown, i - bytes.startIndex + (bytes[i + 1] == UInt8(ascii: "\\") ? 2 : 0))
            }
            i += 1
        }
        return nil
    }

    /// The largest paste kept whole; a longer one (no answer takes that much) is cut there.
    static let largestPaste = 4 << 20

    /// A bracketed paste, from after its opening sequence to its closing `ESC [ 201 ~`; nil until
    /// the closing sequence has arrived. Line ends pasted as CR or CR LF become line breaks.
    private static func paste(_ bytes: ArraySlice<UInt8>, from start: Int) -> (Key, Int)? {
        let end: [UInt8] = [0x1B, UInt8(ascii: "["), UInt8(ascii: "2"), UInt8(ascii: "0"), UInt8(ascii: "1"), UInt8(ascii: "~")]
        var i = start
        while i + end.count <= bytes.endIndex {
            if bytes[i] == 0x1B, bytes[i..<(i + end.count)].elementsEqual(end) {
                return (.paste(pastedText(bytes[start..<i])), i + end.count - bytes.startIndex)
            }
            i += 1
        }
        if bytes.endIndex - start > largestPaste {
            return (.paste(pastedText(bytes[start..<(start + largestPaste)])), start + largestPaste - bytes.startIndex)
        }
        return nil
    }

    private static func pastedText(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    private static func escape(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        guard bytes.count >= 2 else { return nil }
        let second = bytes[bytes.startIndex + 1]
        if [UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_")].contains(second) {
            return controlString(bytes)
        }
        guard second == UInt8(ascii: "[") || second == UInt8(ascii: "O") else {
            // ESC with a character in the same read is Alt and that key (Alt-b, a word back in
            // many terminals): passed over, never read as Escape, which would go back a question.
            if (0x20..<0x7F).contains(second) { return (.unknown, 2) }
            return (.escape, 1)
        }
        // CSI / SS3: parameters (digits and ';') then one final byte.
        var i = bytes.startIndex + 2
        while i < bytes.endIndex, (0x30...0x3F).contains(bytes[i]) { i += 1 }
        guard i < bytes.endIndex else { return nil }
        let final = bytes[i]
        let params = String(decoding: bytes[(bytes.startIndex + 2)..<i], as: UTF8.self)
        let used = i - bytes.startIndex + 1
        if final == UInt8(ascii: "~"), params == "200" { return paste(bytes, from: bytes.startIndex + used) }
        switch (final, params) {
        case (UInt8(ascii: "A"), _): return (.up, used)
        case (UInt8(ascii: "B"), _): return (.down, used)
        case (UInt8(ascii: "C"), _): return (.right, used)
        case (UInt8(ascii: "D"), _): return (.left, used)
        case (UInt8(ascii: "H"), _): return (.home, used)
        case (UInt8(ascii: "F"), _): return (.end, used)
        case (UInt8(ascii: "Z"), _): return (.shiftTab, used)
        case (UInt8(ascii: "P"), ""), (UInt8(ascii: "~"), "11"): return (.f1, used)
        case (UInt8(ascii: "~"), "1"), (UInt8(ascii: "~"), "7"): return (.home, used)
        case (UInt8(ascii: "~"), "4"), (UInt8(ascii: "~"), "8"): return (.end, used)
        case (UInt8(ascii: "~"), "3"): return (.delete, used)
        case (UInt8(ascii: "~"), "5"): return (.pageUp, used)
        case (UInt8(ascii: "~"), "6"): return (.pageDown, used)
        default: return (.unknown, used)
        }
    }
}
