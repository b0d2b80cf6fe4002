import ArgumentParser
import Expressions
import Foundation
import InstrumentModel
import ResponseStore
import SessionEngine

struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "List interrupted sessions, or continue one where it stopped.",
        discussion: "Without a session, lists the interrupted sessions. A session is named by the start of its id."
    )

    @Argument(help: ArgumentHelp("The session to continue (the first characters of its id are enough).", valueName: "session"))
    var session: String?

    @OptionGroup var options: RunnerOptions

    @OptionGroup var identity: IdentityOption

    func run() throws {
        let (found, sealed) = Interrupted.all(in: options.responses, identity: try identity.load())
        if sealed > 0 {
            Platform.write("""
                \(sealed) interrupted session\(sealed == 1 ? " is" : "s are") sealed: the key to \(sealed == 1 ? "its" : "their") journal \
                was held by the process that began \(sealed == 1 ? "it" : "them"). Continue \(sealed == 1 ? "it" : "one") with the study's \
                identity (--identity FILE), or leave \(sealed == 1 ? "it" : "them") for the analyst, who reads \(sealed == 1 ? "it" : "them") as partial.

                """, to: 2)
        }
        guard let wanted = session else {
            if found.isEmpty {
                Platform.write("No interrupted sessions in '\(options.responses)'.\n")
                return
            }
            Platform.write("Interrupted sessions in '\(options.responses)':\n")
            for s in found {
                Platform.write("  \(s.contents.header.sessionID.prefix(8))  \(s.contents.header.instrumentID) \(s.contents.header.version)"
                    + (s.contents.header.started.map { "  started \($0)" } ?? "")
                    + "  \(s.contents.events.count) step\(s.contents.events.count == 1 ? "" : "s") saved\n")
            }
            Platform.write("Continue one with: fieldwork resume <session>\n")
            return
        }
        let matches = found.filter { $0.contents.header.sessionID.hasPrefix(wanted) }
        guard matches.count == 1, let match = matches.first else {
            throw ValidationError(matches.isEmpty ? "no interrupted session starts with '\(wanted)'; 'fieldwork resume' lists them"
                                                  : "'\(wanted)' matches \(matches.count) sessions; give more of its id")
        }
        let header = match.contents.header
        let copy = StoreLayout(root: options.responses).folder(of: header.instrumentID).copy(hash: header.hash)
        guard let data = FileManager.default.contents(atPath: copy),
              let instrument = try? CompiledInstrument.decode(data) else {
            throw FieldworkFailure.instrumentCopyUnreadable(path: copy)
        }
        // A sealed folder goes on being written sealed, to the recipient it names; its journals
        // open only with the identity (the process that began them has gone).
        let folder = StoreLayout(root: options.responses).folder(of: header.instrumentID)
        let sealTo = try options.recipient(instrument: instrument.privacy.sealTo) ?? folder.sealedTo()
        let store = try InstrumentStore(root: options.responses, instrument: instrument, compiled: data, hash: header.hash,
                                        sealTo: sealTo, identity: try identity.load())
        // Opening the folder finishes a completion that a crash cut short: then there is nothing
        // left to continue, and the participant is told their answers are saved.
        if store.isFinished(responseID: header.responseID) {
            Platform.write(ParticipantWords.forLanguage(header.language, overrides: instrument.messages).resumeAlreadyComplete + "\n")
            return
        }
        let (contents, writer) = try store.resume(header.sessionID)
        let rebuilt = contents.rebuilt(with: instrument, fallbackDay: Platform.todayDays())
        for skipped in rebuilt.unapplied {
            let what = skipped.kept ? "no longer passes its question's checks; it is kept as given" : "could not be replayed"
            Platform.write("warning: step \(skipped.index + 1) of the saved session \(what) (\(skipped.problem.message))\n", to: 2)
        }
        let elapsed = contents.events.last?.at ?? 0
        Platform.write(rebuilt.session.words.resumeContinuing + "\n")
        try Runner.drive(rebuilt.session, writer: writer, elapsedBefore: elapsed, options: options)
    }
}
