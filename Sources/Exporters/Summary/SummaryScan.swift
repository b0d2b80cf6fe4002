import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine

/// The summary's reading of finished files from their bytes (the scanner the wide CSV uses),
/// with no JSON tree and no string per answer. It must count what `SummaryTally.add(_:_:)` counts
/// from the tree, by the same `CellRule`s; `SummaryTests` holds the two paths to the same result.
struct SummaryScan: BlockReader {
    let plan: SummaryPlan
    let path: String
    var tally: SummaryTally
    var raw: RawResponse
    /// Files of this block that could not be read, in name order.
    var skipped: [SkippedFile] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var folderPath: String { path }
    private let rowKeys: [[UInt8]]
    private var lastVersion: (bytes: [UInt8], text: String)?

    init(plan: SummaryPlan, path: String) {
        self.plan = plan
        self.path = path
        tally = SummaryTally(plan)
        raw = RawResponse(slots: plan.slots.ids.count)
        rowKeys = plan.entries.map { e in
            if case .row(let row) = e.rule { return Array(row.utf8) }
            return []
        }
    }

    mutating func take(_ b: RawResponse.Bytes) -> Bool {
        guard raw.read(b, slots: plan.slots), let version = version(b),
              let id = raw.responseID, id.count >= 2, b[id.lowerBound] == UInt8(ascii: "\""),
              let status = RawResponse.string(b, raw.status).flatMap(ResponseStatus.init(rawValue:)) else { return false }
        tally.statuses[version, default: StatusCounts()].add(status)
        guard status != .declined else { return true }
        let flags = tally.asked(plan, version)
        for i in flags.indices where flags[i] {
            let kind = plan.kinds[i]
            if plan.repeated[i] {
                takeInstances(i, kind, b)
                continue
            }
            for s in plan.slotStart[i]..<plan.slotStart[i + 1] {
                let slot = plan.slotList[s]
                if case .multiple = kind {
                    if let given = raw.answers[slot], b[given.lowerBound] == UInt8(ascii: "[") {
                        tally.addChosen(i, Self.integers(b, given))
                    } else if raw.skipped[slot] {
                        tally.add(i, kind, .skipped, missing: [])
                    }
                    continue
                }
                let seen = observe(i, kind, slot, b)
                if case .numbers = kind { tally.add(i, kind, seen, missing: plan.missing[i]) } else { tally.add(i, kind, seen, missing: []) }
            }
        }
        return true
    }

    /// A repeated question: its instances' answers gathered for one person, then counted once
    /// (`SummaryTally.commit`), as the tree reader does.
    private mutating func takeInstances(_ i: Int, _ kind: SummaryPlan.Kind, _ b: RawResponse.Bytes) {
        var person = SummaryTally.Person()
        let ranking: Bool = if case .rank = plan.rules[i] { true } else { false }
        for s in plan.slotStart[i]..<plan.slotStart[i + 1] {
            let slot = plan.slotList[s]
            if case .multiple = kind {
                if let given = raw.answers[slot], b[given.lowerBound] == UInt8(ascii: "[") {
                    person.choose(Self.integers(b, given))
                } else if raw.skipped[slot] {
                    person.add(kind, .skipped, missing: [], ranking: false)
                }
                continue
            }
            person.add(kind, observe(i, kind, slot, b), missing: kind == .numbers ? plan.missing[i] : [], ranking: ranking)
        }
        tally.commit(i, kind, person)
    }

    /// The version's text, made once for a run of responses of the same version (nearly all
    /// of a block) rather than once per response.
    private mutating func version(_ b: RawResponse.Bytes) -> String? {
        guard let range = raw.version else { return nil }
        let bytes = UnsafeRawBufferPointer(rebasing: b[range])
        if let last = lastVersion, bytes.elementsEqual(last.bytes) { return last.text }
        guard let text = RawResponse.string(b, range) else { return nil }
        lastVersion = (Array(bytes), text)
        return text
    }

    /// What `Codebook.cell` gives for the entry, in the terms the tally needs. `mutating` though it
    /// changes nothing: called from `take`, which changes the tally, a plain method was given a
    /// copy of the whole reader (392 bytes) for each answer, most of a tenth of the summary's time.
    private mutating func observe(_ i: Int, _ kind: SummaryPlan.Kind, _ slot: Int, _ b: RawResponse.Bytes) -> SummaryTally.Observed {
        let rule = plan.rules[i]
        guard let given = raw.answers[slot] else {
            if case .calculated = rule {
                guard let value = raw.calculated[slot] else { return .notAsked }
                return Self.scalar(b, value, texts: kind)
            }
            return raw.skipped[slot] ? .skipped : .notAsked
        }
        switch rule {
        case .choice:
            guard let code = Self.code(b, given) else { return .notAsked }
            return .integer(code)
        case .row:
            guard let value = RawResponse.member(b, given, rowKeys[i]), let code = Self.code(b, value) else { return .skipped }
            return .integer(code)
        case .rank(let c):
            var s = JSONScanner(b: UnsafeRawBufferPointer(rebasing: b[given]))
            guard s.expect(UInt8(ascii: "[")) else { return .notAsked }
            var first = true
            var position = 0
            while let r = s.nextElement(&first) {
                position += 1
                if Self.code(s.b, r) == c { return .integer(position) }
            }
            return .integer(0)
        case .flag, .other:
            return .notAsked
        case .text:
            if b[given.lowerBound] == UInt8(ascii: "\"") { return .text(nonEmpty: given.count > 2) }
            return Self.scalar(b, given, texts: kind)
        case .value, .calculated:
            return Self.scalar(b, given, texts: kind)
        }
    }

    /// A value as `Codebook.scalar` writes it: numbers, true/false as 1/0, strings, null as empty.
    private static func scalar(_ b: RawResponse.Bytes, _ range: Range<Int>, texts kind: SummaryPlan.Kind) -> SummaryTally.Observed {
        let first = b[range.lowerBound]
        if first == UInt8(ascii: "\"") {
            // A text item needs only to know whether anything was written.
            if case .texts = kind { return .value(range.count > 2 ? " " : "") }
            return .value(RawResponse.string(b, range) ?? "")
        }
        if JSONScanner.equals(b, range, "true") { return .integer(1) }
        if JSONScanner.equals(b, range, "false") { return .integer(0) }
        guard RawResponse.isNumber(b, range) else { return .value("") }
        if let n = code(b, range) { return .integer(n) }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: b[range]), as: UTF8.self)
        guard let d = Double(text) else { return .value(text) }
        return .value(NumberText.canonical(d))
    }

    /// A number token that is a whole number below 10^15 (as `JSON.int` takes it), without
    /// making a string: most answers are codes and whole numbers.
    static func code(_ b: RawResponse.Bytes, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        var n = 0
        var digits = 0
        var negative = false
        var plain = true
        for i in range {
            let c = b[i]
            if i == range.lowerBound && c == UInt8(ascii: "-") { negative = true; continue }
            guard c >= 0x30 && c <= 0x39 else { plain = false; break }
            digits += 1
            guard digits <= 15 else { plain = false; break }
            n = n * 10 + Int(c - 0x30)
        }
        if plain, digits > 0 { return negative ? -n : n }
        guard RawResponse.isNumber(b, range),
              let d = Double(String(decoding: UnsafeRawBufferPointer(rebasing: b[range]), as: UTF8.self)) else { return nil }
        return JSON.number(d).int
    }

    /// The whole numbers of an array value, in order.
    static func integers(_ b: RawResponse.Bytes, _ range: Range<Int>) -> [Int] {
        var out: [Int] = []
        var s = JSONScanner(b: UnsafeRawBufferPointer(rebasing: b[range]))
        guard s.expect(UInt8(ascii: "[")) else { return [] }
        var first = true
        while let r = s.nextElement(&first) { if let n = code(s.b, r) { out.append(n) } }
        return out
    }
}
