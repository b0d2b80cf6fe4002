import InstrumentModel

/// `fieldwork diff --format json`: the same changes and verdicts as the text, for tools
/// (a CI step that stops a release when the data stop being comparable, say).
extension DiffReport {
    public struct Version {
        public var id: String
        public var version: String
        public var hash: String

        public init(id: String, version: String, hash: String) {
            self.id = id
            self.version = version
            self.hash = hash
        }
    }

    public static func json(_ changes: [InstrumentDiff.Change], old: Version, new: Version) -> String {
        let same = old.hash == new.hash
        let listed = same ? [] : changes
        func version(_ v: Version) -> JSON { .object(["id": .string(v.id), "version": .string(v.version), "hash": .string(v.hash)]) }
        let order: [InstrumentDiff.Verdict] = [.notComparable, .check, .comparable]
        let object: JSON = .object([
            "old": version(old),
            "new": version(new),
            "same_instrument": .bool(same),
            "comparable": .bool(!listed.contains { $0.verdict == .notComparable }),
            "counts": .object(Dictionary(uniqueKeysWithValues: order.map { v in
                (v.key, JSON.number(Double(listed.filter { $0.verdict == v }.count)))
            })),
            "changes": .array(order.flatMap { v in listed.filter { $0.verdict == v } }.map { c in
                .object(["variable": c.variable.map(JSON.string) ?? .null, "verdict": .string(c.verdict.key), "what": .string(c.what)])
            }),
        ])
        var writer = JSONWriter()
        object.write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }
}

extension InstrumentDiff.Verdict {
    /// The verdict as JSON names it.
    public var key: String {
        switch self {
        case .comparable: "comparable"
        case .check: "check"
        case .notComparable: "not_comparable"
        }
    }
}
