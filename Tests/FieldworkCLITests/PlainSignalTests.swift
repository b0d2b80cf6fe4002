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
        let done = folder.url.appendingPathComponent("exit-status").path
        let t = try TmuxSession(command: TmuxSession.command("run '\(instrument)' --plain", in: folder.url, done: done))
        t.waitFor("Is this your first visit to the café?")
        try t.send("2", "Enter")
        t.waitFor("How helpful was talking with a peer supporter today?")
        kill(try #require(try t.fieldworkPID()), signal)
        let (status, stty) = TmuxSession.finished(done)
        #expect(status == "3")
        #expect(stty.contains(" icanon") && stty.contains(" echo"), "the terminal is as it was: \(stty)")
        t.waitFor("Your answers so far are saved. You can carry on later with: fieldwork resume")
        let sessions = folder.url.appendingPathComponent("responses/crisis-cafe-feedback/sessions").path
        let journal = try #require(try FileManager.default.contentsOfDirectory(atPath: sessions).first)
        let lines = try String(contentsOfFile: sessions + "/" + journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2, "the header and the first answer")
    }
}
