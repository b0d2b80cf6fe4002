import Foundation
import TestSupport
import Testing

/// A copy of the export fixtures (responses of two versions, and the study key they were made with).
func fixtureCopy() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    let source = Run.packageRoot.appendingPathComponent("Tests/ExportersTests/Fixtures")
    // The survey's responses only: the interview fixtures have tests of their own.
    try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("responses"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: source.appendingPathComponent("responses/fixture-survey"), to: folder.url.appendingPathComponent("responses/fixture-survey"))
    try FileManager.default.copyItem(at: source.appendingPathComponent("fixture.key"), to: folder.url.appendingPathComponent("fixture.key"))
    return folder
}

@Suite struct AnalysisCommandTests {
    @Test func summarisesWithSmallCountsHidden() throws {
        let folder = try fixtureCopy()
        let run = try Run.fieldwork(["summary", "fixture-survey"], environment: ["LANG": "C.UTF-8"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("""
            Fixture survey — café ☕ (fixture-survey)
              version 1.0.0: <5 complete, <5 partial, 0 declined
              version 1.1.0: <5 complete, 0 partial, 0 declined

            First visit? (visit, <5 asked)
              Yes                                           <5
              No                                             0    0%
              Other, please specify                         <5
              Skipped                                       <5

            """))
        #expect(run.stdout.contains("Age? (age)\n  fewer than 5 answers: not shown\n"))
        #expect(run.stdout.contains("Where? (place)\n  <5 written answers; skipped 0\n"))
    }

    @Test func drawsBarsInASCIIAndWritesMarkdown() throws {
        let folder = try fixtureCopy()
        let ascii = try Run.fieldwork(["summary", "fixture-survey", "--min-cell", "1", "--ascii"], in: folder.url)
        #expect(ascii.stdout.contains("  Yes                    ##########              2   50%\n"))
        let markdown = try Run.fieldwork(["summary", "fixture-survey", "--format", "markdown", "--min-cell", "2"], in: folder.url)
        #expect(markdown.stdout.contains("| version | complete | partial | declined |\n|---|---:|---:|---:|\n| 1.0.0 | 2 | <2 | 0 |\n"))
        #expect(markdown.stdout.contains("## First visit? (visit, 4 asked)\n\n| answer | n | % |\n|---|---:|---:|\n| Yes | 2 | 50% |\n"))
    }

    @Test func withdrawsEveryResponseOfAParticipantAndLogsNoCode() throws {
        let folder = try fixtureCopy()
        let run = try Run.fieldwork(["withdraw", "--participant", "a1", "fixture-survey", "--key-file", "fixture.key"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Removed 1 response of 'fixture-survey' for this participant (1 complete, 0 partial, 0 declined).\n"))
        let partial = try Run.fieldwork(["withdraw", "--participant", " C3 ", "fixture-survey", "--key-file", "fixture.key"], in: folder.url)
        #expect(partial.stdout.hasPrefix("Removed 1 response of 'fixture-survey' for this participant (0 complete, 1 partial, 0 declined).\n"))
        let status = try Run.fieldwork(["status"], in: folder.url)
        #expect(status.stdout.hasSuffix("fixture-survey  1.0.0           1         0         0\nfixture-survey  1.1.0           1         0         0\n"))
        let log = try String(contentsOf: folder.url.appendingPathComponent("responses/fixture-survey/withdrawals.log"), encoding: .utf8)
        #expect(log.split(separator: "\n").count == 2)
        #expect(!log.lowercased().contains("a1") && !log.contains("c3") && !log.contains("p_"))
        #expect(log.hasSuffix(" withdrawal: 1 removed (0 complete, 1 partial, 0 declined)\n"))
    }

    @Test func refusesToWithdrawWithoutTheKey() throws {
        let folder = try fixtureCopy()
        let run = try Run.fieldwork(["withdraw", "--participant", "A1", "fixture-survey", "--key-file", "missing.key"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: there is no study key at 'missing.key'.\nWithout the key a code cannot be matched to its responses, so nothing was removed.\n"))
        #expect(try Run.fieldwork(["status"], in: folder.url).stdout.contains("fixture-survey  1.0.0           2         1         0"))
    }

    @Test func exportsThroughTheCommandLine() throws {
        let folder = try fixtureCopy()
        let run = try Run.fieldwork(["export", "fixture-survey", "--format", "spss", "--out", "out"], in: folder.url)
        #expect(run.status == 0)
        #expect(run.stdout == "Exported 4 responses to out/responses.csv, out/responses.sps\n")
        #expect(run.stderr == "warning: 'mood' changed in version 1.1.0 (against 1.0.0: 1 now means 'Low' (was '1'); 'Low' was 0, now 1; 'High' was 4, now 5); it is exported apart as 'mood_v1_1_0'\n")
        let wrong = try Run.fieldwork(["export", "nothing-here", "--format", "csv", "--out", "out"], in: folder.url)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("'nothing-here' is neither a responses folder nor an instrument id with responses in 'responses'"))
        #expect(try Run.fieldwork(["export", "fixture-survey", "--format", "spss", "--labels", "--out", "o"], in: folder.url).status == 2)
    }
}

@Suite struct ExportDateOptionTests {
    /// A date that does not exist is wrong use, not a filter that quietly keeps everything.
    @Test(arguments: ["2026-13-45", "2026-02-30", "26-01-01", "yesterday"])
    func refusesADateThatIsNotOne(_ date: String) throws {
        let folder = try TemporaryFolder()
        for option in ["--since", "--until"] {
            let run = try Run.fieldwork(["export", "x", "--format", "csv", "--out", "out", option, date], in: folder.url)
            #expect(run.status == 2)
            #expect(run.stderr.contains("\(option) takes a real date written YYYY-MM-DD, such as 2026-05-17 ('\(date)' is not one)"), "\(run.stderr)")
        }
    }
}
