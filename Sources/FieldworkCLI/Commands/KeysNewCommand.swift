import ArgumentParser
import Foundation
import Sealing

/// `fieldwork keys new STUDY`: the age identity that opens a sealed study, and its recipient,
/// which seals it. The identity is the analyst's and belongs off the machine that collects.
struct KeysNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write an age identity (private, for the analyst) and its recipient (public, to seal responses to).",
        discussion: """
        Writes STUDY.identity.txt (owner-only; the standard 'age -d -i' reads it) and STUDY.recipient.txt \
        (age1…). Name the recipient in the instrument (privacy: seal_to: age1…) or give it to run, interview \
        or resume with --seal-to. Keep the identity off the machine that collects responses, and back it up: \
        without it, sealed responses can never be read.
        """
    )

    @Argument(help: ArgumentHelp("The study's name, for the two files' names.", valueName: "study"))
    var study: String

    @Option(help: ArgumentHelp("The folder to write the two files in (default: the current folder).", valueName: "folder"))
    var out = "."

    func validate() throws {
        guard !study.isEmpty, !study.hasPrefix("."), study.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "-_".unicodeScalars.contains($0) }) else {
            throw ValidationError("the study's name '\(study)' should be letters, digits, '-' and '_' only: it names the two files")
        }
        if out.isEmpty { throw ValidationError("--out needs a folder's name") }
    }

    func run() throws {
        guard Platform.kind(of: out) == .directory else { throw ValidationError("'\(out)' is not a folder") }
        let folder = out.hasSuffix("/") ? out : out + "/"
        let identityPath = folder + study + ".identity.txt"
        let recipientPath = folder + study + ".recipient.txt"
        for path in [identityPath, recipientPath] where Platform.kind(of: path) != .missing {
            throw ValidationError("'\(path)' exists already; a study has one identity (move it away first to make a new one)")
        }
        let identity = AgeIdentity()
        do {
            try Platform.createNew(Data(("# Fieldwork study '\(study)': the age identity that opens its sealed responses. Keep it secret; back it up.\n" + identity.fileText).utf8),
                                   at: identityPath, permissions: 0o600)
        } catch {
            throw FieldworkFailure.cannotWrite(path: identityPath, reason: error)
        }
        do {
            try Platform.createNew(Data((identity.recipient.description + "\n").utf8), at: recipientPath)
        } catch {
            throw FieldworkFailure.cannotWrite(path: recipientPath, reason: error)
        }
        Platform.write("""
            Wrote the identity of '\(study)' to \(identityPath) (readable by you only),
            and its recipient to \(recipientPath):

              \(identity.recipient)

            Seal the study's responses to it: in the instrument, privacy: seal_to: \(identity.recipient)
            (or give --seal-to to run, interview and resume). Read them with --identity \(identityPath).
            Keep the identity off the machine that collects responses, and back it up somewhere safe:
            without it, sealed responses can never be read, by you or anyone.

            """)
    }
}
