import ArgumentParser
import Authoring
import Foundation

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of an instrument, and whether the data stay comparable.",
        discussion: """
        Lists added and removed questions, changed types, recoded or relabelled choices, changed \
        conditions and wording, each with a verdict: 'comparable', 'check' (same form of data, but \
        what was asked or who was asked changed) or 'not comparable' (recoding needed before \
        responses can be pooled). Either file may be YAML or a compiled copy (.json), such as those \
        kept in responses/<id>/instruments/. Exit status: 0 when the data stay comparable, 1 when \
        they do not, 2 when the two could not be compared. '--format json' writes the same changes \
        for tools (see docs/reference.md, "diff as JSON").
        """
    )

    @Argument(help: ArgumentHelp("The older version.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The newer version.", valueName: "new"))
    var new: String

    @Option(help: "Output format: text for people, json for tools.")
    var format: CheckCommand.OutputFormat = .text

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("The language to quote texts in (default: the newer version's first); a change in some languages only is always shown in each of them.", valueName: "code"))
    var language: String?

    func run() throws {
        let before = try Self.load(old, color: color)
        let after = try Self.load(new, color: color)
        if let language, !after.instrument.languages.contains(language) {
            let list = after.instrument.languages.isEmpty ? "it has no languages named" : "it has " + after.instrument.languages.joined(separator: ", ")
            throw ValidationError("'\(language)' is not one of the newer version's languages (\(list))")
        }
        let changes = InstrumentDiff.compare(before.instrument, after.instrument, language: language)
        switch format {
        case .text:
            Platform.write(DiffReport.text(changes,
                                           old: ("\(before.instrument.id) \(before.instrument.version)", before.hash),
                                           new: ("\(after.instrument.id) \(after.instrument.version)", after.hash)))
        case .json:
            Platform.write(DiffReport.json(changes,
                                           old: .init(id: before.instrument.id, version: before.instrument.version, hash: before.hash),
                                           new: .init(id: after.instrument.id, version: after.instrument.version, hash: after.hash)))
        }
        if changes.contains(where: { $0.verdict == .notComparable }) { throw FieldworkFailure.problemsReported }
    }

    /// Loads one of the two versions; a version that cannot be loaded means the two cannot be
    /// compared, which has its own status, so that 1 keeps meaning "not comparable".
    static func load(_ path: String, color: ColorChoice) throws -> LoadedInstrument {
        do {
            return try LoadedInstrument.load(path, color: color)
        } catch let failure as FieldworkFailure {
            throw FieldworkFailure.cannotCompare(failure)
        }
    }
}
