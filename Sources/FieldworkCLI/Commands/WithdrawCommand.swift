import ArgumentParser
import Expressions
import ResponseStore

struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Remove every response of a participant who withdraws, found by their study code.",
        discussion: "Needs the study key. The withdrawal is recorded in withdrawals.log with the date and the counts, never the code."
    )

    @Option(help: ArgumentHelp("The participant's study code.", valueName: "code"))
    var participant: String

    @Argument(help: ArgumentHelp("A responses folder (responses/<instrument-id>) or an instrument id.", valueName: "responses-or-id"))
    var source: String

    @Option(help: ArgumentHelp("Where responses are kept, to find an instrument id.", valueName: "folder"))
    var responses = "responses"

    @Option(help: ArgumentHelp("The study key. Default: ~/.config/fieldwork/keys/<instrument-id>.key", valueName: "path"))
    var keyFile: String?

    @OptionGroup var identity: IdentityOption

    func run() throws {
        let folder = try ResponsesLocation.folder(source, responses: responses)
        let id = folder.split(separator: "/").last.map(String.init) ?? source
        let opener = try identity.opening(folder)
        let keyPath = try Platform.keyPath(keyFile, instrumentID: id)
        guard Platform.kind(of: keyPath) == .file else { throw FieldworkFailure.noStudyKey(path: keyPath) }
        let key = try StudyKey.load(at: keyPath)
        let removed = try Withdrawal.withdraw(pseudonym: key.pseudonym(for: participant), folder: folder,
                                              date: DateValue.format(Platform.todayDays()), identity: opener)
        if removed.total == 0 {
            Platform.write("No responses of '\(id)' match this code. The check is recorded in \(folder)/withdrawals.log, without the code.\n")
        } else {
            Platform.write("Removed \(removed.total) response\(removed.total == 1 ? "" : "s") of '\(id)' for this participant "
                + "(\(removed.complete) complete, \(removed.partial) partial, \(removed.declined) declined).\n"
                + "The withdrawal is recorded in \(folder)/withdrawals.log, without the code.\n"
                + "Answers kept apart for prize draws cannot be linked to anyone and are not touched.\n")
        }
    }
}
