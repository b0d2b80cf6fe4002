import ArgumentParser
import Expressions
import Foundation
import InstrumentModel
import PromptUI
import ResponseStore
import SessionEngine
import SessionLoop
import TerminalIO

/// Wiring between the store, the engine and a driver, shared by `run` and `resume`.
enum Runner {
    static func start(_ loaded: LoadedInstrument, options: RunnerOptions, start: StartOptions, group: Int?) throws {
        let instrument = loaded.instrument
        let (language, keyFile, seed) = (start.language, start.keyFile, start.seed)
        if let language, !instrument.languages.contains(language) {
            throw ValidationError(instrument.languages.isEmpty
                ? "'\(instrument.id)' is written in one language only; leave out --language"
                : "'\(language)' is not one of the instrument's languages (\(instrument.languages.joined(separator: ", ")))")
        }
        // Checked before anything is asked or written: a wrong site would file every answer under it.
        let launchValues = try LaunchValues.checked(start.set, for: instrument)
        let store = try InstrumentStore(root: options.responses, instrument: instrument, compiled: loaded.compiled, hash: loaded.hash,
                                        sealTo: try options.recipient(instrument: instrument.privacy.sealTo))
        var io = StandardLines()
        var pseudonym: String?
        if instrument.privacy.participant == .code {
            let keyPath = try Platform.keyPath(keyFile, instrumentID: instrument.id)
            if Platform.isInside(keyPath, folder: options.responses) {
                Platform.write("""
                    warning: the study key '\(keyPath)' is inside the responses folder; anyone with the responses
                    could then turn codes into pseudonyms. Keep it apart (the default is ~/.config/fieldwork/keys).

                    """, to: 2)
            }
            let (key, created) = try StudyKey.loadOrCreate(at: keyPath)
            if created {
                Platform.write(Platform.flowing("""
                    A new study key was created at \(keyPath).
                    It turns participant codes into pseudonyms. Back it up somewhere safe and separate from \
                    the responses: without it, later answers cannot be linked to earlier ones, and \
                    participants cannot withdraw by their code. (Made beforehand with 'fieldwork keys', it \
                    is found in place and this notice does not appear where a participant can read it.)

                    """, for: 2), to: 2)
                // The notice is the researcher's: where it is on the screen the participant is about
                // to use, it stays until the researcher has read it, then the screen is cleared.
                if Platform.isTerminal(0), Platform.isTerminal(2) {
                    Platform.write(Platform.flowing("Press Enter once it is noted: the screen is then cleared for the participant.", for: 2) + " ", to: 2)
                    guard Platform.readLine() != nil else { throw FieldworkFailure.savedForLater }
                    Platform.clearScreen(2)
                }
            }
            let words = ParticipantWords.forLanguage(language ?? instrument.languages.first, overrides: instrument.messages)
            while true {
                // Wrapped at spaces: at 60 columns the terminal broke the prompt mid-word.
                io.write(Platform.flowing(words.studyCodePrompt) + " ")
                // Not shown as it is typed: the screen may be seen by the next participant.
                guard let code = Platform.readHiddenLine() else { throw FieldworkFailure.savedForLater }
                guard !code.trimmingCharacters(in: .whitespaces).isEmpty else {
                    io.write("  ! " + words.studyCodeEmpty + "\n")
                    continue
                }
                // Typed twice, as a new password is: a mistyped code files the answers under a
                // pseudonym no one has, and the code cannot be shown to be checked.
                io.write(Platform.flowing(words.studyCodeAgain) + " ")
                guard let again = Platform.readHiddenLine() else { throw FieldworkFailure.savedForLater }
                guard key.pseudonym(for: again) == key.pseudonym(for: code) else {
                    io.write("  ! " + words.studyCodeDiffer + "\n")
                    continue
                }
                pseudonym = key.pseudonym(for: code)
                break
            }
        }
        let started: String?
        switch instrument.privacy.timestamps {
        case .none: started = nil
        case .date: started = DateValue.format(Platform.todayDays())
        case .minute: started = Platform.utcMinute()
        }
        // Seeds stay below 2^53 so that they survive any JSON reader exactly.
        let chosenSeed = seed ?? UInt64.random(in: 0..<(1 << 53))
        let today = Platform.todayDays()
        let writer = try store.begin(seed: chosenSeed, language: language ?? instrument.languages.first, started: started,
                                     pseudonym: pseudonym, group: group, today: today, set: launchValues)
        let session = Session(instrument: instrument, seed: chosenSeed, language: language, today: today,
                              preset: LaunchValues.answers(launchValues, for: instrument))
        // Without --language, a participant of a study in several languages chooses their own.
        try drive(session, writer: writer, elapsedBefore: 0, options: options, offerLanguages: language == nil)
    }

    static func drive(_ session: Session, writer: SessionWriter, elapsedBefore: Double, options: RunnerOptions, offerLanguages: Bool = false) throws {
        let origin = Platform.monotonicSeconds() - elapsedBefore
        let clock = { Platform.monotonicSeconds() - origin }
        let outcome: SessionOutcome
        var final = session
        var fullScreen = false
        var leftIdle = false
        do {
            if !options.plain, Platform.environment("TERM") != "dumb", let terminal = Platform.openTerminal() {
                fullScreen = true
                // Raw mode: Ctrl-C arrives as a key and the driver asks; SIGTERM and SIGHUP leave, saved.
                defer { Platform.closeTerminal(terminal) }
                let style = Style(color: options.color.enabled(fd: 1))
                if session.instrument.kind == .interview {
                    // The interviewer, not the participant, is at the keyboard.
                    let screen = InterviewScreen(terminal: terminal, style: style, clock: clock, group: writer.header.group)
                    var runner = SessionRunner(session: session, driver: screen, recorder: writer, clock: clock)
                    outcome = try runner.run()
                    final = runner.session
                } else {
                    var runner = SessionRunner(session: session, driver: FullScreenDriver(terminal: terminal, style: style),
                                               recorder: writer, clock: clock, offerLanguages: offerLanguages)
                    outcome = try runner.run()
                    final = runner.session
                    leftIdle = runner.driver.leftIdle
                }
            } else {
                Platform.leaveCleanlyOnSignals()
                // An interview's notes are stamped and its speakers kept to the group, as on the interviewer's screen.
                let interview = session.instrument.kind == .interview
                let lines = StandardLines(idleMinutes: session.instrument.settings.idleMinutes)
                let driver = PlainDriver(io: lines, clock: interview ? clock : nil, group: interview ? writer.header.group : nil)
                var runner = SessionRunner(session: session, driver: driver, recorder: writer, clock: clock, offerLanguages: offerLanguages)
                outcome = try runner.run()
                final = runner.session
                leftIdle = lines.idle.timedOut
            }
        } catch {
            throw FieldworkFailure.sessionStopped(error, journal: writer.journalPath)
        }
        // The closing screen lived on the alternate screen, which is gone: its words (support
        // numbers in the closing text among them) stay in the terminal once the program has ended.
        if fullScreen, outcome != .interrupted {
            let end = outcome == .declined ? nil : final.instrument.end.map { final.render($0).trimmingCharacters(in: .whitespacesAndNewlines) }
            let said = outcome == .declined ? final.words.declined : final.savedLine
            Platform.write(Platform.flowing((end.map { $0 + "\n" } ?? "") + said) + "\n")
            if outcome == .declined { writeSupport(final) }
        }
        if leftIdle, let minutes = final.instrument.settings.idleMinutes {
            // Left alone on a shared device: nothing of the session stays in view for the next
            // person (the screen and its scrollback cleared where it is a terminal).
            Platform.clearScreen(1)
            Platform.write(Platform.flowing(final.words.leftIdle(minutes: minutes)) + "\n")
        }
        if outcome == .interrupted {
            // The whole command that carries on, with the folder when it is not the default.
            let resume = "fieldwork resume \(writer.header.sessionID.prefix(8))"
                + (options.responses == "responses" ? "" : " --responses '\(options.responses)'")
            // On a terminal the command stands on a line of its own, so that its edge never breaks
            // it ("resume 3d1" / "2e71b"); a file or a pipe gets the one line scripts read.
            // Where to find support first, so that the command to carry on stays the last line.
            writeSupport(final)
            var said = final.words.savedForLater(resume: resume)
            if Platform.columns(1) != nil { said = said.replacingOccurrences(of: " " + resume, with: "\n" + resume) }
            Platform.write("\n" + Platform.flowing(said) + "\n")
            throw FieldworkFailure.savedForLater
        }
    }

    /// The instrument's support text, left in the terminal when a session ends early (paused, left,
    /// declined): the participant may need it most then, and the screen that showed it is gone.
    private static func writeSupport(_ session: Session) {
        guard let support = session.supportLine else { return }
        Platform.write("\n" + Platform.flowing(support) + "\n")
    }
}
