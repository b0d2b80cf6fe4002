/// Orders versions as people number them: 1.9 before 1.10.
public enum VersionOrder {
    public static func less(_ a: String, _ b: String) -> Bool {
        let x = a.split(whereSeparator: { !$0.isNumber && !$0.isLetter })
        let y = b.split(whereSeparator: { !$0.isNumber && !$0.isLetter })
        for (p, q) in zip(x, y) where p != q {
            if let m = Int(p), let n = Int(q) { return m < n }
            return p < q
        }
        return x.count < y.count
    }
}
