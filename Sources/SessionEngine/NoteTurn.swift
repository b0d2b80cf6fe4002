import Foundation

/// One paragraph of interview notes: the one type that writes the notes format (the interviewer's
/// screen) and reads it (transcripts, the framework matrix, REFI-QDA). Notes are stored as the text answer of an `open` question,
/// a paragraph a line, each written as `[mm:ss] P2: what was said`: the stamp is the time since
/// the interview started when the paragraph was begun (so notes line up with a recording), and
/// the speaker (`P1`..`Pn`, or `F` for the facilitator) is there in group discussions.
public struct NoteTurn: Sendable, Equatable {
    public var stamp: String?
    public var speaker: String?
    public var text: String

    public init(stamp: String?, speaker: String?, text: String) {
        self.stamp = stamp
        self.speaker = speaker
        self.text = text
    }

    /// The paragraphs of a note, in the order written; blank lines are dropped.
    public static func parse(_ notes: String) -> [NoteTurn] {
        notes.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            var rest = Substring(line.trimmingCharacters(in: .whitespaces))
            guard !rest.isEmpty else { return nil }
            var stamp: String?
            if rest.first == "[", let close = rest.firstIndex(of: "]") {
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if isStamp(inside) {
                    stamp = String(inside)
                    rest = rest[rest.index(after: close)...].drop { $0 == " " }
                }
            }
            var speaker: String?
            if let colon = rest.firstIndex(of: ":"), isSpeaker(rest[..<colon]),
               rest.index(after: colon) == rest.endIndex || rest[rest.index(after: colon)] == " " {
                speaker = String(rest[..<colon])
                rest = rest[rest.index(after: colon)...].drop { $0 == " " }
            }
            return NoteTurn(stamp: stamp, speaker: speaker, text: String(rest))
        }
    }

    /// A paragraph begun `seconds` after the interview started.
    public init(at seconds: Double, speaker: String?, text: String) {
        self.init(stamp: Self.stamp(seconds), speaker: speaker, text: text)
    }

    /// `12:40`, or `1:02:03` past the hour.
    public static func stamp(_ seconds: Double) -> String {
        let s = max(0, Int(seconds))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(two(s / 60)):\(two(s % 60))"
    }

    /// Notes with one more paragraph after those already kept.
    public static func appending(_ turn: NoteTurn, to notes: String) -> String {
        notes.isEmpty ? turn.line : notes + "\n" + turn.line
    }

    /// The paragraph as stored and as transcripts show it.
    public var line: String {
        (stamp.map { "[\($0)] " } ?? "") + (speaker.map { "\($0): " } ?? "") + text
    }

    /// `12:40` or `1:02:03`.
    static func isStamp(_ s: Substring) -> Bool {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return false }
        return parts.dropFirst().allSatisfy { $0.count == 2 }
    }

    /// `F`, or `P` and a number.
    static func isSpeaker(_ s: Substring) -> Bool {
        s == "F" || (s.count >= 2 && s.first == "P" && s.dropFirst().allSatisfy { $0.isASCII && $0.isNumber })
    }
}
