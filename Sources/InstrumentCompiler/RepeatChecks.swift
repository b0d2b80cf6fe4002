import Expressions
import InstrumentModel
import YAMLTree

/// The checks of `repeat:` that need every question known, and the `max` each repeat gets when
/// it is not given: a route with repeats must still have an end, so that the route analysis,
/// the exports' columns and the progress bar all stay finite.
extension InstrumentDecoder {
    mutating func resolveRepeats(_ instrument: inout Instrument) {
        guard !repeatSites.isEmpty else { return }
        let questions = instrument.questions
        var position: [String: Int] = [:]
        for (i, q) in questions.enumerated() where position[q.id] == nil { position[q.id] = i }
        let repeated = Set(instrument.repeatedSections.flatMap { $0.questions.map(\.id) })
        sectionSizes = Dictionary(instrument.sections.map { ($0.id, $0.questions.count) }, uniquingKeysWith: { a, _ in a })
        for site in repeatSites {
            guard let s = instrument.sections.firstIndex(where: { $0.id == site.section }),
                  var r = instrument.sections[s].repeat else { continue }
            let section = instrument.sections[s]
            for q in section.questions where q.identifying {
                diagnostics.error(.misplacedKey, "question '\(q.id)' is identifying, and a repeat cannot hold identifying questions",
                                  hint: "identifying answers are written apart, one set per response; ask it outside the repeat",
                                  at: questionMarks[q.id] ?? site.key)
            }
            if let source = site.source {
                guard let derived = drivingMax(source, kind: r.forEach != nil ? "for_each" : "count", site: site,
                                               questions: questions, position: position, repeated: repeated) else { continue }
                if r.forEach != nil || site.maxNode == nil {
                    guard let derived else {
                        diagnostics.error(.repeatWithoutMax, "the repeat of \(site.named) counts '\(source.text)', which has no 'max', so it has no limit",
                                          hint: "give '\(source.text)' a 'max', or give the repeat one: 'repeat: {count: \(source.text), max: 10}'",
                                          at: source.start, length: source.text.count)
                        continue
                    }
                    guard derived <= Repeat.maxInstances else {
                        diagnostics.error(.outOfRange, "the repeat of \(site.named) could have \(derived) instances, but a repeat has at most \(Repeat.maxInstances)",
                                          hint: r.forEach != nil ? "give '\(source.text)' a 'max' of at most \(Repeat.maxInstances)"
                                              : "give the repeat a 'max' of at most \(Repeat.maxInstances)",
                                          at: source.start, length: source.text.count)
                        continue
                    }
                    r.max = derived
                }
            } else if r.max == 0, site.maxNode == nil {
                diagnostics.error(.repeatWithoutMax, "the repeat of \(site.named) asks until the participant is done, but has no 'max'",
                                  hint: "give it the most instances anyone would need, such as 'repeat: {until_done: true, max: 10}'",
                                  at: site.key, length: 6)
                continue
            }
            instrument.sections[s].repeat = r
        }
    }

    /// Checks the question a `for_each` or `count` names; returns the most instances it can give
    /// (nil inside when it sets no bound), or nil when it cannot drive the repeat.
    private mutating func drivingMax(_ source: Scalar, kind: String, site: RepeatSite, questions: [Question],
                                     position: [String: Int], repeated: Set<String>) -> Int?? {
        let id = source.text
        let at = source.start, length = id.count
        let wanted = kind == "for_each" ? "a multiple choice" : "a number question with whole numbers"
        guard let i = position[id] else {
            diagnostics.error(.unknownID, "there is no question with id '\(id)'",
                              hint: Suggest.closest(to: id, in: questions.map(\.id)).map { "did you mean '\($0)'?" }, at: at, length: length)
            return nil
        }
        let q = questions[i]
        if i >= site.position {
            let inside = i < site.position + sectionSize(site.section)
            diagnostics.error(.repeatSource, inside ? "the repeat of \(site.named) cannot be decided by '\(id)', a question inside it"
                                  : "the repeat of \(site.named) is decided by '\(id)', which is asked later",
                              hint: "\(kind) names \(wanted) asked before the \(site.noun)", at: at, length: length)
            return nil
        }
        if repeated.contains(id) {
            diagnostics.error(.repeatSource, "'\(id)' is itself repeated, and a repeat cannot be decided by another repeat's answers",
                              hint: "\(kind) names \(wanted) asked once, before the \(site.noun)", at: at, length: length)
            return nil
        }
        switch (kind, q.type) {
        case ("for_each", .multiple):
            let choices = q.allChoices.filter { !$0.exclusive && !$0.missing }.count
            return .some(min(choices, q.max.map { Int($0) } ?? choices))
        case ("count", .number) where (q.decimals ?? 0) == 0:
            return .some(q.max.map { Swift.max(0, Int($0)) })
        default:
            let what = Self.described(q)
            diagnostics.error(.repeatSource, "'\(id)' is \(what), but \(kind) needs \(wanted)",
                              hint: kind == "for_each" ? "for_each repeats once per choice ticked in a 'type: multiple' question"
                                  : "count repeats as many times as a 'type: number' answer with no decimals",
                              at: at, length: length)
            return nil
        }
    }

    /// A question's kind in the words of a message: "'x' is a single choice".
    static func described(_ q: Question) -> String {
        switch q.type {
        case .single: "a single choice"
        case .multiple: "a multiple choice"
        case .scale: "a scale"
        case .matrix: "a matrix"
        case .number: (q.decimals ?? 0) > 0 ? "a number with decimals" : "a number"
        case .text: "a text question"
        case .longText: "a long text question"
        case .date: "a date question"
        case .time: "a time question"
        case .datetime: "a date-and-time question"
        case .ranking: "a ranking"
        case .calculate: "a calculate"
        case .note: "a note"
        case .open: "an open question"
        case .hidden: "a value set at launch"
        }
    }

    private func sectionSize(_ id: String) -> Int {
        sectionSizes[id] ?? 0
    }
}
