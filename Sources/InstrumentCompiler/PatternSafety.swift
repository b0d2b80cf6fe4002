import Foundation

/// Finds the shapes of regular expression that make a backtracking matcher take exponential time.
///
/// ICU, which matches `pattern` at run time, backtracks. A repeated part that can itself match
/// the same text in more than one way (`(a+)+`, `(a*)*`, `(.*a){20}`, `(a|a)*`) makes a failing
/// match try every way: `(a+)+$` against 100 `a`s and a `!` froze a session. `check` refuses those
/// shapes here; `PatternMatch` in the engine also bounds the work at run time, for patterns this
/// test misses (it is conservative where it is unsure, since the fix is easy to write).
///
/// A repeated group (`*`, `+`, `{n,}` or `{n,m}` with m > 1) is refused when it contains an
/// unbounded repetition, when it is itself unbounded and contains a repetition of varying
/// length (`(a{1,30})*`), or when two of its alternatives can start with the same character.
/// Possessive quantifiers (`a++`) and atomic groups (`(?>...)`) never backtrack, so they pass.
enum PatternSafety {
    /// Why matching `pattern` could take exponential time, as a sentence and a fix; nil when it is safe.
    static func problem(in pattern: String) -> (message: String, hint: String)? {
        var parser = PatternParser(Array(pattern))
        let items = parser.sequenceOfAlternatives()
        var probe = FirstCharacters()
        for alternative in items {
            if let found = find(in: alternative, probe: &probe) { return found }
        }
        return nil
    }

    private static func find(in items: [PatternItem], probe: inout FirstCharacters) -> (message: String, hint: String)? {
        for item in items {
            guard case .group(let alternatives, let atomic) = item.kind else { continue }
            if item.repeats, !atomic {
                let inner = alternatives.flatMap { $0.flatMap(\.allQuantified) }
                if let nested = inner.first(where: { $0.max == nil && !$0.possessive }) {
                    return ("the pattern repeats '\(item.text)', which holds a part that repeats without limit ('\(nested.text)'), so checking one answer could take hours",
                            "repeat only once: write '(a+)+' as 'a+', or give the inner part a fixed count such as {3}")
                }
                if item.max == nil, let varying = inner.first(where: { $0.max != $0.min && !$0.possessive }) {
                    return ("the pattern repeats '\(item.text)' without limit, and it holds a part of varying length ('\(varying.text)'), so checking one answer could take hours",
                            "give the inner part a fixed count such as {3}, or repeat only the outer part")
                }
                if alternatives.count > 1 {
                    let firsts = alternatives.map { probe.first(of: $0) }
                    for i in firsts.indices {
                        for j in firsts.indices where j > i && !firsts[i].isDisjoint(with: firsts[j]) {
                            return ("the pattern repeats '\(item.text)', whose alternatives can start with the same character, so checking one answer could take hours",
                                    "make each alternative start differently, or use one class such as [ab] for single characters")
                        }
                    }
                }
            }
            for alternative in alternatives {
                if let found = find(in: alternative, probe: &probe) { return found }
            }
        }
        return nil
    }
}

/// One element of a pattern with its quantifier.
struct PatternItem {
    enum Kind {
        /// A character, class, escape or `.`, as written (`\d`, `[a-z]`).
        case atom(String)
        /// Matches no character: `^`, `$`, `\b`, a lookaround.
        case zeroWidth
        case group([[PatternItem]], atomic: Bool)
    }

    var kind: Kind
    var min = 1
    /// nil: unbounded.
    var max: Int? = 1
    var possessive = false
    /// The element as written, with its quantifier, for messages.
    var text = ""

    var repeats: Bool { max.map { $0 > 1 } ?? true }
    var isQuantified: Bool { min != 1 || max != 1 }

    /// This item when quantified, and every quantified item inside it.
    var allQuantified: [PatternItem] {
        var found = isQuantified ? [self] : []
        if case .group(let alternatives, _) = kind {
            found += alternatives.flatMap { $0.flatMap(\.allQuantified) }
        }
        return found
    }

    var canBeEmpty: Bool {
        if min == 0 { return true }
        switch kind {
        case .zeroWidth: return true
        case .atom: return false
        case .group(let alternatives, _): return alternatives.contains { $0.allSatisfy(\.canBeEmpty) }
        }
    }
}

/// Reads the ICU pattern syntax far enough to see groups, alternatives and quantifiers.
/// Anything it does not recognise is an atom, which only makes the test more cautious.
struct PatternParser {
    private let chars: [Character]
    private var i = 0

    init(_ chars: [Character]) { self.chars = chars }

    mutating func sequenceOfAlternatives() -> [[PatternItem]] {
        var alternatives: [[PatternItem]] = [[]]
        while i < chars.count, chars[i] != ")" {
            if chars[i] == "|" {
                i += 1
                alternatives.append([])
                continue
            }
            let start = i
            guard var item = element() else { continue }
            quantifier(&item)
            item.text = String(chars[start..<i])
            alternatives[alternatives.count - 1].append(item)
        }
        return alternatives
    }

    private mutating func element() -> PatternItem? {
        let c = chars[i]
        switch c {
        case "(":
            i += 1
            var atomic = false
            var zeroWidth = false
            if i < chars.count, chars[i] == "?" {
                i += 1
                let rest = String(chars[i..<Swift.min(i + 3, chars.count)])
                if rest.hasPrefix(">") { atomic = true; i += 1 }
                else if rest.hasPrefix("=") || rest.hasPrefix("!") { zeroWidth = true; i += 1 }
                else if rest.hasPrefix("<=") || rest.hasPrefix("<!") { zeroWidth = true; i += 2 }
                else if rest.hasPrefix("#") {
                    while i < chars.count, chars[i] != ")" { i += 1 }
                    i += 1
                    return nil
                } else if rest.hasPrefix("<") {
                    while i < chars.count, chars[i] != ">" { i += 1 }
                    i += 1
                } else {
                    // Flags: (?i) sets them and holds nothing; (?i:...) is a group.
                    while i < chars.count, chars[i] != ":", chars[i] != ")" { i += 1 }
                    if i < chars.count, chars[i] == ")" { i += 1; return nil }
                    i += 1
                }
            }
            let alternatives = sequenceOfAlternatives()
            if i < chars.count { i += 1 }
            return PatternItem(kind: zeroWidth ? .zeroWidth : .group(alternatives, atomic: atomic))
        case "[":
            let start = i
            skipClass()
            return PatternItem(kind: .atom(String(chars[start..<i])))
        case "\\":
            let start = i
            i += 1
            guard i < chars.count else { return PatternItem(kind: .atom("\\\\")) }
            let e = chars[i]
            i += 1
            if "bBAzZG".contains(e) { return PatternItem(kind: .zeroWidth) }
            if e == "Q" {
                let literal = i
                while i < chars.count, !(chars[i] == "\\" && i + 1 < chars.count && chars[i + 1] == "E") { i += 1 }
                let first = literal < i ? NSRegularExpression.escapedPattern(for: String(chars[literal])) : ""
                i = Swift.min(i + 2, chars.count)
                return first.isEmpty ? nil : PatternItem(kind: .atom(first))
            }
            if "pPxNk".contains(e), i < chars.count, chars[i] == "{" || chars[i] == "<" {
                let close: Character = chars[i] == "{" ? "}" : ">"
                while i < chars.count, chars[i] != close { i += 1 }
                i = Swift.min(i + 1, chars.count)
            }
            return PatternItem(kind: .atom(String(chars[start..<i])))
        case "^", "$":
            i += 1
            return PatternItem(kind: .zeroWidth)
        default:
            i += 1
            return PatternItem(kind: .atom(String(c)))
        }
    }

    private mutating func skipClass() {
        i += 1
        if i < chars.count, chars[i] == "^" { i += 1 }
        if i < chars.count, chars[i] == "]" { i += 1 }
        while i < chars.count, chars[i] != "]" {
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == "[" { skipClass(); continue }
            i += 1
        }
        i = Swift.min(i + 1, chars.count)
    }

    private mutating func quantifier(_ item: inout PatternItem) {
        guard i < chars.count else { return }
        switch chars[i] {
        case "*": (item.min, item.max) = (0, nil); i += 1
        case "+": (item.min, item.max) = (1, nil); i += 1
        case "?": (item.min, item.max) = (0, 1); i += 1
        case "{":
            guard let close = chars[i...].firstIndex(of: "}") else { return }
            let parts = String(chars[(i + 1)..<close]).split(separator: ",", omittingEmptySubsequences: false)
            guard let low = parts.first.flatMap({ Int($0) }), parts.count <= 2 else { return }
            item.min = low
            item.max = parts.count == 1 ? low : (parts[1].isEmpty ? nil : Int(parts[1]) ?? nil)
            i = close + 1
        default: return
        }
        if i < chars.count, chars[i] == "+" { item.possessive = true; i += 1 }
        else if i < chars.count, chars[i] == "?" { i += 1 }
    }
}

/// Which characters an element can start with, tried on a sample alphabet: all of printable
/// ASCII, tab, newline, and a few letters, symbols and spaces beyond it.
struct FirstCharacters {
    static let alphabet: [String] = ["\t", "\n"] + (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }
        + ["é", "ß", "Ω", "ж", "中", "😀", "\u{A0}", "\u{2028}"]
    private var cache: [String: Set<Int>] = [:]

    mutating func first(of items: [PatternItem]) -> Set<Int> {
        var result: Set<Int> = []
        for item in items {
            result.formUnion(first(of: item))
            if !item.canBeEmpty { break }
        }
        return result
    }

    private mutating func first(of item: PatternItem) -> Set<Int> {
        switch item.kind {
        case .zeroWidth: return []
        case .group(let alternatives, _):
            return alternatives.reduce(into: Set<Int>()) { $0.formUnion(first(of: $1)) }
        case .atom(let text):
            if let known = cache[text] { return known }
            let all = Set(Self.alphabet.indices)
            guard let regex = try? NSRegularExpression(pattern: "^(?:" + text + ")$") else {
                cache[text] = all
                return all
            }
            let set = Set(Self.alphabet.indices.filter { index in
                let c = Self.alphabet[index]
                return regex.firstMatch(in: c, range: NSRange(c.startIndex..., in: c)) != nil
            })
            cache[text] = set
            return set
        }
    }
}
