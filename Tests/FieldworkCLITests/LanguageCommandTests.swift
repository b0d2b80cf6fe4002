import Foundation
import TestSupport
import Testing

private let fixtures = "Tests/FieldworkCLITests/Fixtures"

/// `diff`, `export` (the codebook) and `preview` in a chosen language.
@Suite struct LanguageCommandTests {
    static let header = "Comparing crisis-cafe-feedback 1.0.0 (sha256:845091f00b95) with crisis-cafe-feedback 1.0.2 (sha256:fb3c64c7b38f)\n\n"
    static let footer = "\n2 changes: 0 not comparable, 2 to check, 0 comparable.\nThe data stay comparable, if the changes to check keep the meaning.\n"

    @Test func diffReportsAWelshOnlyRewordingInWelsh() throws {
        let run = try Run.fieldwork(["diff", "instruments/crisis-cafe-feedback.yaml", "\(fixtures)/crisis-cafe-1.0.2-welsh.yaml"])
        #expect(run.status == 0)
        #expect(run.stdout == Self.header + """
        check           helpful  the wording changed from "How helpful was talking with a peer supporter today?" to "How helpful was your talk with a peer supporter?": check that it asks the same thing
        check           comment  the 'cy' wording changed from "A oes unrhyw beth y gallem ei wneud yn well?" to "Oes unrhyw beth y gallen ni ei wneud yn well?": check that it asks the same thing

        """ + Self.footer)
    }

    @Test func diffQuotesInTheChosenLanguage() throws {
        let run = try Run.fieldwork(["diff", "instruments/crisis-cafe-feedback.yaml", "\(fixtures)/crisis-cafe-1.0.2-welsh.yaml", "--language", "cy"])
        #expect(run.status == 0)
        #expect(run.stdout == Self.header + """
        check           helpful  the wording changed from "Pa mor ddefnyddiol oedd siarad â chefnogwr cymheiriaid heddiw?" to "Pa mor ddefnyddiol oedd eich sgwrs â chefnogwr cymheiriaid?": check that it asks the same thing
        check           comment  the 'cy' wording changed from "A oes unrhyw beth y gallem ei wneud yn well?" to "Oes unrhyw beth y gallen ni ei wneud yn well?": check that it asks the same thing

        """ + Self.footer)
        let wrong = try Run.fieldwork(["diff", "instruments/crisis-cafe-feedback.yaml", "\(fixtures)/crisis-cafe-1.0.2-welsh.yaml", "--language", "es"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.hasPrefix("Error: 'es' is not one of the newer version's languages (it has en, cy)\n"))
    }

    @Test func theCodebookIsWrittenInTheChosenLanguage() throws {
        let folder = try TemporaryFolder()
        #expect(try Run.fieldwork(["simulate", "instruments/crisis-cafe-feedback.yaml", "-n", "3", "--out", folder.url.path]).status == 0)
        let out = folder.url.appendingPathComponent("codebook").path
        let source = folder.url.appendingPathComponent("crisis-cafe-feedback").path
        let export = try Run.fieldwork(["export", source, "--format", "codebook", "--out", out, "--language", "cy"])
        #expect(export.status == 0, "\(export.stderr)")
        let codebook = try String(contentsOfFile: out + "/codebook.md", encoding: .utf8)
        #expect(codebook.hasPrefix("# Codebook: Caffi argyfwng — eich adborth\n"))
        #expect(codebook.contains("- Values: 1 = Ie; 2 = Na\n"))
        let wrong = try Run.fieldwork(["export", source, "--format", "codebook", "--out", out + "2", "--language", "es"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("'es' is not one of the instrument's languages (it has en, cy)"))
    }

    @Test func thePreviewSaysWhenParticipantsReadTheRunnersWordsInEnglish() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("pl.yaml", """
        format: 1
        id: t
        version: 1.0.0
        languages: [en, pl]
        title: {en: T, pl: T}
        messages:
          saved: {pl: Zapisano. Dziękujemy.}
        sections:
          - id: s
            questions:
              - {id: a, type: note, text: {en: Hi, pl: Cześć}}

        """)
        let run = try Run.fieldwork(["preview", path, "--language", "pl"])
        // The count of runner messages, read from the English catalogue (the CLI tests see only the binary).
        let english = try String(contentsOf: Run.packageRoot.appendingPathComponent("Sources/Messages/Catalogues/en.messages"), encoding: .utf8)
        let keyCount = Set(english.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("@") && $0.contains(" = ") }
            .map { $0.prefix { $0 != " " && $0 != "." } }).count
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("in 'pl', English (Fieldwork has no 'pl' catalogue; the instrument's messages give 1 of \(keyCount))"))
        let welsh = try Run.fieldwork(["preview", "instruments/crisis-cafe-feedback.yaml", "--language", "cy"])
        #expect(!welsh.stdout.contains("Runner's words"))
    }
    static let worded = """
    format: 1
    id: t
    version: 1.0.0
    languages: [en, cy]
    title: {en: T, cy: T}
    messages:
      press_enter_to_continue: {cy: Pwyswch Enter i fynd ymlaen}
      too_long: {en: "At most {max} letters, please ({length} now)"}
    sections:
      - id: s
        questions:
          - {id: a, type: note, text: {en: Hi, cy: Helo}}

    """

    @Test func thePreviewShowsTheRunnersWordsTheInstrumentChanges() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("worded.yaml", Self.worded)
        let run = try Run.fieldwork(["preview", path, "--language", "cy"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("""
        ## The runner's words, as this instrument has them

        *`press_enter_to_continue`:* Pwyswch Enter i fynd ymlaen

        *`too_long`:* Cadwch hwn i {max} nod neu lai (mae'n {length}).

        """), "\(run.stdout)")
    }

    @Test func diffReportsTheRunnersWordsAsComparable() throws {
        let folder = try TemporaryFolder()
        let old = try folder.write("old.yaml", Self.worded)
        let new = try folder.write("new.yaml", Self.worded.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0.1")
            .replacingOccurrences(of: "Pwyswch Enter i fynd ymlaen", with: "Pwyswch Enter")
            .replacingOccurrences(of: "  too_long: {en: \"At most {max} letters, please ({length} now)\"}\n", with: ""))
        let run = try Run.fieldwork(["diff", old, new])
        #expect(run.status == 0)
        #expect(run.stdout.contains("""
        comparable      (instrument)  the runner's message 'press_enter_to_continue' is reworded
        comparable      (instrument)  the runner's message 'too_long' is back to Fieldwork's own words

        """), "\(run.stdout)")
    }
}
