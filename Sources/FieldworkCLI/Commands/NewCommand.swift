import ArgumentParser
import Authoring
import Foundation
import InstrumentCompiler

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a small, valid, commented instrument to start from.",
        discussion: """
        'fieldwork new survey wellbeing' writes wellbeing.yaml (a survey with its id set to \
        'wellbeing'); 'fieldwork new interview staff-views' writes an interview guide. An existing \
        file is never overwritten.
        """
    )

    @Argument(help: ArgumentHelp("What to write.", valueName: "kind"))
    var kind: Templates.Kind

    @Argument(help: ArgumentHelp("The new file's name, with or without .yaml; also the instrument's id.", valueName: "name"))
    var name: String

    func run() throws {
        let path = name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? name : name + ".yaml"
        let base = (path as NSString).lastPathComponent
        let id = base.hasSuffix(".yaml") ? String(base.dropLast(5)) : base.hasSuffix(".yml") ? String(base.dropLast(4)) : base
        guard Slug.isInstrumentID(id) else {
            throw ValidationError("'\(id)' cannot be an instrument id: use lowercase letters, digits, '-' and '_', starting with a letter, at most \(Slug.maxLength) characters (for example '\(Slug.suggestion(for: id, allowHyphen: true))')")
        }
        guard Platform.kind(of: path) == .missing else {
            throw ValidationError("'\(path)' already exists; choose another name")
        }
        do {
            try Platform.createNew(Data(Templates.text(kind, id: id).utf8), at: path)
        } catch {
            throw FieldworkFailure.cannotWrite(path: path, reason: error)
        }
        Platform.write("Wrote \(path). Edit it, then check it with: fieldwork check \(path)\n")
    }
}
