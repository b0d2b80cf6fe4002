/// Decides whether a condition can ever be true, given what answers are possible.
///
/// The condition is put in negation normal form and split into branches (as in DNF);
/// each branch narrows one domain per answer. A condition is reported as never true only
/// when every branch is contradictory, so anything it does not understand counts as possible:
/// it may miss a dead route, but it never reports a live one.
public enum Satisfiability {
    /// The most branches followed before giving up (and assuming the condition can be true).
    static let maxBranches = 256

    /// - Parameters:
    ///   - types: the type of each answer.
    ///   - facts: what else limits each answer (its length, dates, exclusive choices) and whether
    ///     it is ever shown; by default nothing.
    public static func canBeTrue(_ expr: Expr, types: @escaping (Reference) -> ValueType?,
                                 facts: @escaping (Reference) -> AnswerFacts = { _ in AnswerFacts() }) -> Bool {
        var analysis = Analysis(types: types, facts: facts)
        guard let branches = analysis.branches(expr, negated: false, [:]) else { return true }
        return !branches.isEmpty
    }
}

/// What limits an answer beyond its type: the question's keys, and whether it is ever shown.
public struct AnswerFacts: Sendable, Equatable {
    /// The limit on a date: a fixed day (days since 1970-01-01), or the day the answer is given.
    public enum DateLimit: Sendable, Equatable {
        case day(Int)
        case today
        /// A fixed minute of a time (since midnight) or of a datetime (since 1970).
        case minute(Int)
    }

    /// `max_length` of a text.
    public var maxLength: Int?
    /// `min` and `max` of a date.
    public var earliest: DateLimit?
    public var latest: DateLimit?
    /// Codes of the choices marked `exclusive: true` of a multiple choice.
    public var exclusive: Set<Int> = []
    /// `max` of a multiple choice: the most choices one answer may pick.
    public var maxPicks: Int?
    /// The question is never shown, so its answer is always empty.
    public var neverShown = false

    public init(maxLength: Int? = nil, earliest: DateLimit? = nil, latest: DateLimit? = nil, exclusive: Set<Int> = [],
                maxPicks: Int? = nil, neverShown: Bool = false) {
        self.maxLength = maxLength
        self.earliest = earliest
        self.latest = latest
        self.exclusive = exclusive
        self.maxPicks = maxPicks
        self.neverShown = neverShown
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
    var exclusive: Set<Int> = []
    var maxPicks: Int?

    init(_ type: ValueType?) {
        switch type {
        case .number(let min, let max, let decimals)?:
            low = min ?? -.infinity
            high = max ?? .infinity
            integer = decimals == 0
        case .choice(let options)?:
            codes = Set(options.map(\.code))
        case .time?:
            low = 0
            high = Double(ClockTime.minutesPerDay - 1)
            integer = true
        case .datetime?:
            integer = true
        default:
            break
        }
    }

    /// The domain of an answer of `type` limited by `facts`.
    init(_ type: ValueType?, _ facts: AnswerFacts) {
        self.init(type)
        exclusive = facts.exclusive
        maxPicks = facts.maxPicks
        if case .date? = type {
            if case .day(let d)? = facts.earliest { low = Double(d) }
            if case .day(let d)? = facts.latest { high = Double(d) }
        }
        if type == .time || type == .datetime {
            if case .minute(let m)? = facts.earliest { low = Double(m) }
            if case .minute(let m)? = facts.latest { high = Double(m) }
        }
        if facts.neverShown { answered = false }
    }

    /// A number from `low` to `high` (either open), whole when `integer`.
    init(from low: Double, to high: Double, integer: Bool) {
        self.low = low
        self.high = high
        self.integer = integer
    }

    var isPossible: Bool {
        if !contains.isDisjoint(with: notContains) { return false }
        // An exclusive choice ("None of these") is picked alone, and no answer picks more than `max`.
        if contains.count > 1 && !contains.isDisjoint(with: exclusive) { return false }
        if let maxPicks, contains.count > maxPicks { return false }
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
    let facts: (Reference) -> AnswerFacts
    var followed = 0

    init(types: @escaping (Reference) -> ValueType?, facts: @escaping (Reference) -> AnswerFacts) {
        self.types = types
        self.facts = facts
    }

    /// What a comparison constrains: an answer itself, or a function of it the analysis knows.
    enum Term {
        /// The answer, compared with a number, a label or a date written "YYYY-MM-DD".
        case answer(Reference)
        /// `count(x)`: 0 when x is empty, so it always has a value.
        case count(Reference)
        /// `length(x)`: empty when x is.
        case length(Reference)
        /// A date compared with `today()`: kept apart from the fixed dates, in days from today,
        /// since today moves and a fixed date does not.
        case sinceToday(Reference)
    }

    private func key(_ term: Term) -> String {
        switch term {
        case .answer(let r): r.name
        case .count(let r): "count(" + r.name + ")"
        case .length(let r): "length(" + r.name + ")"
        case .sinceToday(let r): r.name + " - today()"
        }
    }

    private func domain(_ term: Term) -> Domain {
        switch term {
        case .answer(let r):
            return Domain(types(r), facts(r))
        case .count(let r):
            let f = facts(r)
            var most = Double.infinity
            switch types(r) {
            case .choices(let o)?:
                // An exclusive choice is picked alone, so the most an answer counts is the others.
                let others = o.filter { !f.exclusive.contains($0.code) }.count
                most = Double(min(f.exclusive.isEmpty ? o.count : max(others, 1), f.maxPicks ?? o.count))
            case .ranking(let o)?: most = Double(o.count)
            case .matrix(let rows, _)?: most = Double(rows.count)
            default: break
            }
            return Domain(from: 0, to: f.neverShown ? 0 : most, integer: true)
        case .length(let r):
            let f = facts(r)
            return Domain(from: 0, to: f.maxLength.map(Double.init) ?? .infinity, integer: true)
        case .sinceToday(let r):
            let f = facts(r)
            return Domain(from: f.earliest == .today ? 0 : -.infinity, to: f.latest == .today ? 0 : .infinity, integer: true)
        }
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
            if let (term, constant, flipped) = atom(a, b) {
                return compare(term, flipped ? mirrored(op) : op, constant, negated: negated, env)
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

    /// A comparison of a term with a constant, as (term, constant, constant-is-on-the-left).
    private func atom(_ a: Expr, _ b: Expr) -> (Term, Double, Bool)? {
        if let (t, c) = term(a, b) { return (t, c, false) }
        if let (t, c) = term(b, a) { return (t, c, true) }
        return nil
    }

    private func term(_ e: Expr, _ other: Expr) -> (Term, Double)? {
        switch e.kind {
        case .reference(let r):
            // A datetime is compared with today() by its day, so it is a day count from today too.
            if case .call("today", let none) = other.kind, none.isEmpty, types(r) == .date || types(r) == .datetime { return (.sinceToday(r), 0) }
            return constant(other, for: r).map { (.answer(r), $0) }
        case .call(let name, let args) where (name == "count" || name == "length") && args.count == 1:
            guard case .reference(let r) = args[0].kind, case .number(let n) = other.kind else { return nil }
            return (name == "count" ? .count(r) : .length(r), n)
        default:
            return nil
        }
    }

    private func constant(_ e: Expr, for r: Reference) -> Double? {
        switch (e.kind, types(r)) {
        case (.number(let n), .number?), (.number(let n), .choice?): return n
        case (.string, .choice(let options)?): return code(of: e, in: options).map(Double.init)
        case (.string(let s), .date?): return DateValue.parse(s).map(Double.init)
        case (.string(let s), .time?): return ClockTime.parse(s).map(Double.init)
        // A date set against a datetime compares by day, which no single minute stands for.
        case (.string(let s), .datetime?): return DateTimeValue.parse(s).map(Double.init)
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
        settle(.answer(r), env, change)
    }

    private func settle(_ term: Term, _ env: Env, _ change: (inout Domain) -> Void) -> [Env] {
        var next = env
        let name = key(term)
        var domain = next[name] ?? self.domain(term)
        let was = domain.answered
        change(&domain)
        if was != nil && domain.answered == nil { return [] }
        next[name] = domain
        guard domain.isPossible else { return [] }
        switch term {
        case .answer(let r) where !domain.contains.isEmpty: return countsAgree(r, next) ? [next] : []
        case .count(let r): return countsAgree(r, next) ? [next] : []
        default: return [next]
        }
    }

    /// Whether `count(x)` can be as many as the choices `x` must include: `"Dog" in x and
    /// count(x) == 0` cannot hold, nor `"None" in x and count(x) >= 2` when "None" is exclusive.
    private func countsAgree(_ r: Reference, _ env: Env) -> Bool {
        guard let answer = env[r.name], !answer.contains.isEmpty, let count = env["count(" + r.name + ")"] else { return true }
        var atLeast = count
        atLeast.restrict(.greaterOrEqual, Double(answer.contains.count))
        // An exclusive choice is picked alone, so it counts 1.
        if !answer.contains.isDisjoint(with: answer.exclusive) { atLeast.restrict(.lessOrEqual, 1) }
        return atLeast.isPossible
    }

    private func compare(_ term: Term, _ op: BinaryOperator, _ value: Double, negated: Bool, _ env: Env) -> [Env] {
        let restrict: (inout Domain) -> Void = { d in d.restrict(negated ? negation(op) : op, value) }
        // A comparison with an empty answer is false, so it holds only when answered,
        // and its negation holds either when answered otherwise or when empty.
        let answered: (inout Domain) -> Void = { d in d.answered = d.answered == false ? nil : true }
        let empty: (inout Domain) -> Void = { d in d.answered = d.answered == true ? nil : false }
        let positive: [Env]
        switch term {
        case .count:
            // A count is never empty: its comparisons hold or fail by its value alone.
            return settle(term, env, restrict)
        case .answer:
            positive = settle(term, env) { d in
                answered(&d)
                restrict(&d)
            }
        case .length(let r), .sinceToday(let r):
            // Whether the answer is empty is kept on the answer itself, so `not answered(x)`
            // and `length(x) > 3` are seen to contradict each other.
            positive = settle(.answer(r), env, answered).flatMap { settle(term, $0, restrict) }
        }
        guard negated else { return positive }
        switch term {
        case .length(let r), .sinceToday(let r): return positive + settle(.answer(r), env, empty)
        default: return positive + settle(term, env, empty)
        }
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
