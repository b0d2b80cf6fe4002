import Expressions
import Foundation
import InstrumentModel
import SessionEngine

/// The bytes `fieldwork run` would store for a session that ended so, for checks such as the
/// scenario tests (response id and date left empty).
public func responseRecord(for session: Session, hash: String) -> Data {
    let header = JournalHeader(instrumentID: session.instrument.id, version: session.instrument.version, hash: hash,
                               sessionID: "", responseID: "", seed: session.seed, language: session.language,
                               started: nil, pseudonym: nil)
    return ResponseRecord.encode(header: header, session: session, duration: 0)
}

/// A response file: self-describing, versioned, and holding nothing that identifies a person.
enum ResponseRecord {
    static let formatName = "fieldwork-response"
    static let formatVersion = 1

    /// The record's bytes (canonical JSON). `identifying` questions are left out; the caller writes them apart.
    /// `simulated` marks a response that `fieldwork simulate` made up.
    /// `unsent`: the session's journal is still open (interrupted), so even every question
    /// answered is partial until the answers are sent from the review.
    static func encode(header: JournalHeader, session: Session, duration: Double, simulated: Bool = false, unsent: Bool = false) -> Data {
        let status = unsent && session.status == .complete ? .partial : session.status
        // A declined consent keeps that it happened, to which version, and nothing else: no
        // pseudonym, no calculation, no date, no time.
        if status == .declined {
            var w = JSONWriter()
            w.object { w in
                w.member("format", formatName)
                w.member("format_version", formatVersion)
                w.key("instrument")
                w.object { w in
                    w.member("hash", header.hash)
                    w.member("id", header.instrumentID)
                    w.member("version", header.version)
                }
                w.member("response_id", header.responseID)
                if simulated { w.member("simulated", true) }
                w.member("status", status.rawValue)
            }
            return Data(w.bytes)
        }
        let instrument = session.instrument
        let identifying = Set(instrument.questions.filter(\.identifying).map(\.id))
        // An instance's answers are written with their instance (see `repeats`), not by slot.
        let answers = session.answers.filter { !identifying.contains($0.key) && Slot.key(of: $0.key) == nil }
        let calculated = session.calculated.filter { Slot.key(of: $0.key) == nil }
        var w = JSONWriter()
        w.object { w in
            writeAnswers(answers, to: &w)
            w.key("calculated")
            w.object { w in
                for (id, value) in calculated.sorted(by: { $0.key < $1.key }) { writeCalculated(id, value, to: &w) }
            }
            w.member("duration_seconds", duration.isFinite ? Int(exactly: max(0, duration).rounded()) : nil)
            w.member("format", formatName)
            w.member("format_version", formatVersion)
            w.member("group", header.group)
            w.key("instrument")
            w.object { w in
                w.member("hash", header.hash)
                w.member("id", header.instrumentID)
                w.member("version", header.version)
            }
            // The language the session ended in: the participant may have changed it.
            w.member("language", session.language ?? header.language)
            w.key("other")
            w.object { w in
                for (id, answer) in answers.sorted(by: { $0.key < $1.key }) {
                    if let other = answer.other { w.member(id, other) }
                }
            }
            w.key("paradata")
            w.object { w in
                w.key("questions")
                w.object { w in
                    for (id, t) in timingByQuestion(session).sorted(by: { $0.key < $1.key }) where !identifying.contains(id) {
                        w.key(id)
                        w.object { w in
                            // Kept answers a soft check questioned: only where there were any.
                            if let n = session.softConfirmed[id], n > 0 { w.member("confirmed", n) }
                            w.member("seconds", (t.seconds * 10).rounded() / 10)
                            w.member("visits", t.visits)
                        }
                    }
                }
                w.member("returns", session.returns)
            }
            if session.probesAsked.keys.contains(where: { Slot.key(of: $0) == nil }) {
                w.key("probes_asked")
                w.object { w in
                    // An instance's probes are written with their instance (see `repeats`).
                    for (id, ticked) in session.probesAsked.sorted(by: { $0.key < $1.key }) where Slot.key(of: id) == nil {
                        w.key(id)
                        w.array(ticked) { w, i in w.integer(i + 1) }
                    }
                }
            }
            w.member("pseudonym", header.pseudonym)
            writeRepeats(session, to: &w)
            w.member("response_id", header.responseID)
            // Which rules fired and at which question; never the answer, never free text.
            if !session.safeguardingFired.isEmpty {
                w.key("safeguarding")
                w.array(session.safeguardingFired) { w, firing in
                    w.object { w in
                        w.member("instance", firing.instance)
                        w.member("question", firing.question)
                        w.member("rule", firing.rule)
                    }
                }
            }
            w.member("seed", header.seed)
            if simulated { w.member("simulated", true) }
            w.key("skipped")
            w.array(session.skipped.subtracting(identifying).filter { Slot.key(of: $0) == nil }.sorted()) { w, id in w.string(id) }
            w.member("started", header.started)
            w.member("status", status.rawValue)
        }
        return Data(w.bytes)
    }

    static func writeCalculated(_ id: String, _ value: Expressions.Value, to w: inout JSONWriter) {
        switch value {
        case .number(let n): w.member(id, n)
        case .text(let t): w.member(id, t)
        case .bool(let b): w.member(id, b)
        case .date(let d): w.member(id, DateValue.format(d))
        case .time(let t): w.member(id, ClockTime.format(t))
        case .datetime(let t): w.member(id, DateTimeValue.format(t))
        default: return
        }
    }

    /// Paradata by question: an instance's time counts to its question, so that the paradata
    /// has one row per question however many instances there were.
    static func timingByQuestion(_ session: Session) -> [String: QuestionTiming] {
        var out: [String: QuestionTiming] = [:]
        for (slot, t) in session.timing {
            let id = Slot.question(of: slot)
            guard session.instrument.question(id) != nil else { continue }
            out[id, default: QuestionTiming()].seconds += t.seconds
            out[id, default: QuestionTiming()].visits += t.visits
        }
        return out
    }

    /// The `repeats` member, when the instrument has repeated sections: per section, its
    /// instances in the order asked, each with its key (the choice's code for `for_each`, 1, 2,
    /// 3 ... otherwise) and its own answers, "Other" texts, skipped questions and calculations,
    /// by question id. Each instance is written even when it holds nothing, so a reader knows
    /// that it was asked (an activity ticked and every question about it skipped).
    static func writeRepeats(_ session: Session, to w: inout JSONWriter) {
        let sections = session.instrument.repeatedSections
        guard !sections.isEmpty else { return }
        w.key("repeats")
        w.object { w in
            for section in sections.sorted(by: { $0.id < $1.id }) {
                w.key(section.id)
                w.array(session.instanceKeys(ofSection: section.id)) { w, key in
                    let slots = section.questions.map { (id: $0.id, slot: Slot.id($0.id, key: key)) }.sorted { $0.id < $1.id }
                    w.object { w in
                        w.key("answers")
                        w.object { w in
                            for (id, slot) in slots { if let a = session.answers[slot] { w.key(id); write(a.value, to: &w) } }
                        }
                        w.key("calculated")
                        w.object { w in
                            for (id, slot) in slots { if let v = session.calculated[slot] { writeCalculated(id, v, to: &w) } }
                        }
                        w.member("key", key)
                        w.key("other")
                        w.object { w in
                            for (id, slot) in slots { if let o = session.answers[slot]?.other { w.member(id, o) } }
                        }
                        // Interviews: the probes ticked in this instance, 1-based as at the top level.
                        if slots.contains(where: { session.probesAsked[$0.slot] != nil }) {
                            w.key("probes_asked")
                            w.object { w in
                                for (id, slot) in slots {
                                    if let ticked = session.probesAsked[slot] { w.key(id); w.array(ticked) { w, i in w.integer(i + 1) } }
                                }
                            }
                        }
                        w.key("skipped")
                        w.array(slots.filter { session.skipped.contains($0.slot) }) { w, s in w.string(s.id) }
                    }
                }
            }
        }
    }

    /// The `answers` member: codes for choices, by question id.
    static func writeAnswers(_ answers: [String: Answer], to w: inout JSONWriter) {
        w.key("answers")
        w.object { w in
            for (id, answer) in answers.sorted(by: { $0.key < $1.key }) {
                w.key(id)
                write(answer.value, to: &w)
            }
        }
    }

    static func write(_ value: AnswerValue, to w: inout JSONWriter) {
        switch value {
        case .choice(let c): w.integer(c)
        case .choices(let c), .ranking(let c): w.array(c) { w, code in w.integer(code) }
        case .number(let n): w.number(n)
        case .text(let t): w.string(t)
        case .date(let d), .time(let d), .datetime(let d): w.string(d)
        case .rows(let rows):
            w.object { w in
                for (row, code) in rows.sorted(by: { $0.key < $1.key }) { w.member(row, code) }
            }
        }
    }

    /// The identifying answers alone: no response id, no time, nothing that orders or links them.
    static func encodeIdentifying(instrumentID: String, session: Session, simulated: Bool = false) -> Data? {
        let answers = session.answers.filter { session.question($0.key)?.identifying == true }
        guard !answers.isEmpty else { return nil }
        var w = JSONWriter()
        w.object { w in
            writeAnswers(answers, to: &w)
            w.member("instrument_id", instrumentID)
            if simulated { w.member("simulated", true) }
        }
        return Data(w.bytes)
    }
}
