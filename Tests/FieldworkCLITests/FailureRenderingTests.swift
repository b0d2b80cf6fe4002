import Foundation
@testable import FieldworkCLI
import ResponseStore
import TestSupport
import Testing

/// A survey without participant codes, so that no study key is made and standard error holds
/// only what a failure writes.
private let plainSurvey = """
    format: 1
    id: plain
    version: 1.0.0
    title: Plain survey
    sections:
      - id: s
        questions:
          - {id: mood, type: scale, text: How is your mood?, from: 0, to: 4, required: true}
          - {id: age, type: number, text: Age?, min: 16, max: 110}

    """

/// What a failure writes on standard error, byte for byte, and the status it leaves with: the
/// words and the numbers scripts depend on, rendered in one place (`FieldworkMain`).
@Suite struct FailureRenderingTests {
    var environment: [String: String] { ["XDG_CONFIG_HOME": FileManager.default.temporaryDirectory.path + "/fieldwork-test-config"] }

    @Test func anInstrumentWithErrorsShowsItsDiagnosticsAndExitsOne() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.yaml", plainSurvey.replacingOccurrences(of: "type: scale", with: "type: scael"))
        let run = try Run.fieldwork(["run", "bad.yaml", "--plain"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == """
            bad.yaml:8:26: error: unknown question type 'scael' in question 'mood' [unknown-type]
                  - {id: mood, type: scael, text: How is your mood?, from: 0, to: 4, required: true}
                                     ^~~~~
              hint: did you mean 'scale'?
            The instrument has errors; fix them first ('fieldwork check bad.yaml').

            """)
    }

    @Test func diffExitsTwoWhenAVersionHasErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write("good.yaml", plainSurvey)
        try folder.write("bad.yaml", plainSurvey.replacingOccurrences(of: "type: scale", with: "type: scael"))
        let run = try Run.fieldwork(["diff", "good.yaml", "bad.yaml"], in: folder.url)
        #expect(run.status == 2, "2: the two could not be compared; 1 would say the data are not comparable")
        #expect(run.stderr.hasSuffix("\nThe instrument has errors; fix them first ('fieldwork check bad.yaml').\n"))
    }

    @Test func anUnwritableResponsesFolderExitsOne() throws {
        let folder = try TemporaryFolder()
        try folder.write("plain.yaml", plainSurvey)
        try folder.write("a-file", "")
        let run = try Run.fieldwork(["run", "plain.yaml", "--plain", "--responses", "a-file"], input: "1\n", environment: environment, in: folder.url)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty, "nothing is asked before the store is ready")
        #expect(run.stderr == "error: 'a-file' exists and is not a folder\n")
    }

    @Test func wrongUseShowsTheUsageAndExitsTwo() throws {
        let folder = try TemporaryFolder()
        let run = try Run.fieldwork(["interview", "guide.yaml", "--group", "1"], in: folder.url)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == """
            Error: --group takes the number of participants, from 2 to 99
            Usage: fieldwork interview <file> [--responses <folder>] [--plain] [--color <color>] [--seal-to <recipient>] [--group <n>] [--language <code>] [--key-file <path>] [--seed <n>] [--set <name=value> ...]
              See 'fieldwork interview --help' for more information.

            """)
        // Found only when the command runs, not while parsing: the same status.
        let missing = try Run.fieldwork(["run", "missing.yaml"], in: folder.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("Error: 'missing.yaml' does not exist\n"))
        #expect(try Run.fieldwork(["run", "--no-such-option"], in: folder.url).status == 2)
    }

    @Test func aSessionSavedForLaterExitsThreeWithNothingOnStandardError() throws {
        let folder = try TemporaryFolder()
        try folder.write("plain.yaml", plainSurvey)
        let run = try Run.fieldwork(["run", "plain.yaml", "--plain"], input: "1\n", environment: environment, in: folder.url)
        #expect(run.status == 3)
        #expect(run.stderr == "")
        #expect(run.stdout.range(of: "\nYour answers so far are saved. You can carry on later with: fieldwork resume [0-9a-f]{8}\n$",
                                 options: .regularExpression) != nil, "\(run.stdout)")
    }

    @Test func withdrawingWithoutTheKeySaysWhyNothingWasRemoved() throws {
        let folder = try TemporaryFolder()
        try folder.write("responses/plain/.keep", "")
        let run = try Run.fieldwork(["withdraw", "--participant", "A1", "plain", "--key-file", "missing.key"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stderr == """
            error: there is no study key at 'missing.key'.
            Without the key a code cannot be matched to its responses, so nothing was removed.
            If the key was moved or restored from a backup, give it with --key-file.

            """)
    }

    @Test func theExitStatusesAreTheDocumentedOnes() {
        #expect(ExitStatus.success.rawValue == 0)
        #expect(ExitStatus.failure.rawValue == 1)
        #expect(ExitStatus.wrongUse.rawValue == 2)
        #expect(ExitStatus.savedForLater.rawValue == 3)
        #expect(FieldworkFailure.savedForLater.status == .savedForLater)
        #expect(FieldworkFailure.problemsReported.status == .failure)
        #expect(FieldworkFailure.cannotCompare(.notACompiledInstrument(path: "x.json")).status == .wrongUse)
        #expect(FieldworkFailure.store(StoreError("x")).status == .failure)
    }

    @Test func theRootHelpListsTheExitStatuses() throws {
        let run = try Run.fieldwork(["--help"])
        #expect(run.status == 0)
        let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Exit status: 0 done; 1 problems found (an instrument with errors, responses that cannot be written, "
            + "failed checks or scenarios, data no longer comparable); 2 wrong use; 3 a session saved to carry on later."))
    }

    @Test func aFailureInTheMiddleOfASessionSaysWhatIsKept() throws {
        // Hard to cause from outside (a disk that fills mid-session), so worded in process.
        let failure = FieldworkFailure(StoreError("cannot write 'responses/plain/sessions/ab.journal': no space left on device"))
        #expect(failure?.status == .failure)
        let stopped = FieldworkFailure.sessionStopped(StoreError("cannot write 'j': no space left on device"), journal: "responses/plain/sessions/ab.journal")
        #expect(stopped.message == """

            error: cannot write 'j': no space left on device
            Everything answered before this point is saved in responses/plain/sessions/ab.journal; continue later with 'fieldwork resume'.

            """)
        #expect(FieldworkFailure.problemsReported.message == "", "the command's own report has said it")
    }
}
