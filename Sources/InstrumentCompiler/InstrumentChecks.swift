import Expressions
import Foundation
import InstrumentModel
import YAMLTree

/// Checks that need every question known: expressions, calculate cycles, routes, piping and export names.
struct InstrumentChecks {
    let instrument: Instrument
    let questionMarks: [String: Mark]
    var diagnostics = Diagnostics()
    /// Position of each question in the instrument's order.
    private var index: [String: Int] = [:]
    /// Where each question is, by position: its section's index and its own in that section.
    /// The questions are read in place (a flattened copy of every question, each a large value,
    /// was a twentieth of `check`'s time at 10,000 questions), and `kinds` holds what is asked most.
    private let places: [(section: Int, item: Int)]
    /// Each question's type, by position.
    private let kinds: [QuestionType]
    /// The answer type of every question but notes; calculates get theirs once inferred.
    private var types: [String: ValueType] = [:]
    private let allIDs: [String]
    /// What limits an answer beyond its type (`max_length`, date limits, exclusive choices), for
    /// the questions that have such limits.
    private var facts: [String: AnswerFacts] = [:]
    /// Questions found never shown so far, in order: a condition needing their answer cannot hold.
    private var neverShown: Set<String> = []
    /// The conditions under which each question with one is shown: its section's and its own.
    private var shownWhen: [String: Expr] = [:]
    /// The show_if of each section that has one, and the section of each question.
    private var sectionShownWhen: [String: Expr] = [:]
    private var sectionOf: [String: String] = [:]
    /// The valid_if of each question whose valid_if uses only its own answer, with `.` named:
    /// an answer given always met it. (One that uses other answers may not hold any more once
    /// those are changed, so it is left out.)
    private var validIfs: [String: Expr] = [:]
    /// The repeated section of each question asked once per instance.
    private var repeatOf: [String: String] = [:]

    /// The section a block is in, for a block's id; nil for a section's.
    /// Asked for every condition: a search of the sections each time cost a hundredth of `check`
    /// at 200 sections.
    private func parentOf(_ section: String) -> String? {
        parents.isEmpty ? nil : parents[section]
    }
    /// The section each block is in, by the block's id.
    private var parents: [String: String] = [:]

    /// What repeats, in messages: "section 'activity'", or "block 'activity' in section 's'".
    private func named(_ section: String) -> String { Self.named(section, in: instrument.sections) }

    private static func named(_ section: String, in sections: [Section]) -> String {
        sections.first { $0.id == section }?.named ?? "section '\(section)'"
    }

    private func validWhen(_ id: String) -> Expr? {
        guard let expr = validIfs[id], expr.references.allSatisfy({ $0.0.id == nil || $0.0.id == id }) else { return nil }
        return expr.naming(answerAs: id)
    }

    init(instrument: Instrument, questionMarks: [String: Mark]) {
        self.instrument = instrument
        self.questionMarks = questionMarks
        let count = instrument.questionCount
        var places: [(section: Int, item: Int)] = []
        var kinds: [QuestionType] = []
        var ids: [String] = []
        places.reserveCapacity(count)
        kinds.reserveCapacity(count)
        ids.reserveCapacity(count)
        index.reserveCapacity(count)
        types.reserveCapacity(count)
        facts.reserveCapacity(count)
        var declared = DeclaredTypes()
        // By index: a question is taken whole only where its type and limits are needed.
        for s in instrument.sections.indices {
            let questions = instrument.sections[s].questions
            // The first section of an id is the one meant (a repeated id is reported elsewhere).
            let sectionID = instrument.sections[s].id
            if let within = instrument.sections[s].within, !instrument.sections[..<s].contains(where: { $0.id == sectionID }) {
                parents[sectionID] = within
            }
            for item in questions.indices {
                let id = questions[item].id
                if index[id] == nil {
                    let q = questions[item]
                    index[id] = places.count
                    types[id] = declared.type(of: q)
                    if let f = Self.facts(of: q) { facts[id] = f }
                }
                places.append((s, item))
                kinds.append(questions[item].type)
                ids.append(id)
            }
        }
        self.places = places
        self.kinds = kinds
        allIDs = ids
        for section in instrument.sections where section.showIf != nil {
            // The questions after a block are analysed under their section's own condition.
            for q in section.questions { sectionOf[q.id] = section.isBlock ? section.id : section.within ?? section.id }
        }
        for section in instrument.sections where section.repeat != nil {
            for q in section.questions { repeatOf[q.id] = section.id }
        }
    }

    /// The limits of a question's answer the route analysis uses, or nil when it has none.
    static func facts(of q: Question) -> AnswerFacts? {
        func date(_ text: String?) -> AnswerFacts.DateLimit? {
            guard let text else { return nil }
            if text == "today" { return q.type == .time ? nil : .today }
            switch q.type {
            case .time: return ClockTime.parse(text).map { .minute($0) }
            case .datetime: return DateTimeValue.parse(text).map { .minute($0) }
            default: return DateValue.parse(text).map { .day($0) }
            }
        }
        var f = AnswerFacts(maxLength: q.maxLength, earliest: date(q.dateMin), latest: date(q.dateMax))
        if q.type == .multiple {
            f.exclusive = Set(q.allChoices.filter(\.exclusive).map(\.value))
            f.maxPicks = q.max.map { Int($0) }
        }
        return f == AnswerFacts() ? nil : f
    }

    mutating func run(expressions: [ExpressionSite], pipings: [PipingSite]) {
        let calculates = expressions.filter { $0.role == .value }
        for site in orderCalculates(calculates) {
            types[site.question ?? ""] = check(site) ?? .unknown
        }
        var sectionConditions: [String: Expr] = [:]
        var deadSections: Set<String> = []
        // Sized once: grown one insertion at a time, each table was rehashed a dozen times.
        shownWhen.reserveCapacity(expressions.count { $0.role == .showIf })
        validIfs.reserveCapacity(expressions.count { $0.role == .validIf })
        for site in expressions where site.role != .value {
            guard check(site) != nil, case .success(let expr) = site.parsed else { continue }
            analyseRoute(site, expr, sectionConditions: &sectionConditions, deadSections: &deadSections)
        }
        for site in pipings { checkPiping(site) }
        checkExportNames()
        for site in expressions {
            guard case .success(let expr) = site.parsed else { continue }
            expr.visit { e in
                guard case .call("matches", _) = e.kind else { return }
                checkPatterns(e, in: site)
            }
            checkNumericLabels(expr, in: site)
        }
    }

    // MARK: Types

    /// The question at a position, read from its section.
    private func question(at i: Int) -> Question {
        let place = places[i]
        return instrument.sections[place.section].questions[place.item]
    }

    /// The type of a question's answer as declared (a calculate's is inferred later).
    func valueType(_ q: Question) -> ValueType? { ValueType.declared(by: q) }

    private func lookup(for site: ExpressionSite) -> (String) -> Lookup {
        // Only what it needs is captured: capturing `self` copied all of the checks' state.
        let (index, kinds, types, ids, repeatOf, sections) = (self.index, self.kinds, self.types, self.allIDs, self.repeatOf, instrument.sections)
        // A safeguarding rule belongs to no section, so it is outside every repeat.
        let here = site.role == .safeguarding ? nil : site.question.flatMap { repeatOf[$0] }
        return { id in
            guard let i = index[id] else {
                return .unknown(suggestion: Suggest.closest(to: id, in: ids))
            }
            guard let type = types[id] else { return .noAnswer("a note") }
            if id == site.question {
                return site.role == .validIf || site.role == .warnIf ? .found(type) : site.role == .value ? .found(.unknown) : .itself
            }
            let found: Lookup
            if site.role == .value, kinds[i] == .calculate { found = .found(type) }
            // Set at launch, so known before the first question wherever it is written.
            else if kinds[i] == .hidden { found = .found(type) }
            else { found = i < site.position ? .found(type) : .later(type) }
            // Outside its repeat, a repeated question has one answer per instance.
            if case .found = found, let owner = repeatOf[id], owner != here { return .repeated(type, section: Self.named(owner, in: sections)) }
            return found
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
        let answer = site.role == .validIf || site.role == .warnIf ? site.question.flatMap { types[$0] } : nil
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
        let here = site.role == .safeguarding ? nil : site.question.flatMap { repeatOf[$0] }
        let types: (Reference) -> ValueType? = { [types = self.types, repeatOf = self.repeatOf] r in
            guard let id = r.id else { return selfType }
            // Outside its repeat a question has an answer per instance, so its own limits (how
            // many choices it has) do not bound count() over the instances.
            if let owner = repeatOf[id], owner != here { return nil }
            if r.row != nil, case .matrix(_, let options)? = types[id] { return .choice(options) }
            return types[id]
        }
        let width = Diagnostics.width(of: .scalar(site.scalar))
        switch site.role {
        case .showIf where site.question == nil:
            // A block is asked only when its section is: its condition is read with the section's.
            let expr = parentOf(site.sectionID).flatMap { sectionConditions[$0] }.map { Expr(.binary(.and, $0, expr), expr.span) } ?? expr
            sectionConditions[site.sectionID] = expr
            sectionShownWhen[site.sectionID] = expr
            let (possible, why, hint) = explain(expr, section: nil, site: site, types: types)
            if !possible {
                deadSections.insert(site.sectionID)
                for q in instrument.sections.first(where: { $0.id == site.sectionID })?.questions ?? [] { neverShown.insert(q.id) }
                diagnostics.warning(.neverShown, "section '\(site.sectionID)' is never shown: \(why)", hint: hint, at: site.scalar.start, length: width)
            }
        case .showIf, .choiceShowIf:
            let question = site.question ?? ""
            if deadSections.contains(site.sectionID) || parentOf(site.sectionID).map(deadSections.contains) == true {
                neverShown.insert(question)
                return
            }
            if site.role == .choiceShowIf && neverShown.contains(question) { return }
            let section = sectionConditions[site.sectionID] ?? parentOf(site.sectionID).flatMap { sectionConditions[$0] }
            let (possible, why, hint) = explain(expr, section: section, site: site, types: types)
            if site.role == .showIf {
                shownWhen[question] = section.map { Expr(.binary(.and, $0, expr), expr.span) } ?? expr
            }
            guard !possible else { return }
            if site.role == .showIf { neverShown.insert(question) }
            let what = site.role == .choiceShowIf ? "a choice of question '\(question)'" : "question '\(question)'"
            diagnostics.warning(.neverShown, "\(what) is never shown: \(why)", hint: hint, at: site.scalar.start, length: width)
        case .validIf:
            // Kept as written; whether it uses only its own answer is asked when another condition needs it.
            if let id = site.question { validIfs[id] = expr }
            if !Satisfiability.canBeTrue(expr, types: types, facts: facts(for: site, neverShown: false)) {
                diagnostics.error(.unsatisfiableValidIf, "no answer to '\(site.question ?? "")' can satisfy this valid_if",
                                  hint: "compare it with the question's own limits (min, max, choices)", at: site.scalar.start, length: width)
            }
        case .warnIf:
            if !Satisfiability.canBeTrue(expr, types: types, facts: facts(for: site, neverShown: false)) {
                diagnostics.warning(.ignoredKey, "no answer to '\(site.question ?? "")' can meet this warn_if, so its message is never shown",
                                    hint: "compare it with the question's own limits (min, max, choices)", at: site.scalar.start, length: width)
            }
        case .value:
            break
        case .safeguarding:
            checkRule(site, expr, types: types)
        }
    }

    private func facts(for site: ExpressionSite, neverShown useNeverShown: Bool) -> (Reference) -> AnswerFacts {
        let (facts, neverShown, own) = (self.facts, useNeverShown ? self.neverShown : [], site.question)
        return { r in
            guard let id = r.id ?? own else { return AnswerFacts() }
            var f = facts[id] ?? AnswerFacts()
            if neverShown.contains(id) { f.neverShown = true }
            return f
        }
    }

    /// Whether a show_if can hold, and if not, why and what to do, in the words of the warning.
    ///
    /// Tried from the cheapest reading up, and only the first call runs for a condition that can
    /// hold: the condition with everything known (its section's condition, the questions never
    /// shown, and the conditions of the questions it uses, whose answers are empty when they are
    /// not shown). The others only find which of these made it impossible.
    private func explain(_ expr: Expr, section: Expr?, site: ExpressionSite, types: @escaping (Reference) -> ValueType?) -> (Bool, String, String) {
        let withSection = section.map { Expr(.binary(.and, $0, expr), expr.span) } ?? expr
        // The ids it uses, once each: a few, so a list beats a set (this runs for every show_if).
        var ids: [String] = []
        withSection.visit { e in
            if case .reference(let r) = e.kind, let id = r.id, id != site.question, !ids.contains(id) { ids.append(id) }
        }
        func shown(_ id: String) -> Expr? {
            guard let when = shownWhen[id] ?? sectionOf[id].flatMap({ sectionShownWhen[$0] }) else { return nil }
            return kinds[index[id] ?? 0].isNeverAsked ? nil : when
        }
        // The questions it uses that have conditions or rules, and those their conditions use, and
        // so on: an answer to `b` needs `b`'s condition, whose answer to `a` needs `a`'s. Bounded,
        // so a long chain costs a few steps at most; a bound reached only misses a dead route.
        var used: [String] = []
        var queue = ids.filter { shown($0) != nil || validWhen($0) != nil }
        while let id = queue.first, used.count < 8 {
            queue.removeFirst()
            guard !used.contains(id) else { continue }
            used.append(id)
            queue += (shown(id)?.references.compactMap { $0.0.id } ?? []).filter { $0 != id && (shown($0) != nil || validWhen($0) != nil) }
        }
        func and(_ a: Expr, _ b: Expr) -> Expr { Expr(.binary(.and, a, b), expr.span) }
        /// "x answered implies `rule`": a question not shown has an empty answer, and an accepted
        /// answer met its valid_if.
        func implied(_ id: String, _ rule: Expr?) -> Expr? {
            guard let rule else { return nil }
            let answered = Expr(.call("answered", [Expr(.reference(Reference(id: id)), expr.span)]), expr.span)
            return Expr(.binary(.or, Expr(.not(answered), expr.span), rule), expr.span)
        }
        let rules = used.flatMap { [implied($0, shown($0)), implied($0, validWhen($0))] }.compactMap { $0 }
        let known = facts(for: site, neverShown: true)
        if Satisfiability.canBeTrue(rules.reduce(withSection, and), types: types, facts: known) { return (true, "", "") }
        ids.sort { (index[$0] ?? 0) < (index[$1] ?? 0) }

        let limits = "check the numbers and choices it compares against the questions' limits"
        let plain = facts(for: site, neverShown: false)
        if !Satisfiability.canBeTrue(expr, types: types, facts: plain) { return (false, "its show_if can never be true", limits) }
        if section != nil, !Satisfiability.canBeTrue(withSection, types: types, facts: plain) {
            return (false, "its show_if can never be true together with its section's show_if", limits)
        }
        if let dead = ids.first(where: neverShown.contains), !Satisfiability.canBeTrue(withSection, types: types, facts: known) {
            return (false, "its show_if needs an answer to '\(dead)', which is never shown",
                    "a question that is not shown has no answer; fix the condition of '\(dead)' first")
        }
        func contradicts(_ rule: Expr?) -> Bool { rule.map { !Satisfiability.canBeTrue(and(withSection, $0), types: types, facts: known) } ?? false }
        if let id = used.first(where: { contradicts(implied($0, shown($0))) }) {
            return (false, "its show_if contradicts the show_if of '\(id)', which it depends on",
                    "a question that is not shown has no answer, so a condition on its answer also needs its show_if to hold")
        }
        if let id = used.first(where: { contradicts(implied($0, validWhen($0))) }) {
            return (false, "its show_if contradicts the valid_if of '\(id)', which every answer to '\(id)' meets",
                    "compare it with the answers the valid_if of '\(id)' accepts")
        }
        return (false, "its show_if contradicts the conditions of the questions it depends on",
                "a question that is not shown has no answer, and an answer always meets its valid_if")
    }

    // MARK: Patterns and labels in expressions

    /// A `matches()` pattern gets the checks of the `pattern` key: it must compile, and not be one
    /// that could backtrack for hours (`PatternSafety`).
    private mutating func checkPatterns(_ expr: Expr, in site: ExpressionSite) {
        expr.visit { e in
            guard case .call("matches", let args) = e.kind, args.count == 2, case .string(let pattern) = args[1].kind else { return }
            let at = ScalarPosition.mark(of: args[1].span.start, in: site.scalar)
            let length = site.scalar.start.line == site.scalar.end.line ? args[1].span.length : 1
            if (try? NSRegularExpression(pattern: pattern)) == nil {
                diagnostics.error(.invalidPattern, "'\(pattern)' is not a valid regular expression",
                                  hint: "check brackets and backslashes; in YAML, put the whole expression in double quotes and the pattern in single quotes", at: at, length: length)
            } else if let (message, hint) = PatternSafety.problem(in: pattern) {
                diagnostics.error(.slowPattern, message, hint: hint, at: at, length: length)
            }
        }
    }

    /// Warns where a number in a condition is a choice's code but reads as another choice's label:
    /// with `choices: [0, 1, 2, 3 or more]` the codes are 1 to 4, so `children == 1` means the
    /// choice labelled "0". The condition is valid, so this is a warning, with both fixes.
    private mutating func checkNumericLabels(_ expr: Expr, in site: ExpressionSite) {
        expr.visit { e in
            guard case .binary(let op, let a, let b) = e.kind, op == .equal || op == .notEqual || op == .in else { return }
            for (literal, question) in [(a, b), (b, a)] {
                guard case .number(let n) = literal.kind, case .reference(let r) = question.kind,
                      let id = r.id ?? site.question, let i = index[id] else { continue }
                let q = self.question(at: i)
                guard [.single, .multiple, .matrix].contains(q.type), q.type != .multiple || op == .in else { continue }
                let choices = q.allChoices
                let text = Printer.number(n)
                guard let coded = choices.first(where: { Double($0.value) == n }),
                      !coded.label.allTexts.contains(text), coded.label.allTexts.contains(where: { Double($0) != nil }) else { continue }
                let named = choices.first { $0.label.allTexts.contains(text) }
                var quoted = e
                if literal.span == a.span, case .binary(let op, _, let right) = e.kind { quoted = Expr(.binary(op, Expr(.string(text), a.span), right), e.span) }
                if literal.span == b.span, case .binary(let op, let left, _) = e.kind { quoted = Expr(.binary(op, left, Expr(.string(text), b.span)), e.span) }
                let at = ScalarPosition.mark(of: literal.span.start, in: site.scalar)
                let length = site.scalar.start.line == site.scalar.end.line ? literal.span.length : 1
                let label = coded.label.text(in: instrument.languages.first)
                diagnostics.warning(
                    .numericLabel,
                    "\(text) is the code of the choice labelled \"\(label)\"" + (named.map { ", not of the choice labelled \"\(text)\" (code \($0.value))" } ?? ""),
                    hint: named == nil ? "the codes of '\(id)' are numbered from 1; write the label in quotes to name a choice by its label"
                        : "to mean the label, write it in quotes: \(Printer.print(quoted)); or give the choices codes equal to their labels, such as {value: 0, label: \"0\"}",
                    at: at, length: length)
            }
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
        let q = question(at: i)
        let here = site.section.flatMap { id in instrument.sections.first { $0.id == id }?.repeat != nil ? id : nil }
        if parts.count == 2, parts[1] == "label", q.type == .multiple, i < site.position {
            if let section = site.section, instrument.sections.first(where: { $0.id == section })?.repeat?.forEach == id { return }
            diagnostics.error(.instanceReference, "{\(name)} shows one choice's label only inside a repeat over '\(id)'",
                              hint: "use it in a section with 'repeat: {for_each: \(id)}', or write {\(id)} for every choice ticked",
                              at: at, length: length)
            return
        }
        if let owner = repeatOf[id], owner != here, i < site.position {
            diagnostics.error(.instanceReference, "{\(name)} shows '\(id)', which is asked once per instance of \(named(owner)), so it does not say which instance",
                              hint: "show it inside \(named(owner)), or show a calculate such as sum(\(id))", at: at, length: length)
            return
        }
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
        // Each question read in place (see `places`).
        for position in places.indices {
            let place = places[position]
            for (name, what) in instrument.sections[place.section].questions[place.item].generatedColumns {
                guard index[name] != nil, let mark = questionMarks[name] else { continue }
                let line = questionMarks[allIDs[position]].map { " (line \($0.line))" } ?? ""
                diagnostics.error(.variableClash, "the question id '\(name)' is also the export name of \(what)\(line)",
                                  hint: "rename the question, so that every exported column has its own name", at: mark, length: name.count)
            }
        }
        // A repeated question exports once per instance its repeat can have, as `<id>_<key>` (and
        // that column's flags, rows, ...), the exporters' rule: no question may take one of those names.
        // Only a repeated section has instances (so only its questions are copied out here).
        for section in instrument.sections where section.repeat != nil {
            let keys = instrument.possibleInstances(of: section).map { (key: $0.key, label: section.repeat?.forEach != nil ? "'\($0.label)'" : $0.label) }
            for q in section.questions {
                for instance in keys {
                    var named = q
                    named.id = q.id + "_" + Question.codeName(instance.key)
                    for name in [named.id] + named.generatedColumns.map(\.name) {
                        guard index[name] != nil, let mark = questionMarks[name] else { continue }
                        let place = questionMarks[q.id].map { " (line \($0.line))" } ?? ""
                        diagnostics.error(.variableClash, "the question id '\(name)' is also the export name of question '\(q.id)' for the instance \(instance.label) of \(section.named)\(place)",
                                          hint: "rename the question, so that every exported column has its own name", at: mark, length: name.count)
                    }
                }
            }
        }
    }
}

/// Questions' declared types, made once for each choice list that questions share (a choice set):
/// a type's options are built from every choice's labels, and a 10,000-question form asks one
/// five-point set 3,334 times.
private struct DeclaredTypes {
    private var last: (choices: [Choice], type: QuestionType, made: ValueType?)?

    mutating func type(of q: Question) -> ValueType? {
        guard let choices = q.choices, q.other == nil, q.rows == nil, q.type != .hidden else { return ValueType.declared(by: q) }
        if let last, last.type == q.type, last.choices.sharesStorage(with: choices) {
            return last.made
        }
        let made = ValueType.declared(by: q)
        last = (choices, q.type, made)
        return made
    }
}
