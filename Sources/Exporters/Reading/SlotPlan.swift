/// Which answers the byte scanner looks for, and where each variable finds its own: one slot per
/// id read, in the order first needed. A repeated question's column reads its slot (`visits#2`)
/// and the answers that say whether its instance exists (`RawPresence`), so the fast path follows
/// the rule `Variable.Instance.present` gives the tree reader.
struct SlotPlan {
    let ids: [String]
    let slotOf: [Int]
    let presence: [RawPresence?]

    init(_ variables: [Variable]) {
        var ids: [String] = []
        var index: [String: Int] = [:]
        func slot(_ id: String) -> Int {
            if let i = index[id] { return i }
            index[id] = ids.count
            ids.append(id)
            return ids.count - 1
        }
        slotOf = variables.map { slot($0.slot) }
        presence = variables.map { v in
            v.instance.map { instance in
                switch instance.presence {
                case .forEach(let driver): .forEach(slot: slot(driver), key: instance.key)
                case .count(let driver, let max): .count(slot: slot(driver), key: instance.key, max: max)
                case .untilDone(let another): .untilDone(slots: another.prefix(instance.key - 1).map(slot))
                }
            }
        }
        self.ids = ids
    }

    var slots: RawResponse.Slots { RawResponse.Slots(ids) }
}

/// Whether a response has an instance, from its bytes: `Variable.Instance.present`, read by slot.
enum RawPresence: Sendable {
    case forEach(slot: Int, key: Int)
    case count(slot: Int, key: Int, max: Int)
    /// The "is there another?" answers after each earlier instance.
    case untilDone(slots: [Int])

    func present(_ raw: RawResponse, _ b: RawResponse.Bytes) -> Bool? {
        switch self {
        case .forEach(let slot, let key):
            if let given = raw.answers[slot], b[given.lowerBound] == UInt8(ascii: "[") { return RawResponse.ints(b, given).contains(key) }
            return raw.skipped[slot] ? false : nil
        case .count(let slot, let key, let max):
            if let given = raw.answers[slot], RawResponse.isNumber(b, given),
               let n = Double(String(decoding: UnsafeRawBufferPointer(rebasing: b[given]), as: UTF8.self)) {
                return Double(key) <= n && key <= max
            }
            return raw.skipped[slot] ? false : nil
        case .untilDone(let slots):
            for slot in slots {
                switch raw.answers[slot].flatMap({ RawResponse.int(b, $0) }) {
                case 1?: continue
                case 2?: return false
                default: return nil
                }
            }
            return true
        }
    }
}
