import Foundation
import TestSupport
import Testing

/// `fieldwork export --deidentify` and its finer options, through the command line.
@Suite struct DeidentifyCommandTests {
    @Test func exportsDeidentifiedThroughTheCommandLine() throws {
        let folder = try fixtureCopy()
        let plain = try Run.fieldwork(["export", "fixture-survey", "--format", "csv", "--out", "plain"], in: folder.url)
        #expect(plain.status == 0, "\(plain.stderr)")
        let run = try Run.fieldwork(["export", "fixture-survey", "--format", "csv", "--deidentify", "--out", "out"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Exported 4 responses to out/responses.csv, out/README-DEIDENTIFIED.txt\n")
        let note = try String(contentsOf: folder.url.appendingPathComponent("out/README-DEIDENTIFIED.txt"), encoding: .utf8)
        #expect(note.hasPrefix("De-identified (--deidentify):\n- free text left out: text, long text and open answers, \"Other\" texts, and calculations that give text (visit_other, used_other, extra, place, story);\n"), "\(note)")
        let header = try String(contentsOf: folder.url.appendingPathComponent("out/responses.csv"), encoding: .utf8).prefix { $0 != "\r\n" }
        #expect(header == "response_id,pseudonym,instrument_version,status,language,date,duration,visit,used_1,used_2,used_9,used_10,mood,mood_v1_1_0,feel_safe,feel_heard,age,hours,since,order_1,order_2,order_3,score")
        // Nothing that linked the plain export's rows links these.
        let plainText = try String(contentsOf: folder.url.appendingPathComponent("plain/responses.csv"), encoding: .utf8)
        let ids = plainText.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        let text = try String(contentsOf: folder.url.appendingPathComponent("out/responses.csv"), encoding: .utf8)
        #expect(ids.count == 4 && ids.allSatisfy { !text.contains($0) })
        let month = try Run.fieldwork(["export", "fixture-survey", "--format", "jsonl", "--dates", "month", "--out", "month"], in: folder.url)
        #expect(month.status == 0, "\(month.stderr)")
    }

    /// Wrong use, told plainly, with exit status 2.
    @Test(arguments: [
        (["--dates", "weekly"], "The value 'weekly' is invalid for '--dates <shift|month|year>'. Please provide one of 'shift', 'month' or 'year'."),
        (["--format", "qdpx", "--deidentify"], "--format qdpx cannot be de-identified: its free text is the data, and no option can make a transcript safe; remove names and details from the notes by hand"),
        (["--format", "transcripts", "--rekey"], "--format transcripts cannot be de-identified: its free text is the data, and no option can make a transcript safe; remove names and details from the notes by hand"),
        (["--format", "paradata", "--deidentify"], "--format paradata exports the paradata that --drop-paradata (part of --deidentify) leaves out; export it without that option, or not at all"),
    ])
    func refusesABadCombination(_ options: [String], _ message: String) throws {
        let folder = try fixtureCopy()
        let arguments = ["export", "fixture-survey", "--out", "out"] + (options.contains("--format") ? [] : ["--format", "csv"]) + options
        let run = try Run.fieldwork(arguments, in: folder.url)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: " + message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
    }
}
