import Foundation
import TestSupport
import Testing

/// A multi-site study: the site and the wave are set by whoever starts the session, never asked.
let sitedSurvey = """
    format: 1
    id: sited
    version: 1.0.0
    title: Sited survey
    sections:
      - id: s
        questions:
          - {id: site, type: hidden, required: true, choices: [North, South]}
          - {id: wave, type: hidden, min: 1, max: 4}
          - {id: batch, type: hidden}
          - {id: mood, type: scale, text: How is your mood?, from: 0, to: 4}
          - {id: north_only, type: text, text: Which northern centre?, show_if: site == 1}

    """

@Suite struct LaunchValueTests {
    func prepare() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("sited.yaml", sitedSurvey)
        return folder
    }

    func record(in folder: TemporaryFolder) throws -> [String: Any] {
        let responses = folder.url.appendingPathComponent("responses/sited").path
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: responses).first { $0.hasSuffix(".json") })
        let data = try Data(contentsOf: URL(fileURLWithPath: responses + "/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func fillsHiddenQuestionsFromSetAndNeverAsksThem() throws {
        let folder = try prepare()
        let run = try Run.fieldwork(["run", "sited.yaml", "--plain", "--set", "site=north", "--set", "wave=2", "--set", "batch=B7"],
                                    input: "3\nLeeds\n\n", in: folder.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Question 1 of 2\nHow is your mood?"), "hidden questions are not asked or counted")
        #expect(run.stdout.contains("Which northern centre?"), "a condition on a value set at launch holds")
        #expect(!run.stdout.contains("B7"))
        let answers = try #require(try record(in: folder)["answers"] as? [String: Any])
        #expect(answers["site"] as? Int == 1, "a choice is stored by its code, whether its label or code was given")
        #expect(answers["wave"] as? Int == 2)
        #expect(answers["batch"] as? String == "B7")

        let csv = try Run.fieldwork(["export", "responses/sited", "--format", "csv", "--out", "out"], in: folder.url)
        #expect(csv.status == 0, "\(csv.stderr)")
        let table = try String(contentsOf: folder.url.appendingPathComponent("out/responses.csv"), encoding: .utf8)
        let lines = table.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let cell = { (name: String) in header.firstIndex(of: name).map { row[$0] } }
        #expect(cell("site") == "1")
        #expect(cell("wave") == "2")
        #expect(cell("batch") == "B7")

        let codebook = try Run.fieldwork(["export", "responses/sited", "--format", "codebook", "--out", "cb"], in: folder.url)
        #expect(codebook.status == 0, "\(codebook.stderr)")
        let text = try String(contentsOf: folder.url.appendingPathComponent("cb/codebook.md"), encoding: .utf8)
        #expect(text.contains("### `site`\n\n- Label: site\n- Type: hidden (nominal)\n- Values: 1 = North; 2 = South\n"))
        #expect(text.contains("- Set at launch: `--set site=…` (required)\n"))
        #expect(text.contains("### `wave`\n\n- Label: wave\n- Type: hidden (scale)\n- Range: 1 to 4\n"))

        let preview = try Run.fieldwork(["preview", "sited.yaml"], in: folder.url)
        #expect(preview.stdout.contains("- **Answer:** set at launch, not asked (`--set site=…`): North or South; required\n"))
        #expect(preview.stdout.contains("- **Questions:** 2 questions in 1 section\n"), "hidden questions are not counted as asked")
    }

    @Test func refusesBadValuesBeforeTheSessionStarts() throws {
        let folder = try prepare()
        let cases: [([String], String)] = [
            (["--set", "wave=2"],
             "error: 'site' is required and set at launch: add --set site=VALUE (North or South)\n"),
            (["--set", "stie=north"],
             "error: --set stie=north: the instrument has no hidden question 'stie'; did you mean 'site'?\n"),
            (["--set", "site=east"],
             "error: --set site=east: 'east' is not one of the choices of 'site' (North or South, or their codes 1 or 2)\n"),
            (["--set", "site=north", "--set", "wave=9"],
             "error: --set wave=9: 'wave' takes a whole number from 1 to 4\n"),
            (["--set", "site=north", "--set", "wave=two"],
             "error: --set wave=two: 'wave' takes a whole number from 1 to 4\n"),
            (["--set", "site=north", "--set", "mood=3"],
             "error: --set mood=3: 'mood' is asked of the participant; only a 'type: hidden' question is set at launch\n"),
            (["--set", "site"],
             "error: --set site: write NAME=VALUE, as in --set site=north\n"),
            (["--set", "site=north", "--set", "site=south"],
             "error: --set site is given twice\n"),
        ]
        for (options, message) in cases {
            let run = try Run.fieldwork(["run", "sited.yaml", "--plain"] + options, input: "3\n\n", in: folder.url)
            #expect(run.status == 2, "\(options)")
            #expect(run.stderr == message, "\(options)")
            #expect(run.stdout.isEmpty, "nothing is asked: \(options)")
        }
        let sessions = folder.url.appendingPathComponent("responses/sited/sessions").path
        let begun = (try? FileManager.default.contentsOfDirectory(atPath: sessions)) ?? []
        #expect(begun.isEmpty, "no session was begun")
    }

    @Test func resumeKeepsTheValuesSetAtLaunch() throws {
        let folder = try prepare()
        let first = try Run.fieldwork(["run", "sited.yaml", "--plain", "--set", "site=2", "--set", "batch=B7"], input: "q\n", in: folder.url)
        #expect(first.status == 3, "\(first.stdout)\(first.stderr)")
        let list = try Run.fieldwork(["resume"], in: folder.url)
        let id = try #require(list.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first)
        let second = try Run.fieldwork(["resume", String(id), "--plain"], input: "1\n\n", in: folder.url)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(!second.stdout.contains("Which northern centre?"), "still the southern site")
        let answers = try #require(try record(in: folder)["answers"] as? [String: Any])
        #expect(answers["site"] as? Int == 2)
        #expect(answers["batch"] as? String == "B7")
        #expect(answers["mood"] as? Int == 1)
    }

    @Test func simulateDrawsHiddenValuesUnlessTheyAreSet() throws {
        let folder = try prepare()
        // Unset, each simulated participant gets a value its declaration allows: every route is tried.
        let drawn = try Run.fieldwork(["simulate", "sited.yaml", "-n", "40"], in: folder.url)
        #expect(drawn.status == 0, "\(drawn.stdout)\(drawn.stderr)")
        #expect(drawn.stdout.hasSuffix("\nEvery question was shown, and every valid_if rule was met.\n"))
        #expect(!drawn.stdout.contains("site "), "a hidden question is not listed as shown")
        // Set, every participant has it.
        let south = try Run.fieldwork(["simulate", "sited.yaml", "-n", "40", "--set", "site=south"], in: folder.url)
        #expect(south.status == 0, "\(south.stdout)\(south.stderr)")
        #expect(south.stdout.hasSuffix("\nwarning: 'north_only' was never shown in 40 sessions; check its conditions and those of its section\n"))
        let wrong = try Run.fieldwork(["simulate", "sited.yaml", "-n", "5", "--set", "site=east"], in: folder.url)
        #expect(wrong.status == 2)
        #expect(wrong.stderr == "error: --set site=east: 'east' is not one of the choices of 'site' (North or South, or their codes 1 or 2)\n")
    }
}
