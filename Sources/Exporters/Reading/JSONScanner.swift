import Foundation

/// Walks JSON bytes, returning where values lie rather than building them.
struct JSONScanner {
    let b: UnsafeRawBufferPointer
    var i = 0

    init(b: UnsafeRawBufferPointer) {
        self.b = b
    }

    static func equals(_ b: UnsafeRawBufferPointer, _ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount, range.upperBound <= b.count else { return false }
        return memcmp(b.baseAddress! + range.lowerBound, text.utf8Start, range.count) == 0
    }

    mutating func space() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    mutating func expect(_ c: UInt8) -> Bool {
        space()
        guard i < b.count, b[i] == c else { return false }
        i += 1
        return true
    }

    /// The range of a string token, quotes included.
    mutating func stringToken() -> Range<Int>? {
        space()
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
        let start = i
        i += 1
        // memchr to the next quote; a quote after an odd number of backslashes is part of the text.
        while true {
            guard i < b.count, let found = memchr(b.baseAddress! + i, 0x22, b.count - i) else { return nil }
            let at = b.baseAddress!.distance(to: UnsafeRawPointer(found))
            var backslashes = 0
            while at - backslashes - 1 >= start + 1, b[at - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            i = at + 1
            if backslashes % 2 == 0 { return start..<i }
        }
    }

    /// Skips one value and returns its range.
    mutating func skipValue() -> Range<Int>? {
        space()
        guard i < b.count else { return nil }
        let start = i
        switch b[i] {
        case UInt8(ascii: "\""): return stringToken()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    guard stringToken() != nil else { return nil }
                    continue
                }
                if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { depth += 1 }
                if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { i += 1; return start..<i }
                }
                i += 1
            }
            return nil
        default:
            while i < b.count, !(b[i] == UInt8(ascii: ",") || b[i] == UInt8(ascii: "}") || b[i] == UInt8(ascii: "]") || b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D) { i += 1 }
            return i > start ? start..<i : nil
        }
    }

    /// Set when the bytes are not the JSON expected.
    var failed = false

    /// The next member's key (without quotes) with its ':' consumed; nil at the closing brace.
    /// The caller consumes the value before asking again.
    mutating func nextKey(_ first: inout Bool) -> Range<Int>? {
        space()
        guard i < b.count else { failed = true; return nil }
        if b[i] == UInt8(ascii: "}") { i += 1; return nil }
        if !first {
            guard b[i] == UInt8(ascii: ",") else { failed = true; return nil }
            i += 1
        }
        first = false
        guard let key = stringToken(), expect(UInt8(ascii: ":")) else { failed = true; return nil }
        return (key.lowerBound + 1)..<(key.upperBound - 1)
    }

    /// The next element of an array (skipped over); nil at the closing bracket.
    mutating func nextElement(_ first: inout Bool) -> Range<Int>? {
        space()
        guard i < b.count else { failed = true; return nil }
        if b[i] == UInt8(ascii: "]") { i += 1; return nil }
        if !first {
            guard b[i] == UInt8(ascii: ",") else { failed = true; return nil }
            i += 1
        }
        first = false
        guard let r = skipValue() else { failed = true; return nil }
        return r
    }
}
