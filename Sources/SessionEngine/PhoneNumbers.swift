/// Finds telephone numbers in free text by their shape, in one pass over the text.
///
/// Why not a regular expression: whether a run of digits is a phone number depends on counting
/// its digits across separators (`07700  900123`, `+44 (0)20 7946 0958`) and on where it starts
/// (`17/05/2024 07700 900123`), which a pattern can only express by trying every start and every
/// split, and that is what made the old pattern slow and wrong. Here the text is cut once into
/// chains of digit groups joined by phone-like separators, and each chain is judged in Swift,
/// trying at most `maxGroups` groups from each start, so the work is linear in the text.
enum PhoneNumbers {
    /// No phone number is written in more than this many groups of digits (`+33 1 23 45 67 89` has 6).
    static let maxGroups = 8

    /// A run of ASCII digits and what surrounds it.
    struct Group {
        var start: Int
        var end: Int
        /// Its first digits (as many as `lead` holds), enough to tell `00`, `0` and `+0` apart.
        var lead: [UInt8]
        var count: Int { end - start }
        /// `(` right before it and `)` right after it: `(020)`, `(0)`.
        var parenthesised: Bool { opens && closes }
        /// `+` right before it (or before its bracket): the start of an international number.
        var plus: Bool
        var opens: Bool
        var closes: Bool
    }

    /// The ranges (in unicode scalars) of the phone numbers in `scalars`, in order.
    static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var chain: [Group] = []
        var i = 0
        while i < scalars.count {
            guard isDigit(scalars[i]) else { i += 1; continue }
            var end = i
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            let lead = scalars[i..<min(end, i + 3)].map { UInt8($0.value - 48) }
            let opens = i > 0 && scalars[i - 1] == "("
            let closes = end < scalars.count && scalars[end] == ")"
            let plus = (i > 0 && scalars[i - 1] == "+") || (opens && i > 1 && scalars[i - 2] == "+")
            let group = Group(start: i, end: end, lead: lead, plus: plus, opens: opens, closes: closes)
            if let last = chain.last, plus || !joins(scalars, from: last.end, to: i) {
                found += judge(chain, scalars)
                chain.removeAll(keepingCapacity: true)
            }
            chain.append(group)
            i = end
        }
        found += judge(chain, scalars)
        return found
    }

    /// Whether the characters between two groups are a phone number's separator: a space or
    /// two, a hyphen, a dot or a slash (` - ` and ` / ` too), perhaps with the brackets of an
    /// area code or of `(0)`.
    static func joins(_ s: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        guard to - from <= 4 else { return false }
        var spaces = 0, marks = 0, slashes = 0, brackets = 0
        for k in from..<to {
            switch s[k] {
            case "(", ")": brackets += 1
            case " ", "\u{A0}": spaces += 1
            case "-", ".": marks += 1
            case "/": slashes += 1
            default: return false
            }
        }
        if brackets > 0 { return brackets <= 2 && slashes == 0 && spaces + marks <= 1 }
        switch (spaces, marks + slashes) {
        case (1...2, 0), (0, 1): return true
        case (2, 1): return to - from == 3 && s[from] == " " && s[from + 2] == " "
        default: return false
        }
    }

    /// The phone numbers in one chain: from each group, the longest number starting there.
    /// The groups after a start are taken one at a time, keeping their counts as they go, so each
    /// start costs at most `maxGroups` steps.
    static func judge(_ chain: [Group], _ s: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = 0
        while i < chain.count {
            let first = chain[i]
            // Every number starts with `+`, a 0, or three digits (North American); most groups don't.
            guard first.plus || first.lead.first == 0 || first.count == 3 else { i += 1; continue }
            let leading = digits(chain, i, min(i + 2, chain.count - 1), upTo: 3)
            var span = Span(count: 0, inner: 0, trunk: false)
            var best: (j: Int, range: Range<Int>)?
            for j in i..<min(i + maxGroups, chain.count) {
                let g = chain[j]
                // A bracket opened or closed inside a number must pair around one group.
                if j > i + 1, chain[j - 1].opens != chain[j - 1].closes { break }
                span.count += g.count
                if j > i, g.parenthesised {
                    span.inner += 1
                    if g.lead == [0] { span.trunk = true }
                }
                if span.count > 16 { break }
                // No form has fewer than 8 digits, so shorter spans are not looked at.
                if span.count >= 8, let range = number(chain, i, j, span, leading, s) { best = (j, range) }
            }
            if let best {
                found.append(best.range)
                i = best.j + 1
            } else {
                i += 1
            }
        }
        return found
    }

    /// What is counted of groups `i...j` as they are taken in.
    struct Span {
        var count: Int
        /// Groups after the first in brackets, and whether one of them is the trunk `(0)`.
        var inner: Int
        var trunk: Bool
    }

    /// The range of groups `i...j` of the chain as a phone number, or nil when they are not one.
    static func number(_ chain: [Group], _ i: Int, _ j: Int, _ span: Span, _ leading: [UInt8], _ s: [Unicode.Scalar]) -> Range<Int>? {
        let first = chain[i], last = chain[j]
        var start = first.start
        if first.opens { start -= 1 }
        if first.plus { start -= 1 }
        if first.opens != first.parenthesised || last.opens { return nil }
        // Glued to a word (`A07700900123`, `07700900123x`) it is a reference, not a number to ring.
        if start > 0, isWordLike(s[start - 1]) { return nil }
        if last.end < s.count, isWordLike(s[last.end]) { return nil }
        let count = span.count
        if first.plus || (leading.starts(with: [0, 0]) && !first.parenthesised) {
            // International: `+` or `00`, a country code, perhaps the trunk `(0)`, 8 to 15 digits (E.164).
            let national = (first.plus ? count : count - 2) - (span.trunk ? 1 : 0)
            let countryLead = first.plus ? leading.first : leading.dropFirst(2).first
            guard (8...15).contains(national), countryLead != 0, i == j || last.count >= 2 else { return nil }
            return start..<last.end
        }
        guard span.inner == 0, i < j || !first.parenthesised else { return nil }
        if leading.first == 0 {
            // UK national: 10 or 11 digits from the trunk 0, its first group an area code, not a day.
            guard (10...11).contains(count), i == j || (first.count >= 3 && last.count >= 2) else { return nil }
            return start..<last.end
        }
        // North American without the country code, grouped 3-3-4: `(415) 555-0100`, `415.555.0100`.
        if j == i + 2, first.count == 3, chain[i + 1].count == 3, last.count == 4, let lead = leading.first, lead >= 2 {
            return start..<last.end
        }
        return nil
    }

    /// The first `n` digits of groups `i...j`.
    static func digits(_ chain: [Group], _ i: Int, _ j: Int, upTo n: Int) -> [UInt8] {
        var out: [UInt8] = []
        for k in i...j where out.count < n { out += chain[k].lead.prefix(n - out.count) }
        return out
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    static func isWordLike(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || isDigit(c) }
}
