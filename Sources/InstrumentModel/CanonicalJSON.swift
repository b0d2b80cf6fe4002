/// Writes JSON in one canonical layout: keys in sorted order, two-space indentation,
/// whole numbers without a decimal point. The compiled form and its content hash are these
/// bytes, so they must not depend on a library's formatting choices. It writes straight from
/// the model with no intermediate tree, which on a 10,000-question instrument is over ten
/// times faster than `JSONEncoder`. Callers give keys in sorted order; debug builds check it.
/// It is the project's one JSON writer: compiled instruments, responses, journal lines (compact),
/// JSON-lines exports (compact) and data-package descriptors.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Per open container: whether it has a member yet, and (objects) the last key.
    private var open: [(hasMember: Bool, lastKey: String?)] = []
    /// One line, with no spaces: for journals and JSON lines, where a record is a line.
    public let compact: Bool

    /// The bytes last written for a choice list shared by several questions (a choice set), with
    /// the list itself, kept so that its storage cannot be freed and reused for another list.
    private var sharedChoices: (choices: [Choice], depth: Int, bytes: [UInt8])?

    /// Where bytes go as they are written, when the whole text is never wanted at once (a hash):
    /// handed over whenever `bytes` passes `flushAt`, and by `finish`. A 10,000-question form is
    /// 6 MB of JSON; kept whole, its buffer's growth touched 16 MB of fresh pages.
    private var sink: ((UnsafeRawBufferPointer) -> Void)?
    private var flushAt = Int.max
    /// While a choice list is being written to be reused, its bytes must stay in `bytes`.
    private var capturing = 0

    public init(compact: Bool = false, capacity: Int? = nil) {
        self.compact = compact
        bytes.reserveCapacity(capacity ?? (compact ? 256 : 1 << 16))
    }

    /// A writer that hands its bytes to `sink` in pieces of about `chunk` bytes rather than
    /// keeping them; call `finish` after the last value.
    public init(streamingTo sink: @escaping (UnsafeRawBufferPointer) -> Void, chunk: Int = 1 << 16) {
        self.compact = false
        self.sink = sink
        self.flushAt = chunk
        bytes.reserveCapacity(chunk + chunk / 4)
    }

    /// Hands what is left to the sink.
    public mutating func finish() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(sink)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func separate() {
        if bytes.count >= flushAt, capturing == 0 { finish() }
        guard !open.isEmpty else { return }
        if open[open.count - 1].hasMember { bytes.append(0x2C) }
        open[open.count - 1].hasMember = true
        guard !compact else { return }
        newline()
    }

    /// Most of a compiled instrument's bytes are indentation: copied from a block of spaces
    /// rather than appended one by one. A static string, which needs no reference counting.
    private static let spaces: StaticString = "                                                                "

    private mutating func newline() {
        bytes.append(0x0A)
        var count = open.count * 2
        while count > 0 {
            Self.spaces.withUTF8Buffer { spaces in
                let n = Swift.min(count, spaces.count)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: spaces[..<n]))
                count -= n
            }
        }
    }

    private mutating func close(_ byte: UInt8) {
        let had = open.removeLast().hasMember
        if had, !compact { newline() }
        bytes.append(byte)
        if open.isEmpty, !compact { bytes.append(0x0A) }
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        bytes.append(0x7B)
        open.append((false, nil))
        body(&self)
        close(0x7D)
    }

    /// A list from an array, its elements taken by index from the array's buffer rather than from
    /// a sequence's iterator, which hands out a copy of each.
    public mutating func array<T>(_ items: [T], _ body: (inout JSONWriter, T) -> Void) {
        bytes.append(0x5B)
        open.append((false, nil))
        items.withUnsafeBufferPointer { items in
            for i in items.indices {
                separate()
                body(&self, items[i])
            }
        }
        close(0x5D)
    }

    public mutating func array<S: Swift.Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        bytes.append(0x5B)
        open.append((false, nil))
        for item in items {
            separate()
            body(&self, item)
        }
        close(0x5D)
    }

    /// Starts a member of the current object; the value is written next.
    public mutating func key(_ key: String) {
        assert(open.last?.lastKey.map { $0 < key } ?? true, "JSON keys out of order: \(key) after \(open.last?.lastKey ?? "")")
        separate()
        // Kept for the assertion only: storing every key cost a retain and release per member.
        #if DEBUG
        open[open.count - 1].lastKey = key
        #endif
        quote(key)
        bytes.append(0x3A)
        if !compact { bytes.append(0x20) }
    }

    /// A list of choices. Questions that use a choice set share its storage, and at the same depth
    /// their lists are the same bytes: written once, then copied (a 10,000-question benchmark
    /// repeats one set 3,334 times).
    mutating func choices(_ choices: [Choice]) {
        if let shared = sharedChoices, shared.depth == open.count, !choices.isEmpty, shared.choices.sharesStorage(with: choices) {
            bytes.append(contentsOf: shared.bytes)
            return
        }
        let start = bytes.count
        capturing += 1
        array(choices) { w, c in c.write(to: &w) }
        capturing -= 1
        sharedChoices = (choices, open.count, Array(bytes[start...]))
    }

    public mutating func string(_ s: String) { quote(s) }
    public mutating func bool(_ b: Bool) { bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    public mutating func null() { bytes.append(contentsOf: "null".utf8) }
    /// A whole number, exactly: seeds, codes and counts must not pass through a Double.
    public mutating func integer<T: BinaryInteger>(_ n: T) { bytes.append(contentsOf: String(n).utf8) }

    /// A number; one that JSON cannot hold (infinite, not a number) is written as null, never as
    /// text that no reader would take.
    public mutating func number(_ n: Double) {
        guard n.isFinite else { return null() }
        bytes.append(contentsOf: NumberText.canonical(n).utf8)
    }

    // Members that are left out when absent, as `Codable` does, so the form decodes back.
    public mutating func member(_ k: String, _ v: String?) { if let v { key(k); string(v) } }
    public mutating func member(_ k: String, _ v: Bool?) { if let v { key(k); bool(v) } }
    public mutating func member(_ k: String, _ v: Double?) { if let v { key(k); number(v) } }
    public mutating func member(_ k: String, _ v: Int?) { if let v { key(k); integer(v) } }
    public mutating func member(_ k: String, _ v: UInt64?) { if let v { key(k); integer(v) } }
    public mutating func member(_ k: String, _ v: LocalizedText?) { if let v { key(k); v.write(to: &self) } }

    private mutating func quote(_ s: String) {
        bytes.append(0x22)
        // Native strings hold their UTF-8 bytes contiguously: scanned and copied as a buffer, a
        // text with nothing to escape costs one pass and one copy, not a call per byte.
        let plain: Bool? = s.utf8.withContiguousStorageIfAvailable { buffer in
            guard !buffer.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if plain == true {
            bytes.append(0x22)
            return
        }
        if plain == nil, !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            bytes.append(contentsOf: s.utf8)
            bytes.append(0x22)
            return
        }
        let hex = Array("0123456789abcdef".utf8)
        for byte in s.utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0..<0x20: bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }
}

// Each `write` gives its keys in sorted (byte) order, the same names `Codable` uses.

extension LocalizedText {
    public func write(to w: inout JSONWriter) {
        if isUntranslated {
            w.string(entries[0].text)
            return
        }
        w.object { w in
            for entry in entries { w.member(entry.language, entry.text) }
        }
    }
}

extension Choice {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.member("exclusive", exclusive)
            w.member("label", label)
            w.member("missing", missing)
            w.member("show_if", showIf)
            w.member("value", value)
        }
    }
}

extension Question {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.member("choice_set", choiceSet)
            if let choices { w.key("choices"); w.choices(choices) }
            w.member("date_max", dateMax)
            w.member("date_min", dateMin)
            w.member("decimals", decimals)
            w.member("help", help)
            w.member("id", id)
            w.member("identifying", identifying)
            w.member("instructions", instructions)
            w.member("invalid_message", invalidMessage)
            w.member("label", label)
            w.member("max", max)
            w.member("max_length", maxLength)
            w.member("min", min)
            w.member("minutes", minutes)
            if let other { w.key("other"); other.write(to: &w) }
            w.member("pattern", pattern)
            w.member("precision", precision?.rawValue)
            if let probes { w.key("probes"); w.array(probes) { w, p in p.write(to: &w) } }
            w.member("rank", rank)
            if let redact { w.key("redact"); w.array(redact) { w, p in w.string(p.rawValue) } }
            w.member("required", required)
            if let rows {
                w.key("rows")
                w.array(rows) { w, row in
                    w.object { w in
                        w.member("id", row.id)
                        w.member("text", row.text)
                    }
                }
            }
            w.member("sensitive", sensitive)
            w.member("show_if", showIf)
            w.member("shuffle", shuffle)
            w.member("soft_required", softRequired)
            w.member("text", text)
            w.member("type", type.rawValue)
            w.member("unit", unit)
            w.member("valid_if", validIf)
            w.member("value", value)
            w.member("warn_if", warnIf)
            w.member("warn_message", warnMessage)
        }
    }
}

extension Instrument {
    /// The compiled form, readable back with `Codable`.
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.key("choice_sets")
            w.object { w in
                for (name, choices) in choiceSets.sorted(by: { $0.key < $1.key }) {
                    w.key(name)
                    w.array(choices) { w, c in c.write(to: &w) }
                }
            }
            w.member("compiled_format", compiledFormat)
            if let consent {
                w.key("consent")
                w.object { w in
                    w.member("agree", consent.agree)
                    w.member("decline", consent.decline)
                    w.member("text", consent.text)
                }
            }
            w.member("description", description)
            w.member("end", end)
            w.member("format", format)
            // Left out for a one-to-one guide and a survey, whose hashes stay as they were.
            if let group {
                w.key("group")
                w.object { w in
                    w.member("max", group.max)
                    w.member("min", group.min)
                }
            }
            w.member("id", id)
            w.member("kind", kind.rawValue)
            w.key("languages")
            w.array(languages) { w, l in w.string(l) }
            // Left out when the instrument has none, so that an instrument without overrides
            // keeps the content hash it had before `messages:` existed.
            if let messages {
                w.key("messages")
                w.object { w in
                    for (key, text) in messages.sorted(by: { $0.key < $1.key }) { w.member(key, text) }
                }
            }
            w.key("privacy")
            w.object { w in
                w.member("participant", privacy.participant.rawValue)
                w.key("redact")
                w.array(privacy.redact) { w, p in w.string(p.rawValue) }
                w.member("seal_to", privacy.sealTo)
                w.member("timestamps", privacy.timestamps.rawValue)
            }
            if !safeguarding.isEmpty {
                w.key("safeguarding")
                w.array(safeguarding) { w, rule in rule.write(to: &w) }
            }
            w.key("sections")
            w.array(sections) { w, section in
                w.object { w in
                    w.member("id", section.id)
                    w.member("intro", section.intro)
                    w.member("minutes", section.minutes)
                    w.key("questions")
                    w.array(section.questions) { w, q in q.write(to: &w) }
                    if let r = section.repeat { w.key("repeat"); r.write(to: &w) }
                    w.member("scale", section.scale)
                    w.member("show_if", section.showIf)
                    w.member("shuffle", section.shuffle)
                    w.member("title", section.title)
                    w.member("within", section.within)
                }
            }
            w.key("settings")
            w.object { w in
                w.member("back", settings.back)
                w.member("idle_minutes", settings.idleMinutes)
                w.member("progress", settings.progress)
                w.member("skip_all", settings.skipAll)
            }
            w.member("support", support)
            w.member("title", title)
            w.member("version", version)
        }
    }

    /// The canonical compiled form as bytes.
    public var canonicalJSON: [UInt8] { canonicalJSON(capacity: nil) }

    /// The compiled form, with room reserved for about `capacity` bytes so that a large form's
    /// buffer is not copied as it grows.
    public func canonicalJSON(capacity: Int?) -> [UInt8] {
        var w = JSONWriter(capacity: capacity)
        write(to: &w)
        return w.bytes
    }

    /// The compiled form handed to `sink` in pieces, never held whole (see `JSONWriter.init(streamingTo:)`).
    public func writeCanonicalJSON(to sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        var w = JSONWriter(streamingTo: sink)
        write(to: &w)
        w.finish()
    }
}
