import ArgumentParser
import Authoring
import Foundation
import InstrumentModel

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Print the whole instrument as a document to review (for an ethics committee, say).",
        discussion: """
        Shows the title, version and content hash, the consent text, every section and question in \
        order with its choices (codes and labels), the answer asked for and its limits, help texts, \
        interviewer instructions and probes, and every condition in plain words. 'html' is one \
        self-contained file that prints well. The instrument may also be a compiled copy (.json), \
        such as those kept beside responses.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html }

    @Argument(help: ArgumentHelp("The instrument file (.yaml, or a compiled .json).", valueName: "file"))
    var path: String

    @Option(help: "The document's format.")
    var format: Format = .markdown

    @Option(help: ArgumentHelp("The language to show (default: the instrument's first).", valueName: "code"))
    var language: String?

    @Flag(help: "Show every language side by side.")
    var allLanguages = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var output: String?

    func validate() throws {
        if allLanguages && language != nil { throw ValidationError("use --language or --all-languages, not both") }
    }

    func run() throws {
        let loaded = try LoadedInstrument.load(path, color: .auto)
        let instrument = loaded.instrument
        let known = instrument.languages.isEmpty ? [""] : instrument.languages
        if let language, !instrument.languages.contains(language) {
            let list = instrument.languages.isEmpty ? "it has no languages named" : "it has " + instrument.languages.joined(separator: ", ")
            throw ValidationError("'\(language)' is not one of the instrument's languages (\(list))")
        }
        let languages = allLanguages ? known : [language ?? known[0]]
        let document = Preview(instrument: instrument, hash: loaded.hash, languages: languages).document()
        let text: String
        switch format {
        case .markdown: text = MarkdownRenderer.render(document)
        case .html: text = HTMLRenderer.render(document, title: instrument.title.text(in: languages[0].isEmpty ? nil : languages[0]))
        }
        guard let output else { return Platform.write(text) }
        do {
            // A preview is for reading, in a terminal or an editor, so the file is made safe as the output is.
            try Platform.writeAtomically(Data(SafeText.escaped(text).utf8), to: output)
        } catch {
            throw FieldworkFailure.cannotWrite(path: output, reason: error)
        }
    }
}
