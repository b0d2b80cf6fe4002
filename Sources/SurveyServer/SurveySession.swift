import Expressions
import Foundation
import InstrumentModel
import PromptUI
import ResponseStore
import SessionEngine
import SessionLoop
import TerminalIO

/// What the client asked for on its session channel.
public struct ChannelRequest: Sendable, Equatable {
    /// The PTY's size and `TERM`, when one was requested; nil for `ssh -T`.
    public var pty: (columns: Int, rows: Int, term: String)?

    public init(pty: (columns: Int, rows: Int, term: String)?) { self.pty = pty }

    public static func == (a: Self, b: Self) -> Bool {
        a.pty?.columns == b.pty?.columns && a.pty?.rows == b.pty?.rows && a.pty?.term == b.pty?.term
    }

    /// A PTY whose terminal can take the full screen; `TERM=dumb` gets the plain prompts, as with `run`.
    public var fullScreen: Bool { pty.map { $0.term != "dumb" } ?? false }

    /// The client's `TERM` decides colour, as it would for a local program; never for `dumb`.
    public var color: Bool {
        guard let term = pty?.term, !term.isEmpty else { return false }
        return term != "dumb"
    }
}

/// One participant's session on its own thread: the same store, engine, journal and drivers as
/// `fieldwork run`, over the channel instead of the local terminal.
struct SurveySession: Sendable {
    let context: ServerContext
    let grant: Grant
    let request: ChannelRequest
    let input: ChannelInput
    let clock: SessionClock
    let output: @Sendable (String) -> Void
    let connection: Int
    /// The server's address as the client reached it (for the words on coming back).
    let reached: ServerContext.SocketAddressWords

    /// How the session ended, for the log and the access book.
    enum Ending: Sendable, Equatable {
        case completed, declined, interrupted, refused, failed
    }

    /// Runs the session to its end; never throws (a store failure is told to the participant
    /// as a plain line and logged for the operator).
    func run() -> Ending {
        let newline = request.pty == nil ? "\n" : "\r\n"
        func say(_ text: String) { output(text.replacingOccurrences(of: "\n", with: newline)) }
        let instrument = context.instrument
        do {
            let store = context.store
            var session: Session
            let writer: SessionWriter
            var elapsed = 0.0
            switch existing(store) {
            case .some(let header):
                let sessionID = header.sessionID
                // A completion a crash cut short: the answers are already saved.
                if store.isFinished(responseID: header.responseID) {
                    say(context.words.saved + "\n")
                    return .completed
                }
                let (contents, w) = try store.resume(sessionID)
                session = contents.rebuilt(with: instrument, fallbackDay: StoreClock.today()).session
                writer = w
                elapsed = contents.events.last?.at ?? 0
                context.log.event(connection, "session resumed")
            case .none where grant != .new && !isInvited:
                // The journal went between the code and the shell (its answers were sent meanwhile).
                say(context.words.serveNothingToContinue + "\n")
                return .refused
            case .none:
                let started: String?
                switch instrument.privacy.timestamps {
                case .none: started = nil
                case .date: started = DateValue.format(StoreClock.today())
                case .minute: started = DateValue.minuteStamp(secondsSince1970: Int(time(nil)))
                }
                let seed = UInt64.random(in: 0..<(1 << 53))
                let today = StoreClock.today()
                var pseudonym: String?
                if case .invited(let p) = grant { pseudonym = p }
                writer = try store.begin(seed: seed, language: context.language ?? instrument.languages.first, started: started,
                                         pseudonym: pseudonym, today: today, set: context.launchValues)
                session = Session(instrument: instrument, seed: seed, language: context.language, today: today,
                                  preset: LaunchValues.answers(context.launchValues, for: instrument))
                context.log.event(connection, "session started (\(request.fullScreen ? "full screen" : "plain"))")
            }
            // Without --language, a participant of a study in several languages chooses their own,
            // as with `run`; a resumed session keeps the language it was in.
            let offerLanguages = context.language == nil
            let origin = Date().timeIntervalSince1970 - elapsed
            let timer = { Date().timeIntervalSince1970 - origin }
            let outcome: SessionOutcome
            if let pty = request.pty, request.fullScreen {
                let terminal = ChannelTerminal(columns: pty.columns, rows: pty.rows, input: input, clock: clock, output: output)
                terminal.write(SavedSettings.enter)
                var runner = SessionRunner(session: session, driver: FullScreenDriver(terminal: terminal, style: Style(color: request.color)),
                                           recorder: writer, clock: timer, offerLanguages: offerLanguages)
                defer { terminal.write(SavedSettings.leave) }
                outcome = try runner.run()
                session = runner.session
            } else if request.pty != nil {
                // A terminal that cannot take the full screen, as `run` does for TERM=dumb.
                let lines = EchoingLines(input: input, clock: clock, output: output)
                var runner = SessionRunner(session: session, driver: PlainDriver(io: lines), recorder: writer, clock: timer, offerLanguages: offerLanguages)
                outcome = try runner.run()
                session = runner.session
            } else {
                let lines = ChannelLines(input: input, clock: clock, output: output)
                var runner = SessionRunner(session: session, driver: PlainDriver(io: lines), recorder: writer, clock: timer, offerLanguages: offerLanguages)
                outcome = try runner.run()
                session = runner.session
            }
            return ending(outcome, session: session, writer: writer, say: say)
        } catch {
            // Every failure here is the store's (typed throws): told plainly, logged with its words.
            context.log.event(connection, "session failed: \(error.description)")
            say(context.words.serveCannotSave + "\n")
            return .failed
        }
    }

    private var isInvited: Bool {
        if case .invited = grant { return true }
        return false
    }

    /// The interrupted session to continue, if the grant names one.
    private func existing(_ store: InstrumentStore) -> JournalHeader? {
        let journals = store.layout.journals().map(\.contents.header)
        switch grant {
        case .new: return nil
        case .resume(let sessionID): return journals.first { $0.sessionID == sessionID }
        case .invited(let pseudonym): return journals.first { $0.pseudonym == pseudonym }
        }
    }

    /// The words after the session, as `run` prints them once the screen is gone.
    private func ending(_ outcome: SessionOutcome, session: Session, writer: SessionWriter, say: (String) -> Void) -> Ending {
        let words = session.words
        if request.fullScreen, outcome != .interrupted {
            let end = outcome == .declined ? nil : session.instrument.end.map { session.render($0).trimmingCharacters(in: .whitespacesAndNewlines) }
            say((end.map { $0 + "\n" } ?? "") + (outcome == .declined ? words.declined : words.saved) + "\n")
        }
        // Someone who declines or leaves early may need the support text most then, and the screen
        // that showed it is gone: it stays in their terminal, before the way back (as `run` does).
        if outcome == .declined || outcome == .interrupted, let support = session.supportLine {
            say("\n" + support + "\n")
        }
        switch outcome {
        case .completed:
            context.log.event(connection, "session completed")
            return .completed
        case .declined:
            context.log.event(connection, "session declined")
            return .declined
        case .interrupted:
            let stop = clock.stop
            if let stop { say("\n" + Self.stopWords(stop, words: words) + "\n") }
            say("\n" + words.savedForLater(resume: context.resumeHint(writer.header.sessionID, grant: grant, reached: reached, words: words)) + "\n")
            context.log.event(connection, "session interrupted" + (stop.map { " (\(Self.logWords($0)))" } ?? ""))
            return .interrupted
        }
    }

    static func stopWords(_ stop: SessionStop, words: ParticipantWords) -> String {
        switch stop {
        case .idle(let s): return words.serveClosedIdle(seconds: s)
        case .sessionTime(let s): return words.serveClosedTimeLimit(seconds: s)
        case .inputRate: return words.serveClosedInputRate
        case .serverStopping: return words.serveStopping
        }
    }

    static func logWords(_ stop: SessionStop) -> String {
        switch stop {
        case .idle: return "idle limit"
        case .sessionTime: return "session time limit"
        case .inputRate: return "input rate limit"
        case .serverStopping: return "server stopping"
        }
    }
}
