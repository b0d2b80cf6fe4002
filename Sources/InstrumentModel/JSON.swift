/// A JSON value read straight from bytes. Foundation's JSONSerialization, with its bridging to
/// NSNumber and the casts from Any that follow, took most of an export's time; this does not.
/// It sits beside `JSONWriter`, which writes the records and compiled forms it reads back, so
/// that the exporters and the scenario runner share one reader.
public enum JSON: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSON)...) { self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last })) }

    public subscript(key: String) -> JSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var number: Double? { if case .number(let n) = self { return n }; return nil }
    public var int: Int? { number.flatMap { $0 == $0.rounded() && abs($0) < 1e15 ? Int($0) : nil } }
    public var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var array: [JSON]? { if case .array(let a) = self { return a }; return nil }
    public var object: [String: JSON]? { if case .object(let o) = self { return o }; return nil }

    /// Parses a whole document; nil when it is not valid JSON.
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> JSON? {
        var reader = Reader(bytes: bytes)
        guard let value = reader.value() else { return nil }
        reader.skipSpace()
        return reader.index == bytes.count ? value : nil
    }

    /// Writes the value with the one JSON writer (keys in sorted order).
    public func write(to w: inout JSONWriter) {
        switch self {
        case .null: w.null()
        case .bool(let b): w.bool(b)
        case .number(let n): w.number(n)
        case .string(let s): w.string(s)
        case .array(let items): w.array(items) { w, item in item.write(to: &w) }
        case .object(let members):
            w.object { w in
                for key in members.keys.sorted() {
                    w.key(key)
                    members[key]?.write(to: &w)
                }
            }
        }
    }

    /// The value on one line, as JSON lines and messages show it.
    public var compactText: String {
        var w = JSONWriter(compact: true)
        write(to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// How deep arrays and objects may nest. A response nests four levels; a file nesting deeper
    /// than this is damaged or hostile, and refusing it keeps the reader's recursion bounded.
    public static let deepest = 64

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var index = 0
        var depth = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() -> JSON? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "\""): return string().map(JSON.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        mutating func literal(_ word: String, _ value: JSON) -> JSON? {
            for b in word.utf8 {
                guard index < bytes.count, bytes[index] == b else { return nil }
                index += 1
            }
            return value
        }

        mutating func number() -> JSON? {
            let start = index
            while index < bytes.count, let c = Optional(bytes[index]),
                  (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                index += 1
            }
            guard index > start else { return nil }
            // Whole numbers, by far the commonest here, are read without going through text.
            var whole = 0
            var negative = false
            var simple = true
            for i in start..<index {
                let c = bytes[i]
                if i == start && c == UInt8(ascii: "-") { negative = true; continue }
                guard c >= 0x30 && c <= 0x39, whole < 100_000_000_000_000 else { simple = false; break }
                whole = whole * 10 + Int(c - 0x30)
            }
            if simple { return .number(Double(negative ? -whole : whole)) }
            return Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)).map(JSON.number)
        }

        mutating func string() -> String? {
            index += 1
            let start = index
            var plain = true
            while index < bytes.count {
                let c = bytes[index]
                if c == UInt8(ascii: "\"") { break }
                if c == UInt8(ascii: "\\") { plain = false; index += 1 }
                index += 1
            }
            guard index < bytes.count else { return nil }
            let end = index
            index += 1
            if plain { return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(end - start)
            var i = start
            while i < end {
                let c = bytes[i]
                guard c == UInt8(ascii: "\\"), i + 1 < end else { out.append(c); i += 1; continue }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard var scalar = hex(i, end) else { return nil }
                    i += 4
                    if (0xD800..<0xDC00).contains(scalar), i + 6 <= end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                       let low = hex(i + 2, end), (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    out += Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
                default: out.append(e)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        func hex(_ at: Int, _ end: Int) -> UInt32? {
            guard at + 4 <= end else { return nil }
            return UInt32(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + 4)]), as: UTF8.self), radix: 16)
        }

        mutating func array() -> JSON? {
            depth += 1
            defer { depth -= 1 }
            guard depth <= JSON.deepest else { return nil }
            index += 1
            var items: [JSON] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                guard let v = value() else { return nil }
                items.append(v)
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                return nil
            }
        }

        mutating func object() -> JSON? {
            depth += 1
            defer { depth -= 1 }
            guard depth <= JSON.deepest else { return nil }
            index += 1
            var members: [String: JSON] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let v = value() else { return nil }
                members[key] = v
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                return nil
            }
        }
    }
}
