import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine
import ResponseStore
/// The parts of a response file that the wide export needs, found in its bytes without building
/// a JSON tree: where each answer's value lies. At a hundred thousand files the tree, with a
/// dictionary and a hashed string per answer, was most of an export's time.
struct RawResponse {
    typealias Bytes = UnsafeRawBufferPointer

    /// Question ids to slots, by FNV-1a of the id's bytes, in an open-addressing table built once.
    struct Slots {
        let ids: [[UInt8]]
        private var table: [Int]
        private let mask: Int

        init(_ ids: [String]) {
            self.ids = ids.map { Array($0.utf8) }
            var size = 16
            while size < ids.count * 4 { size *= 2 }
            mask = size - 1
            table = [Int](repeating: -1, count: size)
            for (slot, id) in self.ids.enumerated() {
                var i = Int(truncatingIfNeeded: Self.hash(id[...])) & mask
                while table[i] >= 0 { i = (i + 1) & mask }
                table[i] = slot
            }
        }

        static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            return h
        }

        func slot(_ bytes: Bytes, _ range: Range<Int>) -> Int? {
            let key = bytes[range]
            var i = Int(truncatingIfNeeded: Self.hash(key)) & mask
            while table[i] >= 0 {
                let slot = table[i]
                let id = ids[slot]
                if id.count == range.count, id.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress! + range.lowerBound, range.count) }) == 0 {
                    return slot
                }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    var responseID: Range<Int>?
    var pseudonym: Range<Int>?
    var version: Range<Int>?
    var status: Range<Int>?
    var language: Range<Int>?
    var started: Range<Int>?
    var duration: Range<Int>?
    var isResponse = false
    /// Per question slot: the answer's value (a JSON token or container), the "Other" text, the
    /// calculated value, and whether it was skipped.
    var answers: [Range<Int>?]
    var other: [Range<Int>?]
    var calculated: [Range<Int>?]
    var skipped: [Bool]

    init(slots: Int) {
        answers = Array(repeating: nil, count: slots)
        other = answers
        calculated = answers
        skipped = Array(repeating: false, count: slots)
    }

    mutating func reset() {
        for i in answers.indices {
            answers[i] = nil
            other[i] = nil
            calculated[i] = nil
            skipped[i] = false
        }
        responseID = nil; pseudonym = nil; version = nil; status = nil; language = nil; started = nil; duration = nil
        isResponse = false
    }

    /// Finds the fields in a response file; false when it is not one.
    mutating func read(_ b: Bytes, slots: Slots) -> Bool {
        reset()
        var s = JSONScanner(b: b)
        guard s.expect(UInt8(ascii: "{")) else { return false }
        var first = true
        while let key = s.nextKey(&first) {
            func slotted(_ into: inout [Range<Int>?]) -> Bool {
                guard s.expect(UInt8(ascii: "{")) else { return s.skipValue() != nil }
                var inner = true
                while let k = s.nextKey(&inner) {
                    guard let value = s.skipValue() else { return false }
                    if let slot = slots.slot(b, k) { into[slot] = value }
                }
                return !s.failed
            }
            switch b[key].count {
            case 7 where JSONScanner.equals(b, key, "answers"): guard slotted(&answers) else { return false }
            case 5 where JSONScanner.equals(b, key, "other"): guard slotted(&other) else { return false }
            case 10 where JSONScanner.equals(b, key, "calculated"): guard slotted(&calculated) else { return false }
            case 7 where JSONScanner.equals(b, key, "repeats"):
                guard let value = s.skipValue(), readRepeats(b, value, slots: slots) else { return false }
            case 7 where JSONScanner.equals(b, key, "skipped"):
                guard s.expect(UInt8(ascii: "[")) else { return false }
                var inner = true
                while let r = s.nextElement(&inner) {
                    if b[r.lowerBound] == UInt8(ascii: "\""), let slot = slots.slot(b, (r.lowerBound + 1)..<(r.upperBound - 1)) {
                        skipped[slot] = true
                    }
                }
            case 10 where JSONScanner.equals(b, key, "instrument"):
                guard s.expect(UInt8(ascii: "{")) else { return false }
                var inner = true
                while let k = s.nextKey(&inner) {
                    guard let value = s.skipValue() else { return false }
                    if JSONScanner.equals(b, k, "version") { version = value }
                }
            default:
                guard let value = s.skipValue() else { return false }
                if JSONScanner.equals(b, key, "response_id") { responseID = value }
                else if JSONScanner.equals(b, key, "pseudonym") { pseudonym = value }
                else if JSONScanner.equals(b, key, "status") { status = value }
                else if JSONScanner.equals(b, key, "language") { language = value }
                else if JSONScanner.equals(b, key, "started") { started = value }
                else if JSONScanner.equals(b, key, "duration_seconds") { duration = value }
                else if JSONScanner.equals(b, key, "format") { isResponse = JSONScanner.equals(b, value, "\"fieldwork-response\"") }
            }
            if s.failed { return false }
        }
        return !s.failed && isResponse
    }

    /// A string value's text (unescaping only when it holds escapes); nil for null or a non-string.
    static func string(_ b: Bytes, _ range: Range<Int>?) -> String? {
        guard let range, range.count >= 2, b[range.lowerBound] == UInt8(ascii: "\"") else { return nil }
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        if !b[inner].contains(UInt8(ascii: "\\")) { return String(decoding: UnsafeRawBufferPointer(rebasing: b[inner]), as: UTF8.self) }
        return JSON.parse(UnsafeRawBufferPointer(rebasing: b[range]))?.string
    }

    /// A whole number token's value; nil past 15 digits (no code or whole answer is that long:
    /// `NumberLimits`), which would overflow: a damaged file's run of digits trapped here, found
    /// by the Responses fuzz target.
    static func int(_ b: Bytes, _ range: Range<Int>) -> Int? {
        var n = 0
        var negative = false
        var digits = 0
        for i in range {
            let c = b[i]
            if i == range.lowerBound && c == UInt8(ascii: "-") { negative = true; continue }
            guard c >= 0x30 && c <= 0x39 else { return nil }
            digits += 1
            guard digits <= 15 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return negative ? -n : n
    }

    /// Whether a value is a JSON number token (written to the CSV as it stands).
    static func isNumber(_ b: Bytes, _ range: Range<Int>) -> Bool {
        guard let first = range.first.map({ b[$0] }) else { return false }
        return first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39)
    }

    /// The numbers of an array value.
    static func ints(_ b: Bytes, _ range: Range<Int>) -> [Int] {
        var out: [Int] = []
        var s = JSONScanner(b: UnsafeRawBufferPointer(rebasing: b[range]))
        guard s.expect(UInt8(ascii: "[")) else { return [] }
        var first = true
        while let r = s.nextElement(&first) { if let n = int(s.b, r) { out.append(n) } }
        return out
    }

    /// In an object value, the value of `key`.
    static func member(_ b: Bytes, _ range: Range<Int>, _ key: [UInt8]) -> Range<Int>? {
        var s = JSONScanner(b: UnsafeRawBufferPointer(rebasing: b[range]))
        guard s.expect(UInt8(ascii: "{")) else { return nil }
        var first = true
        while let k = s.nextKey(&first) {
            guard let value = s.skipValue() else { return nil }
            if s.b[k].elementsEqual(key) { return (value.lowerBound + range.lowerBound)..<(value.upperBound + range.lowerBound) }
        }
        return nil
    }
}

extension RawResponse {
    /// The fixed fields, as the filters and the first columns need them (answers left empty); nil
    /// where the tree reader would not take the file for a response either.
    func fixed(_ b: Bytes) -> StoredResponse? {
        guard let id = Self.string(b, responseID), let version = Self.string(b, version),
              let status = Self.string(b, status).flatMap(ResponseStatus.init(rawValue:)) else { return nil }
        return StoredResponse(responseID: id, pseudonym: Self.string(b, pseudonym), version: version, status: status,
                              language: Self.string(b, language), started: Self.string(b, started),
                              duration: duration.flatMap { Self.int(b, $0) })
    }
}
