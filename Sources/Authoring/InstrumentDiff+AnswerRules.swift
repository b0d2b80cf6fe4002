import InstrumentModel

/// Changes around an answer that leave its form alone but change which answers are accepted
/// (`max_length`, `pattern`) or how the question is explained (`help`), and the order the
/// sections are asked in.
extension InstrumentDiff {
    static func answerRuleChanges(_ o: Question, _ q: Question, languages: [String], display: String?) -> [(Verdict, String)] {
        var out: [(Verdict, String)] = []
        let refusedNow = ": answers accepted before may be refused now"
        if o.maxLength != q.maxLength {
            let tighter = q.maxLength.map { new in o.maxLength.map { new < $0 } ?? true } ?? false
            let before = o.maxLength.map { "\($0)" + (q.maxLength == nil ? " characters" : "") } ?? "none"
            let after = q.maxLength.map { "\($0) characters" } ?? "none"
            out.append((tighter ? .check : .comparable, "the maximum length changed from \(before) to \(after)"
                        + (tighter ? refusedNow : ": answers refused before are accepted now")))
        }
        if o.pattern != q.pattern {
            out.append((.check, "the pattern answers must match changed from \(o.pattern.map { "'\($0)'" } ?? "none") to \(q.pattern.map { "'\($0)'" } ?? "none")"
                        + (q.pattern == nil ? ": answers refused before are accepted now" : refusedNow)))
        }
        let guides = ": check that it guides answers the same way"
        switch (o.help, q.help) {
        case let (before?, after?) where before != after:
            if same(before, after, languages) {
                out.append((.comparable, "the help text was tidied (spacing, capitals or punctuation only)"))
            } else {
                for (which, lang) in reworded(before, after, languages, display: display) {
                    out.append((.check, "the \(which)help text changed from \(quote(before.text(in: lang))) to \(quote(after.text(in: lang)))\(guides)"))
                }
            }
        case let (before?, nil):
            out.append((.check, "the help text \(quote(before.text(in: display))) was removed\(guides)"))
        case let (nil, after?):
            out.append((.check, "the help text \(quote(after.text(in: display))) was added\(guides)"))
        default: break
        }
        return out
    }

    /// Sections kept in both versions but asked in another order: answers can depend on what
    /// came before them (order effects), so the change is one to check.
    static func sectionOrderChange(_ old: Instrument, _ new: Instrument) -> Change? {
        // Blocks are ordered too; the questions after one are their section's, not a section.
        func ordered(_ i: Instrument) -> [String] { i.sections.filter { $0.within == nil || $0.isBlock }.map(\.id) }
        let kept = Set(ordered(old)).intersection(ordered(new))
        let before = ordered(old).filter(kept.contains)
        let after = ordered(new).filter(kept.contains)
        guard before != after else { return nil }
        return Change(variable: nil, verdict: .check,
                      what: "the sections are now asked in the order \(after.joined(separator: ", ")) (were \(before.joined(separator: ", "))): answers can differ with what was asked before them")
    }
}
