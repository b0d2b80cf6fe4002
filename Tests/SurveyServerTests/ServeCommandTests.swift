import Foundation
import Glibc
import TestSupport
import Testing

/// Wrong use of `fieldwork serve` is told plainly, with the exit status, before any port opens.
@Suite struct ServeCommandTests {
    func serve(_ arguments: [String]) throws -> Run {
        try Child.run(Binary.fieldwork, ["serve"] + arguments, seconds: 30)
    }

    @Test func refusesWhatItCannotServe() throws {
        let folder = try TemporaryFolder()
        let survey = Run.packageRoot.appendingPathComponent("instruments/crisis-cafe-feedback.yaml").path
        let interview = Run.packageRoot.appendingPathComponent("instruments/peer-worker-interview.yaml").path
        let common = ["--port", "0", "--listen", "127.0.0.1", "--responses", folder.path + "/r", "--host-key", folder.path + "/hk"]

        let guide = try serve([interview] + common)
        #expect(guide.status == 2)
        #expect(guide.stderr.contains("Error: 'peer-worker-interview' is an interview, which its interviewer runs ('fieldwork interview'); serve a survey"), "\(guide.stderr)")

        let time = try serve([survey, "--idle-timeout", "soon"] + common)
        #expect(time.status == 2)
        #expect(time.stderr.contains("Error: --idle-timeout takes a time such as 90s, 15m or 2h, not 'soon'"), "\(time.stderr)")

        let coded = Run.packageRoot.appendingPathComponent("instruments/peer-worker-fidelity.yaml").path
        let needsCodes = try serve([coded] + common)
        #expect(needsCodes.status == 2)
        #expect(needsCodes.stderr.contains("Error: 'peer-worker-fidelity' asks for participant codes; serve it with --invitations, whose codes are the participants' codes"), "\(needsCodes.stderr)")

        let noCodes = try folder.write("empty.txt", "# nobody yet\n\n")
        let empty = try serve([survey, "--invitations", noCodes, "--key-file", folder.path + "/study.key"] + common)
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("holds no invitation codes (one a line)"), "\(empty.stderr)")

        try folder.write("hk", "fieldwork ssh host key (ed25519), keep private\nAAAA\n")
        chmod(folder.path + "/hk", 0o644)
        let open = try serve([survey] + common)
        #expect(open.status == 1)
        #expect(open.stderr.contains("error: the host key '\(folder.path)/hk' can be read by others; make it owner-only (chmod 600 '\(folder.path)/hk')"), "\(open.stderr)")
    }

    @Test func aPortInUseIsToldNotCrashedOn() throws {
        let folder = try TemporaryFolder()
        let survey = Run.packageRoot.appendingPathComponent("instruments/crisis-cafe-feedback.yaml").path
        let first = try ServeProcess(folder: folder)
        let second = try serve([survey, "--port", "\(first.port)", "--listen", "127.0.0.1", "--responses", folder.path + "/r2",
                                "--host-key", folder.path + "/host_key"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("error: cannot listen on 127.0.0.1 port \(first.port):"), "\(second.stderr)")
        #expect(first.stop() == 0, "the server's log: \(first.log)")
    }
}

/// A served survey's hidden questions are set once for every session it serves.
@Suite struct ServeLaunchValueTests {
    @Test func aRequiredHiddenValueIsAskedForBeforeAnyPortOpens() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("sited.yaml", """
            format: 1
            id: sited
            version: 1.0.0
            title: Sited
            sections:
              - id: s
                questions:
                  - {id: site, type: hidden, required: true, choices: [North, South]}
                  - {id: mood, type: scale, text: Mood?, from: 0, to: 4}

            """)
        let common = ["--port", "0", "--listen", "127.0.0.1", "--responses", folder.path + "/r", "--host-key", folder.path + "/hk"]
        let missing = try Child.run(Binary.fieldwork, ["serve", path] + common, seconds: 30)
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: 'site' is required and set at launch: add --set site=VALUE (North or South)\n")
        let wrong = try Child.run(Binary.fieldwork, ["serve", path, "--set", "site=East"] + common, seconds: 30)
        #expect(wrong.status == 2)
        #expect(wrong.stderr == "error: --set site=East: 'East' is not one of the choices of 'site' (North or South, or their codes 1 or 2)\n")
    }
}
