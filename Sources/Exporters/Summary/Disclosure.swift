/// Small-cell suppression that subtraction cannot undo. A count from 1 to N-1 is shown as "<N";
/// where the shown numbers would still pin a hidden count down (the total less the shown cells
/// leaves exactly what the hidden ones must hold), further cells are hidden ("x"), smallest
/// first, and when that is not enough the total is hidden instead.
///
/// What a reader knows, and what the check assumes: a count shown "<N" is from 1 to N-1; a cell
/// shown "x" is N or more (a zero is always shown); a total shown "<N" is from 1 to N-1 and one
/// shown "x" is unknown. In a table whose cells add up to its total, a hidden count is
/// "determined" when only one value of it fits. With N = 2 a count shown "<2" can only be 1:
/// that threshold hides nothing, whatever is done here.
enum Disclosure {
    enum Shown: Equatable {
        case exact(Int)
        case below
        case hidden
    }

    struct Table: Equatable {
        var cells: [Shown]
        var total: Shown
    }

    /// What to show of a table's cells and total; `additive` when the cells add up to the total.
    static func protect(cells: [Int], total: Int, additive: Bool, minCell n: Int) -> Table {
        func primary(_ c: Int) -> Shown { c > 0 && c < n ? .below : .exact(c) }
        var table = Table(cells: cells.map(primary), total: primary(total))
        guard additive, n > 2 else { return table }
        let start = table
        while determined(table, cells: cells, total: total, minCell: n) {
            // The smallest cell still shown that is not zero (every such cell is N or more).
            let candidates = cells.indices.filter { table.cells[$0] != .exact(0) && table.cells[$0] == .exact(cells[$0]) }
            guard let next = candidates.min(by: { cells[$0] < cells[$1] }) else {
                table = start
                table.total = .hidden
                return table
            }
            table.cells[next] = .hidden
        }
        return table
    }

    /// Whether a reader can work out a hidden count (or a total shown "<N") from the rest.
    static func determined(_ table: Table, cells: [Int], total: Int, minCell n: Int) -> Bool {
        // The sum of the hidden cells, as far as the reader can tell.
        let shown = table.cells.reduce(0) { if case .exact(let c) = $1 { return $0 + c }; return $0 }
        let (low, high): (Int, Int)
        switch table.total {
        case .exact(let t): (low, high) = (t - shown, t - shown)
        case .below: (low, high) = (1 - shown, n - 1 - shown)
        case .hidden: return false
        }
        let bounds: [(Int, Int)] = table.cells.compactMap { s in
            switch s {
            case .exact: nil
            case .below: (1, n - 1)
            case .hidden: (n, max(n, high))
            }
        }
        let lows = bounds.reduce(0) { $0 + $1.0 }
        let highs = bounds.reduce(0) { $0 + $1.1 }
        for (a, b) in bounds {
            let lo = max(a, low - (highs - b))
            let hi = min(b, high - (lows - a))
            if lo >= hi { return true }
        }
        if table.total == .below {
            // The total is the shown cells plus the hidden ones.
            if max(1, shown + lows) >= min(n - 1, shown + highs) { return true }
        }
        return false
    }
}
