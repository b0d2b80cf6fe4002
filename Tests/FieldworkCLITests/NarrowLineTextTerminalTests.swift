import Foundation
import TestSupport
import Testing

private let tmuxInstalled = Tool.available("tmux")

/// What is printed as lines around the full screen (the study-key notice, the study-code prompt,
/// the closing text kept in the terminal) wraps at spaces to the terminal: at 60 columns the
/// terminal broke them mid-word ("Sama" / "ritans"). And the notice, the researcher's, is cleared
/// before the participant is asked for a code.
@Suite(.serialized) struct NarrowLineTextTerminalTests {
    /// The screen's lines joined as one text: a word broken over two lines does not read whole.
    static func flat(_ screen: String) -> String {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Test(.enabled(if: tmuxInstalled, "needs tmux (apt-get install tmux)"))
    func theNoticeThePromptAndTheClosingTextWrapAtSpacesAt60Columns() throws {
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
                  - {id: pick, type: single, text: Which?, choices: [Tea, Coffee]}
            end: Thank you for taking part. If anything today troubled you, the Samaritans are there day and night on 116 123, and your peer supporter can help.
            """)
        let (t, done) = try TmuxSession.fieldwork("run coded.yaml --key-file '\(folder.path)/coded.key'", in: folder.url, columns: 60, rows: 20)
        let notice = Self.flat(t.waitFor("Press Enter once it is noted"))
        #expect(notice.contains("Back it up somewhere safe and separate from the responses: without it, later answers cannot be linked"), "\(notice)")
        #expect(notice.contains("Press Enter once it is noted: the screen is then cleared for the participant."), "\(notice)")
        try t.send("Enter")
        let prompt = t.waitFor("Study code")
        #expect(!prompt.contains("study key"), "the researcher's notice is gone before the participant types:\n\(prompt)")
        #expect(Self.flat(prompt).contains("Study code (as given by the research team; it is not stored):"), "\(prompt)")
        try t.type("ZX-4417")
        try t.send("Enter")
        t.waitFor("again, to check it:")
        try t.type("ZX-4417")
        try t.send("Enter")
        t.waitFor("Enter start")
        try t.send("Enter")
        t.waitFor("Which?")
        try t.send("2", "Enter")
        t.waitFor("Send my answers")
        try t.send("Enter")
        t.waitFor("Press any key")
        try t.send("Enter")
        #expect(TmuxSession.finished(done).status == "0")
        let after = Self.flat(t.screen())
        #expect(after.contains("Thank you for taking part. If anything today troubled you, the Samaritans are there day and night on 116 123"), "\(t.screen())")
        #expect(!after.contains("ZX-4417"))
    }
}
