import Foundation
import Glibc
import TestSupport
import Testing

/// ssh, which CI installs (openssh-client); elsewhere these tests are skipped, saying so.
let sshRuns = Tool.available("ssh")
let sshAndTmux = Tool.available("ssh") && Tool.available("tmux")

/// The plain driver's answers to the crisis café survey: English from the language choice, three
/// choices, a comment (ended by an empty line), then sent from the review.
func plainAnswers(comment: String) -> String { "1\n1\n4\n3\n\(comment)\n\n\n" }

/// The plain language choice of a survey in English and Welsh, as `run` shows it.
let plainLanguageChoice = "Choose your language:\nDewiswch eich iaith:\n  1  English\n  2  Cymraeg\n"

/// `fieldwork serve` with the real OpenSSH client, on loopback.
@Suite(.serialized) struct ServeSSHTests {
    @Test(.enabled(if: sshAndTmux, "needs ssh and tmux (apt-get install openssh-client tmux)"))
    func takesTheSurveyFullScreenAndFollowsAResize() throws {
        let server = try ServeProcess()
        #expect(server.output.contains("ED25519 key fingerprint is SHA256:"))
        let t = try Tmux(command: Tmux.line([Binary.ssh] + server.sshArguments(user: "anyone")))
        // The instrument is in English and Welsh and no --language was given: the participant chooses.
        try t.startInEnglish()
        try t.send("1", "Enter")
        t.waitFor("How helpful was talking with a peer supporter today?")
        try t.resize(columns: 110, rows: 30)
        // The window change reaches the layout: the rule under the title spans the new width.
        #expect(t.waitUntil { $0.split(separator: "\n").contains { $0.count > 80 } }, "\(t.screen())\n\(server.log)")
        try t.send("4", "Enter")
        try t.finish(languageOffer: "3", comment: "More chairs, please")
        #expect(server.waitForLog("session completed"))
        let records = try server.responseRecords()
        try #require(records.count == 1)
        let answers = try #require(records[0]["answers"] as? [String: Any])
        #expect(answers["first_visit"] as? Int == 1)
        #expect(answers["helpful"] as? Int == 4)
        #expect(answers["language_offer"] as? Int == 3)
        #expect(answers["comment"] as? String == "More chairs, please")
        #expect(server.journals().isEmpty)
        #expect(!server.log.contains("127.0.0.1"), "no address in the log without --log-addresses")
        #expect(server.stop() == 0, "the server's log: \(server.log)")
    }

    @Test(.enabled(if: sshRuns, "needs ssh (apt-get install openssh-client)"))
    func sshWithoutATerminalGetsThePlainDriver() throws {
        let server = try ServeProcess()
        let run = try Child.run(Binary.ssh, server.sshArguments(["-T"]), input: plainAnswers(comment: "Warm tea"))
        #expect(run.stdout.hasPrefix(plainLanguageChoice), "\(run.stdout)")
        #expect(run.stdout.contains("Question 1 of 4\nIs this your first visit to the café?\n  1  Yes\n  2  No\n"), "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("Your answers have been saved. Thank you."))
        #expect(run.status == 0)
        let records = try server.responseRecords()
        #expect(records.count == 1)
        #expect((records.first?["answers"] as? [String: Any])?["comment"] as? String == "Warm tea")
    }

    /// A terminal that cannot take the full screen (TERM=dumb) gets the plain prompts, with the
    /// server echoing what is typed, as `run` does locally.
    @Test(.enabled(if: sshAndTmux, "needs ssh and tmux (apt-get install openssh-client tmux)"))
    func aDumbTerminalGetsThePlainPromptsEchoed() throws {
        let server = try ServeProcess()
        let t = try Tmux(command: "TERM=dumb " + Tmux.line([Binary.ssh] + server.sshArguments()) + "; sleep 30", columns: 120)
        t.waitFor("Dewiswch eich iaith")
        try t.type("1")
        try t.send("Enter")
        t.waitFor("Is this your first visit to the café?")
        try t.type("2")
        t.waitFor("> 2")
        try t.send("Enter")
        t.waitFor("How helpful was talking with a peer supporter today?")
        try t.type("q")
        try t.send("Enter")
        t.waitFor("Your answers so far are saved.")
        #expect(server.waitForLog("session started (plain)"))
        #expect(server.waitForLog("session interrupted"))
        #expect(!t.screen().contains("[?1049h"))
        #expect(server.stop() == 0, "the server's log: \(server.log)")
    }

    @Test(.enabled(if: sshRuns, "needs ssh (apt-get install openssh-client)"))
    func sessionsSpeakTheLanguageGiven() throws {
        let server = try ServeProcess(["--language", "cy"])
        let run = try Child.run(Binary.ssh, server.sshArguments(["-T"]), input: "q\n")
        #expect(run.stdout.contains("Ai dyma eich ymweliad cyntaf â'r caffi?"), "\(run.stdout)")
        #expect(!run.stdout.contains("Dewiswch eich iaith"), "the language given is not offered again")
        #expect(run.status == 3)
        #expect(server.stop() == 0, "the server's log: \(server.log)")
    }

    /// The server's own words (a refused command, a limit, the way back) come from the message
    /// catalogues, in the session's language.
    @Test(.enabled(if: sshRuns, "needs ssh (apt-get install openssh-client)"))
    func theServersOwnWordsAreInTheSessionsLanguage() throws {
        let server = try ServeProcess(["--language", "cy", "--input-rate", "64"])
        let command = try Child.run(Binary.ssh, server.sshArguments() + ["ls"])
        #expect(command.status == 1)
        #expect(command.stderr.contains("Dim ond yr arolwg 'crisis-cafe-feedback' mae'r gweinydd hwn yn ei redeg. Cysylltwch heb orchymyn: ssh -p \(server.port) survey@127.0.0.1\r\n"),
                "\(command.stderr)")
        let flood = try Child.run(Binary.ssh, server.sshArguments(["-T"]), input: String(repeating: "x", count: 100_000) + "\n")
        let words = flood.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(words.contains("Caewyd y sesiwn hon: anfonwyd mwy nag y mae neb yn ei deipio."), "\(flood.stdout)")
        #expect(words.contains("Gallwch barhau yn nes ymlaen gyda: ssh -p \(server.port) resume@127.0.0.1, a chod y sesiwn hon pan ofynnir am gyfrinair: "),
                "\(flood.stdout)")
        #expect(server.stop() == 0, "the server's log: \(server.log)")
    }

    /// Without --language a participant over `ssh -T` chooses Welsh, and is asked and answered in it.
    @Test(.enabled(if: sshRuns, "needs ssh (apt-get install openssh-client)"))
    func aPlainParticipantChoosesTheirLanguage() throws {
        let server = try ServeProcess()
        let run = try Child.run(Binary.ssh, server.sshArguments(["-T"]), input: "2\n1\n4\n3\nTe cynnes\n\n\n")
        #expect(run.stdout.hasPrefix(plainLanguageChoice + "> "), "\(run.stdout)")
        #expect(run.stdout.contains("Ai dyma eich ymweliad cyntaf â'r caffi?"), "\(run.stdout)")
        #expect(run.status == 0, "\(run.stderr)")
        let records = try server.responseRecords()
        try #require(records.count == 1)
        #expect(records[0]["language"] as? String == "cy")
        #expect((records[0]["answers"] as? [String: Any])?["comment"] as? String == "Te cynnes")
        #expect(server.stop() == 0, "the server's log: \(server.log)")
    }

    /// Someone who leaves early, or declines, over ssh is left the instrument's support text in
    /// their terminal, before the way back (as `run` leaves it): they may need it most then.
    @Test(.enabled(if: sshRuns, "needs ssh (apt-get install openssh-client)"))
    func leavingAndDecliningLeaveTheSupportTextInTheTerminal() throws {
        let server = try ServeProcess(instrument: "instruments/prosper-member-survey.yaml")
        let left = try Child.run(Binary.ssh, server.sshArguments(["-T"]), input: "q\n")
        let leftWords = left.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(leftWords.contains("Support: If anything in this survey is upsetting, you can talk to a Prosper member you trust, call Samaritans free on 116 123 (any time, day or night), or contact your GP."), "\(left.stdout)")
        let support = try #require(leftWords.range(of: "Support: "))
        let back = try #require(leftWords.range(of: "Your answers so far are saved."))
        #expect(support.lowerBound < back.lowerBound)
        let declined = try Child.run(Binary.ssh, server.sshArguments(["-T"]), input: "2\n")
        #expect(declined.stdout.replacingOccurrences(of: "\n", with: " ").contains("Support: If anything in this survey is upsetting"), "\(declined.stdout)")
        #expect(server.stop() == 0, "the server's log: \(server.log)")
    }

    /// Leaving early says how to come back, naming the server as the client reached it; the
    /// address reaches the log only when asked for.
    @Test(.enabled(if: sshRuns, "needs ssh (apt-get install openssh-client)"))
    func leavingSaysHowToComeBackAndTheLogNamesAddressesOnlyWhenAsked() throws {
        let server = try ServeProcess(["--log-addresses"])
        let run = try Child.run(Binary.ssh, server.sshArguments(["-T"]), input: "1\n1\nq\n")
        let words = run.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(words.contains("Your answers so far are saved. You can carry on later with: ssh -p \(server.port) resume@127.0.0.1, and this session code when asked for a password: "), "\(run.stdout)")
        #expect(run.status == 3)
        #expect(server.journals().count == 1)
        #expect(server.log.contains("connection 1: connected (from 127.0.0.1)"), "\(server.log)")
        #expect(server.stop() == 0, "the server's log: \(server.log)")
    }

    @Test(.enabled(if: sshRuns, "needs ssh (apt-get install openssh-client)"))
    func nothingButTheSurveyIsOffered() throws {
        let server = try ServeProcess()
        // A command.
        let command = try Child.run(Binary.ssh, server.sshArguments() + ["ls", "/"])
        #expect(command.status == 1)
        #expect(command.stderr.contains("This server only runs the survey 'crisis-cafe-feedback'. Connect without a command: ssh -p \(server.port) survey@127.0.0.1\r\n"), "\(command.stderr)")
        #expect(!command.stdout.contains("bin"))
        #expect(server.waitForLog("refused: a command"))
        // sftp (a subsystem).
        let sftp = try Child.run(Binary.sftp, ["-F", "/dev/null", "-P", "\(server.port)", "-o", "StrictHostKeyChecking=no",
                                               "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentityAgent=none", "-b", "-", "survey@127.0.0.1"],
                                 input: "ls\n")
        #expect(sftp.status != 0)
        #expect(server.waitForLog("refused: a subsystem"))
        // Forwarding a port (-W opens the same direct-tcpip channel as -L does for each connection).
        let stdio = try Child.run(Binary.ssh, server.sshArguments(["-W", "127.0.0.1:\(server.port)"]))
        #expect(stdio.status == 255)
        #expect(stdio.stderr.contains("open failed") || stdio.stderr.contains("forwarding failed"), "\(stdio.stderr)")
        // A remote forward (-R).
        let remote = try Child.run(Binary.ssh, server.sshArguments(["-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9"]), seconds: 30)
        #expect(remote.status == 255)
        #expect(remote.stderr.contains("remote port forwarding failed"), "\(remote.stderr)")
        // -L: the local listener opens, but the server refuses each connection through it.
        let local = try freePort()
        let tunnel = try Child.start(Binary.ssh, server.sshArguments(["-N", "-T", "-L", "127.0.0.1:\(local):127.0.0.1:\(server.port)"]),
                                     output: server.folder.path + "/tunnel.out", errors: server.folder.path + "/tunnel.err")
        defer { kill(tunnel, SIGTERM); _ = Child.wait(tunnel, seconds: 5) }
        var got: [UInt8]?
        for _ in 0..<100 where got == nil {
            got = exchange(port: local, send: [])
            if got == nil { usleep(100_000) }
        }
        #expect(got != nil, "the tunnel's local end opened")
        #expect(got?.isEmpty == true, "nothing answers through the tunnel")
        #expect(server.waitForLog("refused: a forwarding channel"))
        // Agent forwarding and environment variables: asked for, ignored, the survey runs as ever.
        let agent = try Child.run(Binary.ssh, server.sshArguments(["-T", "-A", "-o", "SetEnv=FIELDWORK_TEST=1"]), input: plainAnswers(comment: "ok"))
        #expect(agent.stdout.contains("Your answers have been saved."))
        #expect(server.journals().isEmpty)
        #expect(try server.responseRecords().count == 1)
        #expect(server.stop() == 0, "the server's log: \(server.log)")
    }

    @Test(.enabled(if: sshAndTmux, "needs ssh and tmux (apt-get install openssh-client tmux)"))
    func anInvitationCodeResumesAfterADisconnectAndWorksNoMore() throws {
        let folder = try TemporaryFolder()
        try folder.write("codes.txt", "# invitations\nKITE-4821\nMOSS-1177\n")
        let server = try ServeProcess(["--invitations", folder.path + "/codes.txt", "--key-file", folder.path + "/study.key",
                                       "--auth-attempts", "2"], folder: folder)
        var t: Tmux? = try Tmux(command: Tmux.line([Binary.ssh] + server.sshArguments()))
        t?.waitFor("password:")
        try t?.type("kite-4821 ")
        try t?.send("Enter")
        try t?.startInEnglish()
        try t?.send("2", "Enter")
        t?.waitFor("How helpful was talking with a peer supporter today?")
        // The participant's connection drops mid-question.
        t = nil
        #expect(server.waitForLog("session interrupted"))
        #expect(server.journals().count == 1)

        // A wrong code is refused after a delay, with no word of why.
        let wrong = try Tmux(command: Tmux.line([Binary.ssh] + server.sshArguments()))
        wrong.waitFor("password:")
        let asked = Date()
        try wrong.type("KITE-0000")
        try wrong.send("Enter")
        let refused = wrong.waitFor("Permission denied")
        #expect(Date().timeIntervalSince(asked) >= 1.5)
        #expect(!refused.contains("KITE"))

        let again = try Tmux(command: Tmux.line([Binary.ssh] + server.sshArguments()))
        again.waitFor("password:")
        try again.type("KITE-4821")
        try again.send("Enter")
        // Straight back to the question it stopped at.
        again.waitFor("How helpful was talking with a peer supporter today?")
        try again.send("3", "Enter")
        try again.finish(languageOffer: "1")
        #expect(server.waitForLog("session completed"), "\(server.log)")
        let records = try server.responseRecords()
        try #require(records.count == 1)
        let answers = try #require(records[0]["answers"] as? [String: Any])
        #expect(answers["first_visit"] as? Int == 2)
        #expect(answers["helpful"] as? Int == 3)
        #expect((records[0]["pseudonym"] as? String)?.hasPrefix("p_") == true)

        // Used up: the same code starts nothing new.
        let used = try Child.run(Binary.ssh, server.sshArguments(["-T", "-o", "NumberOfPasswordPrompts=1"]), input: "\n",
                                 environment: try server.askpass("KITE-4821"))
        #expect(used.status == 255)
        #expect(used.stderr.contains("Permission denied"))
        #expect(try server.responseRecords().count == 1)

        // Nothing of the connection reaches the responses: no code, no user name, no address.
        let everything = try allBytes(under: server.responses)
        for secret in ["KITE", "kite", "4821", "127.0.0.1", "survey@", "OpenSSH"] {
            #expect(!everything.contains(secret), "\(secret) was written under the responses")
        }
        #expect(server.stop() == 0, "the server's log: \(server.log)")
    }

    @Test(.enabled(if: sshAndTmux, "needs ssh and tmux (apt-get install openssh-client tmux)"))
    func sigtermSavesALiveSessionThatResumesWithItsSessionCode() throws {
        let folder = try TemporaryFolder()
        let first = try ServeProcess(folder: folder)
        let t = try Tmux(command: Tmux.line([Binary.ssh] + first.sshArguments()) + "; sleep 30", columns: 200, rows: 30)
        try t.startInEnglish()
        try t.send("1", "Enter")
        t.waitFor("How helpful was talking with a peer supporter today?")
        #expect(first.stop() == 0, "the server's log: \(first.log)")
        #expect(first.log.contains("stopping: no new connections; saving 1 live session"))
        #expect(first.journals().count == 1)
        let screen = t.waitFor("resume@")
        #expect(screen.contains("The survey server is stopping for now."))
        let flat = screen.filter { !$0.isWhitespace }
        let code = try #require(flat.range(of: "whenaskedforapassword:").map { String(flat[$0.upperBound...].prefix(14)) })

        // The same folder and host key, served again: the session code brings the session back.
        try? FileManager.default.removeItem(atPath: first.outPath)
        let second = try ServeProcess(folder: folder)
        let resumed = try Tmux(command: Tmux.line([Binary.ssh] + second.sshArguments(user: "resume")))
        resumed.waitFor("password:")
        try resumed.type(code)
        try resumed.send("Enter")
        resumed.waitFor("How helpful was talking with a peer supporter today?")
        #expect(second.waitForLog("session resumed"))
        // While it is live, the same code lets no one else in.
        let twice = try Child.run(Binary.ssh, second.sshArguments(user: "resume", ["-T", "-o", "NumberOfPasswordPrompts=1"]), input: "",
                                  environment: try second.askpass(code))
        #expect(twice.status == 255)
        #expect(twice.stderr.contains("Permission denied"), "\(twice.stderr)")
        #expect(second.stop() == 0, "the server's log: \(second.log)")
    }

    @Test(.enabled(if: sshAndTmux, "needs ssh and tmux (apt-get install openssh-client tmux)"))
    func aScreenLeftIdleIsSavedAndClosed() throws {
        let server = try ServeProcess(["--idle-timeout", "2s"])
        let t = try Tmux(command: Tmux.line([Binary.ssh] + server.sshArguments()) + "; sleep 30", columns: 200)
        t.waitFor("Dewiswch eich iaith")
        t.waitFor("This session was closed after 2 seconds without a key.")
        #expect(server.waitForLog("session interrupted (idle limit)"))
        #expect(server.stop() == 0, "the server's log: \(server.log)")
    }
}

/// Every byte of every file under `path`, as text (for scanning for what must not be there).
func allBytes(under path: String) throws -> String {
    var all = ""
    let walker = FileManager.default.enumerator(atPath: path)
    while let name = walker?.nextObject() as? String {
        if let data = FileManager.default.contents(atPath: path + "/" + name) { all += String(decoding: data, as: UTF8.self) }
    }
    return all
}

/// A port nothing listens on now.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Connects to a loopback port, sends `send`, and reads until the other side closes (at most 10 s);
/// nil when the connection could not be made.
func exchange(port: Int, send: [UInt8], readFor seconds: Int = 10) -> [UInt8]? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { return nil }
    var timeout = timeval(tv_sec: seconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    if !send.isEmpty { _ = send.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
    var received: [UInt8] = [0]
    var buffer = [UInt8](repeating: 0, count: 4096)
    received.removeAll()
    while true {
        let n = recv(fd, &buffer, buffer.count, 0)
        if n <= 0 { break }
        received += buffer.prefix(n)
    }
    return received
}
