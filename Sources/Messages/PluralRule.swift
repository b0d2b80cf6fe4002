import Foundation

/// A CLDR plural rule for whole numbers, such as `n % 10 = 1 and n % 100 != 11`, read from a
/// catalogue so that a new language brings its own plural forms with its file.
///
/// Only what whole counts need: the operands `n` and `i` (equal for a whole number; `v`, `w`,
/// `f`, `t`, `c` and `e` are 0), `%`, `=` and `!=` against values, ranges (`2..4`) and lists
/// (`2,3,5..9`), joined by `and` (binding tighter) and `or`.
public struct PluralRule: Sendable, Equatable {
    struct Relation: Sendable, Equatable {
        var modulo: Int?
        var zeroOperand: Bool
        var negated: Bool
        var ranges: [ClosedRange<Int>]
    }

    /// Alternatives (`or`) of conjunctions (`and`).
    let alternatives: [[Relation]]

    /// The rule written in `text`, or nil when it is not one this reader knows.
    public init?(_ text: String) {
        var alternatives: [[Relation]] = []
        for alternative in text.components(separatedBy: " or ") {
            var relations: [Relation] = []
            for part in alternative.components(separatedBy: " and ") {
                guard let relation = Self.relation(part) else { return nil }
                relations.append(relation)
            }
            alternatives.append(relations)
        }
        self.alternatives = alternatives
    }

    private static func relation(_ text: String) -> Relation? {
        let negated = text.contains("!=")
        let sides = text.components(separatedBy: negated ? "!=" : "=")
        guard sides.count == 2 else { return nil }
        let left = sides[0].split(separator: "%").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let operand = left.first, ["n", "i", "v", "w", "f", "t", "c", "e"].contains(operand), left.count <= 2 else { return nil }
        var modulo: Int?
        if left.count == 2 {
            guard let m = Int(left[1]), m > 0 else { return nil }
            modulo = m
        }
        var ranges: [ClosedRange<Int>] = []
        for item in sides[1].split(separator: ",") {
            let bounds = item.trimmingCharacters(in: .whitespaces).components(separatedBy: "..")
            guard let lo = Int(bounds[0]), let hi = Int(bounds.last ?? ""), bounds.count <= 2, lo <= hi else { return nil }
            ranges.append(lo...hi)
        }
        guard !ranges.isEmpty else { return nil }
        return Relation(modulo: modulo, zeroOperand: !["n", "i"].contains(operand), negated: negated, ranges: ranges)
    }

    /// Whether the whole number `count` falls under this rule.
    public func matches(_ count: Int) -> Bool {
        let n = count.magnitude > UInt(Int.max) ? Int.max : Int(count.magnitude)
        return alternatives.contains { relations in
            relations.allSatisfy { r in
                var value = r.zeroOperand ? 0 : n
                if let m = r.modulo { value %= m }
                return r.ranges.contains { $0.contains(value) } != r.negated
            }
        }
    }
}
