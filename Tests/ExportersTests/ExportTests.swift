import Exporters
import Foundation
import ResponseStore
import TestSupport
import Testing

let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let fixtures = here.appendingPathComponent("Fixtures/responses/fixture-survey").path
let golden = GoldenFiles(here.appendingPathComponent("Golden"))

func export(_ format: ExportFormat, labels: Bool = false, configure: (inout ExportOptions) -> Void = { _ in }) throws -> (TemporaryFolder, ExportReport) {
    let out = try TemporaryFolder()
    var options = ExportOptions(format: format, out: out.path)
    options.labels = labels
    configure(&options)
    return (out, try Exporter.run(try ResponseReader(path: fixtures), options))
}

/// An external checker run in the export's folder; what it prints, on either stream, as one text.
@discardableResult
func run(_ program: String, _ arguments: [String], in folder: String) throws -> (status: Int32, output: String) {
    let run = try Run.command(Tool.path(program) ?? program, arguments, in: URL(fileURLWithPath: folder))
    return (run.status, run.stdout + run.stderr)
}

@Suite struct GoldenExportTests {
    @Test(arguments: [
        ("csv", ["responses.csv"]), ("long", ["responses-long.csv"]), ("jsonl", ["responses.jsonl"]),
        ("codebook", ["codebook.md", "codebook.csv"]), ("spss", ["responses.csv", "responses.sps"]),
        ("stata", ["responses.csv", "responses.do"]), ("r", ["responses.csv", "responses.R"]),
        ("datapackage", ["responses.csv", "datapackage.json"]),
    ])
    func writesExactlyTheGoldenFiles(format: String, files: [String]) throws {
        let (out, report) = try export(try #require(ExportFormat(rawValue: format)))
        #expect(report.files.map { ($0 as NSString).lastPathComponent }.sorted() == files.sorted())
        for file in files {
            // The SPSS syntax names its files by full path, which differs on each run.
            let text = try out.text(file).replacingOccurrences(of: URL(fileURLWithPath: out.path).standardizedFileURL.path, with: "/path/to/export")
            try golden.expectMatches(text, "\(format)/\(file)")
        }
    }

    @Test func writesLabelsInsteadOfCodes() throws {
        let (out, _) = try export(.csv, labels: true)
        try golden.expectMatches(try out.text("responses-labels.csv"), "csv-labels/responses-labels.csv")
    }

    @Test func keepsTheThreeKindsOfMissingApart() throws {
        let (out, _) = try export(.csv)
        let rows = try out.text("responses.csv").components(separatedBy: "\r\n")
        let header = rows[0].split(separator: ",").map(String.init)
        let first = rows[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let column = { (name: String) in try #require(header.firstIndex(of: name)) }
        #expect(first[try column("feel_safe")] == "-99", "skipped")
        #expect(first[try column("story")] == "", "not asked: hidden by its condition")
        #expect(try out.text("responses.csv").contains(",2,-9,34,"), "a choice marked missing keeps its code")
    }

    @Test func reportsAVariableWhoseCodesChangedAndExportsItApart() throws {
        let (_, report) = try export(.csv)
        #expect(report.conflicts == ["'mood' changed in version 1.1.0 (against 1.0.0: 1 now means 'Low' (was '1'); 'Low' was 0, now 1; 'High' was 4, now 5); it is exported apart as 'mood_v1_1_0'"])
    }

    @Test func filtersByVersionStatusAndDate() throws {
        #expect(try export(.csv) { $0.versions = ["1.1.0"] }.1.responses == 1)
        #expect(try export(.csv) { $0.status = .partial }.1.responses == 1)
        #expect(try export(.csv) { $0.status = .complete }.1.responses == 3)
        #expect(try export(.csv) { $0.since = "2099-01-01" }.1.responses == 0)
        #expect(try export(.csv) { $0.until = "2000-01-01" }.1.responses == 0)
        #expect(try export(.csv) { $0.versions = ["1.0.0", "1.1.0"] }.1.responses == 4)
        #expect(throws: ExportError("there is no version 9.9 among the responses; the versions are: 1.0.0, 1.1.0")) {
            try export(.csv) { $0.versions = ["9.9"] }
        }
    }

    @Test func neutralisesFormulasReversibly() throws {
        let (out, _) = try export(.csv)
        let text = try out.text("responses.csv")
        #expect(text.contains(",'=SUM(A1),"))
        #expect(text.contains(",'-5 cups,"))
        #expect(text.contains(",'@home,"))
        #expect(text.contains("\"Café, \"\"cosy\"\"\""), "RFC 4180 quoting")
    }
}

@Suite(.serialized) struct ExternalCheckerTests {
    @Test(.enabled(if: Tool.available("pspp"), "needs PSPP (apt-get install pspp)"))
    func psppReadsTheSPSSSyntaxAndKeepsLabelsAndMissingValues() throws {
        let (out, _) = try export(.spss)
        let first = try run("pspp", ["responses.sps"], in: out.path)
        #expect(first.status == 0)
        #expect(!first.output.contains("warning") && !first.output.contains("error"), "\(first.output)")
        try "GET FILE='responses.sav'.\nDISPLAY DICTIONARY /VARIABLES=visit feel_heard place.\nLIST /VARIABLES=feel_heard story.\n"
            .write(toFile: out.path + "/check.sps", atomically: false, encoding: .utf8)
        let check = try run("pspp", ["-O", "format=csv", "check.sps"], in: out.path)
        #expect(check.output.contains("feel_heard,18,How do you feel?: Heard,Ordinal,Input,8,Right,F8.0,F8.0,-99; -9"))
        #expect(check.output.contains(",-9[a],Prefer not to say"))
        #expect(check.output.contains("First visit?,-99[a],Skipped"))
        #expect(check.output.contains("-9,\"Line one, with a comma ¶ line two\""))
    }

    @Test(.enabled(if: Tool.available("Rscript"), "needs R (apt-get install r-base-core)"))
    func rReadsTheScriptWithTypesFactorsAndReasons() throws {
        let (out, _) = try export(.r)
        let script = """
            source("responses.R")
            stopifnot(is.factor(responses$visit), !is.ordered(responses$visit))
            stopifnot(is.ordered(responses$mood), identical(levels(responses$mood), c("Low", "1", "2", "3", "High")))
            stopifnot(identical(attr(responses$feel_heard, "na_reason"), c("Skipped", "Prefer not to say", NA, "Not asked")))
            stopifnot(is.numeric(responses$age), identical(responses$age[[2]], 34))
            stopifnot(identical(as.vector(responses$place)[1:3], c("-5 cups", "=SUM(A1)", "@home")))
            stopifnot(identical(responses$story[[2]], "Line one, with a comma\\nline two"))
            stopifnot(identical(as.character(responses$extra[3]), "Ünïcödé — 日本 'quoted'"))
            cat("R checks passed\\n")
            """
        try script.write(toFile: out.path + "/check.R", atomically: false, encoding: .utf8)
        let result = try run("Rscript", ["check.R"], in: out.path)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("R checks passed"))
    }

    @Test(.enabled(if: Tool.available("frictionless"), "needs frictionless (pip install frictionless)"))
    func frictionlessValidatesTheDataPackage() throws {
        let (out, _) = try export(.datapackage)
        let result = try run("frictionless", ["validate", "--json", "datapackage.json"], in: out.path)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\"valid\": true"))
        // A changed byte breaks the recorded hash: the check is real.
        let csv = out.path + "/responses.csv"
        try (try String(contentsOfFile: csv, encoding: .utf8)).replacingOccurrences(of: "p_", with: "q_").write(toFile: csv, atomically: false, encoding: .utf8)
        #expect(try run("frictionless", ["validate", "--json", "datapackage.json"], in: out.path).output.contains("hash-count"))
    }
}
