/// The rules for ids. An instrument id names folders; a question id is also a variable
/// name in SPSS, Stata and R, so it is stricter: no '-', and not a word those languages reserve.
public enum Slug {
    public static let maxLength = 64

    private static func isLower(_ c: Unicode.Scalar) -> Bool { c >= "a" && c <= "z" }
    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    public static func isInstrumentID(_ s: String) -> Bool {
        let chars = Array(s.unicodeScalars)
        guard let first = chars.first, isLower(first), chars.count <= maxLength else { return false }
        return chars.allSatisfy { isLower($0) || isDigit($0) || $0 == "-" || $0 == "_" }
    }

    static func isVariableID(_ s: String) -> Bool {
        // Every character allowed is ASCII, so the UTF-8 bytes are the characters: checked with
        // no array made (this runs for every question, row and section id).
        let bytes = s.utf8
        guard let first = bytes.first, first >= 0x61, first <= 0x7A, bytes.count <= maxLength else { return false }
        return bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// A valid id close to what the author wrote, for the hint.
    public static func suggestion(for s: String, allowHyphen: Bool) -> String {
        var out = ""
        for c in s.lowercased().unicodeScalars {
            if isLower(c) || isDigit(c) || (allowHyphen && c == "-") || c == "_" {
                out.unicodeScalars.append(c)
            } else if !out.isEmpty, !out.hasSuffix("_"), !out.hasSuffix("-") {
                out += allowHyphen ? "-" : "_"
            }
        }
        while out.hasSuffix("_") || out.hasSuffix("-") { out.removeLast() }
        while let f = out.unicodeScalars.first, !isLower(f) { out.unicodeScalars.removeFirst() }
        if out.isEmpty { out = "q1" }
        return String(out.prefix(maxLength))
    }

    /// Words an id cannot be, with the reason.
    static func reservedReason(_ id: String) -> String? {
        // A table, not a switch: asked of every id, and most are none of these, which a switch
        // found only after comparing with each.
        switch reserved[id] {
        case .conditionWord?: "'\(id)' is a word of the condition language"
        case .spss?: "'\(id)' is reserved in SPSS, so it cannot name a variable"
        case .column?: "'\(id)' names a column that every export already has"
        case nil: nil
        }
    }

    private enum Reserved { case conditionWord, spss, column }

    private static let reserved: [String: Reserved] = {
        var table: [String: Reserved] = [:]
        for word in ["and", "or", "not", "in", "true", "false"] { table[word] = .conditionWord }
        for word in ["all", "by", "eq", "ge", "gt", "le", "lt", "ne", "to", "with"] { table[word] = .spss }
        for word in ["response_id", "pseudonym", "instrument_version", "status", "language", "date", "duration"] { table[word] = .column }
        return table
    }()

    static func isLanguageCode(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.unicodeScalars.allSatisfy(isLower) else { return false }
        return parts.dropFirst().allSatisfy { p in
            (1...8).contains(p.count) && p.unicodeScalars.allSatisfy { isLower($0) || isDigit($0) || ($0 >= "A" && $0 <= "Z") }
        }
    }
}
