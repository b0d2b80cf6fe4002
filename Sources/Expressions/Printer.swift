import InstrumentModel

/// Prints an expression in one canonical layout, so that `age>18` and `age > 18`
/// compile to the same text and the same content hash.
public enum Printer {
    public static func print(_ expr: Expr) -> String {
        print(expr, parent: 0)
    }

    /// A number as the expression language writes it: the canonical text every stored number has,
    /// so a condition's literals read as the answers they are compared with.
    public static func number(_ n: Double) -> String { NumberText.canonical(n) }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    private static func print(_ expr: Expr, parent: Int) -> String {
        switch expr.kind {
        case .number(let n): return number(n)
        case .string(let s): return quoted(s)
        case .bool(let b): return b ? "true" : "false"
        case .reference(let r): return r.name
        case .list(let items): return "[" + items.map { print($0, parent: 0) }.joined(separator: ", ") + "]"
        case .call(let name, let args): return name + "(" + args.map { print($0, parent: 0) }.joined(separator: ", ") + ")"
        case .negate(let e): return "-" + print(e, parent: 7)
        case .not(let e):
            if case .binary(.in, let a, let b) = e.kind {
                return wrap(print(a, parent: 5) + " not in " + print(b, parent: 5), 4, parent)
            }
            return wrap("not " + print(e, parent: 3), 3, parent)
        case .binary(let op, let a, let b):
            let p = op.precedence
            // Comparisons do not chain, so a comparison on the left of another keeps its brackets.
            let left = print(a, parent: p == 4 ? p + 1 : p)
            return wrap(left + " \(op.rawValue) " + print(b, parent: p + 1), p, parent)
        }
    }

    private static func wrap(_ text: String, _ precedence: Int, _ parent: Int) -> String {
        precedence < parent ? "(" + text + ")" : text
    }
}
