import Foundation
import InstrumentModel

/// A move a participant or an interviewer makes, before it is timed and applied.
///
/// Drivers return one of these; the runner times it, the session applies it, the journal keeps
/// the event the session returns. There is one list of moves, so the screen, the journal and the
/// replay cannot disagree about what a move means.
public enum SessionMove: Sendable, Equatable {
    case consent(agreed: Bool)
    case answer(Answer)
    case skip
    case back
    /// What was typed at the current question and not submitted (on going back or leaving): kept
    /// so that it is in the field again on coming back or resuming; never an answer.
    case draft(String)
    /// The interviewer's moves: keep the current question's notes, go to another question,
    /// tick a probe as asked (or not), end the interview.
    case notes(String)
    case jump(to: String)
    case probe(Int, asked: Bool)
    case end
    /// The participant chose a language (on the first screen, or later from the help key): what
    /// follows is in it, and the response is stored with it. Answers are values, so none is lost.
    case language(String)
    /// The participant kept what a soft check questioned (`soft_required`, `warn_if`); the
    /// answer or skip it was about follows it.
    case confirm
}

/// A move as it happened: where (the question it was made at, or the target of a jump) and when
/// (seconds since the session started). The journal is a list of these.
public struct SessionEvent: Sendable, Equatable {
    public var move: SessionMove
    /// The current question for answers, skips, notes and probes; the target for a jump.
    public var question: String?
    public var at: Double

    /// The latest time an event may have, in seconds since its session started (a year).
    public static let latest: Double = 366 * 86_400

    public init(_ move: SessionMove, question: String? = nil, at: Double) {
        self.move = move
        self.question = question
        self.at = at
    }

    // The shapes the journal has always used, so that journals written before still replay.
    public static func consent(agreed: Bool, at: Double) -> SessionEvent { SessionEvent(.consent(agreed: agreed), at: at) }
    public static func answer(question: String, answer: Answer, at: Double) -> SessionEvent { SessionEvent(.answer(answer), question: question, at: at) }
    public static func skip(question: String, at: Double) -> SessionEvent { SessionEvent(.skip, question: question, at: at) }
    public static func back(at: Double) -> SessionEvent { SessionEvent(.back, at: at) }
    public static func notes(question: String, text: String, at: Double) -> SessionEvent { SessionEvent(.notes(text), question: question, at: at) }
    public static func jump(question: String, at: Double) -> SessionEvent { SessionEvent(.jump(to: question), question: question, at: at) }
    public static func probe(question: String, index: Int, asked: Bool, at: Double) -> SessionEvent {
        SessionEvent(.probe(index, asked: asked), question: question, at: at)
    }
    public static func end(at: Double) -> SessionEvent { SessionEvent(.end, at: at) }
}

/// The journal's line for an event: one member named for the move, holding its fields, as
/// `{"answer":{"answer":…,"at":12.5,"question":"mood"}}`. This is the format journals have had
/// since the first version (Swift's coding of the enum that preceded this type).
extension SessionEvent: Decodable {
    private enum Kind: String, CodingKey, CaseIterable {
        case consent, answer, skip, back, draft, notes, jump, probe, end, language, confirm
    }

    private enum Field: String, CodingKey {
        case agreed, question, answer, text, index, asked, at, language
    }

    public init(from decoder: any Decoder) throws {
        let outer = try decoder.container(keyedBy: Kind.self)
        guard outer.allKeys.count == 1, let kind = outer.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "an event names exactly one move"))
        }
        let c = try outer.nestedContainer(keyedBy: Field.self, forKey: kind)
        let at = try c.decode(Double.self, forKey: .at)
        // Seconds since the session started: a year is far more than any session lasts.
        guard at.isFinite, at >= 0, at <= SessionEvent.latest else {
            throw DecodingError.dataCorruptedError(forKey: .at, in: c, debugDescription: "an event's time is a number of seconds")
        }
        func question() throws -> String { try c.decode(String.self, forKey: .question) }
        switch kind {
        case .consent: self = .consent(agreed: try c.decode(Bool.self, forKey: .agreed), at: at)
        case .answer: self = .answer(question: try question(), answer: try c.decode(Answer.self, forKey: .answer), at: at)
        case .skip: self = .skip(question: try question(), at: at)
        case .back: self = .back(at: at)
        case .draft: self = SessionEvent(.draft(try c.decode(String.self, forKey: .text)), question: try question(), at: at)
        case .notes: self = .notes(question: try question(), text: try c.decode(String.self, forKey: .text), at: at)
        case .jump: self = .jump(question: try question(), at: at)
        case .probe:
            self = .probe(question: try question(), index: try c.decode(Int.self, forKey: .index),
                          asked: try c.decode(Bool.self, forKey: .asked), at: at)
        case .end: self = .end(at: at)
        case .language: self = SessionEvent(.language(try c.decode(String.self, forKey: .language)), at: at)
        case .confirm: self = SessionEvent(.confirm, question: try question(), at: at)
        }
    }
}

extension SessionEvent {
    /// The event as a journal line, written by the one JSON writer in the shape `init(from:)` reads.
    public func write(to w: inout JSONWriter) {
        let kind: String
        switch move {
        case .consent: kind = "consent"
        case .answer: kind = "answer"
        case .skip: kind = "skip"
        case .back: kind = "back"
        case .draft: kind = "draft"
        case .notes: kind = "notes"
        case .jump: kind = "jump"
        case .probe: kind = "probe"
        case .end: kind = "end"
        case .language: kind = "language"
        case .confirm: kind = "confirm"
        }
        w.object { w in
            w.key(kind)
            w.object { w in
                // Keys in sorted order: agreed, answer, asked, at, index, language, question, text.
                if case .consent(let agreed) = move { w.member("agreed", agreed) }
                if case .answer(let answer) = move {
                    w.key("answer")
                    answer.write(to: &w)
                }
                if case .probe(_, let asked) = move { w.member("asked", asked) }
                w.key("at")
                w.number(at)
                if case .probe(let index, _) = move { w.member("index", index) }
                if case .language(let code) = move { w.member("language", code) }
                w.member("question", question)
                if case .notes(let text) = move { w.member("text", text) }
                if case .draft(let text) = move { w.member("text", text) }
            }
        }
    }
}

extension Answer {
    /// The answer as the journal keeps it: `{"other": …, "value": {"choice": {"_0": 3}}}`, the
    /// shape Swift's coding gave it when journals were first written, which `Decodable` reads.
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.member("other", other)
            w.key("value")
            w.object { w in
                switch value {
                case .choice(let c): w.key("choice"); w.object { w in w.key("_0"); w.integer(c) }
                case .choices(let c): w.key("choices"); w.object { w in w.key("_0"); w.array(c) { w, n in w.integer(n) } }
                case .date(let d): w.key("date"); w.object { w in w.member("_0", d) }
                case .time(let t): w.key("time"); w.object { w in w.member("_0", t) }
                case .datetime(let t): w.key("datetime"); w.object { w in w.member("_0", t) }
                case .number(let n): w.key("number"); w.object { w in w.key("_0"); w.number(n) }
                case .ranking(let c): w.key("ranking"); w.object { w in w.key("_0"); w.array(c) { w, n in w.integer(n) } }
                case .rows(let rows):
                    w.key("rows")
                    w.object { w in
                        w.key("_0")
                        w.object { w in for (row, code) in rows.sorted(by: { $0.key < $1.key }) { w.member(row, code) } }
                    }
                case .text(let t): w.key("text"); w.object { w in w.member("_0", t) }
                }
            }
        }
    }
}
