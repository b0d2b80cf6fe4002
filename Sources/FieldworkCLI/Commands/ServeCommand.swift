import ArgumentParser
import Foundation
import ResponseStore
import SessionEngine
import SurveyServer
import TerminalIO
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a survey over SSH: each participant connects with 'ssh' and takes it in their own terminal.",
        discussion: """
        Every connection gets its own session, full screen when the client has a terminal and plain \
        numbered prompts with 'ssh -T'; answers are saved as with 'run'. Open surveys let anyone in; \
        with --invitations each code works for one participant, again to carry on. Nothing but the \
        survey is offered: no shell, commands, sftp, forwarding or environment. Stop with SIGTERM or \
        Ctrl-C: live sessions are saved to carry on later.
        """
    )

    @Argument(help: ArgumentHelp("The survey's instrument file.", valueName: "file"))
    var path: String

    @Option(help: "The port to listen on.")
    var port = 2222

    @Option(help: ArgumentHelp("The address to listen on (0.0.0.0: every interface).", valueName: "address"))
    var listen = "0.0.0.0"

    @Option(help: ArgumentHelp("The responses folder.", valueName: "folder"))
    var responses = "responses"

    @Option(help: ArgumentHelp("The server's Ed25519 host key, made on first start. Default: ~/.config/fieldwork/ssh_host_ed25519_key", valueName: "path"))
    var hostKey: String?

    @Option(help: ArgumentHelp("Invitation codes, one a line: only their holders may take the survey.", valueName: "file"))
    var invitations: String?

    @Option(help: ArgumentHelp("The study key that turns invitation codes into pseudonyms. Default: ~/.config/fieldwork/keys/<instrument-id>.key", valueName: "path"))
    var keyFile: String?

    @Option(help: ArgumentHelp("Language of every session (one of the instrument's languages; default: its first).", valueName: "code"))
    var language: String?

    @Option(help: ArgumentHelp("Seal every response as it is stored to this age recipient (age1…, from 'fieldwork keys new'), so the server holds nothing readable; the instrument's privacy.seal_to does the same.",
                               valueName: "recipient"))
    var sealTo: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("The value of a 'type: hidden' question for every session, as site=north (repeatable).", valueName: "name=value"))
    var set: [String] = []

    @Option(help: ArgumentHelp("The name participants connect to, for the words that tell them how to come back.", valueName: "name"))
    var publicName: String?

    @Flag(help: "Write the client's address in the server's log (left out by default).")
    var logAddresses = false

    @Option(help: ArgumentHelp("Connections at once.", valueName: "n"))
    var maxConnections = ServerLimits().connections

    @Option(help: ArgumentHelp("New connections from one address per minute.", valueName: "n"))
    var perAddress = ServerLimits().perAddressPerMinute

    @Option(help: ArgumentHelp("Code attempts on one connection.", valueName: "n"))
    var authAttempts = ServerLimits().authAttempts

    @Option(help: ArgumentHelp("How long one screen waits for a key (90s, 15m, 1h).", valueName: "time"))
    var idleTimeout = "15m"

    @Option(help: ArgumentHelp("How long one session may last (90s, 15m, 2h).", valueName: "time"))
    var sessionLimit = "2h"

    @Option(help: ArgumentHelp("Bytes a second a client may send.", valueName: "bytes"))
    var inputRate = ServerLimits().inputBytesPerSecond

    @Option(help: ArgumentHelp("How long a client may take from connecting to a running survey (key exchange, code).", valueName: "time"))
    var loginTimeout = "30s"

    func validate() throws {
        if responses.isEmpty { throw ValidationError("--responses needs a folder's name") }
        try RunnerOptions.validate(sealTo: sealTo)
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
        for (name, value) in [("--max-connections", maxConnections), ("--per-address", perAddress), ("--auth-attempts", authAttempts), ("--input-rate", inputRate)]
        where value < 1 {
            throw ValidationError("\(name) must be at least 1, not \(value)")
        }
        for (name, value) in [("--idle-timeout", idleTimeout), ("--session-limit", sessionLimit), ("--login-timeout", loginTimeout)] where ServerLimits.seconds(value) == nil {
            throw ValidationError("\(name) takes a time such as 90s, 15m or 2h, not '\(value)'")
        }
    }

    func run() throws {
        let loaded = try LoadedInstrument.load(path, color: .auto)
        let instrument = loaded.instrument
        guard instrument.kind != .interview else {
            throw ValidationError("'\(instrument.id)' is an interview, which its interviewer runs ('fieldwork interview'); serve a survey")
        }
        if let language, !instrument.languages.contains(language) {
            throw ValidationError(instrument.languages.isEmpty
                ? "'\(instrument.id)' is written in one language only; leave out --language"
                : "'\(language)' is not one of the instrument's languages (\(instrument.languages.joined(separator: ", ")))")
        }
        var limits = ServerLimits()
        limits.connections = maxConnections
        limits.perAddressPerMinute = perAddress
        limits.authAttempts = authAttempts
        limits.idleSeconds = ServerLimits.seconds(idleTimeout) ?? limits.idleSeconds
        limits.sessionSeconds = ServerLimits.seconds(sessionLimit) ?? limits.sessionSeconds
        limits.inputBytesPerSecond = inputRate
        limits.loginSeconds = ServerLimits.seconds(loginTimeout) ?? limits.loginSeconds
        // Sealed as run seals: responses and identifying records to the recipient, journals under
        // keys this process holds in memory (ResponseStore's JournalSeal).
        // Before any port opens: every session this server begins holds these values.
        let launchValues = try LaunchValues.checked(set, for: instrument)
        let store = try InstrumentStore(root: responses, instrument: instrument, compiled: loaded.compiled, hash: loaded.hash,
                                        sealTo: try RunnerOptions.recipient(sealTo, instrument: instrument.privacy.sealTo))
        let access: Access
        if let invitations {
            let text: String
            do { text = String(decoding: try Platform.read(invitations), as: UTF8.self) } catch {
                throw ValidationError("cannot read the invitations '\(invitations)': \(Platform.describe(error))")
            }
            let keyPath = try Platform.keyPath(keyFile, instrumentID: instrument.id)
            let (key, created) = try StudyKey.loadOrCreate(at: keyPath)
            if created { Platform.write("A new study key was made at \(keyPath); it turns invitation codes into pseudonyms. Back it up.\n", to: 2) }
            let book = Invitations(text: text, key: key, completed: Invitations.completed(in: store.layout),
                                   ledger: Invitations.ledgerFile(of: store.layout))
            guard book.count > 0 else { throw ValidationError("'\(invitations)' holds no invitation codes (one a line)") }
            access = .invitations(book)
        } else {
            guard instrument.privacy.participant != .code else {
                throw ValidationError("'\(instrument.id)' asks for participant codes; serve it with --invitations, whose codes are the participants' codes")
            }
            access = .open
        }
        let keyPath = try hostKey ?? Self.defaultHostKey()
        let key: HostKey
        let created: Bool
        do { (key, created) = try HostKey.loadOrCreate(at: keyPath) } catch { throw FieldworkFailure.cannotServe(error.description) }

        let log = ServerLog(addresses: logAddresses)
        let context = ServerContext(instrument: instrument, store: store, access: access, limits: limits, log: log,
                                    port: port, publicName: publicName, language: language, launchValues: launchValues)
        let server = SurveyServer(context: context, hostKey: key)
        // Signals first, so that a SIGTERM arriving while the port opens is not lost.
        let signals = ProcessSignals.listen(to: [SIGTERM, SIGINT, SIGHUP])
        let bound: Int
        do { bound = try server.start(host: listen, port: port) } catch {
            server.stop(waiting: 0)
            throw FieldworkFailure.cannotServe("cannot listen on \(listen) port \(port): \(error)")
        }
        let who: String
        switch access {
        case .open: who = "an open survey: anyone who connects may take it"
        case .invitations(let book): who = "\(book.count) invitation code\(book.count == 1 ? "" : "s")"
        }
        Platform.write("""
            Serving '\(instrument.id)' \(instrument.version) on port \(bound) (\(who)).
            Host key \(keyPath)\(created ? " (new)" : ""): ED25519 key fingerprint is \(key.fingerprint)
            Publish the fingerprint so participants can check it when ssh first asks.
            Participants connect with: ssh -p \(bound) survey@\(publicName ?? "<this server>")
            Stop with Ctrl-C or SIGTERM: sessions in progress are saved to carry on later.

            """)
        Self.waitForSignal(signals)
        log.event(nil, "stopping: no new connections; saving \(context.liveSessions) live session\(context.liveSessions == 1 ? "" : "s")")
        server.stop(waiting: 10)
        log.event(nil, "stopped")
    }

    static func defaultHostKey() throws -> String {
        guard let folder = Platform.keyFolder() else {
            throw ValidationError("there is no home folder to keep the host key in (HOME is not set); give it with --host-key")
        }
        // Beside the study keys' folder, not in it: a different secret with a different use.
        return (folder as NSString).deletingLastPathComponent + "/ssh_host_ed25519_key"
    }

    /// Blocks until SIGTERM, SIGINT or SIGHUP arrives (or the pipe cannot be read).
    static func waitForSignal(_ descriptor: Int32?) {
        guard let descriptor else {
            while true { pause() }
        }
        while true {
            var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 1, -1)
            if ready < 0 && errno == EINTR { continue }
            return
        }
    }
}
