@testable import Exporters
import Foundation
import InstrumentModel
import Testing
import TestSupport

/// The columns of a repeat of each kind, read back by the real readers: PSPP, R, frictionless,
/// Python's csv, and the do-file through the Stata interpreter. One finished response: Walking
/// group (4 visits) and Swimming (visits skipped), no Cooking club; two people, the second's age
/// skipped; one service.
@Suite struct RepeatReadersTests {
    @Test(.enabled(if: Tool.available("pspp"), "needs PSPP (apt-get install pspp)"))
    func psppReadsInstancesAndTheirMissingReasons() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        try study.play(finish: true)
        let out = try study.export(.spss).out
        let first = try run("pspp", [out + "/responses.sps"], in: "/")
        #expect(first.status == 0 && !first.output.contains("warning") && !first.output.contains("error"), "\(first.output)")
        try """
            GET FILE='\(out)/responses.sav'.
            COMPUTE absent = MISSING(visits_2).
            COMPUTE skip = MISSING(visits_m1).
            LIST /VARIABLES=visits_1 visits_2 visits_m1 member_age_2 member_age_3 wait_2 said_2_skipped absent skip.
            DISPLAY LABELS /VARIABLES=visits_2 member_age_3.

            """.write(toFile: out + "/check.sps", atomically: false, encoding: .utf8)
        let check = try run("pspp", ["-O", "format=csv", out + "/check.sps"], in: "/")
        #expect(check.output.contains("4,-999,-99,-99,-999,-999,2,1.00,1.00\n"), "\(check.output)")
        #expect(check.output.contains("Visits — Cooking club") && check.output.contains("Age — 3"), "\(check.output)")
    }

    @Test(.enabled(if: Tool.available("Rscript"), "needs R (apt-get install r-base-core)"))
    func rReadsInstancesAndTheirMissingReasons() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        try study.play(finish: true)
        let out = try study.export(.r).out
        try #"""
            source("responses.R")
            stopifnot(identical(as.vector(responses$visits_1), 4L) || identical(as.vector(responses$visits_1), 4))
            stopifnot(is.na(responses$visits_2), identical(fw_reason(responses$visits_2), "Not asked: Cooking club not chosen"))
            stopifnot(is.na(responses$visits_m1), identical(fw_reason(responses$visits_m1), "Skipped"))
            stopifnot(identical(fw_reason(responses$member_age_3), "Not asked: fewer than 3"))
            stopifnot(identical(attr(responses$visits_2, "label"), "Visits — Cooking club"))
            stopifnot(identical(as.vector(responses$said_m1), "Cold"), is.na(responses$said_2))
            tidy <- read.csv("responses-repeat-activity.csv", colClasses = "character")
            stopifnot(identical(tidy$instance, c("1", "-1")), identical(tidy$visits, c("4", "-99")))
            cat("R checks passed\n")
            """#.write(toFile: out + "/check.R", atomically: false, encoding: .utf8)
        let result = try run("Rscript", ["check.R"], in: out)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("R checks passed"))
    }

    @Test(.enabled(if: Tool.available("frictionless"), "needs frictionless (pip install frictionless)"))
    func frictionlessAndPythonReadInstances() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        try study.play(finish: true)
        let out = try study.export(.datapackage).out
        let valid = try run("frictionless", ["validate", "--json", "datapackage.json"], in: out)
        #expect(valid.output.contains("\"valid\": true"), "\(valid.output)")
        let python = #"""
            import csv
            from frictionless import Package
            r = list(Package("datapackage.json").get_resource("responses").read_rows())[0]
            print([r["visits_1"], r["visits_2"], r["visits_m1"], r["member_age_3"], r["said_m1"], r["said_2"], r["said_2_skipped"]])
            print(list(csv.reader(open("responses-repeat-member.csv", newline=""))))
            print([(r["instance"], r["instance_label"], r["visits"], r["said"], r["said_skipped"]) for r in Package("datapackage.json").get_resource("repeat-activity").read_rows()])
            """#
        let read = try run("python3", ["-c", python], in: out)
        #expect(read.output.contains("[4, None, None, None, 'Cold', None, 2]"), "\(read.output)")
        #expect(read.output.contains("'1', '1', '40'], ["), "\(read.output)")
        #expect(read.output.contains("'2', '2', '-99']]"), "\(read.output)")
        // The repeat's own file is a resource of the package, its skip code a missing value.
        #expect(read.output.contains("[(1, 'Walking group', 4, 'Nice', 0), (-1, 'Swimming', None, 'Cold', 0)]"), "\(read.output)")
    }

    @Test func stataDoFileReadsInstances() throws {
        let study = try RepeatStudy()
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        try study.play(finish: true)
        let out = try study.export(.stata).out
        var stata = try StataText.Interpreter(csv: String(contentsOfFile: out + "/responses.csv", encoding: .utf8))
        try stata.run(try String(contentsOfFile: out + "/responses.do", encoding: .utf8), folder: URL(fileURLWithPath: out).standardizedFileURL.path)
        let row = try #require(stata.rows.first)
        #expect(row["visits_1"] == .number(4))
        #expect(row["visits_2"] == .missing("a"), "no such instance: the first missing reason")
        #expect(row["visits_m1"] == .missing("s"))
        #expect(row["member_age_3"] == .missing("a"))
        #expect(row["said_2"] == .text(""))
    }

    /// A repeated question whose id is long gets columns within SPSS's 64 bytes and Stata's 32
    /// characters, shortened the same way each time, and the codebook lists the names.
    @Test func longInstanceNamesAreShortenedAndListed() throws {
        let source = """
            format: 1
            id: long-names
            version: 1.0.0
            title: Long names
            sections:
              - id: about
                questions:
                  - {id: activities, type: multiple, text: Which?, choices: [{value: 1, label: Walking}, {value: -12, label: Cooking}]}
              - id: activity
                repeat: {for_each: activities}
                questions:
                  - {id: how_often_did_you_take_part_in_it, type: number, text: How often?}
            """
        let study = try RepeatStudy(source, id: "long-names")
        defer { try? FileManager.default.removeItem(atPath: study.folder) }
        let codebook = Codebook([study.instrument])
        let names = codebook.variables.map(\.name)
        #expect(names == ["activities_1", "activities_m12", "how_often_did_you_take_part_in_it_1", "how_often_did_you_take_part_in_it_m12"])
        for name in names {
            #expect(codebook.names.stata(name).count <= 32)
            #expect(codebook.names.spss(name) == name)
        }
        let stata = codebook.names.stata("how_often_did_you_take_part_in_it_m12")
        #expect(stata == "how_often_did_you_take_part_" + ExportNames.hash("how_often_did_you_take_part_in_it_m12"))
        #expect(Codebook([study.instrument]).names.stata("how_often_did_you_take_part_in_it_m12") == stata, "the same each time")
        let markdown = try study.read(try study.export(.codebook).out, "codebook.md")
        #expect(markdown.contains(stata), "the codebook lists the Stata name")
    }
}
