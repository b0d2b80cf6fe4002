import Foundation

/// Matches a text question's `pattern` with a bound on the work, so no answer can freeze a session.
///
/// ICU, behind `NSRegularExpression`, backtracks: `(a+)+$` against 100 `a`s and a `!` takes
/// longer than the universe has existed, and a participant's answer froze the session for as
/// long as they waited. `check` refuses the patterns known to do this (`PatternSafety`), but a
/// compiled file may come from elsewhere and no static test catches every such pattern, so the
/// match itself is bounded twice:
///
/// - only answers of at most `maxCharacters` are matched (longer ones are refused as too long),
///   which bounds the scan over starting positions;
/// - ICU reports progress about every 10,000 steps of its matcher, and the match is abandoned
///   after `maxProgressReports` of them beyond one per character (about a million steps, a few
///   milliseconds). An abandoned match counts as no match, so the answer is refused with the
///   pattern's usual message.
///
/// The bound counts steps, not time, on purpose: a replay of a journal on a slower machine must
/// accept exactly the answers the session accepted, which a clock could not promise.
public enum PatternMatch {
    /// The longest answer matched against a pattern, in characters.
    public static let maxCharacters = 1_000
    /// ICU's progress reports allowed beyond one per UTF-16 unit of the answer (its scan reports
    /// once per starting position as well as once per 10,000 steps).
    static let maxProgressReports = 100

    public enum Outcome: Equatable, Sendable {
        case matches, doesNotMatch
        /// The answer is longer than `maxCharacters`.
        case tooLong
        /// The matcher gave up: the pattern needs more steps than allowed for this answer.
        case tooComplex
        /// The pattern does not compile: only a damaged compiled file has one, and as before it
        /// constrains nothing rather than refusing every answer.
        case unreadable
    }

    public static func match(_ pattern: String, _ text: String) -> Outcome {
        guard text.count <= maxCharacters else { return .tooLong }
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return .unreadable }
        let range = NSRange(text.startIndex..., in: text)
        let budget = range.length + 1 + maxProgressReports
        var reports = 0
        var outcome = Outcome.doesNotMatch
        regex.enumerateMatches(in: text, options: [.reportProgress], range: range) { result, _, stop in
            if result != nil {
                outcome = .matches
                stop.pointee = true
                return
            }
            reports += 1
            if reports > budget {
                outcome = .tooComplex
                stop.pointee = true
            }
        }
        return outcome
    }
}
