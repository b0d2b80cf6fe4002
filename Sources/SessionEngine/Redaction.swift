import Foundation
import InstrumentModel

/// Removes personal details from free text before it reaches the disk, replacing each with a marker.
///
/// What is and is not caught is listed in docs/reference.md and pinned by the corpus in
/// RedactionTests; change the three together. Every pass is linear in the text: the patterns
/// below either start only where a word starts (a one-character look-behind) or are bounded,
/// their loops are possessive where a retry could only fail again, and phone numbers are found
/// by `PhoneNumbers` in one walk. A text reaches here only after its length was checked
/// (`Validation.lengthProblem`), so a paste cannot make a session wait.
public struct Redactor: Sendable {
    public let patterns: [Privacy.Pattern]

    public init(_ patterns: [Privacy.Pattern]) {
        self.patterns = patterns
    }

    /// Order matters: e-mails before web addresses (an address's domain looks like a web
    /// address), and both before postcodes and phone numbers, whose letters and digits they may hold.
    private static let order: [Privacy.Pattern] = [.email, .url, .postcode, .phone]

    /// Letters (any script), combining marks and digits: what names, domains and words are made of.
    private static let word = #"\p{L}\p{M}\p{N}"#

    /// Top-level domains (in lower or upper case) that make a bare `name.tld` a web address without
    /// a path. A list, because `work.It was` or `report.pdf` must stay; with a path (`bit.ly/abc`)
    /// any alphabetic one will do.
    private static let domains = [
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "uk", "de", "fr",
        "es", "nl", "eu", "ie", "ch", "ca", "au", "nz", "jp", "cn", "ru", "br", "pl", "se", "dk", "fi",
        "pt", "gr", "app", "dev", "ai", "tv", "me", "ly", "gg", "online", "site", "xyz", "shop", "blog",
    ]

    private static let sources: [Privacy.Pattern: String] = {
        let w = word
        let label = "[\(w)][\(w)\\-]{0,62}+"
        // A path ends before trailing punctuation, so `(see bit.ly/abc).` keeps its `).`.
        let path = #"/(?:[^\s<>"]*[^\s<>".,;:!?)\]'])?"#
        return [
            // local@domain, the domain in any script (`jo@exämple.de`) and perhaps one label (`jo@localhost`).
            .email: "(?<![\(w)._%+\\-])[\(w)._%+\\-]{1,64}+@\(label)(?:\\.\(label))*+",
            // A scheme or `www.`; else labels and a known top-level domain; else any with a path.
            .url: "(?i:https?://|(?<![\(w)])www\\.)" + #"[^\s<>"]*[^\s<>".,;:!?)\]']"#
                + "|(?<![\(w)@./\\-])(?:\(label)\\.(?=[\(w)]))+"
                + "(?:(?:\((domains + domains.map { $0.uppercased() }).joined(separator: "|")))(?![\(w)\\-])(?:\(path))?|\\p{L}{2,63}+\(path))",
            // Every UK postcode form (A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA) and GIR 0AA.
            .postcode: "(?i)(?<![\(w)])(?:[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]?[ ]{0,2}[0-9][ABD-HJLNP-UW-Z]{2}|GIR[ ]{0,2}0AA)(?![\(w)])",
        ]
    }()

    private static let expressions: [Privacy.Pattern: NSRegularExpression] = {
        var compiled: [Privacy.Pattern: NSRegularExpression] = [:]
        for (pattern, source) in sources {
            compiled[pattern] = try? NSRegularExpression(pattern: source)
        }
        return compiled
    }()

    public func redact(_ text: String) -> String {
        var result = text
        for pattern in Self.order where patterns.contains(pattern) {
            let marker = "[\(pattern.rawValue)]"
            if pattern == .phone {
                result = Self.replacing(PhoneNumbers.ranges(in: Array(result.unicodeScalars)), in: result, with: marker)
            } else if let regex = Self.expressions[pattern] {
                let range = NSRange(result.startIndex..., in: result)
                result = regex.stringByReplacingMatches(in: result, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: marker))
            }
        }
        return result
    }

    /// The text with each range (in unicode scalars, in order, not overlapping) replaced by `marker`.
    static func replacing(_ ranges: [Range<Int>], in text: String, with marker: String) -> String {
        guard !ranges.isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var at = 0
        for range in ranges {
            out.append(contentsOf: scalars[at..<range.lowerBound])
            out.append(contentsOf: marker.unicodeScalars)
            at = range.upperBound
        }
        out.append(contentsOf: scalars[at...])
        return String(out)
    }

    /// The redactor for one question: its own `redact` list, or the instrument's.
    /// An `identifying` question is kept apart from the responses precisely so that its answer
    /// (an e-mail for a prize draw) can be kept as given: the instrument's `redact` list does not
    /// apply to it, only a `redact` list of its own.
    public static func forQuestion(_ q: Question, in instrument: Instrument) -> Redactor {
        Redactor(q.redact ?? (q.identifying ? [] : instrument.privacy.redact))
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
