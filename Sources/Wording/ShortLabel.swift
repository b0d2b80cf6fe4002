import Foundation

/// A label on one line, cut to 80 characters with an ellipsis.
///
/// Variable labels are kept short: SPSS shows about 40 characters, Stata allows 80. The
/// codebook and the conditions in words quote questions by this one rule, so they agree.
public enum ShortLabel {
    public static func of(_ s: String) -> String {
        let one = s.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        return one.count <= 80 ? one : String(one.prefix(79)) + "…"
    }
}
