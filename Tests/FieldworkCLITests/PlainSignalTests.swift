import Foundation
import TestSupport
import Testing

private let tmuxInstalled = Tool.available("tmux")

/// Line mode on a real terminal: a signal ends the session the normal way, saved, with exit status 3.
@Suite(.serialized) struct PlainSignalTests {
    @Test(.enabled(if: tmuxInstalled, "needs tmux (apt-get install tmux)"), arguments: [SIGINT, SIGTERM, SIGHUP])
    func leavesSavedWithStatus3OnASignal(_ signal: Int32) throws {
        let folder = try TemporaryFolder()
        let instrument = Run.packageRoot.appendingPathComponent("instruments/crisis-cafe-feedback.yaml").path
        let (t, done) = try TmuxSession.fieldwork("run '\(instrument)' --plain --language en", in: folder.url)
        t.waitFor("Is this your first visit to the café?")
        try t.send("2", "Enter")
        t.waitFor("How helpful was talking with a peer supporter today?")
        kill(try #require(try t.fieldworkPID()), signal)
        let (status, stty) = TmuxSession.finished(done)
        #expect(status == "3")
        #expect(stty.contains(" icanon") && stty.contains(" echo"), "the terminal is as it was: \(stty)")
        // On a terminal the command that carries on stands whole on a line of its own.
        let screen = t.waitFor("Your answers so far are saved. You can carry on later with:")
        #expect(screen.split(separator: "\n").contains { $0.range(of: "^fieldwork resume [0-9a-f]{8}$", options: .regularExpression) != nil }, "\(screen)")
        let sessions = folder.url.appendingPathComponent("responses/crisis-cafe-feedback/sessions").path
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: sessions).first)
        let lines = try String(contentsOfFile: sessions + "/" + journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2, "the header and the first answer")
    }
}

/// On a shared screen the study code is not shown as it is typed, nor left on the screen.
@Suite(.serialized) struct HiddenCodeTests {
    @Test(.enabled(if: tmuxInstalled, "needs tmux (apt-get install tmux)"))
    func theStudyCodeIsNotEchoed() throws {
        let folder = try TemporaryFolder()
        try folder.write("coded.yaml", """
            format: 1
            id: coded
            version: 1.0.0
            title: Coded
            privacy: {participant: code}
            sections:
              - id: s
                questions:
                  - {id: q1, type: number, text: How many visits?}
            """)
        let (t, done) = try TmuxSession.fieldwork("run coded.yaml --plain --key-file '\(folder.path)/coded.key'", in: folder.url)
        // A new key's notice waits for the researcher, and is cleared before the code is asked.
        t.waitFor("Press Enter once it is noted")
        try t.send("Enter")
        let asked = t.waitFor("Study code (as given by the research team; it is not stored):")
        #expect(!asked.contains("study key"), "\(asked)")
        try t.type("ZX-4417")
        try t.send("Enter")
        // Typed twice, to catch a slip: a differing second code asks again.
        t.waitFor("Type the study code again, to check it:")
        try t.type("ZX-4471")
        try t.send("Enter")
        t.waitFor("The two codes differ. Please type the study code again.")
        for _ in 0..<2 {
            try t.type("zx-4417 ")
            try t.send("Enter")
        }
        let screen = t.waitFor("How many visits?")
        #expect(!screen.contains("ZX-4417") && !screen.contains("zx-4417") && !screen.contains("4471"), "the code is not on the screen: \(screen)")
        try t.send("3", "Enter")
        t.waitFor("press Enter to send your answers")
        try t.send("Enter")
        #expect(TmuxSession.finished(done).status == "0")
    }
}
