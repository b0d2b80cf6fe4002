import SessionEngine

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
                let listed = slot(RawResponse.listing(section: instance.section, key: instance.key))
                return switch instance.presence {
                case .forEach(let driver), .count(let driver, _): RawPresence(listed: listed, driver: slot(driver))
                case .untilDone: RawPresence(listed: listed, driver: nil)
                }
            }
        }
        self.ids = ids
    }

    var slots: RawResponse.Slots { RawResponse.Slots(ids) }
}

/// Whether a response has an instance, from its bytes: `Variable.Instance.present`, read by slot.
struct RawPresence: Sendable {
    /// The slot that holds the instance when the response lists it.
    let listed: Int
    /// The driving question's slot (`for_each`, `count`); nil for `until_done`.
    let driver: Int?

    func present(_ raw: RawResponse, _ b: RawResponse.Bytes) -> Bool? {
        if raw.answers[listed] != nil { return true }
        if let driver { return raw.answers[driver] != nil || raw.skipped[driver] ? false : nil }
        return RawResponse.string(b, raw.status) == ResponseStatus.complete.rawValue ? false : nil
    }
}
