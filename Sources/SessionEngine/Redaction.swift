import Foundation
import InstrumentModel

/// Removes personal details from free text before it reaches the disk, replacing each with a marker.
public struct Redactor: Sendable {
    public let patterns: [Privacy.Pattern]

    public init(_ patterns: [Privacy.Pattern]) {
        self.patterns = patterns
    }

    /// Order matters: emails before URLs (an email's domain looks like a web address), and both
    /// before phone numbers and postcodes, whose digits and letters they may contain.
    private static let order: [Privacy.Pattern] = [.email, .url, .postcode, .phone]

    private static let expressions: [Privacy.Pattern: NSRegularExpression] = {
        let sources: [Privacy.Pattern: String] = [
            .email: #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#,
            .url: #"(?:https?://|www\.)[^\s<>"]+|\b[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:com|org|net|uk|io|info|gov|nhs)(?:/[^\s<>"]*)?"#,
            // UK numbers (07700 900123, +44 7700 900123, (020) 7946 0018) and other international forms (+1 415 555 0100).
            .phone: #"(?:(?:\+|00)\d{1,3}[\s.\-]?)?(?:\(\d{2,5}\)[\s.\-]?)?\d(?:[\s.\-]?\d){7,11}"#,
            .postcode: #"\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b"#,
        ]
        var compiled: [Privacy.Pattern: NSRegularExpression] = [:]
        for (pattern, source) in sources {
            compiled[pattern] = try? NSRegularExpression(pattern: source, options: [.caseInsensitive])
        }
        return compiled
    }()

    public func redact(_ text: String) -> String {
        var result = text
        for pattern in Self.order where patterns.contains(pattern) {
            guard let regex = Self.expressions[pattern] else { continue }
            let range = NSRange(result.startIndex..., in: result)
            result = regex.stringByReplacingMatches(in: result, range: range, withTemplate: "[\(pattern.rawValue)]")
        }
        return result
    }

    /// The redactor for one question: its own `redact` list, or the instrument's.
    public static func forQuestion(_ q: Question, in instrument: Instrument) -> Redactor {
        Redactor(q.redact ?? instrument.privacy.redact)
    }

    /// An answer with its free text redacted.
    public func apply(_ answer: Answer) -> Answer {
        guard !patterns.isEmpty else { return answer }
        var out = answer
        if case .text(let t) = answer.value { out.value = .text(redact(t)) }
        out.other = answer.other.map(redact)
        return out
    }
}
