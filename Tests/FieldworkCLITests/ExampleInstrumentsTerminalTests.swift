import Foundation
import TestSupport
import Testing

private let tmuxWorks = Tool.available("tmux")

/// Every example instrument in `instruments/` taken through to its end in a real terminal, at
/// 80×24 and 60×20: the surveys on the full screen and in plain mode, the guides on the
/// interviewer's screen and in plain interview mode. Survey questions are answered ("1", or a few
/// words where text is typed) and skipped in turn, the other where one is refused; interview
/// questions are answered. Every screen shown is checked (plain mode's lines too, which are
/// wrapped at spaces on a terminal): no line wider than the window (the terminal's own wrapping
/// is undone with `capture-pane -J`, so a line written too wide shows as one), and no line cut
/// without "…" (a
/// line that fills the window is the rule or ends in "…"; the interviewer's notes pane, which
/// wraps to the window's edge beside the outline, is left to the first check).
/// The session must complete and its response be read back by `export`.
@Suite(.serialized) struct ExampleInstrumentsTerminalTests {
    enum Mode: String, CaseIterable, Sendable { case screen, plain }

    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var mode: Mode
        var columns: Int
        var rows: Int
        var testDescription: String { "\(file) \(mode.rawValue) \(columns)x\(rows)" }
    }

    static let instruments = [
        "crisis-cafe-feedback", "peer-worker-fidelity", "prosper-member-survey",
        "cardiac-care-barriers-interview", "peer-worker-interview", "prosper-group-discussion",
    ]

    static let cases: [Case] = instruments.flatMap { file in
        Mode.allCases.flatMap { mode in [(80, 24), (60, 20)].map { Case(file: file, mode: mode, columns: $0.0, rows: $0.1) } }
    }

    @Test(.enabled(if: tmuxWorks, "needs tmux (apt-get install tmux)"), .serialized, arguments: cases)
    func runsThroughToTheEnd(_ c: Case) throws {
        let folder = try TemporaryFolder()
        let path = Run.packageRoot.appendingPathComponent("instruments/\(c.file).yaml").path
        let interview = try String(contentsOfFile: path, encoding: .utf8).contains("\nkind: interview")
        let group = c.file.contains("group") ? " --group 3" : ""
        let command = "\(interview ? "interview" : "run") '\(path)'\(group)\(c.mode == .plain ? " --plain" : "") --seed 3 "
            + "--key-file '\(folder.path)/study.key'"
        let (t, done) = try TmuxSession.fieldwork(command, in: folder.url, columns: c.columns, rows: c.rows)
        var walker = Walker(tmux: t, columns: c.columns, done: done)
        walker.walk(interview: interview, plain: c.mode == .plain)
        #expect(walker.screens >= 5, "\(c.testDescription): only \(walker.screens) screens seen")
        #expect(walker.problems.isEmpty, "\(c.testDescription):\n\(walker.problems.prefix(5).joined(separator: "\n\n"))")
        #expect(TmuxSession.finished(done).status == "0", "\(c.testDescription): the session ends\n\(t.screen())")

        let id = c.file
        let export = try Run.fieldwork(["export", id, "--format", "jsonl", "--out", "out"], in: folder.url)
        #expect(export.status == 0, "\(export.stderr)")
        let lines = (try? String(contentsOf: folder.url.appendingPathComponent("out/responses.jsonl"), encoding: .utf8))?
            .split(separator: "\n") ?? []
        #expect(lines.count == 1, "\(c.testDescription): one response stored")
        let record = lines.first.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let answers = record?["answers"] as? [String: Any] ?? [:]
        #expect(!answers.isEmpty, "\(c.testDescription): the answers given are read back: \(lines.first ?? "")")
    }
}

/// Takes a session through, reading the screen and pressing what a participant (or an
/// interviewer) would, and checks every full screen it sees.
struct Walker {
    let tmux: TmuxSession
    let columns: Int
    let done: String
    var problems: [String] = []
    /// How many screens were seen, to know the walk went through the questions.
    var screens = 0
    /// What was last sent, for the plain driver's "refused: skip instead".
    private var sent = ""
    private var noted = false
    private var skipping = true

    init(tmux: TmuxSession, columns: Int, done: String) {
        self.tmux = tmux
        self.columns = columns
        self.done = done
    }

    var finished: Bool { FileManager.default.fileExists(atPath: done) }

    /// The screen once it has changed from `before` and then stayed the same for a moment.
    func settle(after before: String) -> String {
        var last = tmux.screen()
        for _ in 0..<300 where last == before && !finished {
            usleep(50_000)
            last = tmux.screen()
        }
        while !finished {
            usleep(250_000)
            let now = tmux.screen()
            if now == last { return now }
            last = now
        }
        return last
    }

    /// No line wider than the window; a line that fills the window whole is a rule or ends in "…".
    mutating func check(_ screen: String) {
        guard !finished else { return }
        let joined = (try? tmux.tmuxCommand(["capture-pane", "-p", "-J", "-t", tmux.name])) ?? ""
        for line in joined.split(separator: "\n", omittingEmptySubsequences: false) {
            let shown = String(line.reversed().drop { $0 == " " }.reversed())
            if shown.count > columns {
                problems.append("a line wider than \(columns) columns (\(shown.count)):\n\(shown)\n\(screen)")
            } else if shown.count == columns, !shown.allSatisfy({ $0 == "─" }), !shown.hasSuffix("…"), !shown.contains("│") {
                problems.append("a line filling the window, cut without …:\n\(shown)\n\(screen)")
            }
        }
    }

    func send(_ keys: String...) { _ = try? tmux.tmuxCommand(["send-keys", "-t", tmux.name] + keys) }
    func type(_ text: String) { _ = try? tmux.tmuxCommand(["send-keys", "-t", tmux.name, "-l", text]) }

    /// The prompts around the screens (the study key notice, the study code typed twice).
    func around(_ screen: String) -> Bool {
        // The prompt's last lines as one text: at 60 columns they wrap at spaces.
        let tail = lines(screen).filter { !$0.isEmpty }.suffix(3).joined(separator: " ")
        if tail.contains("Press Enter once it is noted") {
            send("Enter")
        } else if tail.hasSuffix("again, to check it:") || tail.hasSuffix("it is not stored):") {
            type("ZX-4417")
            send("Enter")
        } else {
            return false
        }
        return true
    }

    mutating func walk(interview: Bool, plain: Bool) {
        var screen = ""
        for _ in 0..<200 {
            let next = settle(after: screen)
            if finished { return }
            if next == screen {
                problems.append("the screen did not change after a key:\n\(screen)")
                return
            }
            screen = next
            screens += 1
            check(screen)
            if around(screen) { continue }
            if plain { plainStep(screen) } else if interview { interviewStep(screen) } else { surveyStep(screen) }
        }
        problems.append("not finished after 200 steps:\n\(screen)")
    }

    func lines(_ screen: String) -> [String] { screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }

    /// Questions are answered and skipped in turn; a refused skip (a required question, the
    /// consent) is answered, a refused "1" (a number out of its range) skipped.
    mutating func surveyStep(_ screen: String) {
        let rows = lines(screen)
        if screen.contains("Press any key") || screen.contains("Send my answers") || screen.contains("Enter start") {
            send("Enter")
            return
        }
        // In turn; and where the last was refused (a "! " line), the other way, which is the turn too.
        skipping.toggle()
        if skipping {
            send("BSpace", "BSpace", "BSpace", "Enter")
        } else if rows.suffix(3).contains(where: { $0.contains("Tab next") }) {
            type("Fine, thanks")
            send("Tab")
        } else {
            send("1", "Enter")
        }
    }

    mutating func interviewStep(_ screen: String) {
        let rows = lines(screen)
        if screen.contains("End the interview now?") {
            send("y")
        } else if screen.contains("Press any key") {
            send("Enter")
        } else if rows.contains(where: { $0.hasPrefix("! ") }) || noted {
            noted = false
            send("Tab")
        } else if screen.contains("Enter keep paragraph") {
            type("Spoke about getting there")
            send("Enter")
            noted = true
        } else if screen.contains("Enter go on") {
            send("Tab")
        } else {
            send("1", "Enter")
        }
    }

    mutating func plainStep(_ screen: String) {
        let rows = lines(screen).filter { !$0.isEmpty }
        let last = rows.last ?? ""
        if last == ">" {
            if rows.suffix(4).contains(where: { $0.hasPrefix("Type a number to change that answer") }) {
                sent = ""
            } else {
                // Answered and skipped in turn; where one is refused ("Type ? for help."), the other.
                sent = sent.isEmpty ? "1" : ""
            }
            if !sent.isEmpty { type(sent) }
            send("Enter")
        } else {
            // A long text or notes, read line after line until an empty one.
            send("Enter")
        }
    }
}
