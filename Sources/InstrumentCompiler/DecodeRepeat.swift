import InstrumentModel
import YAMLTree

/// A section's `repeat:` as written, kept until every question is known: whether `for_each` or
/// `count` names a fitting earlier question, and what `max` is when not given, are decided then
/// (see `RepeatChecks`).
struct RepeatSite {
    var section: String
    /// The `for_each` or `count` value, where the question's id was written.
    var source: Scalar?
    /// The `max` value as written, if any.
    var maxNode: Node?
    /// The `repeat` key, for problems with the whole repeat.
    var key: Mark
    /// Index of the section's first question: the driving question must come before it.
    var position: Int
    /// The section a block is in; nil for a repeated section.
    var within: String? = nil

    /// "section 'x'", or "block 'x' in section 'y'": what repeats, in messages.
    var named: String { within.map { "block '\(section)' in section '\($0)'" } ?? "section '\(section)'" }
    /// "section" or "block", for hints.
    var noun: String { within == nil ? "section" : "block" }
}

extension InstrumentDecoder {
    /// Reads `repeat: {for_each: q} | {count: q, max: n} | {until_done: true, max: n, another: text}`.
    ///
    /// One key says what decides the instances, so that a reader never has to guess which of two
    /// given wins (SurveyJS lets `panelCount` and a template's own count disagree).
    mutating func decodeRepeat(_ node: Node, key: Scalar, section: String, position: Int, within: String? = nil) -> Repeat? {
        let owner = "the repeat of " + RepeatSite(section: section, key: key.start, position: position, within: within).named
        guard let map = MapReader(node, owner: owner, expected: "a map such as '{for_each: activities}'", diagnostics: &diagnostics) else { return nil }
        map.rejectUnknown(allowed: ["for_each", "count", "until_done", "max", "another"], diagnostics: &diagnostics)
        let given = ["for_each", "count", "until_done"].filter { map[$0] != nil }
        guard given.count == 1 else {
            diagnostics.error(.repeatSource,
                              given.isEmpty ? "\(owner) does not say how many times to ask it"
                                  : "\(owner) gives both '\(given[0])' and '\(given[1])'; it takes one",
                              hint: "use one of 'for_each: <multiple choice>', 'count: <number>' or 'until_done: true'",
                              at: key.start, length: 6)
            return nil
        }
        var site = RepeatSite(section: section, source: nil, maxNode: map["max"], key: key.start, position: position, within: within)
        var result = Repeat(max: 0)
        switch given[0] {
        case "until_done":
            guard let flag = map["until_done"].flatMap({ bool($0, what: "until_done") }) else { return nil }
            if !flag, let n = map["until_done"] {
                diagnostics.error(.invalidValue, "'until_done: false' would never ask the section",
                                  hint: "write 'until_done: true', or remove 'repeat' to ask the section once", on: n)
                return nil
            }
            result.untilDone = true
        default:
            guard let n = map[given[0]], let s = scalar(n, what: "'\(given[0])'", expected: "a question id") else { return nil }
            site.source = s
            if given[0] == "for_each" { result.forEach = s.text } else { result.count = s.text }
        }
        if let n = map["max"] {
            if result.forEach != nil {
                diagnostics.error(.misplacedKey, "'max' does not apply to a for_each repeat: it asks once per choice ticked",
                                  hint: "to ask about fewer, give the multiple choice '\(result.forEach ?? "")' a 'max'", on: n)
            } else if let m = integer(n, what: "max") {
                if m < 1 || m > Repeat.maxInstances {
                    diagnostics.error(.outOfRange, "'max' of \(owner) is \(m), but a repeat has from 1 to \(Repeat.maxInstances) instances", on: n)
                } else {
                    result.max = m
                }
            }
        }
        if let n = map["another"] {
            if result.untilDone == true {
                result.another = text(n, position: position, owner: owner)
            } else if let k = map.keyScalar("another") {
                diagnostics.error(.misplacedKey, "'another' applies only to an until_done repeat",
                                  hint: "remove it; a \(given[0]) repeat knows how many times to ask", at: k.start, length: 7)
            }
        }
        repeatSites.append(site)
        return result
    }
}
