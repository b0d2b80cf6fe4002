import InstrumentModel

extension InstrumentDiff {
    /// What a change to the repeat of a question's section does to its data: asked once or once
    /// per instance is a different structure (one value against one per instance), and instances
    /// over another question have keys that mean other things; a lower `max` leaves later
    /// responses without the instances beyond it.
    static func repeatChange(_ old: Section?, _ new: Section?, question id: String) -> Change? {
        func rule(_ r: Repeat) -> String {
            switch r.source {
            case .forEach(let q): "once for each choice ticked in '\(q)'"
            case .count(let q): "as many times as '\(q)'"
            case .untilDone: "until the participant is done"
            }
        }
        switch (old?.repeat, new?.repeat) {
        case (nil, nil):
            return nil
        case (nil, let r?):
            return Change(variable: id, verdict: .notComparable,
                          what: "now asked \(rule(r)) (\(new?.named ?? "section") repeats): earlier responses have one answer, later ones one per instance")
        case (let r?, nil):
            return Change(variable: id, verdict: .notComparable,
                          what: "now asked once (was \(rule(r))): earlier responses have one answer per instance, later ones one")
        case (let a?, let b?):
            if a.source != b.source {
                return Change(variable: id, verdict: .notComparable,
                              what: "now asked \(rule(b)) (was \(rule(a))): the instances, and what their keys mean, differ")
            }
            // A for_each repeat's max follows its question's choices, whose changes that
            // question's own line reports (a choice removed, an instance it can no longer have).
            if b.forEach != nil { return nil }
            if b.max < a.max {
                return Change(variable: id, verdict: .check,
                              what: "at most \(instances(b.max)) now (was \(a.max)): later responses cannot have \(beyond(b.max, upTo: a.max))")
            }
            if b.max > a.max {
                return Change(variable: id, verdict: .comparable, what: "up to \(instances(b.max)) now (was \(a.max))")
            }
            return nil
        }
    }

    /// "1 instance", "3 instances".
    private static func instances(_ n: Int) -> String { n == 1 ? "1 instance" : "\(n) instances" }

    /// The instances a lower max cuts off, by number: "instance 2", "instances 3 and 4", "instances 2 to 4".
    private static func beyond(_ new: Int, upTo old: Int) -> String {
        switch old - new {
        case 1: "instance \(old)"
        case 2: "instances \(new + 1) and \(old)"
        default: "instances \(new + 1) to \(old)"
        }
    }
}
