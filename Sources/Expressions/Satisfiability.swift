/// Decides whether a condition can ever be true, given what answers are possible.
///
/// The condition is put in negation normal form and split into branches (as in DNF);
/// each branch narrows one domain per answer. A condition is reported as never true only
/// when every branch is contradictory, so anything it does not understand counts as possible:
/// it may miss a dead route, but it never reports a live one.
public enum Satisfiability {
    /// The most branches followed before giving up (and assuming the condition can be true).
    static let maxBranches = 256

    public static func canBeTrue(_ expr: Expr, types: @escaping (Reference) -> ValueType?) -> Bool {
        var analysis = Analysis(types: types)
        guard let branches = analysis.branches(expr, negated: false, [:]) else { return true }
        return !branches.isEmpty
    }
}

/// The possible values of one answer along one branch.
struct Domain {
    var low = -Double.infinity, lowInclusive = true
    var high = Double.infinity, highInclusive = true
    var integer = false
    var codes: Set<Int>?
    var excluded: Set<Double> = []
    /// true: must be answered; false: must be empty; nil: either.
    var answered: Bool?
    var contains: Set<Int> = []
    var notContains: Set<Int> = []

    init(_ type: ValueType?) {
        switch type {
        case .number(let min, let max, let decimals)?:
            low = min ?? -.infinity
            high = max ?? .infinity
            integer = decimals == 0
        case .choice(let options)?:
            codes = Set(options.map(\.code))
        default:
            break
        }
    }

    var isPossible: Bool {
        if !contains.isDisjoint(with: notContains) { return false }
        if answered == false && !contains.isEmpty { return false }
        if let codes {
            return codes.contains { admits(Double($0)) }
        }
        if low > high || (low == high && !(lowInclusive && highInclusive)) { return false }
        if low == high && excluded.contains(low) { return false }
        if integer {
            var first = low.rounded(.up)
            if first == low && !lowInclusive { first += 1 }
            var last = high.rounded(.down)
            if last == high && !highInclusive { last -= 1 }
            if first > last { return false }
            if first == last && excluded.contains(first) { return false }
        }
        return true
    }

    func admits(_ v: Double) -> Bool {
        if excluded.contains(v) { return false }
        if v < low || (v == low && !lowInclusive) { return false }
        if v > high || (v == high && !highInclusive) { return false }
        return !integer || v == v.rounded()
    }

    mutating func restrict(_ op: BinaryOperator, _ v: Double) {
        switch op {
        case .equal:
            restrict(.greaterOrEqual, v)
            restrict(.lessOrEqual, v)
        case .notEqual: excluded.insert(v)
        case .less, .lessOrEqual:
            let inclusive = op == .lessOrEqual
            if v < high || (v == high && !inclusive) { high = v; highInclusive = inclusive }
        case .greater, .greaterOrEqual:
            let inclusive = op == .greaterOrEqual
            if v > low || (v == low && !inclusive) { low = v; lowInclusive = inclusive }
        default: break
        }
    }
}

private struct Analysis {
    typealias Env = [String: Domain]
    let types: (Reference) -> ValueType?
    var followed = 0

    init(types: @escaping (Reference) -> ValueType?) {
        self.types = types
    }

    /// The branches along which `expr` (or its negation) can hold; nil when there are too many to follow.
    mutating func branches(_ expr: Expr, negated: Bool, _ env: Env) -> [Env]? {
        followed += 1
        if followed > Satisfiability.maxBranches * 16 { return nil }
        switch expr.kind {
        case .bool(let b):
            return b != negated ? [env] : []
        case .not(let e):
            return branches(e, negated: !negated, env)
        case .binary(let op, let a, let b) where op == .and || op == .or:
            if (op == .and) != negated {
                guard let first = branches(a, negated: negated, env) else { return nil }
                var result: [Env] = []
                for branch in first {
                    guard let more = branches(b, negated: negated, branch) else { return nil }
                    result += more
                    if result.count > Satisfiability.maxBranches { return nil }
                }
                return result
            }
            guard let x = branches(a, negated: negated, env), let y = branches(b, negated: negated, env) else { return nil }
            return x + y
        case .binary(let op, let a, let b) where op.isComparison:
            if let (reference, constant, flipped) = atom(a, b) {
                return compare(reference, flipped ? mirrored(op) : op, constant, negated: negated, env)
            }
            return [env]
        case .binary(.in, let a, let b):
            if case .reference(let r) = b.kind, case .choices(let options)? = types(r),
               let code = code(of: a, in: options) {
                return membership(r, code, negated: negated, env)
            }
            return [env]
        case .call("answered", let args):
            guard let first = args.first, case .reference(let r) = first.kind else { return [env] }
            return settle(r, env) { $0.answered = $0.answered == nil || $0.answered == !negated ? !negated : nil }
        default:
            return [env]
        }
    }

    private func mirrored(_ op: BinaryOperator) -> BinaryOperator {
        switch op {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        default: op
        }
    }

    private func negation(_ op: BinaryOperator) -> BinaryOperator {
        switch op {
        case .equal: .notEqual
        case .notEqual: .equal
        case .less: .greaterOrEqual
        case .lessOrEqual: .greater
        case .greater: .lessOrEqual
        default: .less
        }
    }

    /// A comparison of an answer with a constant, as (answer, constant, constant-is-on-the-left).
    private func atom(_ a: Expr, _ b: Expr) -> (Reference, Double, Bool)? {
        if case .reference(let r) = a.kind, let c = constant(b, for: r) { return (r, c, false) }
        if case .reference(let r) = b.kind, let c = constant(a, for: r) { return (r, c, true) }
        return nil
    }

    private func constant(_ e: Expr, for r: Reference) -> Double? {
        switch (e.kind, types(r)) {
        case (.number(let n), .number?), (.number(let n), .choice?): return n
        case (.string, .choice(let options)?): return code(of: e, in: options).map(Double.init)
        default: return nil
        }
    }

    private func code(of e: Expr, in options: [ChoiceOption]) -> Int? {
        switch e.kind {
        case .number(let n): options.first { Double($0.code) == n }?.code
        case .string(let s): options.first { $0.labels.contains(s) }?.code
        default: nil
        }
    }

    private func settle(_ r: Reference, _ env: Env, _ change: (inout Domain) -> Void) -> [Env] {
        var next = env
        var domain = next[r.name] ?? Domain(types(r))
        let was = domain.answered
        change(&domain)
        if was != nil && domain.answered == nil { return [] }
        next[r.name] = domain
        return domain.isPossible ? [next] : []
    }

    private func compare(_ r: Reference, _ op: BinaryOperator, _ value: Double, negated: Bool, _ env: Env) -> [Env] {
        // A comparison with an empty answer is false, so it holds only when answered,
        // and its negation holds either when answered otherwise or when empty.
        let positive = settle(r, env) { d in
            d.answered = d.answered == false ? nil : true
            d.restrict(negated ? negation(op) : op, value)
        }
        guard negated else { return positive }
        return positive + settle(r, env) { d in d.answered = d.answered == true ? nil : false }
    }

    private func membership(_ r: Reference, _ code: Int, negated: Bool, _ env: Env) -> [Env] {
        let positive = settle(r, env) { d in
            d.answered = d.answered == false ? nil : true
            if negated { d.notContains.insert(code) } else { d.contains.insert(code) }
        }
        guard negated else { return positive }
        return positive + settle(r, env) { d in d.answered = d.answered == true ? nil : false }
    }
}
