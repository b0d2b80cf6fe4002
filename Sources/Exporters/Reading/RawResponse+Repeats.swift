extension RawResponse.Slots {
    /// The slot of an id given as bytes, or nil when the plan does not read it.
    func slot(_ id: [UInt8]) -> Int? {
        id.withUnsafeBytes { slot($0, 0..<id.count) }
    }
}

extension RawResponse {
    /// The slot id that says a response lists an instance: `#section#key`, which no question's
    /// slot can be (ids start with a letter).
    static func listing(section: String, key: Int) -> String { "#\(section)#\(key)" }

    /// Reads the `repeats` member, `{section: [{key, answers, other, skipped, calculated}, ...]}`
    /// (`ResponseRecord.writeRepeats`), as the tree reader's `StoredResponse.instance` does: each
    /// instance's values go to the slots `question#key`, and the instance itself to its listing
    /// slot. False when the bytes are not that shape.
    mutating func readRepeats(_ b: Bytes, _ value: Range<Int>, slots: Slots) -> Bool {
        var s = JSONScanner(b: b)
        s.i = value.lowerBound
        guard s.expect(UInt8(ascii: "{")) else { return false }
        var first = true
        while let section = s.nextKey(&first) {
            guard s.expect(UInt8(ascii: "[")) else { return false }
            var firstInstance = true
            while let element = s.nextElement(&firstInstance) {
                guard readInstance(b, element, section: Array(UnsafeRawBufferPointer(rebasing: b[section])), slots: slots) else { return false }
            }
            if s.failed { return false }
        }
        return !s.failed
    }

    private enum Part { case answer, other, calculated, skipped }

    private mutating func readInstance(_ b: Bytes, _ element: Range<Int>, section: [UInt8], slots: Slots) -> Bool {
        var s = JSONScanner(b: b)
        s.i = element.lowerBound
        guard s.expect(UInt8(ascii: "{")) else { return false }
        var key: Int?
        // The key may come after the values (members are written in name order), so they wait for it.
        var found: [(part: Part, question: Range<Int>, value: Range<Int>)] = []
        var first = true
        while let member = s.nextKey(&first) {
            let part: Part
            if JSONScanner.equals(b, member, "key") {
                guard let value = s.skipValue() else { return false }
                key = RawResponse.int(b, value)
                continue
            } else if JSONScanner.equals(b, member, "answers") { part = .answer }
            else if JSONScanner.equals(b, member, "other") { part = .other }
            else if JSONScanner.equals(b, member, "calculated") { part = .calculated }
            else if JSONScanner.equals(b, member, "skipped") {
                guard s.expect(UInt8(ascii: "[")) else { return false }
                var inner = true
                while let r = s.nextElement(&inner) {
                    guard r.count >= 2, b[r.lowerBound] == UInt8(ascii: "\"") else { continue }
                    found.append((.skipped, (r.lowerBound + 1)..<(r.upperBound - 1), r))
                }
                if s.failed { return false }
                continue
            } else {
                guard s.skipValue() != nil else { return false }
                continue
            }
            guard s.expect(UInt8(ascii: "{")) else { return false }
            var inner = true
            while let q = s.nextKey(&inner) {
                guard let value = s.skipValue() else { return false }
                found.append((part, q, value))
            }
            if s.failed { return false }
        }
        guard !s.failed, let key else { return !s.failed }
        let suffix = Array("#\(key)".utf8)
        if let slot = slots.slot(Array(Self.listing(section: String(decoding: section, as: UTF8.self), key: key).utf8)) { answers[slot] = element }
        for f in found {
            guard let slot = slots.slot(Array(UnsafeRawBufferPointer(rebasing: b[f.question])) + suffix) else { continue }
            switch f.part {
            case .answer: answers[slot] = f.value
            case .other: other[slot] = f.value
            case .calculated: calculated[slot] = f.value
            case .skipped: skipped[slot] = true
            }
        }
        return true
    }
}
