import Foundation
@testable import PromptUI
import SessionEngine
import TerminalIO
import TestSupport
import Testing

/// Issue 12 item 20 on the interviewer's screen: ↑↓ in the paragraph being typed move by the
/// lines it is shown on (as in a long text), not by the paragraph's own lines.
@Suite struct InterviewNotesEditingTests {
    @Test func upMovesToTheScreenLineAbove() throws {
        // At 100 columns the notes are 63 columns wide: twelve words of five on the first line.
        let paragraph = String(repeating: "abcd ", count: 15) + "end"
        let events: [TerminalEvent] = keys("1") + [.key(.enter), .key(.tab)]
            + keys(paragraph) + [.key(.up)] + keys("X") + [.key(.enter), .key(.ctrl("c")), .key(.character("y"))]
        let (_, recorder, _) = try interview(events)
        // "abcd abcd abcd end" ends at column 18 of the second line; ↑ lands at column 18 of the first.
        let expected = String(repeating: "abcd ", count: 3) + "abcX" + "d " + String(repeating: "abcd ", count: 11) + "end"
        #expect(journal(recorder).contains("notes day: " + expected), "\(journal(recorder))")
    }

    /// Found running the peer-worker guide at 60x20: a kept paragraph's first line was wrapped as
    /// if it too stood under the stamp, eight columns short.
    @Test func aKeptParagraphsFirstLineIsAsWideAsTheRest() throws {
        let said = "I start with a handover meeting with the ward team, then I see people one to one."
        let (runner, _, _) = try interview(keys("1") + [.key(.enter), .key(.tab)] + keys(said) + [.key(.enter)], columns: 60, rows: 24)
        let lines = runner.driver.frame.plain.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("[01:20] I start with a handover meeting with the ward"), "\(lines.joined(separator: "\n"))")
        #expect(lines.contains("team, then I see people one to one."))
    }
}
