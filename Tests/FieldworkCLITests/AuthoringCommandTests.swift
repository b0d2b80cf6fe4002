import Foundation
import InstrumentModel
import TestSupport
import Testing

/// The golden files are made by Fixtures/make-golden.sh, or by FIELDWORK_RECORD_GOLDEN=1.
private let golden = GoldenFiles(Run.packageRoot.appendingPathComponent("Tests/FieldworkCLITests/Golden"))
private let fixtures = "Tests/FieldworkCLITests/Fixtures"
private let xmllint = Tool.path("xmllint")
private let xmllintRuns = Tool.available("xmllint")

@Suite struct PreviewCommandTests {
    static let examples = ["prosper-member-survey", "peer-worker-interview", "cardiac-care-barriers-interview",
                           "prosper-group-discussion", "peer-worker-fidelity", "crisis-cafe-feedback"]

    @Test(arguments: examples)
    func previewsEachExampleAsMarkdown(name: String) throws {
        let run = try Run.fieldwork(["preview", "instruments/\(name).yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        try golden.expectMatches(run.stdout, "preview-\(name).md")
    }

    @Test func previewsLanguagesSideBySideAndOneAtATime() throws {
        let all = try Run.fieldwork(["preview", "instruments/crisis-cafe-feedback.yaml", "--all-languages"])
        try golden.expectMatches(all.stdout, "preview-crisis-cafe-feedback-all.md")
        #expect(all.stdout.contains("| 1 | Yes | Ie |  |"))
        let welsh = try Run.fieldwork(["preview", "instruments/crisis-cafe-feedback.yaml", "--language", "cy"])
        try golden.expectMatches(welsh.stdout, "preview-crisis-cafe-feedback-cy.md")
        let unknown = try Run.fieldwork(["preview", "instruments/crisis-cafe-feedback.yaml", "--language", "fr"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Error: 'fr' is not one of the instrument's languages (it has en, cy)"))
    }

    @Test func writesOneSelfContainedHTMLFile() throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("review.html").path
        let run = try Run.fieldwork(["preview", "instruments/prosper-member-survey.yaml", "--format", "html", "-o", out])
        #expect(run.status == 0 && run.stdout.isEmpty)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        try golden.expectMatches(html, "preview-prosper-member-survey.html")
        for outside in ["<script", "src=", "href=", "@import", "url("] {
            #expect(!html.contains(outside), "the preview must not load \(outside)")
        }
        #expect(html.contains("<em>Activities taken part in</em> does not include <em>None of these</em>"))
    }

    @Test(.enabled(if: xmllintRuns, "needs xmllint (apt-get install libxml2-utils)"))
    func htmlPreviewsAreWellFormed() throws {
        for name in ["preview-prosper-member-survey.html", "preview-crisis-cafe-feedback-all.html"] {
            let check = try Run.command(xmllint ?? "/usr/bin/xmllint", ["--html", "--noout", golden.folder.appendingPathComponent(name).path])
            #expect(check.status == 0 && check.stderr.isEmpty, "\(name): \(check.stderr)")
        }
    }

    @Test func reportsAnInstrumentWithErrorsInsteadOfPreviewingIt() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("bad.yaml", "format: 1\nid: bad\nversion: 1\nkind: survey\ntitle: Bad\nsections: []\n")
        let run = try Run.fieldwork(["preview", path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("The instrument has errors; fix them first ('fieldwork check \(path)')."))
    }
}

@Suite struct DiffCommandTests {
    @Test func recodedChoicesMakeTheDataNotComparable() throws {
        let run = try Run.fieldwork(["diff", "instruments/prosper-member-survey.yaml", "\(fixtures)/member-survey-1.2.yaml"])
        #expect(run.status == 1)
        try golden.expectMatches(run.stdout, "diff-member-survey.txt")
    }

    @Test func wordingChangesLeaveTheDataComparable() throws {
        let run = try Run.fieldwork(["diff", "instruments/crisis-cafe-feedback.yaml", "\(fixtures)/crisis-cafe-1.0.1.yaml"])
        #expect(run.status == 0)
        try golden.expectMatches(run.stdout, "diff-crisis-cafe.txt")
    }

    @Test func comparesTheCompiledCopiesKeptBesideResponses() throws {
        let folder = try TemporaryFolder()
        let old = folder.url.appendingPathComponent("old.json").path
        let new = folder.url.appendingPathComponent("new.json").path
        try Run.fieldwork(["compile", "instruments/prosper-member-survey.yaml", "-o", old])
        try Run.fieldwork(["compile", "\(fixtures)/member-survey-1.2.yaml", "-o", new])
        let run = try Run.fieldwork(["diff", old, new])
        #expect(run.status == 1)
        try golden.expectMatches(run.stdout, "diff-member-survey.txt")
        let same = try Run.fieldwork(["diff", old, "instruments/prosper-member-survey.yaml"])
        #expect(same.status == 0)
        #expect(same.stdout.hasSuffix("The two are the same instrument (same content hash): the data stay comparable.\n"))
    }

    @Test func exitsTwoWhenItCannotCompare() throws {
        let folder = try TemporaryFolder()
        let junk = try folder.write("junk.json", "{\"not\": \"an instrument\"}")
        let run = try Run.fieldwork(["diff", "instruments/prosper-member-survey.yaml", junk])
        #expect(run.status == 2)
        #expect(run.stderr == "error: '\(junk)' is not a compiled instrument (the JSON that 'fieldwork compile' writes)\n")
        #expect(try Run.fieldwork(["diff", "instruments/prosper-member-survey.yaml", "nowhere.yaml"]).status == 2)
    }
}

@Suite struct SimulateCommandTests {
    @Test func reportsHowOftenEachQuestionIsShown() throws {
        let run = try Run.fieldwork(["simulate", "instruments/prosper-member-survey.yaml", "-n", "200", "--seed", "7", "--today", "2026-03-01"])
        #expect(run.status == 0)
        try golden.expectMatches(run.stdout, "simulate-member-survey.txt")
    }

    @Test func writesTheSameMarkedResponsesForTheSameSeed() throws {
        let first = try TemporaryFolder()
        let second = try TemporaryFolder()
        for folder in [first, second] {
            let run = try Run.fieldwork(["simulate", "instruments/peer-worker-fidelity.yaml", "-n", "30", "--seed", "3",
                                         "--today", "2026-03-01", "--out", folder.url.path])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let a = first.url.appendingPathComponent("peer-worker-fidelity").path
        let b = second.url.appendingPathComponent("peer-worker-fidelity").path
        let names = try FileManager.default.subpathsOfDirectory(atPath: a).sorted()
        #expect(names == (try FileManager.default.subpathsOfDirectory(atPath: b).sorted()))
        let responses = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix("instruments/") }
        #expect(responses.filter { !$0.hasPrefix("identifying/") }.count == 30)
        for name in responses {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: a + "/" + name))
            #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: b + "/" + name))), "\(name) differs between two runs with one seed")
            #expect(String(decoding: bytes, as: UTF8.self).contains("\"simulated\": true"), "\(name) is not marked simulated")
        }
        // The exports read simulated responses as they read real ones.
        let export = try Run.fieldwork(["export", a, "--format", "csv", "--out", first.url.appendingPathComponent("export").path])
        #expect(export.status == 0, "\(export.stderr)")
    }

    @Test func warnsOfQuestionsNeverShownAndRulesNeverMet() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("rare.yaml", """
            format: 1
            id: rare
            version: 1.0.0
            kind: survey
            title: Rare
            sections:
              - id: s
                questions:
                  - id: code
                    type: number
                    text: Your code?
                    min: 0
                    max: 1000000
                    valid_if: . == 424242
                  - id: age
                    type: number
                    text: How old are you?
                    min: 16
                    max: 110
                  - id: only_forty
                    type: text
                    text: Why forty?
                    show_if: age == 40
            """)
        let run = try Run.fieldwork(["simulate", path, "-n", "20", "--seed", "1", "--strict"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("warning: no answer to 'code' met its valid_if rule; check that the rule can be met"))
        #expect(run.stdout.contains("warning: 'only_forty' was never shown in 20 sessions; check its conditions and those of its section"))
    }

    @Test func bilingualSimulatedResponsesExportWithLabelsInTheFirstLanguage() throws {
        let folder = try TemporaryFolder()
        #expect(try Run.fieldwork(["simulate", "instruments/crisis-cafe-feedback.yaml", "-n", "5", "--out", folder.url.path]).status == 0)
        let out = folder.url.appendingPathComponent("codebook").path
        let export = try Run.fieldwork(["export", folder.url.appendingPathComponent("crisis-cafe-feedback").path, "--format", "codebook", "--out", out])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr == "note: these responses were made up by 'fieldwork simulate'; they are not real responses\n")
        let codebook = try String(contentsOfFile: out + "/codebook.md", encoding: .utf8)
        #expect(codebook.hasPrefix("# Codebook: Crisis café — your feedback\n"))
        #expect(codebook.contains("- Values: 1 = Yes; 2 = No\n"))
    }

    @Test func refusesToMixSimulatedAndRealResponses() throws {
        let folder = try TemporaryFolder()
        try folder.write("prosper-member-survey/0123.json", "{\"status\": \"complete\"}")
        let run = try Run.fieldwork(["simulate", "instruments/prosper-member-survey.yaml", "-n", "5", "--out", folder.url.path])
        #expect(run.status == 1)
        #expect(run.stderr == "error: '\(folder.url.path)' holds real responses to 'prosper-member-survey'; write simulated ones to another folder\n")
    }
}

@Suite struct ScenarioTestCommandTests {
    @Test func everyExampleInstrumentPassesItsScenarios() throws {
        let run = try Run.fieldwork(["test", "instruments"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.hasSuffix("\nScenarios: 24 passing, 0 failing.\n"))
        #expect(!run.stdout.contains("FAIL"))
    }

    @Test func failuresNameTheirLineInTheScenarioFile() throws {
        let run = try Run.fieldwork(["test", "instruments/prosper-member-survey.yaml", "\(fixtures)/failing.scenarios.yaml"])
        #expect(run.status == 1)
        try golden.expectMatches(run.stdout, "test-failing.txt")
    }

    @Test func reportsAMalformedScenarioFileWithPositions() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("s.scenarios.yaml", "scenarios:\n  - name: one\n    expects:\n      shown: [age]\n  - answers: {}\n")
        let run = try Run.fieldwork(["test", "instruments/prosper-member-survey.yaml", path])
        #expect(run.status == 1)
        #expect(run.stdout == """
            \(path) — prosper-member-survey 1.1.0
              \(path):3:5: 'expects' is not a key of a scenario (did you mean 'expect'?); it may have name, language, seed, consent, set, answers, expect
              \(path):5:5: each scenario needs a 'name' saying what it checks

            Scenarios: 0 passing, 1 failing.

            """)
    }

    @Test func asksForAScenarioFileWhenThereIsNone() throws {
        let folder = try TemporaryFolder()
        let copy = folder.url.appendingPathComponent("survey.yaml").path
        try FileManager.default.copyItem(atPath: Run.packageRoot.appendingPathComponent("instruments/crisis-cafe-feedback.yaml").path, toPath: copy)
        let run = try Run.fieldwork(["test", copy])
        #expect(run.status == 2)
        #expect(run.stderr.contains("there is no scenario file '\(folder.url.path)/survey.scenarios.yaml'; write one (see docs/reference.md, \"Scenario tests\")"))
    }
}

@Suite struct NewCommandTests {
    @Test(arguments: ["survey", "interview"])
    func writesAnInstrumentThatChecksClean(kind: String) throws {
        let folder = try TemporaryFolder()
        let run = try Run.fieldwork(["new", kind, "staff-views"], in: folder.url)
        #expect(run.status == 0)
        #expect(run.stdout == "Wrote staff-views.yaml. Edit it, then check it with: fieldwork check staff-views.yaml\n")
        let check = try Run.fieldwork(["check", "--strict", "staff-views.yaml"], in: folder.url)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("staff-views.yaml: ok: staff-views 0.1.0"))
        let text = try String(contentsOf: folder.url.appendingPathComponent("staff-views.yaml"), encoding: .utf8)
        #expect(text.contains("kind: \(kind)\n"))
        #expect(text.contains("\nid: staff-views"))
    }

    @Test func neverOverwritesAFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("mine.yaml", "keep me\n")
        let run = try Run.fieldwork(["new", "survey", "mine"], in: folder.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("'mine.yaml' already exists; choose another name"))
        #expect(try String(contentsOf: folder.url.appendingPathComponent("mine.yaml"), encoding: .utf8) == "keep me\n")
        let bad = try Run.fieldwork(["new", "survey", "My Survey"], in: folder.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'My Survey' cannot be an instrument id"))
    }
}

/// What an evaluator, interviewer or analyst sees when one of the newer commands cannot do its work.
@Suite struct NewCommandErrorTests {
    @Test func interviewRefusesASurveyAGroupOfOneAndAnUnknownLanguage() throws {
        let survey = try Run.fieldwork(["interview", "instruments/prosper-member-survey.yaml"])
        #expect(survey.status == 2)
        #expect(survey.stderr.hasPrefix("Error: 'instruments/prosper-member-survey.yaml' is a survey; run it with 'fieldwork run instruments/prosper-member-survey.yaml'\n"))
        let one = try Run.fieldwork(["interview", "instruments/prosper-group-discussion.yaml", "--group", "1"])
        #expect(one.status == 2)
        #expect(one.stderr.hasPrefix("Error: --group takes the number of participants, from 2 to 99\n"))
        let folder = try TemporaryFolder()
        let welsh = try Run.fieldwork(["interview", "instruments/prosper-group-discussion.yaml", "--language", "cy",
                                       "--responses", folder.url.path])
        #expect(welsh.status == 2)
        #expect(welsh.stderr.hasPrefix("Error: 'prosper-group-discussion' is written in one language only; leave out --language\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("prosper-group-discussion").path), "nothing is written")
    }

    @Test func saysWhyAFileCannotBeWritten() throws {
        let folder = try TemporaryFolder()
        let new = try Run.fieldwork(["new", "survey", "nowhere/wellbeing"], in: folder.url)
        #expect(new.status == 1)
        #expect(new.stderr == "error: cannot write 'nowhere/wellbeing.yaml': no such file or directory\n")
        let preview = try Run.fieldwork(["preview", Run.packageRoot.appendingPathComponent("instruments/crisis-cafe-feedback.yaml").path,
                                         "-o", "nowhere/review.md"], in: folder.url)
        #expect(preview.status == 1)
        #expect(preview.stderr == "error: cannot write 'nowhere/review.md': no such file or directory\n")
        try folder.write("a-file", "")
        let simulate = try Run.fieldwork(["simulate", Run.packageRoot.appendingPathComponent("instruments/crisis-cafe-feedback.yaml").path,
                                          "-n", "3", "--out", "a-file"], in: folder.url)
        #expect(simulate.status == 1)
        #expect(simulate.stderr == "error: 'a-file' exists and is not a folder\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["a-file"], "no temporary file is left behind")
    }

    @Test func exportRefusesQualitativeFormatsForASurvey() throws {
        let folder = try fixtureCopy()
        let run = try Run.fieldwork(["export", "fixture-survey", "--format", "transcripts", "--out", "out"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stderr == "error: --format transcripts is for interview guides; 'fixture-survey' is a survey (use csv, spss, stata, r, ...)\n")
    }
}

@Suite struct DiffJSONTests {
    @Test func writesTheChangesAsJSONForTools() throws {
        let folder = try TemporaryFolder()
        let survey = "format: 1\nid: t\nversion: VERSION\ntitle: T\nsections:\n  - id: s\n    questions:\n      - id: code\n        type: text\n        text: Code?\n        max_length: LENGTH\n      - id: kind\n        type: single\n        text: Kind?\n        choices: CHOICES\n"
        let old = try folder.write("old.yaml", survey.replacingOccurrences(of: "VERSION", with: "1.0.0")
            .replacingOccurrences(of: "LENGTH", with: "8").replacingOccurrences(of: "CHOICES", with: "[A, B]"))
        let new = try folder.write("new.yaml", survey.replacingOccurrences(of: "VERSION", with: "1.1.0")
            .replacingOccurrences(of: "LENGTH", with: "4").replacingOccurrences(of: "CHOICES", with: "[B, A]"))
        let run = try Run.fieldwork(["diff", "--format", "json", old, new])
        #expect(run.status == 1)
        let parsed = try #require(Array(run.stdout.utf8).withUnsafeBytes { JSON.parse($0) }?.object)
        #expect(parsed["old"]?.object?["id"]?.string == "t")
        #expect(parsed["old"]?.object?["version"]?.string == "1.0.0")
        #expect(parsed["new"]?.object?["version"]?.string == "1.1.0")
        #expect(parsed["new"]?.object?["hash"]?.string?.hasPrefix("sha256:") == true)
        #expect(parsed["same_instrument"] == .bool(false))
        #expect(parsed["comparable"] == .bool(false))
        #expect(parsed["counts"] == .object(["not_comparable": .number(1), "check": .number(1), "comparable": .number(0)]))
        // The worst first, as in the text.
        #expect(parsed["changes"] == .array([
            .object(["variable": .string("kind"), "verdict": .string("not_comparable"),
                     "what": .string("codes of kind changed: \"A\" was 1, now 2; \"B\" was 2, now 1; responses before and after are not comparable without recoding")]),
            .object(["variable": .string("code"), "verdict": .string("check"),
                     "what": .string("the maximum length changed from 8 to 4 characters: answers accepted before may be refused now")]),
        ]))
    }
}

@Suite struct QuestionCountTests {
    /// `check` and `preview` count the same questions: those a participant answers (not notes or calculations).
    @Test(arguments: ["peer-worker-fidelity", "prosper-group-discussion", "prosper-member-survey"])
    func checkAndPreviewCountQuestionsTheSameWay(name: String) throws {
        let check = try Run.fieldwork(["check", "instruments/\(name).yaml"])
        let preview = try Run.fieldwork(["preview", "instruments/\(name).yaml"])
        let counted = try #require(preview.stdout.split(separator: "\n").first { $0.hasPrefix("- **Questions:** ") }?.dropFirst(17))
        #expect(check.stdout.contains(", \(counted)\n"), "check: \(check.stdout) preview: \(counted)")
    }

    @Test func aCalculationIsNotCountedAsAQuestion() throws {
        let check = try Run.fieldwork(["check", "instruments/peer-worker-fidelity.yaml"])
        #expect(check.stdout.contains(", 9 questions in 3 sections\n"))
    }
}

@Suite struct GroupInterviewCommandTests {
    static let guide = "format: 1\nid: g\nversion: 1.0.0\nkind: interview\ntitle: G\ngroup: {min: 3, max: 10}\nsections:\n  - id: s\n    questions:\n      - {id: a, type: open, text: What brought you here?}\n"

    @Test func asksForTheSizeOfTheGroupWhenGroupIsMissing() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("g.yaml", Self.guide)
        let run = try Run.fieldwork(["interview", path, "--responses", folder.url.appendingPathComponent("r").path], input: "1\nmany\n")
        #expect(run.status == 2)
        #expect(run.stdout == """
            This guide is for a group discussion. How many participants are there (3 to 10)? \
            That is not a number from 3 to 10.
            How many participants are there (3 to 10)? \
            That is not a number from 3 to 10.
            How many participants are there (3 to 10)? 

            """)
        #expect(run.stderr.hasPrefix("Error: this guide is for a group discussion: give the number of participants with --group N (3 to 10)\n"))
    }

    @Test func refusesAGroupSizeTheGuideIsNotFor() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("g.yaml", Self.guide)
        let run = try Run.fieldwork(["interview", path, "--group", "12", "--responses", folder.url.appendingPathComponent("r").path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: this guide is for groups of 3 to 10 participants, but --group is 12\n"))
    }
}
