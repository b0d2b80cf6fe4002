import Foundation
import Glibc
import TestSupport
import Testing

/// paramiko (which webssh brings, and CI installs) for clients that break the protocol on purpose.
let paramikoRuns: Bool = {
    guard let python = Tool.path("python3") else { return Tool.inCI }
    return (try? Child.run(python, ["-c", "import paramiko"]).status == 0) ?? false || Tool.inCI
}()

/// Clients that send what no SSH client should (`Tests/gateway/hostile_ssh.py`): a huge terminal,
/// a flood of window changes, a packet far past the limits, a request cut short. Each is refused
/// or closed with a line in the log; the server stays up and a participant mid-survey goes on.
@Suite(.serialized) struct ServeHostileTests {
    func attack(_ name: String, port: Int) throws -> String {
        let script = Run.packageRoot.appendingPathComponent("Tests/gateway/hostile_ssh.py").path
        let run = try Child.run(Tool.path("python3") ?? "/usr/bin/python3", [script, "\(port)", name], seconds: 120)
        #expect(run.status == 0, "\(name): \(run.stderr.suffix(2000))")
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.enabled(if: sshAndTmux && paramikoRuns, "needs ssh, tmux and paramiko (apt-get install openssh-client tmux python3-paramiko)"))
    func oversizeAndMalformedRequestsAreRefusedAndOthersGoOn() throws {
        let server = try ServeProcess(["--per-address", "1000"])
        let t = try Tmux(command: Tmux.line([Binary.ssh] + server.sshArguments()))
        try t.startInEnglish()
        try t.send("2", "Enter")
        t.waitFor("How helpful was talking with a peer supporter today?")

        #expect(try attack("huge-pty", port: server.port) == "huge-pty: refused, then served")
        #expect(try attack("resize-flood", port: server.port) == "resize-flood: answered")
        #expect(try attack("oversize-data", port: server.port) == "oversize-data: closed")
        #expect(try attack("malformed-pty", port: server.port) == "malformed-pty: closed")

        let log = server.log
        #expect(log.contains("refused: a terminal of 4294967295 by 4294967295 (the largest taken is 1000 by 1000)"), "\(log)")
        #expect(log.contains("ignored: a window change to 80 by 4294967295 (and any more out of range on this session)"), "\(log)")
        #expect(log.components(separatedBy: "ignored: a window change").count == 2, "one line for the whole flood")
        #expect(log.contains("closed: protocol error (NIOSSHError.protocolViolation: Protocol transport violated due to encrypted packet length "), "\(log)")
        #expect(log.contains("closed: protocol error (NIOSSHError.invalidPacketFormat)"), "\(log)")
        #expect(Child.wait(server.pid, seconds: 0) == nil, "the server is still up")

        // The participant who was mid-survey all along finishes as if nothing happened.
        try t.send("4", "Enter")
        try t.finish(languageOffer: "3")
        #expect(server.waitForLog("session completed"))
        let records = try server.responseRecords()
        try #require(records.count == 1)
        #expect((records[0]["answers"] as? [String: Any])?["first_visit"] as? Int == 2)
        // And a new participant is served.
        let next = try Child.run(Binary.ssh, server.sshArguments(["-T"]), input: plainAnswers(comment: "after the storm"))
        #expect(next.stdout.contains("Your answers have been saved. Thank you."), "\(next.stdout)\n\(next.stderr)")
        #expect(server.stop() == 0, "the server's log: \(server.log)")
    }
}
