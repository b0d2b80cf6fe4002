import Foundation

/// The names a variable takes in SPSS (64 bytes at most) and Stata (32 characters at most), worked
/// out once so that the scripts and the codebook agree. A name too long keeps its start and gains
/// '_' and 4 hex digits of a hash of the full name, so the same name always shortens the same way;
/// should two shortened names meet, the later gains a number. A name Stata reserves (`long`, `int`,
/// `if`, `str5`, ... [U] 11.3) gains '_' in Stata (`long_`), the same way each time.
public struct ExportNames: Sendable {
    public private(set) var spss: [String: String] = [:]
    public private(set) var stata: [String: String] = [:]

    init(_ names: [String]) {
        var usedSPSS = Set(Codebook.fixed), usedStata = Set(Codebook.fixed)
        for name in names {
            spss[name] = Self.unique(Self.shortened(name, limit: 64), in: &usedSPSS, limit: 64)
            stata[name] = Self.unique(Self.stataSafe(Self.shortened(name, limit: 32)), in: &usedStata, limit: 32)
        }
    }

    /// The SPSS name of a column (a fixed column keeps its own).
    public func spss(_ name: String) -> String { spss[name] ?? name }
    public func stata(_ name: String) -> String { stata[name] ?? name }

    /// The variables whose names differ in SPSS or Stata, for the codebook.
    func renamed(_ name: String) -> (spss: String?, stata: String?) {
        let s = spss(name), t = stata(name)
        return (s == name ? nil : s, t == name ? nil : t)
    }

    static func hash(_ n: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for b in n.utf8 { hash = (hash ^ UInt32(b)) &* 16_777_619 }
        return String(format: "%04x", hash & 0xFFFF)
    }

    /// Ids are ASCII (the compiler allows a-z, 0-9 and '_'), so bytes and characters agree.
    static func shortened(_ n: String, limit: Int) -> String {
        guard n.utf8.count > limit else { return n }
        return String(n.prefix(limit - 5)) + "_" + hash(n)
    }

    /// The names Stata reserves ([U] 11.3 Naming conventions): a variable cannot take them.
    static let stataReserved: Set<String> = [
        "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_N",
        "_pi", "_pred", "_rc", "_skip", "strL", "using", "with",
    ]

    /// A name Stata can take: a reserved word, or `str` and a number (`str5`, a storage type), gains '_'
    /// (within 32 characters, since a reserved word is short).
    static func stataSafe(_ n: String) -> String {
        let storageType = n.hasPrefix("str") && n.count > 3 && n.dropFirst(3).allSatisfy(\.isASCII) && n.dropFirst(3).allSatisfy(\.isNumber)
        return stataReserved.contains(n) || n.lowercased() == "strl" || storageType ? n + "_" : n
    }

    private static func unique(_ n: String, in used: inout Set<String>, limit: Int) -> String {
        var candidate = n
        var k = 2
        while used.contains(candidate) {
            let suffix = "_\(k)"
            candidate = String(n.prefix(limit - suffix.count)) + suffix
            k += 1
        }
        used.insert(candidate)
        return candidate
    }
}
