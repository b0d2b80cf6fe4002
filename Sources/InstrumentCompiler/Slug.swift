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
        let chars = Array(s.unicodeScalars)
        guard let first = chars.first, isLower(first), chars.count <= maxLength else { return false }
        return chars.allSatisfy { isLower($0) || isDigit($0) || $0 == "_" }
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
        if ["and", "or", "not", "in", "true", "false"].contains(id) {
            return "'\(id)' is a word of the condition language"
        }
        if ["all", "by", "eq", "ge", "gt", "le", "lt", "ne", "to", "with"].contains(id) {
            return "'\(id)' is reserved in SPSS, so it cannot name a variable"
        }
        if ["response_id", "pseudonym", "instrument_version", "status", "language", "date", "duration"].contains(id) {
            return "'\(id)' names a column that every export already has"
        }
        return nil
    }

    static func isLanguageCode(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.unicodeScalars.allSatisfy(isLower) else { return false }
        return parts.dropFirst().allSatisfy { p in
            (1...8).contains(p.count) && p.unicodeScalars.allSatisfy { isLower($0) || isDigit($0) || ($0 >= "A" && $0 <= "Z") }
        }
    }
}
