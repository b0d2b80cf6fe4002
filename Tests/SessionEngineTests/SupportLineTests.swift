import SessionEngine
import Testing
import TestSupport

/// The support line is built once, in the engine: the plain driver's help and decline, `run`'s
/// words left in the terminal and `serve`'s ending all say `Session.supportLine` (their tests
/// assert this same text: PlainSupportLineTests, LeavingMessageTests, ServeSSHTests).
@Suite struct SupportLineTests {
    static let survey = """
        format: 1
        id: support-line
        version: 1.0.0
        title: Support line
        support: |
          Samaritans, free,
          on 116 123.

        sections:
          - id: s
            questions:
              - {id: q, type: text, text: Anything?}
        """

    @Test func isTheWordAndTheTextFlowedOnOneLine() throws {
        let session = Session(instrument: try compiled(Self.survey), seed: 1, today: 0)
        #expect(session.supportLine == "Support: Samaritans, free, on 116 123.")
    }

    @Test func isNoneWithoutSupportText() throws {
        let none = Self.survey.replacingOccurrences(of: "support: |\n  Samaritans, free,\n  on 116 123.\n\n", with: "")
        #expect(Session(instrument: try compiled(none), seed: 1, today: 0).supportLine == nil)
    }
}
