/// Random valid instruments: every question type, codes negative, large and equal to the usual
/// skip code, missing and exclusive choices, "Other", dates of every precision, decimals,
/// calculations of every type, conditions, two languages, a long id, and two or three versions
/// with comparable and incomparable changes.
struct InstrumentGenerator {
    var random: FidelityRandom

    /// Labels that stress the scripts' quoting (SPSS, Stata, R) and the CSV.
    static let awkward = ["Don't know", "\"Quoted\"", "$HOME", "`x'", "a, b", "Ünïcode ☕", "=SUM(1)", "50% more", "back\\slash"]
    /// Free texts a participant might type: formula-like, skip-code-like, quotes, commas, Welsh.
    static let texts = ["hello", "=1+2", "-99", "@home", "'quoted town", "a, \"b\"", "Caerdydd – Cymru", "$HOME `x'", "+44 is a code", "12"]

    mutating func codes() -> [Int] {
        switch random.int(0...4) {
        case 0: return [1, 2, 3]
        case 1: return [-5, 0, 7]
        case 2: return [2_147_483_000, 1, -2_147_483_000]
        case 3: return [-99, 1, 2]
        default: return [10, 20, 30, 40]
        }
    }

    mutating func labels(_ n: Int) -> [String] {
        var pool = Self.awkward
        pool.shuffle(using: &random)
        return (0..<n).map { i in random.chance(0.4) && i < pool.count ? pool[i] : "Choice \(i + 1)" }
            .enumerated().map { $0.element.hasPrefix("Choice") ? "Choice \($0.offset + 1)" : $0.element }
    }

    mutating func choices(_ codes: [Int]) -> [ChoiceSpec] {
        zip(codes, labels(codes.count)).map { ChoiceSpec(code: $0, label: $1, welsh: "Dewis " + $1) }
    }

    /// A missing code outside `codes`.
    mutating func missingChoices(avoiding codes: [Int], multiple: Bool) -> [ChoiceSpec] {
        let pools: [[Int]] = multiple ? [[99], [-9], [97, 98]] : [[97, 98, 99], [-9], [-1, 99], [-99]]
        let pick = random.pick(pools.filter { Set($0).isDisjoint(with: codes) })
        return pick.enumerated().map {
            ChoiceSpec(code: $0.element, label: ["Prefer not to say", "Not applicable", "Refused"][$0.offset],
                       welsh: ["Gwell gennyf beidio", "Amherthnasol", "Gwrthod"][$0.offset], missing: true, exclusive: multiple)
        }
    }

    mutating func question(_ kind: Kind, id: String) -> QuestionSpec {
        var q = QuestionSpec(id: id, kind: kind, text: "Question \(id)?")
        switch kind {
        case .single:
            let codes = codes()
            q.choices = choices(codes)
            if random.chance(0.6) { q.choices += missingChoices(avoiding: codes, multiple: false) }
            if random.chance(0.5) { q.other = 555 }
        case .multiple:
            q.choices = choices(Array(codes().filter { $0 != -99 }.prefix(3)))
            if random.chance(0.5) { q.choices.append(ChoiceSpec(code: 90, label: "None of these", welsh: "Dim un", exclusive: true)) }
            let used = q.choices.map(\.code)
            if random.chance(0.7) { q.choices += missingChoices(avoiding: used, multiple: true) }
            if random.chance(0.4) { q.other = 555 }
        case .scale:
            (q.from, q.to) = random.pick([(1, 5), (0, 10), (-2, 2), (-100, 0)])
        case .matrix:
            q.choices = choices([1, 2, 3, 4])
            if random.chance(0.6) { q.choices += missingChoices(avoiding: [1, 2, 3, 4], multiple: false) }
            q.rows = (1...random.int(2...3)).map { "r\($0)" }
        case .number:
            q.decimals = random.pick([0, 0, 1, 2, 3])
            switch random.int(0...3) {
            case 0: (q.min, q.max) = (0, 120)
            case 1: (q.min, q.max) = (-200, 2)
            case 2: (q.min, q.max) = (nil, nil)
            default: (q.min, q.max) = (nil, 50)
            }
        case .text, .longText:
            break
        case .date:
            q.precision = random.pick([.day, .month, .year])
            q.dateMin = random.pick(["1990-01-01", "2001-06-15"])
            q.dateMax = random.pick(["2024-12-31", "today", nil])
        case .ranking:
            q.choices = choices(Array(codes().prefix(random.int(3...4))))
            if random.chance(0.5) { q.rank = 2 }
        case .time, .datetime, .calcNumber, .calcBool, .calcText, .calcDate, .calcTime, .calcDatetime, .hiddenChoice, .hiddenNumber:
            break
        }
        return q
    }

    /// A long id of 50 to 64 characters.
    mutating func longID() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return "long_" + String((0..<random.int(45...59)).map { _ in random.pick(letters) })
    }

    mutating func instrument(index: Int) -> [InstrumentSpec] {
        var questions: [QuestionSpec] = []
        var kinds: [Kind] = [.single, .multiple, .scale, .matrix, .number, .text, .longText, .date, .ranking]
        for _ in 0..<random.int(2...5) { kinds.append(random.pick(kinds)) }
        kinds.shuffle(using: &random)
        // SPSS command names as ids, and a long one.
        var names = ["execute", "compute", "string", "save"].shuffled(using: &random)
        for (i, kind) in kinds.enumerated() {
            let id = i == 1 ? longID() : (random.chance(0.3) && !names.isEmpty ? names.removeLast() : "q\(i + 1)_\(kind.rawValue)")
            questions.append(question(kind, id: id))
        }
        // The questions that drive the repeats: a multiple choice with "Other" and often negative
        // or huge codes (its instances keyed by them), and a whole number from 0.
        var ticked = question(.multiple, id: "rep_ticked")
        ticked.choices = choices(random.pick([[1, 2, 3], [-5, 0, 7], [2_147_483_000, 1, -2_147_483_000]]))
        if random.chance(0.5) { ticked.choices.append(ChoiceSpec(code: 90, label: "None of these", welsh: "Dim un", exclusive: true)) }
        if random.chance(0.5) { ticked.choices += missingChoices(avoiding: ticked.choices.map(\.code), multiple: true) }
        ticked.other = 555
        questions.append(ticked)
        var howMany = question(.number, id: "rep_count")
        (howMany.min, howMany.max, howMany.decimals) = (0, Double(random.int(1...4)), 0)
        questions.append(howMany)
        // A day-precision date for the date calculation, a single that one version recodes and one
        // that a later version widens.
        var day = question(.date, id: "visit_day")
        day.precision = .day
        questions.append(day)
        // A clock time and a local date and time, drawn from nothing, so the rest of the instrument stays as it was.
        questions.append(QuestionSpec(id: "woke", kind: .time, text: "Question woke?"))
        questions.append(QuestionSpec(id: "onset", kind: .datetime, text: "Question onset?"))
        var recoded = question(.single, id: "recoded")
        recoded.choices = [ChoiceSpec(code: 1, label: "Yes", welsh: "Ie"), ChoiceSpec(code: 2, label: "No", welsh: "Na")]
        recoded.other = nil
        questions.append(recoded)
        var widened = question(.single, id: "widened")
        widened.choices = [ChoiceSpec(code: 1, label: "Bus", welsh: "Bws"), ChoiceSpec(code: 2, label: "Car", welsh: "Car modur")]
        widened.other = nil
        questions.append(widened)
        // Conditions on earlier answers.
        for i in questions.indices.shuffled(using: &random).prefix(3) where i > 0 {
            let earlier = questions[..<i].filter { [.single, .scale, .multiple].contains($0.kind) }
            guard let e = earlier.last else { continue }
            switch e.kind {
            case .single: questions[i].showIf = "\(e.id) != \(e.choices[0].code)"
            case .scale: questions[i].showIf = "\(e.id) >= \(e.from + 1)"
            default: questions[i].showIf = "not (\(e.choices[0].code) in \(e.id))"
            }
        }
        // Calculations of every type.
        if let n = questions.first(where: { $0.kind == .number && $0.showIf == nil }) ?? questions.first(where: { $0.kind == .number }) {
            questions.append(QuestionSpec(id: "calc_number", kind: .calcNumber, expression: "\(n.id) + 1"))
        }
        if let s = questions.first(where: { $0.kind == .scale }) {
            questions.append(QuestionSpec(id: "calc_bool", kind: .calcBool, expression: "\(s.id) >= \(s.from + 1)"))
        }
        if let t = questions.first(where: { $0.kind == .text }) {
            questions.append(QuestionSpec(id: "calc_text", kind: .calcText, expression: t.id))
        }
        questions.append(QuestionSpec(id: "calc_date", kind: .calcDate, expression: "visit_day"))
        questions.append(QuestionSpec(id: "calc_time", kind: .calcTime, expression: "woke"))
        questions.append(QuestionSpec(id: "calc_datetime", kind: .calcDatetime, expression: "onset"))
        // Values set at launch, written last and drawn from nothing, so the instruments before stay as they were.
        questions.append(QuestionSpec(id: "site", kind: .hiddenChoice, text: "Site",
                                      choices: [ChoiceSpec(code: -5, label: "North, \"upper\"", welsh: "Gogledd"),
                                                ChoiceSpec(code: 7, label: "South", welsh: "De")]))
        questions.append(QuestionSpec(id: "wave", kind: .hiddenNumber, text: "Wave", min: 1, max: 4))

        // A repeat of each kind, each asking a few questions of any type per instance (times and
        // datetimes too), some shown only on a condition on the instance's own earlier answer or on
        // one from before the repeat; the repeat itself sometimes shown only on a condition, and one
        // of them, now and then, a block at the start of the last section rather than a section.
        let counted = random.chance(0.5) ? nil : Int(howMany.max ?? 1) - random.int(0...1)
        let rules: [RepeatSpec.Rule] = [.forEach("rep_ticked"), .count("rep_count", max: counted.map { Swift.max(1, $0) }),
                                         .untilDone(max: random.int(2...3))]
        var repeats: [RepeatSpec] = []
        let inner: [Kind] = [.single, .multiple, .scale, .matrix, .number, .text, .longText, .date, .ranking, .time, .datetime]
        let outer = [Condition(question: "widened", equals: false, code: 2), Condition(question: "recoded", equals: true, code: 1)]
        for (r, rule) in rules.enumerated() {
            var asked = (0..<random.int(1...3)).map { i -> QuestionSpec in
                let kind = random.pick(inner)
                return question(kind, id: "r\(r + 1)_\(i + 1)_\(kind.rawValue)")
            }
            for i in asked.indices.dropFirst() where random.chance(0.4) {
                if let e = asked[..<i].last(where: { [.single, .scale].contains($0.kind) }), random.chance(0.7) {
                    asked[i].showIf = e.kind == .single ? "\(e.id) != \(e.choices[0].code)" : "\(e.id) >= \(e.from + 1)"
                } else {
                    asked[i].showIf = random.pick(outer).text
                }
            }
            // A whole number per instance, one more than it worked out in the instance, and (in the
            // last section) its sum, mean and count over the instances.
            var visits = question(.number, id: "r\(r + 1)_visits")
            (visits.min, visits.max, visits.decimals) = (0, 50, 0)
            if random.chance(0.3) { visits.showIf = random.pick(outer).text }
            asked.insert(visits, at: random.int(0...asked.count))
            asked.append(QuestionSpec(id: "r\(r + 1)_plus", kind: .calcNumber, expression: "\(visits.id) + 1", arithmetic: .plusOne(visits.id)))
            var spec = RepeatSpec(id: "rep\(r + 1)", rule: rule, questions: asked)
            if random.chance(0.35) { spec.condition = random.pick(outer) }
            repeats.append(spec)
        }
        if random.chance(0.5) { repeats[random.int(0...2)].block = true }
        var tail: [QuestionSpec] = []
        for r in repeats {
            let v = "r\(r.id.dropFirst(3))_visits"
            tail.append(QuestionSpec(id: "\(r.id)_sum", kind: .calcNumber, expression: "sum(\(v))", arithmetic: .sum(v)))
            tail.append(QuestionSpec(id: "\(r.id)_mean", kind: .calcNumber, expression: "mean(\(v))", arithmetic: .mean(v)))
            tail.append(QuestionSpec(id: "\(r.id)_count", kind: .calcNumber, expression: "count(\(v))", arithmetic: .count(v)))
            // One of the two ends, so that the last section stays short.
            tail.append(r.id == "rep2" ? QuestionSpec(id: "\(r.id)_min", kind: .calcNumber, expression: "min(\(v))", arithmetic: .min(v))
                        : QuestionSpec(id: "\(r.id)_max", kind: .calcNumber, expression: "max(\(v))", arithmetic: .max(v)))
        }
        tail.append(question(.text, id: "tail_text"))

        let id = "fid\(index)"
        let v1 = InstrumentSpec(id: id, version: "1.0.0", questions: questions, repeats: repeats, tail: tail)
        var v2 = v1
        v2.version = "2.0.0"
        // Comparable: a question added, a choice added; incomparable: codes given new meanings.
        v2.questions.insert(question(.single, id: "added_q"), at: random.int(0...(v2.questions.count - 5)))
        if let i = v2.questions.firstIndex(where: { $0.id == "widened" }) {
            v2.questions[i].choices.append(ChoiceSpec(code: 3, label: "Train", welsh: "Trên"))
        }
        if let i = v2.questions.firstIndex(where: { $0.id == "recoded" }) {
            v2.questions[i].choices = [ChoiceSpec(code: 1, label: "No", welsh: "Na"), ChoiceSpec(code: 2, label: "Yes", welsh: "Ie")]
        }
        guard random.chance(0.5) else { return [v1, v2] }
        var v3 = v2
        v3.version = "3.0.0-rc.1+a.longer.build.tag.than.spss.keeps"
        // A question removed.
        if let i = v3.questions.firstIndex(where: { $0.id == "added_q" }) { v3.questions.remove(at: i) }
        return [v1, v2, v3]
    }
}
