import Expressions
import InstrumentModel
import YAMLTree

/// Checks that need every question known: expressions, calculate cycles, routes, piping and export names.
struct InstrumentChecks {
    let instrument: Instrument
    let questionMarks: [String: Mark]
    var diagnostics = Diagnostics()
    /// Position of each question in the instrument's order.
    private var index: [String: Int] = [:]
    /// Questions by position; `index` finds one by id without copying it.
    private let all: [Question]
    /// The answer type of every question but notes; calculates get theirs once inferred.
    private var types: [String: ValueType] = [:]
    private let allIDs: [String]

    init(instrument: Instrument, questionMarks: [String: Mark]) {
        self.instrument = instrument
        self.questionMarks = questionMarks
        all = instrument.questions
        allIDs = all.map(\.id)
        index.reserveCapacity(all.count)
        types.reserveCapacity(all.count)
        for (i, q) in all.enumerated() where index[q.id] == nil {
            index[q.id] = i
            types[q.id] = valueType(q)
        }
    }

    mutating func run(expressions: [ExpressionSite], pipings: [PipingSite]) {
        let calculates = expressions.filter { $0.role == .value }
        for site in orderCalculates(calculates) {
            types[site.question ?? ""] = check(site) ?? .unknown
        }
        var sectionConditions: [String: Expr] = [:]
        var deadSections: Set<String> = []
        for site in expressions where site.role != .value {
            guard check(site) != nil, case .success(let expr) = site.parsed else { continue }
            analyseRoute(site, expr, sectionConditions: &sectionConditions, deadSections: &deadSections)
        }
        for site in pipings { checkPiping(site) }
        checkExportNames()
    }

    // MARK: Types

    private func options(_ q: Question) -> [ChoiceOption] {
        q.allChoices.map { ChoiceOption(code: $0.value, labels: $0.label.allTexts) }
    }

    /// The type of a question's answer as declared (a calculate's is inferred later).
    func valueType(_ q: Question) -> ValueType? {
        switch q.type {
        case .number: .number(min: q.min, max: q.max, decimals: q.decimals ?? 0)
        case .text, .longText, .open: .text
        case .date: .date
        case .single, .scale: .choice(options(q))
        case .multiple: .choices(options(q))
        case .ranking: .ranking(options(q))
        case .matrix: .matrix(rows: (q.rows ?? []).map(\.id), options: options(q))
        case .calculate: .unknown
        case .note: nil
        }
    }

    private func lookup(for site: ExpressionSite) -> (String) -> Lookup {
        let (index, all, types, ids) = (self.index, self.all, self.types, self.allIDs)
        return { id in
            guard let i = index[id] else {
                return .unknown(suggestion: Suggest.closest(to: id, in: ids))
            }
            guard let type = types[id] else { return .noAnswer("a note") }
            if id == site.question {
                return site.role == .validIf ? .found(type) : site.role == .value ? .found(.unknown) : .itself
            }
            if site.role == .value, all[i].type == .calculate { return .found(type) }
            return i < site.position ? .found(type) : .later(type)
        }
    }

    /// Type-checks one expression, reporting its problems; returns its type when it has none.
    private mutating func check(_ site: ExpressionSite) -> ValueType? {
        let expr: Expr
        switch site.parsed {
        case .failure(let error):
            report(error, in: site)
            return nil
        case .success(let e):
            expr = e
        }
        let answer = site.role == .validIf ? site.question.flatMap { types[$0] } : nil
        let (type, errors) = TypeChecker.check(expr, expecting: site.role == .value ? .value : .condition, answer: answer, lookup: lookup(for: site))
        errors.forEach { report($0, in: site) }
        return errors.isEmpty ? type : nil
    }

    private mutating func report(_ error: ExpressionError, in site: ExpressionSite) {
        let code = DiagnosticCode(rawValue: error.code.rawValue) ?? .expressionSyntax
        let at = ScalarPosition.mark(of: error.span.start, in: site.scalar)
        let length = site.scalar.start.line == site.scalar.end.line ? error.span.length : 1
        diagnostics.error(code, error.message, hint: error.hint, at: at, length: length)
    }

    // MARK: Calculate cycles

    /// Calculates in an order where each comes after those it uses; those in a cycle are reported and left out.
    private mutating func orderCalculates(_ sites: [ExpressionSite]) -> [ExpressionSite] {
        var byID: [String: ExpressionSite] = [:]
        for site in sites { if let id = site.question { byID[id] = site } }
        func uses(_ site: ExpressionSite) -> [String] {
            guard case .success(let expr) = site.parsed else { return [] }
            return expr.references.compactMap { $0.0.id }.filter { byID[$0] != nil }
        }
        var state: [String: Int] = [:]
        var ordered: [ExpressionSite] = []
        var inCycle: Set<String> = []
        func visit(_ id: String, path: [String]) {
            if state[id] == 2 { return }
            if state[id] == 1 {
                let cycle = Array(path[(path.firstIndex(of: id) ?? 0)...]) + [id]
                if !cycle.contains(where: inCycle.contains), let site = byID[id] {
                    diagnostics.error(.calculateCycle, "the calculation of '\(id)' depends on itself: " + cycle.joined(separator: " → "),
                                      hint: "a calculate cannot use its own value, directly or through others", at: site.scalar.start,
                                      length: Diagnostics.width(of: .scalar(site.scalar)))
                }
                inCycle.formUnion(cycle)
                return
            }
            state[id] = 1
            if let site = byID[id] {
                for used in uses(site) { visit(used, path: path + [id]) }
            }
            state[id] = 2
            if let site = byID[id], !inCycle.contains(id) { ordered.append(site) }
        }
        for site in sites { if let id = site.question { visit(id, path: []) } }
        return ordered
    }

    // MARK: Routes

    private mutating func analyseRoute(_ site: ExpressionSite, _ expr: Expr, sectionConditions: inout [String: Expr], deadSections: inout Set<String>) {
        let selfType = site.question.flatMap { self.types[$0] }
        let types: (Reference) -> ValueType? = { [types = self.types] r in
            guard let id = r.id else { return selfType }
            if r.row != nil, case .matrix(_, let options)? = types[id] { return .choice(options) }
            return types[id]
        }
        let width = Diagnostics.width(of: .scalar(site.scalar))
        switch site.role {
        case .showIf where site.question == nil:
            sectionConditions[site.sectionID] = expr
            if !Satisfiability.canBeTrue(expr, types: types) {
                deadSections.insert(site.sectionID)
                diagnostics.warning(.neverShown, "section '\(site.sectionID)' is never shown: its show_if can never be true",
                                    hint: "check the numbers and choices it compares against the questions' limits", at: site.scalar.start, length: width)
            }
        case .showIf, .choiceShowIf:
            guard !deadSections.contains(site.sectionID) else { return }
            let section = sectionConditions[site.sectionID]
            let combined = section.map { Expr(.binary(.and, $0, expr), expr.span) } ?? expr
            guard !Satisfiability.canBeTrue(combined, types: types) else { return }
            let what = site.role == .choiceShowIf ? "a choice of question '\(site.question ?? "")'" : "question '\(site.question ?? "")'"
            let why = section != nil && Satisfiability.canBeTrue(expr, types: types)
                ? "its show_if can never be true together with its section's show_if" : "its show_if can never be true"
            diagnostics.warning(.neverShown, "\(what) is never shown: \(why)",
                                hint: "check the numbers and choices it compares against the questions' limits", at: site.scalar.start, length: width)
        case .validIf:
            if !Satisfiability.canBeTrue(expr, types: types) {
                diagnostics.error(.unsatisfiableValidIf, "no answer to '\(site.question ?? "")' can satisfy this valid_if",
                                  hint: "compare it with the question's own limits (min, max, choices)", at: site.scalar.start, length: width)
            }
        case .value:
            break
        case .safeguarding:
            checkRule(site, expr, types: types)
        }
    }

    // MARK: Piping

    private mutating func checkPiping(_ site: PipingSite) {
        let chars = Array(site.scalar.text.unicodeScalars)
        var i = 0
        while i < chars.count {
            defer { i += 1 }
            if chars[i] == "}" {
                if i + 1 < chars.count, chars[i + 1] == "}" { i += 1; continue }
                diagnostics.error(.expressionSyntax, "a '}' has no '{' before it", hint: "write '}}' for a brace in the text",
                                  at: ScalarPosition.mark(of: i, in: site.scalar))
                continue
            }
            guard chars[i] == "{" else { continue }
            if i + 1 < chars.count, chars[i + 1] == "{" { i += 1; continue }
            guard let close = chars[(i + 1)...].firstIndex(of: "}") else {
                diagnostics.error(.expressionSyntax, "a '{' is not closed", hint: "write {question_id} to show an answer, or '{{' for a brace",
                                  at: ScalarPosition.mark(of: i, in: site.scalar))
                return
            }
            let name = String(String.UnicodeScalarView(chars[(i + 1)..<close])).trimmingSpaces
            checkPlaceholder(name, at: ScalarPosition.mark(of: i, in: site.scalar), length: close - i + 1, site: site)
            i = close
        }
    }

    private mutating func checkPlaceholder(_ name: String, at: Mark, length: Int, site: PipingSite) {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let id = parts[0]
        guard let i = index[id] else {
            diagnostics.error(.unknownID, "{\(name)} names no question",
                              hint: Suggest.closest(to: id, in: allIDs).map { "did you mean {\($0)}?" }
                                  ?? "write {question_id} to show an earlier answer, or '{{' for a brace", at: at, length: length)
            return
        }
        let q = all[i]
        if q.type == .note {
            diagnostics.error(.typeMismatch, "{\(name)} names a note, which has no answer to show", at: at, length: length)
        } else if i >= site.position {
            diagnostics.error(.forwardReference, "{\(name)} shows the answer to '\(id)', which is not asked before this text",
                              hint: "a text can only show answers given before it", at: at, length: length)
        } else if parts.count > 1 {
            if q.type != .matrix || parts.count > 2 || !(q.rows ?? []).contains(where: { $0.id == parts[1] }) {
                diagnostics.error(.unknownID, "'\(id)' has no row '\(parts.dropFirst().joined(separator: "."))'", at: at, length: length)
            }
        }
    }

    // MARK: Export names

    /// Matrix rows export as `<question>_<row>` and "Other" text as `<question>_other`; neither may be another question's id.
    private mutating func checkExportNames() {
        for q in all {
            for (name, what) in q.generatedColumns {
                guard index[name] != nil, let mark = questionMarks[name] else { continue }
                let place = questionMarks[q.id].map { " (line \($0.line))" } ?? ""
                diagnostics.error(.variableClash, "the question id '\(name)' is also the export name of \(what)\(place)",
                                  hint: "rename the question, so that every exported column has its own name", at: mark, length: name.count)
            }
        }
    }
}
