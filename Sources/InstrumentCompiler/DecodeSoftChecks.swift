import InstrumentModel

extension InstrumentDecoder {
    /// `soft_required` and `warn_if` with its `warn_message`: checks a participant may pass by
    /// confirming (see `SoftCheck` in the engine). A `warn_if` is checked as a `valid_if` is.
    mutating func decodeSoftChecks(_ q: inout Question, _ map: MapReader, position: Int, section: String) {
        let owner = map.owner
        if let n = map["soft_required"], bool(n, what: "soft_required") == true { q.softRequired = true }
        q.warnIf = map["warn_if"].flatMap { expression($0, role: .warnIf, question: q.id, position: position, section: section) }
        reportEmptyCondition("warn_if", in: map)
        q.warnMessage = map["warn_message"].flatMap { text($0, position: position, owner: owner) }
        let answers = q.type != .note && !q.type.isNeverAsked
        for key in ["soft_required", "warn_if"] where !answers {
            guard let k = map.keyScalar(key), key == "warn_if" ? q.warnIf != nil : q.softRequired == true else { continue }
            diagnostics.warning(.ignoredKey, "'\(key)' has no effect on a \(q.type.rawValue), which takes no answer",
                                hint: "remove it", at: k.start, length: key.count)
        }
        if q.softRequired == true, q.required, let k = map.keyScalar("soft_required") {
            diagnostics.error(.invalidValue, "'soft_required' and 'required' cannot both be set on question '\(q.id)'",
                              hint: "keep 'required: true' to insist on an answer, or 'soft_required: true' to ask once and let it be left",
                              at: k.start, length: 13)
        }
        if q.warnIf != nil, q.warnMessage == nil, answers, let k = map.keyScalar("warn_if") {
            diagnostics.error(.missingKey, "question '\(q.id)' has 'warn_if' but no 'warn_message' to tell the participant why",
                              hint: "add the words, such as 'warn_message: That is more than most. Is it right?'", at: k.start, length: 7)
        }
        if q.warnMessage != nil, q.warnIf == nil, let k = map.keyScalar("warn_message") {
            diagnostics.warning(.ignoredKey, "'warn_message' is shown when 'warn_if' holds, and question '\(q.id)' has no 'warn_if'",
                                hint: "add a 'warn_if', or remove the message", at: k.start, length: 12)
        }
    }
}
