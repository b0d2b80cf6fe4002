import Foundation
import TestSupport
import Testing

/// `fieldwork keys` makes the study key before fieldwork, so that `run` says nothing about keys.
@Suite struct KeysCommandTests {
    static let coded = """
        format: 1
        id: coded
        version: 1.0.0
        title: Coded
        privacy: {participant: code}
        sections:
          - id: s
            questions:
              - {id: q1, type: number, text: How many visits?}
        """

    @Test func createsTheKeyOnceAndRunThenSaysNothingAboutIt() throws {
        let folder = try TemporaryFolder()
        try folder.write("coded.yaml", Self.coded)
        let key = folder.path + "/keys/coded.key"
        let first = try Run.fieldwork(["keys", "coded.yaml", "--key-file", key], in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Created the study key of 'coded' at \(key).\nBack it up somewhere safe"))
        let second = try Run.fieldwork(["keys", "coded.yaml", "--key-file", key], in: folder.url)
        #expect(second.stdout == "The study key of 'coded' is in place at \(key).\n")
        let run = try Run.fieldwork(["run", "coded.yaml", "--plain", "--key-file", key], input: "AB12\nAB12\n3\n\n", in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test func refusesAnInstrumentWithoutCodes() throws {
        let folder = try TemporaryFolder()
        try folder.write("plain.yaml", Self.coded.replacingOccurrences(of: "privacy: {participant: code}\n", with: ""))
        let run = try Run.fieldwork(["keys", "plain.yaml", "--key-file", folder.path + "/k.key"], in: folder.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("'coded' does not ask for participant codes (privacy: participant: code), so it needs no study key"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/k.key"))
    }

    @Test func aMistypedCodeIsAskedAgain() throws {
        let folder = try TemporaryFolder()
        try folder.write("coded.yaml", Self.coded)
        let key = folder.path + "/coded.key"
        let run = try Run.fieldwork(["run", "coded.yaml", "--plain", "--key-file", key], input: "AB12\nAB21\nAB12\nab12 \n3\n\n", in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("""
            Study code (as given by the research team; it is not stored): Type the study code again, to check it: \
              ! The two codes differ. Please type the study code again.
            Study code (as given by the research team; it is not stored): Type the study code again, to check it: 
            """))
        let withdraw = try Run.fieldwork(["withdraw", "coded", "--participant", "AB12", "--key-file", key], in: folder.url)
        #expect(withdraw.stdout.hasPrefix("Removed 1 response"), "the code typed twice is the one kept: \(withdraw.stdout)")
    }
}
